. "$PSScriptRoot/_thing.ps1"
Get-Thing first -Confirm:$false
Get-Thing -Name second -Level high -Count 5 -Confirm:$false
Get-Thing -Name:third -Count:7 -Confirm:$false
Get-Thing fourth -Lev Medium -Cou 2 -Confirm:$false
Get-Thing fifth -Id alias-used -Confirm:$false
Get-Thing sixth -Tags a, b, c -Enabled 0 -Color darkred -Confirm:$false
Get-Thing seventh -Tags single -Count '12' -Confirm:$false
