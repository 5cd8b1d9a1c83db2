// swift-tools-version:6.1
// migsh: a PowerShell-compatible shell whose Exchange migration cmdlets drive a real IMAP migration backend.
// Layers (lower never imports higher): C shims -> PowerShell | IMAP | Migration -> Engine -> Cmdlets -> migsh.
import PackageDescription

let package = Package(
    name: "migsh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "migsh", targets: ["migsh"]),
    ],
    dependencies: [
        // GRDB: a well-kept SQLite layer (WAL pools, migrations, transactions) instead of hand-written bindings.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // swift-log: the standard logging API for the service's log file.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // 1. System shims (Debian -dev packages).
        .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // 2. Independent libraries.
        .target(name: "PowerShell"),
        .target(name: "IMAP", dependencies: ["COpenSSL"]),
        .target(name: "Migration", dependencies: [
            "COpenSSL", "CSQLite3",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // 3. Sync engine and background service.
        .target(name: "Engine", dependencies: [
            "Migration", "IMAP", "COpenSSL",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // 4. Exchange migration cmdlets over the PowerShell runtime.
        .target(name: "Cmdlets", dependencies: ["PowerShell", "Migration", "Engine", "IMAP"]),

        // 5. The executable: CLI, REPL, service mode.
        .executableTarget(name: "migsh", dependencies: ["PowerShell", "Cmdlets", "Engine", "CEdit"]),
        // Drives the Migration API from its own processes: the CSV benchmark and the multi-process test's writers.
        .executableTarget(name: "migration-bench", dependencies: ["Migration"]),
        // IMAP fetch figures for Scripts/bench.d/imap-fetch.
        .executableTarget(name: "imap-bench", dependencies: ["IMAP"]),
        // Sync-engine throughput and memory for Scripts/bench.d/engine (UserMigration for N users on threads).
        .executableTarget(name: "engine-bench", dependencies: ["Engine", "Migration"]),

        .testTarget(name: "PowerShellTests", dependencies: ["PowerShell"]),
        .testTarget(name: "IMAPTests", dependencies: ["IMAP"], exclude: ["Transcripts"]),
        .testTarget(name: "MigrationTests", dependencies: ["Migration"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "IMAP", "Migration"]),
        .testTarget(name: "CmdletsTests", dependencies: ["Cmdlets", "PowerShell"]),
        .testTarget(name: "migshTests", dependencies: [], exclude: ["Golden", "pty_session.py"]),
    ],
    swiftLanguageModes: [.v6]
)
