if ('user01@contoso.com' -match '^(?<user>[^@]+)@(.+)$') {
    $Matches.user
    $Matches[1]
    $Matches[0]
}
'no match' -match '\d'
('a1', 'b', 'c3' -match '\d') -join ','
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
'aXbX' -replace 'x', '-'
'aXbX' -creplace 'x', '-'
'remove digits 123' -replace '\d'
('a,b;c' -split '[,;]') -join '|'
('a,b,c' -split ',', 2) -join '|'
('1.2.3' -split '.', 0, 'SimpleMatch') -join '|'
(-split '  one   two three ') -join '|'
('x', 'y', 'z') -join ', '
-join ('a', 'b', 'c')
'C:\Users\Admin' -replace '\\', '/'
'Hello' -replace 'l', { $_.Value.ToUpper() }
