import Foundation
import Testing
@testable import PowerShell

/// Functions bind through the same binder as cmdlets: errors, prompts, pipeline binding, ShouldProcess.
@Suite struct BinderFunctionTests {
    static let preamble = """
    function Get-Thing {
        [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
        param(
            [Parameter(Mandatory, Position = 0)][string]$Name,
            [ValidateSet('Low', 'High')][string]$Level = 'Low',
            [ValidateRange(1, 10)][int]$Count = 1,
            [Alias('Id')][string]$Identity,
            [string]$NameSuffix
        )
        if ($PSCmdlet.ShouldProcess($Name, 'Get-Thing')) { "$Name/$Level/$Count/$Identity" }
    }

    """

    func run(_ s: String, host: MemoryHost = MemoryHost()) -> InterpreterHarness.Result {
        InterpreterHarness.run(Self.preamble + s, host: host)
    }

    @Test func namedPositionalAliasAndPrefix() {
        let r = run("Get-Thing a -Confirm:$false; Get-Thing -Name b -Lev high -Id i -Confirm:$false")
        #expect(r.output == ["a/Low/1/", "b/high/1/i"], "\(r.errors)")
    }

    @Test(arguments: [
        ("Get-Thing a -Level Mid -Confirm:$false",
         "Get-Thing: Cannot validate argument on parameter 'Level'. The argument \"Mid\" does not belong to the set \"Low,High\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."),
        ("Get-Thing a -Count 11 -Confirm:$false",
         "Get-Thing: Cannot validate argument on parameter 'Count'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again."),
        ("Get-Thing a -Count x -Confirm:$false",
         "Get-Thing: Cannot process argument transformation on parameter 'Count'. Cannot convert value \"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a correct format.\""),
        ("Get-Thing a -Bogus 1",
         "Get-Thing: A parameter cannot be found that matches parameter name 'Bogus'."),
        ("Get-Thing a b -Confirm:$false",
         "Get-Thing: A positional parameter cannot be found that accepts argument 'b'."),
        ("Get-Thing -Count 2",
         "Get-Thing: Cannot process command because of one or more missing mandatory parameters: Name."),
        ("Get-Thing -Name",
         "Get-Thing: Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String' and try again."),
    ])
    func bindingErrors(_ script: String, _ expected: String) {
        let r = run(script)
        #expect(r.errors == [expected], "\(r.output)")
        #expect(r.output.isEmpty)
    }

    @Test func ambiguousAbbreviation() {
        let r = run("Get-Thing -Nam x")
        #expect(r.errors == ["Get-Thing: Parameter cannot be processed because the parameter name 'Nam' is ambiguous. Possible matches include: -Name -NameSuffix."])
    }

    @Test func mandatoryPromptWhenInteractive() {
        let host = MemoryHost(interactive: true, input: ["typed", "y"])
        let r = run("Get-Thing", host: host)
        #expect(r.output == ["typed/Low/1/"], "\(r.errors)")
        #expect(host.hostText.hasPrefix("cmdlet Get-Thing at command pipeline position 1\nSupply values for the following parameters:\n"))
        #expect(host.prompts.first == "Name: ")
    }

    @Test func whatIfAndConfirmNonInteractive() {
        let r = run("Get-Thing w -WhatIf; Get-Thing c")
        #expect(r.output.isEmpty)
        #expect(r.host.hostText == "What if: Performing the operation \"Get-Thing\" on target \"w\".\n")
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.contains("NonInteractive mode") == true)
    }

    @Test func confirmPromptAnswers() {
        let host = MemoryHost(interactive: true, input: ["n", "y", "a"])
        let r = InterpreterHarness.run("Remove-Thing one; Remove-Thing two; 'x', 'y' | ForEach-Object { Remove-Thing $_ -Confirm }", host: host)
        // Each Remove-Thing is its own command instance: "Yes to All" lasts for that instance only.
        #expect(r.output == ["removed two", "removed x"], "\(r.output) \(r.errors) \(host.prompts)")
        #expect(host.prompts.count == 4)
        #expect(host.hostText.contains("Confirm\nAre you sure you want to perform this action?\nPerforming the operation \"Remove-Thing\" on target \"one\".\n"))
        #expect(host.prompts.first == ShouldProcessGate.choices)
    }

    @Test func confirmFalseNeverPrompts() {
        let host = MemoryHost(interactive: true)
        let r = InterpreterHarness.run("Remove-Thing one -Confirm:$false", host: host)
        #expect(r.output == ["removed one"])
        #expect(host.prompts.isEmpty)
    }

    @Test func pipelineByPropertyNameInFunctions() {
        let r = InterpreterHarness.run("""
        function Show-User { param([Parameter(ValueFromPipelineByPropertyName)][string]$EmailAddress) process { "user $EmailAddress" } }
        [pscustomobject]@{ EmailAddress = 'a@x' }, [pscustomobject]@{ EmailAddress = 'b@x' } | Show-User
        """)
        #expect(r.output == ["user a@x", "user b@x"], "\(r.errors)")
    }

    @Test func verboseOnAdvancedFunction() {
        let r = InterpreterHarness.run("""
        function Test-V { [CmdletBinding()] param() "pref=$VerbosePreference" }
        Test-V; Test-V -Verbose
        """)
        #expect(r.output == ["pref=SilentlyContinue", "pref=Continue"], "\(r.errors)")
    }

    @Test func simpleFunctionsTakeNoCommonParameters() {
        let r = InterpreterHarness.run("function f { \"$args\" }; f -Verbose x")
        #expect(r.output == ["-Verbose x"], "\(r.errors)")
    }

    @Test func outVariable() {
        let r = InterpreterHarness.run("Write-Output 1, 2 -OutVariable got | Out-Null; $got.Count", registry: {
            let reg = InterpreterHarness.registry()
            reg.register(CommandDeclaration(name: "Out-Null", synopsis: "", parameters: [
                ParameterDeclaration("InputObject", .object, sets: [.all(valueFromPipeline: true)])], make: { NoopCmdlet() }))
            return reg
        }())
        #expect(r.output == ["2"], "\(r.errors)")
    }
}

@Suite struct BinderPathTests {
    @Test func driveMappingAndCaseFallback() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("migsh-drive-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Users/Administrator/Desktop", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/Users/Administrator/Desktop/users.csv", contents: Data())
        defer { try? FileManager.default.removeItem(atPath: root) }
        let r = PathResolver(currentDirectory: "/tmp", environment: ["MIGSH_DRIVE_C": root])
        #expect(try r.resolve("C:\\Users\\Administrator\\Desktop\\users.csv") == root + "/Users/Administrator/Desktop/users.csv")
        #expect(try r.resolve("C:\\\\Users\\\\Administrator\\\\Desktop\\\\users.csv") == root + "/Users/Administrator/Desktop/users.csv")
        #expect(try r.resolve("c:\\users\\administrator\\DESKTOP\\Users.CSV") == root + "/Users/Administrator/Desktop/users.csv")
        #expect(try r.resolve("C:/users/new.txt") == root + "/Users/new.txt")
        #expect(try r.resolve("rel/x.txt") == "/tmp/rel/x.txt")
        #expect(try r.resolve("../a") == "/a")
        do {
            _ = try r.resolve("D:\\data\\x.csv")
            Issue.record("no error")
        } catch let e as ErrorRecord {
            #expect(e.message.contains("MIGSH_DRIVE_D"))
            #expect(e.message.hasPrefix("Cannot find drive. A drive with the name 'D' does not exist."))
        }
    }
}

@Suite struct BinderRemainingArgumentsTests {
    @Test func functionRemainingArguments() {
        let r = InterpreterHarness.run("function f { param($First, [Parameter(ValueFromRemainingArguments)]$Rest) \"$First|$($Rest -join ',')\" }; f a b c")
        #expect(r.output == ["a|b,c"], "\(r.errors)")
    }
}
