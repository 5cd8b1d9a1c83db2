$here = $PSScriptRoot
& "$here/_child.ps1" -Label called
"child exit: $LASTEXITCODE"
. "$here/_library.ps1"
Get-LibraryValue
$fromLibrary
./_child.ps1 second
