// The Engine module. See Package.swift for its place in the layers.
