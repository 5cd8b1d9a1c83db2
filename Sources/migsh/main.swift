// migsh entry point: pwsh's command line, the REPL, scripts and -Command text.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let status = ServiceMode.dispatch(Array(CommandLine.arguments.dropFirst())) ?? Shell.main(Array(CommandLine.arguments.dropFirst()))
fflush(stdout)
fflush(stderr)
exit(status)
