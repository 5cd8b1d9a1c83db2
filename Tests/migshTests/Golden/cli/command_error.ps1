# An error in -Command text: the one-line view, and exit code 1 because $? is false at the end.
