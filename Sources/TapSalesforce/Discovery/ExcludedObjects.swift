/// Objects discovery leaves out or treats specially, by API name. The names follow the
/// reference taps (singer-io tap-salesforce and its MeltanoLabs fork), so a catalog lists the
/// same streams; they are facts about Salesforce objects, not tap behaviour.
public enum ExcludedObjects {
    /// Objects that need special `WHERE` filters (a parent id, a `DurableId`), so a plain
    /// `SELECT … FROM X` is refused.
    public static let queryRestricted: Set<String> = [
        "Announcement", "AppTabMember", "CollaborationGroupRecord", "ColorDefinition", "ContentDocumentLink",
        "ContentFolderItem", "ContentFolderMember", "DataStatistics", "DatacloudAddress", "EntityParticle",
        "FieldDefinition", "FieldHistoryArchive", "FlexQueueItem", "FlowVariableView", "FlowVersionView",
        "IconDefinition", "IdeaComment", "NetworkUserHistoryRecent", "OwnerChangeOptionInfo", "PicklistValueInfo",
        "PlatformAction", "RecordActionHistory", "RelatedListColumnDefinition", "RelatedListDefinition",
        "RelationshipDomain", "RelationshipInfo", "SearchLayout", "SiteDetail", "UserEntityAccess",
        "UserFieldAccess", "Vote",
    ]

    /// Objects the query API does not serve at all (virtual, aggregate or relationship-only objects).
    public static let queryIncompatible: Set<String> = [
        "ActivityHistory", "AggregateResult", "AttachedContentDocument", "AttachedContentNote", "CombinedAttachment",
        "ContentBody", "DataType", "EmailStatus", "FeedLike", "FeedSignal", "FeedTrackedChange",
        "FolderedContentDocument", "ListViewChartInstance", "LookedUpFromActivity", "Name", "NoteAndAttachment",
        "OpenActivity", "OutgoingEmail", "OutgoingEmailRelation", "OwnedContentDocument", "ProcessInstanceHistory",
        "QuoteTemplateRichTextData", "UserRecordAccess",
    ]

    /// Objects the Bulk API rejects ("Entity 'X' is not supported by the Bulk API"): in BULK mode
    /// they stay in the catalog and sync through REST instead (the Python tap drops them).
    public static let bulkUnsupported: Set<String> = [
        "AcceptedEventRelation", "AssetTokenEvent", "AttachedContentNote", "CaseStatus", "ContentFolderItem",
        "ContractStatus", "DeclinedEventRelation", "EventWhoRelation", "FieldSecurityClassification", "OrderStatus",
        "PartnerRole", "QuoteTemplateRichTextData", "RecentlyViewed", "SolutionStatus", "TaskPriority", "TaskStatus",
        "TaskWhoRelation", "UndecidedEventRelation",
    ]

    /// Objects that get no replication key (event logs and the like, whose timestamps cannot be
    /// filtered on reliably): always FULL_TABLE. Names ending in `EventStore` are included too.
    public static let forcedFullTable: Set<String> = [
        "ActivityFieldHistory", "ApiEvent", "BackgroundOperationResult", "IdentityVerificationEvent",
        "LightningUriEvent", "ListViewEvent", "LoginAsEvent", "LoginEvent", "LogoutEvent", "PendingOrderSummary",
        "ReportEvent", "UriEvent",
    ]

    /// Why `name` is left out of discovery, or `nil` when it is described.
    public static func reasonToSkip(_ name: String) -> String? {
        if name.hasSuffix("ChangeEvent") { return "a Change Data Capture event (streaming only)" }
        if queryRestricted.contains(name) { return "queries need filters a plain SELECT cannot give" }
        if queryIncompatible.contains(name) { return "the query API does not serve it" }
        return nil
    }

    /// Whether `name` always syncs FULL_TABLE.
    public static func isForcedFullTable(_ name: String) -> Bool {
        forcedFullTable.contains(name) || name.hasSuffix("EventStore")
    }
}
