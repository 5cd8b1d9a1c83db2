# -WorkingDirectory sets the location before the command runs.
