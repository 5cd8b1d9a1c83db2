# A profile runs in the global scope before the script: its functions and variables stay.
function Get-Greeting { "hello from the profile" }
$ProfileLoaded = $true
