// The IMAP module. See Package.swift for its place in the layers.
enum ModulePlaceholder {}
