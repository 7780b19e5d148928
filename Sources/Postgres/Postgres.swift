// placeholder: filled in by the Postgres layer
