try {
    throw "Batch not found"
} catch {
    Write-Output "caught: $_"
} finally {
    Write-Output 'cleanup'
}
try { Get-Content ./nope.txt -ErrorAction Stop } catch { Write-Output $_.Exception.Message.Replace($PWD.Path, '.') }
$Error.Count
