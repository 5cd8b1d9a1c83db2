Write-Output 'nothing runs when the file does not parse'
Write-Output "abc
