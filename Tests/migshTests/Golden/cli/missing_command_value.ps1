# migsh -Command with nothing after it: exit code 64
