import Foundation
import Testing
@testable import PowerShell

@Suite struct BuiltinsDataTests {
    let sh = BuiltinShell()

    @Test func convertToJsonLayout() {
        let text = sh.strings("[ordered]@{Name='b1'; Count=2; Items=@(1,'x'); Empty=@(); Nested=[pscustomobject]@{A=$true; B=$null}} | ConvertTo-Json")
        #expect(text == ["""
        {
          "Name": "b1",
          "Count": 2,
          "Items": [
            1,
            "x"
          ],
          "Empty": [],
          "Nested": {
            "A": true,
            "B": null
          }
        }
        """])
        #expect(sh.strings("@(1,2) | ConvertTo-Json -Compress") == ["[1,2]"])
        #expect(sh.strings("'a\"b' | ConvertTo-Json") == ["\"a\\\"b\""])
        #expect(sh.strings("1.5 | ConvertTo-Json") == ["1.5"])
        #expect(sh.strings("1 | ConvertTo-Json -AsArray -Compress") == ["[1]"])
    }

    @Test func convertToJsonDepthTruncatesWithAWarning() {
        let r = sh.run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress")
        #expect(r.out.contains("{\"a\":{\"b\":{\"c\":\"System.Collections.Hashtable\"}}}"))
        #expect(sh.host.hostText.contains("Resulting JSON is truncated as serialization has exceeded the set depth of 2."))
    }

    @Test func convertFromJson() {
        let s = sh
        #expect(s.strings("('{\"a\": 1, \"b\": [1, 2], \"c\": {\"d\": \"x\"}}' | ConvertFrom-Json).c.d") == ["x"])
        #expect(s.strings("'[1,2,3]' | ConvertFrom-Json") == ["1", "2", "3"])
        #expect(s.values("'[1,2,3]' | ConvertFrom-Json -NoEnumerate").count == 1)
        guard case .hashtable(let h)? = s.values("'{\"k\": true}' | ConvertFrom-Json -AsHashtable").first else { Issue.record("no hashtable"); return }
        if case .bool(let k)? = h["k"] { #expect(k) } else { Issue.record("k not a bool") }
        guard case .date? = s.values("('{\"t\": \"2025-08-01T10:15:00Z\"}' | ConvertFrom-Json).t").first else { Issue.record("no date"); return }
        guard case .int(let big)? = s.values("('{\"n\": 12345678901}' | ConvertFrom-Json).n").first else { Issue.record("no int"); return }
        #expect(big == 12345678901)
        #expect(s.run("'{bad' | ConvertFrom-Json").err.contains("Conversion from JSON failed with error:"))
        #expect(s.strings("'{\"a\":\"\\u00e9\\n\"}' | ConvertFrom-Json | % a") == ["é\n"])
    }

    @Test func jsonRoundTripKeepsPropertyOrder() {
        let out = sh.strings("[pscustomobject]@{Z=1;A=2} | ConvertTo-Json -Compress | ConvertFrom-Json | ConvertTo-Json -Compress")
        #expect(out == ["{\"Z\":1,\"A\":2}"])
    }

    @Test func getDate() {
        let s = sh
        guard case .date? = s.values("Get-Date").first else { Issue.record("no date"); return }
        #expect(s.strings("Get-Date -Year 2025 -Month 8 -Day 1 -Hour 14 -Minute 5 -Second 9 -Format 'yyyy-MM-dd HH:mm:ss'") == ["2025-08-01 14:05:09"])
        #expect(s.strings("Get-Date -Date '2025-08-01 10:00' -UFormat '%Y/%m/%d %H'") == ["2025/08/01 10"])
        #expect(s.strings("(Get-Date -Date '2025-08-01').AddDays(1).Day") == ["2"])
    }

    @Test func startSleepWaits() {
        let start = Date()
        sh.run("Start-Sleep -Milliseconds 120")
        #expect(Date().timeIntervalSince(start) >= 0.1)
    }

    @Test func variables() {
        let s = sh
        #expect(s.strings("Set-Variable -Name v1 -Value 5; $v1; Get-Variable v1 -ValueOnly") == ["5", "5"])
        #expect(s.strings("New-Variable v2 7; $v2") == ["7"])
        #expect(s.run("New-Variable v2 8").err.contains("A variable with name 'v2' already exists."))
        #expect(s.run("Get-Variable nosuchvar").err.contains("Cannot find a variable with the name 'nosuchvar'."))
        #expect(s.strings("(Get-Variable v1).Name") == ["v1"])
    }

    @Test func newObject() {
        let s = sh
        #expect(s.strings("(New-Object PSObject -Property @{A=1}).A") == ["1"])
        #expect(s.strings("$l = New-Object System.Collections.ArrayList; [void]$l.Add('x'); $l.Add('y') | Out-Null; $l.Count") == ["2"])
        #expect(s.strings("$c = New-Object System.Management.Automation.PSCredential ('u@x.com', (ConvertTo-SecureString 'pw' -AsPlainText -Force)); $c.UserName; $c.GetNetworkCredential().Password")
                == ["u@x.com", "pw"])
        #expect(s.run("New-Object Foo.Bar").err.contains("Cannot find type [Foo.Bar]"))
    }

    @Test func credentialsNeverPrintTheirPassword() {
        let r = sh.run("$c = New-Object PSCredential ('u', (ConvertTo-SecureString 'secret42' -AsPlainText -Force)); $c; $c | fl; \"$($c.Password)\"; $c | ConvertTo-Json")
        #expect(!r.out.contains("secret42"))
        #expect(r.out.contains("System.Security.SecureString"))
    }

    @Test func readHostAndGetCredential() {
        let s = BuiltinShell(interactive: true, input: ["IMAPBatch1", "admin@x.com", "pw"])
        #expect(s.strings("Read-Host 'Batch'") == ["IMAPBatch1"])
        #expect(s.host.prompts == ["Batch: "])
        #expect(s.strings("$c = Get-Credential; $c.UserName; $c.GetNetworkCredential().Password") == ["admin@x.com", "pw"])
        let r = sh.run("Read-Host 'x'")
        #expect(r.err.contains("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."))
        #expect(sh.run("Get-Credential").err.contains("NonInteractive mode"))
    }

    @Test func invokeExpression() {
        #expect(sh.strings("Invoke-Expression '1 + 2'; iex \"'a' + 'b'\"") == ["3", "ab"])
    }

    @Test func writeStreams() {
        let s = sh
        let r = s.run("Write-Warning 'careful'; Write-Error 'bad thing'; 'next'")
        #expect(s.host.hostText.contains("WARNING: careful"))
        #expect(r.err.contains("bad thing"))
        #expect(r.out.contains("next"))
        s.run("Write-Host 'a','b' -Separator '-'; Write-Host 'x' -NoNewline; Write-Host 'y' -ForegroundColor Green")
        #expect(s.host.hostText == "a-b\nxy\n")
        #expect(s.run("Write-Error 'boom' -ErrorAction Stop; 'not here'").out.isEmpty)
    }

    @Test func writeHostPassesBothColoursToTheHost() {
        let s = sh
        s.run("Write-Host 'x' -ForegroundColor Yellow -BackgroundColor DarkBlue; Write-Host 'y' -BackgroundColor red; Write-Host 'z'")
        let colors = s.host.hostColors.suffix(3).map { [$0.foreground, $0.background] }
        #expect(colors == [["Yellow", "DarkBlue"], [nil, "Red"], [nil, nil]])
        #expect(s.host.hostText.hasSuffix("x\ny\nz\n"))
        #expect(s.run("Write-Host 'x' -BackgroundColor Purple").err.contains("Purple"))
    }

    @Test func consoleColorsBecomeAnsiCodes() {
        #expect(ConsoleColors.colorize("t", foreground: "Green", background: nil) == "\u{1B}[92mt\u{1B}[0m")
        #expect(ConsoleColors.colorize("t", foreground: "white", background: "DarkRed") == "\u{1B}[97;41mt\u{1B}[0m")
        #expect(ConsoleColors.colorize("t", foreground: nil, background: "Blue") == "\u{1B}[104mt\u{1B}[0m")
        #expect(ConsoleColors.colorize("t", foreground: nil, background: nil) == "t")
    }

    @Test func writeErrorRecordShape() {
        let s = sh
        s.run("Write-Error 'bad row' -ErrorId BadRow -Category InvalidData -ErrorAction SilentlyContinue")
        let out = s.strings("$Error[0].FullyQualifiedErrorId; \"$($Error[0].CategoryInfo.Category)\"")
        #expect(out.first == "BadRow")
    }

    @Test func runbookPreamblesAreQuietNoOps() {
        let script = """
        Set-ExecutionPolicy RemoteSigned -Scope CurrentUser -Force
        Start-Transcript -Path C:\\Logs\\migration.log -Append
        Set-StrictMode -Version Latest
        Import-Module ExchangeOnlineManagement -DisableNameChecking
        $UserCredential = New-Object PSCredential ('admin@contoso.com', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false
        $Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri https://outlook.office365.com/powershell-liveid/ -Credential $UserCredential -Authentication Basic -AllowRedirection
        Import-PSSession $Session -DisableNameChecking -AllowClobber
        Remove-PSSession $Session
        Disconnect-ExchangeOnline -Confirm:$false
        Stop-Transcript
        'done'
        """
        let r = sh.run(script)
        #expect(r.err.isEmpty)
        #expect(r.out == "done")
        sh.run("Connect-ExchangeOnline -UserPrincipalName a@b.c -Verbose")
        #expect(sh.host.hostText.contains("VERBOSE: Connect-ExchangeOnline: migsh runs the migration cmdlets locally"))
    }
}
