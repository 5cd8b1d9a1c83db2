# A runtime error ends only its statement; the script goes on (exit code stays 0).
'start'
1 / 0
'after divide'
$null.Method()
'after null call'
[int]'abc'
'after cast'
$undefined[0]
'end'
