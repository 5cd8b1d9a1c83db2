function Test-Flags([switch]$A, [switch]$B) { "A=$A B=$B" }
Test-Flags
Test-Flags -A
Test-Flags -A:$false -B
Test-Flags -B:$true
