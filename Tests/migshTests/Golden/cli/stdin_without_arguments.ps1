# migsh with stdin not a terminal and no arguments reads statements from stdin, without prompts.
