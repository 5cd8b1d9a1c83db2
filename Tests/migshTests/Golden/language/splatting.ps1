function New-Thing {
    param([string]$Name, [int]$Size = 1, [switch]$Enabled, $Rest)
    "$Name size=$Size enabled=$Enabled rest=$Rest"
}
$params = @{ Name = 'splatted'; Size = 3; Enabled = $true }
New-Thing @params
New-Thing @params -Rest extra
$positional = 'pos-name', 7
New-Thing @positional
function Forward { New-Thing @args }
Forward -Name forwarded -Size 9
