print("not yet implemented (issue 5)")
