# -NoExit after -Command: the shell goes on, here reading statements from a non-terminal stdin.
