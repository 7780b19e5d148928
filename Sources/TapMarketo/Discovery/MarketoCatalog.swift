import Singer

/// The catalog, built from `leads/describe.json` and `activities/types.json` answers plus the
/// static schemas, in the Python tap's stream order: `leads`, `activity_types`, one
/// `activities_<type>` per activity type, `campaigns`, `lists`, `programs`, then `deleted_leads`.
///
/// ```swift
/// let catalog = MarketoCatalog.build(leadFields: describe.result, activityTypes: types.result)
/// catalog["activities_visit_webpage"]?.metadata.root["marketo.activity-id"]   // 1
/// ```
public enum MarketoCatalog {
    /// Activity types the bulk activity export does not support (Marketo docs): deleted leads
    /// come from the `deleted_leads` stream instead.
    public static let bulkUnsupportedActivityTypeIDs: Set<Int> = [37]

    public static func build(leadFields: [JSONValue], activityTypes: [JSONValue]) -> Catalog {
        var streams = [leads(leadFields), StaticSchemas.activityTypes]
        var used = Set<String>()
        for type in activityTypes {
            guard let entry = activity(type, avoiding: used) else { continue }
            used.insert(entry.tapStreamID)
            streams.append(entry)
        }
        streams += [StaticSchemas.campaigns, StaticSchemas.lists, StaticSchemas.programs, StaticSchemas.deletedLeads]
        return Catalog(streams: streams)
    }

    /// `leads`: one property per describe entry with a `rest` name; `id`, `createdAt` and
    /// `updatedAt` non-null and automatic.
    public static func leads(_ fields: [JSONValue]) -> CatalogEntry {
        var builder = StreamCatalogBuilder(stream: "leads", keyProperty: "id", replicationKey: "updatedAt")
        let automatic: Set<String> = ["id", "createdAt", "updatedAt"]
        for field in fields {
            guard let name = field["rest"]?["name"]?.stringValue, !name.isEmpty else { continue }
            let dataType = field["dataType"]?.stringValue ?? "string"
            let isAutomatic = automatic.contains(name)
            builder.add(name, MarketoFieldType.schema(for: dataType, nullable: !isAutomatic),
                        inclusion: isAutomatic ? .automatic : .available)
        }
        // A describe without them still needs the key and the bookmark.
        builder.add("id", MarketoFieldType.schema(for: "integer", nullable: false), inclusion: .automatic)
        builder.add("createdAt", MarketoFieldType.schema(for: "datetime", nullable: false), inclusion: .automatic)
        builder.add("updatedAt", MarketoFieldType.schema(for: "datetime", nullable: false), inclusion: .automatic)
        return builder.entry()
    }

    /// `activities_<clean name>` for one activity type; a name that collides with an earlier one
    /// gets `_<id>` appended (the Python tap silently merges them). `nil` for types bulk export
    /// cannot read, or without id and name.
    public static func activity(_ type: JSONValue, avoiding used: Set<String> = []) -> CatalogEntry? {
        guard let id = type["id"]?.intValue, let name = type["name"]?.stringValue,
              !bulkUnsupportedActivityTypeIDs.contains(id)
        else { return nil }
        var stream = "activities_" + MarketoFieldType.cleanName(name)
        if used.contains(stream) { stream += "_\(id)" }
        var builder = StreamCatalogBuilder(stream: stream, keyProperty: "marketoGUID", replicationKey: "activityDate")
        builder.add("marketoGUID", MarketoFieldType.schema(for: "string", nullable: false), inclusion: .automatic)
        builder.add("leadId", MarketoFieldType.schema(for: "integer", nullable: false), inclusion: .automatic)
        builder.add("activityDate", MarketoFieldType.schema(for: "datetime", nullable: false), inclusion: .automatic)
        builder.add("activityTypeId", MarketoFieldType.schema(for: "integer", nullable: false), inclusion: .automatic)
        builder.add("campaignId", MarketoFieldType.schema(for: "integer", nullable: true), inclusion: .available)
        builder.rootExtras["marketo.activity-id"] = .number(JSONNumber(id))
        if let primary = type["primaryAttribute"]?["name"]?.stringValue {
            for name in ["primary_attribute_value", "primary_attribute_name", "primary_attribute_value_id"] {
                builder.add(name, MarketoFieldType.schema(for: "string", nullable: true), inclusion: .automatic)
            }
            builder.rootExtras["marketo.primary-attribute-name"] = .string(MarketoFieldType.cleanName(primary))
        }
        for attribute in type["attributes"]?.arrayValue ?? [] {
            guard let attributeName = attribute["name"]?.stringValue else { continue }
            let dataType = attribute["dataType"]?.stringValue ?? "string"
            builder.add(MarketoFieldType.cleanName(attributeName), MarketoFieldType.schema(for: dataType, nullable: true),
                        inclusion: .available)
        }
        return builder.entry()
    }
}
