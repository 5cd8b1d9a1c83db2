function Get-LibraryValue { 'library function' }
$fromLibrary = 'dot-sourced variable'
