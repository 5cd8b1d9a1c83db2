# A parse error in -Command text.
