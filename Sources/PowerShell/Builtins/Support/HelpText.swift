/// Get-Help's text, built from a command's declaration: NAME, SYNOPSIS, SYNTAX, DESCRIPTION,
/// PARAMETERS (with -Full or -Parameter), EXAMPLES (with -Full or -Examples), REMARKS.
enum HelpText {
    enum View { case standard, detailed, full, examples, parameter([String]) }

    /// `width` is the console width: long syntax lines and paragraphs wrap to it, as pwsh's help view does.
    static func render(_ d: CommandDeclaration, view: View, width: Int = 80) -> String {
        let width = max(40, width - 1)
        var out: [String] = [""]
        func section(_ title: String, _ body: [String], gap: Int = 1) {
            out.append(title); out += body; out += Array(repeating: "", count: gap)
        }
        if case .parameter(let names) = view {
            let patterns = names.map { WildcardPattern($0) }
            for p in d.parameters where patterns.contains(where: { $0.matches(p.name) }) { out += parameter(p, d) }
            return out.joined(separator: "\n")
        }
        section("NAME", ["    " + d.name])
        if case .examples = view {
            section("SYNOPSIS", ["    " + d.synopsis])
            out += examples(d)
            return out.joined(separator: "\n")
        }
        section("SYNOPSIS", ["    " + d.synopsis], gap: 2)
        let syntax = CommandSyntax.lines(d, fullTypeNames: true).map { wrap($0, indent: 4, width: width) }
        section("SYNTAX", Array(syntax.joined(separator: [""])), gap: 2)
        section("DESCRIPTION", wrap(d.description.isEmpty ? d.synopsis : d.description, indent: 4, width: width), gap: 2)
        switch view {
        case .full, .detailed:
            out.append("PARAMETERS")
            for p in d.parameters { out += parameter(p, d) }
            out += ["    <CommonParameters>",
                    "        This cmdlet supports the common parameters: Verbose, Debug,",
                    "        ErrorAction, ErrorVariable, WarningAction, WarningVariable,",
                    "        OutBuffer, PipelineVariable, and OutVariable.", ""]
            if case .full = view, !d.outputTypes.isEmpty {
                section("OUTPUTS", d.outputTypes.flatMap { ["    " + $0, ""] })
            }
            out += examples(d)
        default:
            section("REMARKS", [
                "    To see the examples, type: \"get-help \(d.name) -examples\".",
                "    For more information, type: \"get-help \(d.name) -detailed\".",
                "    For technical information, type: \"get-help \(d.name) -full\"."])
        }
        return out.joined(separator: "\n")
    }

    static func parameter(_ p: ParameterDeclaration, _ d: CommandDeclaration) -> [String] {
        let type = " <\(p.displayTypeName ?? CommandSyntax.helpTypeName(p.type))>"
        let positions = p.sets.map { $0.position.map(String.init) ?? "named" }
        let mandatory = p.sets.contains { $0.mandatory }
        let byValue = p.sets.contains { $0.valueFromPipeline }, byName = p.sets.contains { $0.valueFromPipelineByPropertyName }
        let pipeline = byValue && byName ? "true (ByValue, ByPropertyName)" : byValue ? "true (ByValue)" : byName ? "true (ByPropertyName)" : "false"
        let sets = p.sets.map { $0.setName == ParameterSetMembership.allSetsName ? "(All)" : $0.setName }
        var lines = ["    -\(p.name)\(type)"]
        lines += wrap(p.help, indent: 8)
        lines.append("")
        lines += [
            "        Required?                    \(mandatory ? "true" : "false")",
            "        Position?                    \(Set(positions).count == 1 ? positions[0] : positions.joined(separator: ", "))",
            "        Default value                \(p.defaultDescription ?? (p.isSwitch ? "False" : "None"))",
            "        Accept pipeline input?       \(pipeline)",
            "        Parameter set name           \(sets.joined(separator: ", "))",
            "        Aliases                      \(p.aliases.isEmpty ? "None" : p.aliases.joined(separator: ", "))",
            "        Dynamic?                     false",
            "        Accept wildcard characters?  \(p.completion == .files || p.name == "Name" ? "true" : "false")",
            "",
        ]
        return lines
    }

    static func examples(_ d: CommandDeclaration) -> [String] {
        guard !d.examples.isEmpty else { return [] }
        var lines: [String] = []
        for (i, e) in d.examples.enumerated() {
            lines += ["    --------- Example \(i + 1) ---------", "", "    " + e.code, ""]
            lines += wrap(e.remarks, indent: 4)
            lines.append("")
        }
        return lines
    }

    /// Word-wraps text to `width` columns with the given indent.
    static func wrap(_ text: String, indent: Int, width: Int = 80) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                if !current.isEmpty && pad.count + current.count + 1 + word.count > width { lines.append(pad + current); current = "" }
                current += (current.isEmpty ? "" : " ") + word
            }
            lines.append(pad + current)
        }
        return lines
    }
}
