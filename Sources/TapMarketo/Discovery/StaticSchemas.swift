import Singer

/// The streams whose schemas are fixed (the Python tap ships them as JSON files).
enum StaticSchemas {
    private static func nullable(_ type: String) -> JSONValue { ["type": ["null", .string(type)]] }
    private static let dateTime: JSONValue = ["type": ["null", "string"], "format": "date-time"]

    static var activityTypes: CatalogEntry {
        var builder = StreamCatalogBuilder(stream: "activity_types", keyProperty: "id", replicationKey: nil)
        builder.add("id", ["type": "integer"], inclusion: .automatic)
        builder.add("name", ["type": "string"], inclusion: .automatic)
        builder.add("description", nullable("string"), inclusion: .available)
        builder.add("primaryAttribute", ["type": ["null", "object"], "properties": [
            "name": ["type": ["null", "string"]], "dataType": ["type": ["null", "string"]],
        ]], inclusion: .available)
        builder.add("attributes", ["type": ["null", "array"], "items": ["type": ["null", "object"], "properties": [
            "name": ["type": ["null", "string"]], "dataType": ["type": ["null", "string"]],
        ]]], inclusion: .unsupported)
        return builder.entry()
    }

    static var campaigns: CatalogEntry {
        var builder = base("campaigns")
        builder.add("description", nullable("string"), inclusion: .available)
        builder.add("type", nullable("string"), inclusion: .available)
        builder.add("programName", nullable("string"), inclusion: .available)
        builder.add("programId", nullable("integer"), inclusion: .available)
        builder.add("workspaceName", nullable("string"), inclusion: .available)
        builder.add("createdAt", dateTime, inclusion: .available)
        builder.add("active", nullable("boolean"), inclusion: .available)
        return builder.entry()
    }

    static var lists: CatalogEntry {
        var builder = base("lists")
        builder.add("description", nullable("string"), inclusion: .available)
        builder.add("programName", nullable("string"), inclusion: .available)
        builder.add("workspaceName", nullable("string"), inclusion: .available)
        builder.add("createdAt", dateTime, inclusion: .available)
        return builder.entry()
    }

    static var programs: CatalogEntry {
        var builder = base("programs")
        builder.add("description", nullable("string"), inclusion: .available)
        builder.add("createdAt", dateTime, inclusion: .available)
        builder.add("url", nullable("string"), inclusion: .available)
        builder.add("type", nullable("string"), inclusion: .available)
        builder.add("channel", nullable("string"), inclusion: .available)
        builder.add("status", nullable("string"), inclusion: .available)
        builder.add("workspace", nullable("string"), inclusion: .available)
        builder.add("folder", ["type": ["null", "object"], "properties": [
            "type": ["type": ["null", "string"]], "value": ["type": ["null", "integer"]],
            "folderName": ["type": ["null", "string"]],
        ]], inclusion: .available)
        return builder.entry()
    }

    /// Deleted leads from `activities/deletedleads.json` (activity type 37), which bulk export cannot read.
    static var deletedLeads: CatalogEntry {
        var builder = StreamCatalogBuilder(stream: "deleted_leads", keyProperty: "marketoGUID", replicationKey: "activityDate")
        builder.add("marketoGUID", ["type": "string"], inclusion: .automatic)
        builder.add("leadId", ["type": "integer"], inclusion: .automatic)
        builder.add("activityDate", ["type": "string", "format": "date-time"], inclusion: .automatic)
        builder.add("activityTypeId", nullable("integer"), inclusion: .available)
        builder.add("campaignId", nullable("integer"), inclusion: .available)
        builder.add("primaryAttributeValue", nullable("string"), inclusion: .available)
        builder.add("primaryAttributeValueId", nullable("integer"), inclusion: .available)
        return builder.entry()
    }

    /// `id`, `name` and `updatedAt`, the part every asset-like stream shares.
    private static func base(_ stream: String) -> StreamCatalogBuilder {
        var builder = StreamCatalogBuilder(stream: stream, keyProperty: "id", replicationKey: "updatedAt")
        builder.add("id", ["type": "integer"], inclusion: .automatic)
        builder.add("name", nullable("string"), inclusion: .available)
        builder.add("updatedAt", ["type": "string", "format": "date-time"], inclusion: .automatic)
        return builder
    }
}
