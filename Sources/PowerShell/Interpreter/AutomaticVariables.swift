import Foundation

/// The variables a new session starts with, and the ones computed on each read.
enum AutomaticVariables {
    static let version = "7.4.6"

    static func install(in global: Scope, interpreter: Interpreter) {
        func set(_ name: String, _ value: Value) { global.setLocal(name, PSVariable(value)) }
        set("Error", .list([]))
        set("ErrorActionPreference", .string("Continue"))
        set("WarningPreference", .string("Continue"))
        set("VerbosePreference", .string("SilentlyContinue"))
        set("DebugPreference", .string("SilentlyContinue"))
        set("InformationPreference", .string("SilentlyContinue"))
        set("ProgressPreference", .string("Continue"))
        set("ConfirmPreference", .string("High"))
        set("WhatIfPreference", .bool(false))
        set("FormatEnumerationLimit", .int(4))
        set("ErrorView", .string("ConciseView"))
        set("MaximumHistoryCount", .int(4096))
        set("LASTEXITCODE", .int(0))
        set("HOME", .string(ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()))
        set("PID", .int(Int(ProcessInfo.processInfo.processIdentifier)))
        set("IsLinux", .bool(true))
        set("IsWindows", .bool(false))
        set("IsMacOS", .bool(false))
        set("IsCoreCLR", .bool(true))
        set("PSEdition", .string("Core"))
        set("ShellId", .string("Microsoft.PowerShell"))
        set("NestedPromptLevel", .int(0))
        let table = PSHashtable(ordered: true)
        table["PSVersion"] = .string(version)
        table["PSEdition"] = .string("Core")
        table["Platform"] = .string("Unix")
        table["OS"] = .string("Linux")
        table["PSCompatibleVersions"] = .list(["1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"].map { .string($0) })
        set("PSVersionTable", .hashtable(table))
        let hostObject = PSObject(typeNames: ["System.Management.Automation.Internal.Host.InternalHost", "System.Object"],
                                  properties: [("Name", .string("ConsoleHost")), ("Version", .string(version)),
                                               ("InstanceId", .guid(UUID())), ("CurrentCulture", .string("en-US")),
                                               ("CurrentUICulture", .string("en-US"))])
        hostObject.toStringValue = "System.Management.Automation.Internal.Host.InternalHost"
        set("Host", .object(hostObject))
    }

    /// `$MyInvocation` as runbooks use it: `$MyInvocation.MyCommand.Path` (the script file),
    /// `.MyCommand.Name`, `.ScriptName`, `.PSScriptRoot`, `.PSCommandPath`.
    static func myInvocation(_ path: String?) -> Value {
        let file = path ?? ""
        let name = path.map { ($0 as NSString).lastPathComponent } ?? ""
        let command = PSObject(typeNames: ["System.Management.Automation.ExternalScriptInfo", "System.Object"],
                               properties: [("Name", .string(name)), ("Path", .string(file)), ("Definition", .string(file)),
                                            ("CommandType", .string(path == nil ? "Script" : "ExternalScript"))])
        command.toStringValue = name
        let o = PSObject(typeNames: ["System.Management.Automation.InvocationInfo", "System.Object"],
                         properties: [("MyCommand", .object(command)), ("ScriptName", .string(file)),
                                      ("PSScriptRoot", .string(path.map { ($0 as NSString).deletingLastPathComponent } ?? "")),
                                      ("PSCommandPath", .string(file)), ("InvocationName", .string(name))])
        return .object(o)
    }

    /// Values that are read live rather than stored: nil when `name` is not one of them.
    static func read(_ name: String, _ interpreter: Interpreter) -> Value?? {
        switch name.lowercased() {
        case "true": return .some(.bool(true))
        case "false": return .some(.bool(false))
        case "null": return .some(.null)
        case "?": return .some(.bool(interpreter.lastSucceeded))
        case "pwd":
            let o = PSObject(typeNames: ["System.Management.Automation.PathInfo", "System.Object"],
                             properties: [("Path", .string(interpreter.currentDirectory))])
            o.toStringValue = interpreter.currentDirectory
            return .some(.object(o))
        case "psscriptroot":
            guard let p = interpreter.currentScope.effectiveScriptPath else { return .some(.string("")) }
            return .some(.string((p as NSString).deletingLastPathComponent))
        case "pscommandpath":
            return .some(.string(interpreter.currentScope.effectiveScriptPath ?? ""))
        case "psitem": return .some(interpreter.currentScope.lookup("_")?.value ?? .null)
        case "myinvocation": return .some(myInvocation(interpreter.currentScope.effectiveScriptPath))
        default: return nil
        }
    }
}
