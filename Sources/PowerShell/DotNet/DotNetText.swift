/// What .NET's parameterless `ToString()` gives: PowerShell's string form, except that
/// collections name their type instead of joining their items.
enum DotNetText {
    static func string(_ value: Value) -> String {
        switch value {
        case .array: return "System.Object[]"
        case .bytes: return "System.Byte[]"
        default: return Conversion.toString(value)
        }
    }
}
