# migsh -Bogus: bad usage, exit code 64
