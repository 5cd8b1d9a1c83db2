/// -WhatIf and -Confirm for one command: `What if:` lines, the confirmation prompt with
/// pwsh's choices, and a clear error when a prompt is needed but nobody can answer.
struct ShouldProcessGate {
    let context: PipelineCommandContext

    static let choices = "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "

    func check(target: String, action: String) throws -> Bool {
        let interp = context.interpreter
        let operation = "Performing the operation \"\(action)\" on target \"\(target)\"."
        let whatIf = context.common.whatIf ?? Conversion.toBool(interp.variable("WhatIfPreference") ?? .bool(false))
        if whatIf {
            context.host.write("What if: " + operation, foreground: nil, newline: true)
            return false
        }
        if context.common.confirm == false { return true }
        if let all = context.confirmAll { return all }
        guard context.common.confirm == true || impactNeedsConfirmation() else { return true }
        guard context.host.isInteractive else {
            throw ErrorRecord(message: "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available. Add -Confirm:$false to run \(context.commandName) without confirmation.",
                              errorId: "HostException", category: .invalidOperation,
                              exceptionType: "System.Management.Automation.Host.HostException",
                              commandName: context.commandName)
        }
        let host = context.host
        host.write("", foreground: nil, newline: true)
        host.write("Confirm", foreground: nil, newline: true)
        host.write("Are you sure you want to perform this action?", foreground: nil, newline: true)
        host.write(operation, foreground: nil, newline: true)
        while true {
            guard let answer = host.readLine(prompt: Self.choices, secure: false) else { return false }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "", "y", "yes": return true
            case "a": context.confirmAll = true; return true
            case "n", "no": return false
            case "l": context.confirmAll = false; return false
            case "s":
                host.write("Suspend is not available in migsh; the operation is skipped.", foreground: nil, newline: true)
                return false
            case "?":
                host.write("Y - Continue with only the next step of the operation.", foreground: nil, newline: true)
                host.write("A - Continue with all the steps of the operation.", foreground: nil, newline: true)
                host.write("N - Skip this operation and proceed with the next operation.", foreground: nil, newline: true)
                host.write("L - Skip this operation and all subsequent operations.", foreground: nil, newline: true)
                host.write("S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.", foreground: nil, newline: true)
            default: continue
            }
        }
    }

    /// ConfirmImpact at or above $ConfirmPreference (High by default; None never asks).
    private func impactNeedsConfirmation() -> Bool {
        let levels: [String: Int] = ["none": 0, "low": 1, "medium": 2, "high": 3]
        let pref = Conversion.toString(context.interpreter.variable("ConfirmPreference") ?? .string("High")).lowercased()
        guard let p = levels[pref], p > 0 else { return false }
        let impact = levels[context.declaration.confirmImpact.rawValue.lowercased()] ?? 2
        return impact >= p
    }
}

import Foundation
