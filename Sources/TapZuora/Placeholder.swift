// Placeholder until the module lands (issue 5); replaced by its first real file.
