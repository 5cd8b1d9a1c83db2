'first'
Get-NoSuchThing -Name x
'still running'
