$name = 'World'
"Hello, $name!"
'Hello, $name!'
"Sum: $(1 + 2), upper: $($name.ToUpper()), braces: ${name}s"
"Tab:`t|, quote: `", dollar: `$name"
$list = 1, 2, 3
"List: $list"
$OFS = '-'
"List: $list"
$OFS = $null
@"
Here $name
  keeps  spacing
"@
@'
Literal $name
'@
'{0,-8}|{1,6}|{2:N2}|{3:D4}|{4:X}' -f 'left', 'right', 1234.5, 42, 255
'{0:yyyy-MM-dd HH:mm}' -f [datetime]'2026-03-09 14:05:00'
'{0:F3} {1:0.00} {2:#,##0}' -f 3.14159, 2.5, 1234567
'{{literal}} {0}' -f 'x'
'abc'.Length
'a,b,,c'.Split(',').Count
'  padded  '.Trim()
'Mailbox'.Substring(0, 4)
'Batch01'.StartsWith('batch')
'x' -eq 'X'
