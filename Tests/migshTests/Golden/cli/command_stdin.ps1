# migsh -NoProfile -Command - reads statements from stdin, a statement may span lines.
