import PowerShell

/// Exchange's -ResultSize: 1000 objects unless told otherwise, Unlimited for all. When more
/// exist than the default shows, a warning says how to get the rest.
struct ResultSize {
    static let defaultLimit = 1000
    var limit: Int?
    var isDefault: Bool

    static func read(_ context: CommandContext) throws -> ResultSize {
        guard let given = try MigrationValues.unlimited(context, "ResultSize") else {
            return ResultSize(limit: defaultLimit, isDefault: true)
        }
        return ResultSize(limit: given, isDefault: false)
    }

    func apply<T>(_ items: [T], _ context: CommandContext) -> ArraySlice<T> {
        guard let limit, items.count > limit else { return items[...] }
        if isDefault {
            context.writeWarning("Only the first \(limit) results are shown. To see more, use -ResultSize with a larger number, or -ResultSize Unlimited to see all of them.")
        }
        return items.prefix(limit)
    }
}
