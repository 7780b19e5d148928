/// A program (asset API), with its channel and period costs for funnel reporting.
struct Program: Sendable, Hashable {
    struct Cost: Sendable, Hashable {
        /// Days since 1970.
        var startDate: Int
        var cost: Int
        var note: String
    }

    var id: Int
    var name: String
    var description: String
    var type: String
    var channel: String
    var status: String
    var workspace: String
    var folderID: Int
    var folderName: String
    var createdAt: Int
    var updatedAt: Int
    var costs: [Cost]
}

/// A smart campaign (`/rest/v1/campaigns.json`).
struct Campaign: Sendable, Hashable {
    var id: Int
    var name: String
    var description: String
    var type: String
    var programId: Int
    var programName: String
    var workspaceName: String
    var createdAt: Int
    var updatedAt: Int
    var active: Bool
}

/// A static list (`/rest/v1/lists.json`).
struct StaticList: Sendable, Hashable {
    var id: Int
    var name: String
    var description: String
    var programName: String
    var workspaceName: String
    var createdAt: Int
    var updatedAt: Int
}
