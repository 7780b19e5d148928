// placeholder: filled in by the HTTP layer
