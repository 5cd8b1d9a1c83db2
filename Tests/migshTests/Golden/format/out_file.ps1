$path = "$env:MIGSH_HOME/out.txt"
[pscustomobject]@{A = 1; B = 'two'} | Out-File $path
Get-Content $path
'first' > "$env:MIGSH_HOME/redirect.txt"
'second' >> "$env:MIGSH_HOME/redirect.txt"
Get-Content "$env:MIGSH_HOME/redirect.txt"
'more' | Out-File -FilePath $path -Append
(Get-Content $path).Count
