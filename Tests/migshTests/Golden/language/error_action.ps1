# Non-terminating errors follow -ErrorAction and $ErrorActionPreference.
Write-Error 'shown and recorded'
"after first: $?"
Write-Error 'hidden' -ErrorAction SilentlyContinue
"errors so far: $($Error.Count)"
Write-Error 'ignored' -ErrorAction Ignore
"still: $($Error.Count)"
Write-Error 'collected' -ErrorAction SilentlyContinue -ErrorVariable bad
"collected: $bad"
try {
    Write-Error 'escalated' -ErrorAction Stop
    'not reached'
} catch {
    "caught: $($_.Exception.Message)"
}
$ErrorActionPreference = 'SilentlyContinue'
Get-Content ./no-such-file.txt
'preference silenced it'
$ErrorActionPreference = 'Stop'
try { Get-Content ./no-such-file.txt; 'not reached' } catch { "stopped: $($_.FullyQualifiedErrorId)" }
$ErrorActionPreference = 'Continue'
$merged = Write-Error 'into output' 2>&1
"merged type: $($merged.GetType().Name)"
Write-Error 'discarded' 2>$null
"newest error: $($Error[0])"
Write-Warning 'a warning'
Write-Warning 'quiet warning' -WarningAction SilentlyContinue
Write-Verbose 'not shown'
Write-Verbose 'shown' -Verbose
