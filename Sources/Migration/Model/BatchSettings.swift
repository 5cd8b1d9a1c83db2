import Foundation

/// What an admin chooses for a batch (New-MigrationBatch's IMAP parameters; most of them
/// Set-MigrationBatch can change later). One struct, shared by the stored `MigrationBatch` and
/// the `NewBatchOptions` that create it, so a new setting is declared once.
public struct BatchSettings: Sendable, Equatable {
    /// Name of the source endpoint (Exchange prints the endpoint's identity).
    public var sourceEndpoint: String?
    public var targetDeliveryDomain: String?
    public var excludeFolders: [String]
    public var includeFolders: [String]
    public var notificationEmails: [String]
    public var startAfter: Date?
    public var completeAfter: Date?
    /// nil means Unlimited.
    public var badItemLimit: Int?
    /// nil means Unlimited.
    public var largeItemLimit: Int?
    /// A Windows time zone id; EXO's default is UTC.
    public var timeZone: String
    public var autoComplete: Bool
    public var allowUnknownColumnsInCsv: Bool
    public var skipReports: Bool
    public var reportInterval: TimeInterval
    public var submittedByUser: String

    /// The login of the admin running this process: who Exchange would name as SubmittedByUser.
    public static var currentUser: String { ProcessInfo.processInfo.environment["USER"] ?? "" }

    public init(sourceEndpoint: String? = nil, targetDeliveryDomain: String? = nil, excludeFolders: [String] = [],
                includeFolders: [String] = [], notificationEmails: [String] = [], startAfter: Date? = nil,
                completeAfter: Date? = nil, badItemLimit: Int? = nil, largeItemLimit: Int? = nil,
                timeZone: String = "UTC", autoComplete: Bool = false, allowUnknownColumnsInCsv: Bool = false,
                skipReports: Bool = false, reportInterval: TimeInterval = 86_400,
                submittedByUser: String = BatchSettings.currentUser) {
        self.sourceEndpoint = sourceEndpoint
        self.targetDeliveryDomain = targetDeliveryDomain
        self.excludeFolders = excludeFolders
        self.includeFolders = includeFolders
        self.notificationEmails = notificationEmails
        self.startAfter = startAfter
        self.completeAfter = completeAfter
        self.badItemLimit = badItemLimit
        self.largeItemLimit = largeItemLimit
        self.timeZone = timeZone
        self.autoComplete = autoComplete
        self.allowUnknownColumnsInCsv = allowUnknownColumnsInCsv
        self.skipReports = skipReports
        self.reportInterval = reportInterval
        self.submittedByUser = submittedByUser
    }
}

/// A new batch: its name, its settings, and whether to start it at once.
/// Settings read through (`options.excludeFolders`), as on `MigrationBatch`.
@dynamicMemberLookup
public struct NewBatchOptions: Sendable, Equatable {
    public var name: String
    public var autoStart: Bool
    public var settings: BatchSettings

    public init(name: String, sourceEndpoint: String? = nil, autoStart: Bool = false, settings: BatchSettings = BatchSettings()) {
        self.name = name
        self.autoStart = autoStart
        self.settings = settings
        if let sourceEndpoint { self.settings.sourceEndpoint = sourceEndpoint }
    }

    public subscript<T>(dynamicMember key: WritableKeyPath<BatchSettings, T>) -> T {
        get { settings[keyPath: key] }
        set { settings[keyPath: key] = newValue }
    }
}
