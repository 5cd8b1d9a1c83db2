"positional: $($args -join ',')"
