import Migration
import PowerShell

/// What every migration cmdlet shares: the store, and reporting Migration failures as
/// Exchange-style error records. A failure that concerns one object (not found, a status that
/// forbids the operation) is written to the error stream so a pipeline goes on with the next one.
protocol MigrationCmdlet: Cmdlet {}

extension MigrationCmdlet {
    static var csvProblemsShown: Int { 50 }

    func store(_ context: CommandContext) throws -> MigrationStore { try MigrationStoreAccess.store(context) }

    /// Runs `body`; a MigrationError or an Exchange-style refusal becomes a non-terminating error
    /// record (CSV errors first list every bad row); anything else (a prompt that can't be
    /// answered, a binding error) terminates the command.
    func reportingErrors(_ context: CommandContext, target: String?, _ body: () throws -> Void) throws {
        do { try body() } catch let error as MigrationError {
            if case .csvInvalid(let problems) = error {
                // A 50,000-row file with a systematic mistake must not bury the console.
                let shown = problems.prefix(Self.csvProblemsShown)
                for r in MigrationErrors.csvProblems(Array(shown), command: context.commandName) { context.writeError(r) }
                let more = problems.count > shown.count ? " (the first \(shown.count) are shown)" : ""
                context.writeError(MigrationErrors.record(
                    "The CSV data has \(problems.count) error\(problems.count == 1 ? "" : "s")\(more); nothing was saved.",
                    exception: "Microsoft.Exchange.Migration.MigrationCSVValidationException",
                    category: .invalidData, target: target, command: context.commandName))
            } else {
                context.writeError(MigrationErrors.from(error, command: context.commandName, target: target))
            }
        } catch let record as ErrorRecord where record.exceptionType.hasPrefix("Microsoft.Exchange.") {
            // The cmdlet's own Exchange-style refusals (a missing -CSVData, say) are reported like the store's.
            context.writeError(record)
        }
    }

    /// `-Identity`, or nil when the parameter was not given.
    func identity(_ context: CommandContext, _ name: String = "Identity") -> String? {
        guard let v = context.parameters[name] else { return nil }
        return MigrationValues.identity(v)
    }
}
