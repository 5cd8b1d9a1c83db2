import Testing
@testable import PowerShell

/// A realistic migration runbook (param block, splatting, try/catch, loops, switch, backtick
/// continuations, here and there every construct admins paste) parses without errors.
@Suite struct ParserRunbookTests {
    static let runbook = #"""
#Requires -Version 5.1
<#
.SYNOPSIS
  Migrate IMAP mailboxes.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string]$CsvPath,
    [ValidateSet('Ssl', 'Tls', 'None')]
    [string]$Security = 'Ssl',
    [int]$Port = 993,
    [switch]$AutoComplete
)

$ErrorActionPreference = 'Stop'
Import-Module ExchangeOnlineManagement
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false

$endpointParams = @{
    Name          = 'IMAPEndpoint'
    RemoteServer  = 'imap.contoso.com'
    Port          = $Port
    Security      = $Security
}
try {
    $endpoint = New-MigrationEndpoint -IMAP @endpointParams -ErrorAction Stop
}
catch [System.Exception] {
    Write-Warning "Endpoint failed: $($_.Exception.Message)"
    exit 1
}

$users = Import-Csv -Path $CsvPath
Write-Host "Found $($users.Count) users in $CsvPath" -ForegroundColor Cyan
$i = 0
foreach ($u in $users) {
    $i++
    if ([string]::IsNullOrWhiteSpace($u.EmailAddress)) {
        Write-Warning ("Row {0} has no address" -f $i)
        continue
    }
    Write-Progress -Activity 'Checking' -Status $u.EmailAddress -PercentComplete ($i / $users.Count * 100)
}

$bytes = [System.IO.File]::ReadAllBytes($CsvPath)
$batch = New-MigrationBatch -Name "IMAPBatch_$(Get-Date -Format yyyyMMdd)" `
    -SourceEndpoint $endpoint.Identity `
    -CSVData $bytes `
    -NotificationEmails admin@contoso.com, ops@contoso.com `
    -AutoStart
do {
    Start-Sleep -Seconds 30
    $b = Get-MigrationBatch -Identity $batch.Identity
    Write-Host ("{0}: {1} ({2}/{3})" -f (Get-Date), $b.Status, $b.SyncedCount, $b.TotalCount)
} until ($b.Status -eq 'Synced' -or $b.Status -like '*Failed*')

switch -Wildcard ($b.Status) {
    'Synced' { if ($AutoComplete) { Complete-MigrationBatch -Identity $batch.Identity -Confirm:$false } }
    '*Failed*' {
        Get-MigrationUser -BatchId $batch.Identity | Where-Object { $_.Status -eq 'Failed' } |
            Select-Object Identity, Status, ErrorSummary | Format-Table -AutoSize
        break
    }
    default { Write-Host "Unexpected status $($b.Status)" }
}
$stats = Get-MigrationUserStatistics -Identity user@contoso.com -IncludeReport
$stats | Format-List Status, BytesTransferred, *Count
$report = [ordered]@{ Batch = $batch.Identity; Users = @($users).Count; Finished = (Get-Date).ToString('s') }
[pscustomobject]$report | Export-Csv -Path C:\Reports\report.csv -NoTypeInformation
$summary = $users | Group-Object -Property { $_.EmailAddress.Split('@')[1] } | Sort-Object Count -Descending
function Get-Size([long]$bytes) {
    if ($bytes -ge 1GB) { return '{0:N2} GB' -f ($bytes / 1GB) }
    elseif ($bytes -ge 1MB) { return '{0:N2} MB' -f ($bytes / 1MB) }
    "$bytes bytes"
}
for ($j = $summary.Count - 1; $j -ge 0; $j--) { $summary[$j].Name }
$null = $list.Add('x'); [void]$list.Add('y')
Get-ChildItem C:\Logs\*.log 2>$null | Remove-Item -WhatIf *>&1 | Out-Null
$env:MIGSH_DRIVE_C = '/srv/c'
. "$PSScriptRoot\helpers.ps1"
& $PSScriptRoot\other.ps1 -Verbose
Disconnect-ExchangeOnline -Confirm:$false
"""#

    @Test func parsesWithoutErrors() {
        let r = Parser.parse(Self.runbook, file: "runbook.ps1")
        #expect(r.errors.isEmpty, "\(ParseCheck.describeErrors(r.errors))")
        #expect(r.ast.paramBlock?.parameters.map(\.name.path.name) == ["CsvPath", "Security", "Port", "AutoComplete"])
        #expect(r.ast.statements.count == 27)
    }

    @Test func backtickContinuedCommandIsOneCommand() {
        let r = Parser.parse(Self.runbook, file: "runbook.ps1")
        let lines = ParseCheck.tree(Self.runbook).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("(= $batch (cmd New-MigrationBatch -Name (expand \"IMAPBatch_\" ($ (cmd Get-Date -Format yyyyMMdd))) -SourceEndpoint (. $endpoint Identity) -CSVData $bytes -NotificationEmails (, admin@contoso.com ops@contoso.com) -AutoStart))") })
        #expect(r.errors.isEmpty)
    }

    @Test func windowsLineEndingsParseTheSame() {
        let crlf = Self.runbook.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(ParseCheck.tree(crlf) == ParseCheck.tree(Self.runbook))
        let r = ParseCheck.parse(crlf)
        #expect(r.ast.statements.last?.extent.startLine == r.ast.extent.source.lineStarts.count)
    }
}
