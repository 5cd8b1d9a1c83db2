import Testing
@testable import PowerShell

@Suite struct InterpreterSmokeTests {
    @Test func basics() {
        let r = InterpreterHarness.run("""
        $a = 1 + 2
        "a=$a"
        function f($x) { $x * 2 }
        f 21
        1..3 | ForEach-Object { $_ * 10 }
        """)
        #expect(r.output == ["a=3", "42", "10", "20", "30"], "\(r.output) \(r.errors)")
    }
}
