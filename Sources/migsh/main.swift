// migsh entry point: CLI flags, REPL, service mode.
print("migsh")
