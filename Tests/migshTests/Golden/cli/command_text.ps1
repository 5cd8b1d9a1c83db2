# Runs as: migsh -NoProfile -Command <text> (see command_text.args)
