# migsh -Version
