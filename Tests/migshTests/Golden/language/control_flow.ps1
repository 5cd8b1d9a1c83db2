$n = 7
if ($n -lt 5) { 'small' } elseif ($n -lt 10) { 'medium' } else { 'large' }
foreach ($i in 1..3) { "foreach $i" }
for ($i = 0; $i -lt 6; $i += 2) { "for $i" }
$i = 3
while ($i -gt 0) { "while $i"; $i-- }
do { "do-until $i"; $i++ } until ($i -ge 2)
do { "do-while $i"; $i-- } while ($i -gt 1)
foreach ($i in 1..10) {
    if ($i -eq 2) { continue }
    if ($i -eq 4) { break }
    "loop $i"
}
:outer foreach ($a in 1..3) {
    foreach ($b in 1..3) {
        if ($b -eq 2) { continue outer }
        if ($a -eq 3) { break outer }
        "pair $a$b"
    }
}
switch (3) {
    1 { 'one' }
    3 { 'three' }
    { $_ -gt 2 } { 'more than two' }
    default { 'default' }
}
switch ('Failed', 'Completed', 'Syncing') {
    'completed' { "done: $_"; continue }
    'failed' { "bad: $_" }
    default { "other: $_" }
}
switch -Wildcard ('IMAPBatch1') { 'imap*' { 'wildcard hit' } '*2' { 'no' } }
switch -Regex ('user42') { '^user(\d+)$' { "regex hit $($Matches[1])" } }
switch (1, 2, 3) { 2 { 'break at two'; break } default { "item $_" } }
$x = if ($n -gt 5) { 'assigned from if' } else { 'no' }
$x
$squares = foreach ($i in 1..4) { $i * $i }
$squares -join ' '
