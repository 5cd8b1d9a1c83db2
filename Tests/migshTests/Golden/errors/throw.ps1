Write-Output 'before'
function Get-Batch { throw "Batch not found" }
Get-Batch
Write-Output 'never printed'
