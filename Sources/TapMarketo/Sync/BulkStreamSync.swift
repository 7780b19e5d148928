import HTTP
import Singer

/// Syncs `leads` or one `activities_<type>` stream through bulk exports, window by window.
///
/// State per stream, as the Python tap writes it:
/// `{"updatedAt"|"activityDate": "<bookmark>", "export_id": "<id or null>", "export_end": "<end or null>"}`.
/// The export id and the end of its window are saved before waiting, so a run that stops while
/// a job runs (quota, timeout, a kill) resumes that job instead of exporting the window again.
struct BulkStreamSync {
    let context: SyncContext
    let entry: CatalogEntry

    private var stream: String { entry.tapStreamID }
    private var isLeads: Bool { stream == "leads" }
    private var bookmarkKey: String { isLeads ? "updatedAt" : "activityDate" }

    /// The activity type id from metadata `marketo.activity-id`.
    private var activityTypeID: Int? { entry.metadata.root["marketo.activity-id"]?.intValue }

    func run() throws {
        let jobs = BulkExportJobs(client: context.client, kind: isLeads ? .leads : .activities, stream: stream,
                                  logger: context.logger, sleep: context.sleep)
        if !isLeads && activityTypeID == nil {
            throw MarketoError.unexpectedResponse(endpoint: "catalog", reason: "stream '\(stream)' has no "
                + "marketo.activity-id metadata; run --discover again")
        }
        var bookmark = context.bookmarkSeconds(stream, key: bookmarkKey)

        // Resume the job a previous run left in the state.
        if let exportID = context.state.bookmark(stream: stream, key: "export_id")?.stringValue,
           let endText = context.state.bookmark(stream: stream, key: "export_end")?.stringValue,
           let end = MarketoTime.parse(endText)
        {
            if try jobs.isResumable(exportID) {
                context.logger.info("\(stream): resuming bulk export \(exportID) from the saved state")
                do {
                    try finish(exportID, windowEnd: end, jobs: jobs)
                    bookmark = max(bookmark, end)
                } catch let error as HTTPError where error.status == 404 {
                    // The file is gone (Marketo keeps export files about 7 days): export the window again.
                    context.logger.info("\(stream): the file of bulk export \(exportID) is no longer available; exporting again")
                    clearExport()
                    try context.emitState()
                }
            } else {
                clearExport()
                try context.emitState()
            }
        }

        let now = context.runStart.secondsSince1970
        var useUpdatedAtFilter = isLeads
        for window in ExportWindows.split(start: bookmark, end: now, days: context.configuration.maxExportDays) {
            let exportID: String
            do {
                exportID = try jobs.create(fields: fields, filter: filter(window, updatedAt: useUpdatedAtFilter))
            } catch let error as MarketoError where error.code == "1035" && useUpdatedAtFilter {
                // Subscriptions without the updatedAt lead filter: filter on createdAt instead.
                context.logger.warning("\(stream): the updatedAt filter is not available on this subscription (1035); exporting by createdAt, so updates to older leads are not picked up")
                useUpdatedAtFilter = false
                exportID = try jobs.create(fields: fields, filter: filter(window, updatedAt: false))
            }
            context.setBookmark(stream, "export_id", .string(exportID))
            context.setBookmark(stream, "export_end", .string(MarketoTime.isoformat(window.end)))
            try context.emitState()
            try finish(exportID, windowEnd: window.end, jobs: jobs)
        }
    }

    /// Waits for, downloads and emits one job, then moves the bookmark to its window's end.
    private func finish(_ exportID: String, windowEnd: Int, jobs: BulkExportJobs) throws {
        do {
            try jobs.waitUntilCompleted(exportID)
        } catch let error as MarketoError {
            if case .exportFailed = error {
                clearExport()
                try context.emitState()
            }
            throw error
        }
        var mapper = CSVRecordMapper(schema: entry.schema, selected: Set(selected))
        let primaryName = entry.metadata.root["marketo.primary-attribute-name"]?.stringValue
        var count = 0
        try jobs.download(exportID) { row in
            guard mapper.hasHeader else {
                mapper.readHeader(row)
                return
            }
            let record = isLeads ? mapper.record(from: row, invalid: warn) : activityRecord(row, mapper, primaryName)
            try context.emit(stream, record)
            count += 1
        }
        context.logger.info("\(stream): bulk export \(exportID) gave \(count) records")
        context.setBookmark(stream, bookmarkKey, .string(MarketoTime.isoformat(windowEnd)))
        clearExport()
        try context.emitState()
    }

    private func warn(_ field: String, _ value: String) {
        context.warnInvalid(stream: stream, field: field, value: value)
    }

    private func clearExport() {
        context.setBookmark(stream, "export_id", .null)
        context.setBookmark(stream, "export_end", .null)
    }

    private var selected: [String] { entry.selectedProperties(rule: .singerIO) }

    /// Lead fields to export: the selected and automatic properties, in schema order.
    /// Activities always export Marketo's fixed column set.
    private var fields: [String] {
        isLeads ? selected : ActivityRecord.exportFields
    }

    private func filter(_ window: ExportWindows.Window, updatedAt: Bool) -> JSONObject {
        let range: JSONValue = ["startAt": .string(MarketoTime.isoformat(window.start)),
                                "endAt": .string(MarketoTime.isoformat(window.end))]
        var filter = JSONObject()
        filter[updatedAt ? "updatedAt" : "createdAt"] = range
        if let activityTypeID { filter["activityTypeIds"] = [.number(JSONNumber(activityTypeID))] }
        return filter
    }

    private func activityRecord(_ row: CSVRow, _ mapper: CSVRecordMapper, _ primaryName: String?) -> JSONObject {
        ActivityRecord.make(row: row, mapper: mapper, schema: entry.schema, selected: mapper.selectedNames,
                            primaryAttributeName: primaryName, invalid: warn)
    }
}
