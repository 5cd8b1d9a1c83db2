# switch -File reads a file line by line; the path goes through the drive mapping.
switch -File 'C:\Users\Administrator\Desktop\users.csv' {
    'EmailAddress,*' { 'header' }
    default { "row: $_" }
}
switch -Wildcard -File C:\users\administrator\desktop\USERS.CSV {
    '*@contoso.com*' { $_.Split(',')[1]; break }
    default { 'never' }
}
$n = 0
switch -Regex -File ./switch_file.txt {
    '^(\w+)=(\d+)$' { $n += [int]$Matches[2]; continue }
    '^#' { continue }
    default { "other: $_" }
}
"sum: $n"
switch -File ./missing.txt { default { $_ } }
'after missing'
