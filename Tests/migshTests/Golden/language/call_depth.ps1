function Recurse($n) { Recurse ($n + 1) }
'start'
Recurse 0
'not reached'
