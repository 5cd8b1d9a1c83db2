# migsh no-such-script.ps1: exit code 64
