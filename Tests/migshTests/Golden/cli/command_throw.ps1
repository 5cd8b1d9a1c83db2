# throw in -Command text: one line, exit 1.
