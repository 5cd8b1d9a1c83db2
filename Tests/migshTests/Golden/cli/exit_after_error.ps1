# A terminating error in a -File script: exit code 1.
Write-Output 'start'
[int]'not a number'
Write-Output 'goes on: a conversion error is not terminating'
throw 'now it ends'
