# migsh -Command 'exit 5'
