import Logging
import Singer

/// A stream's bookmark rules, singer-io tap-salesforce's made explicit:
///
/// - the query starts at the saved bookmark minus `lookback_window`, else at `start_date`;
/// - the bookmark is the highest replication-key value emitted (with REST's ascending order,
///   the last one), normalised to `…ffffffZ`, but never past the sync's start: rows changed
///   during the sync are emitted and read again next time;
/// - a sync that emits nothing moves the bookmark to the sync start (Python tap 2.4+);
/// - the bookmark never moves back (a lookback re-reads older rows without rewinding it).
///
/// The next run queries `K >= bookmark`, so rows sharing the bookmark's timestamp are emitted
/// again: delivery is at least once at that boundary, never less.
///
/// ```swift
/// let rules = BookmarkRules(tapStreamID: "Account", replicationKey: "SystemModstamp", syncStart: .now())
/// rules.advance(&state, highestKey: Array("2021-01-03T00:00:00.000000Z".utf8))
/// // state.bookmarks.Account.SystemModstamp == "2021-01-03T00:00:00.000000Z"
/// ```
struct BookmarkRules {
    let tapStreamID: String
    let replicationKey: String
    let syncStart: SyncInstant

    private var limit: JSONValue { .string(syncStart.singerText) }

    /// Moves the bookmark to `highestKey` (a normalised value; empty: nothing seen), capped at the sync start.
    func advance(_ state: inout State, highestKey: [UInt8]) {
        guard !highestKey.isEmpty else { return }
        state.advanceBookmark(
            stream: tapStreamID, key: replicationKey, to: .string(String(decoding: highestKey, as: UTF8.self)), notPast: limit)
    }

    /// The bookmark at the end of a complete sync: as `advance`, or the sync start when
    /// nothing was emitted.
    func complete(_ state: inout State, highestKey: [UInt8]) {
        if highestKey.isEmpty {
            state.advanceBookmark(stream: tapStreamID, key: replicationKey, to: limit, notPast: limit)
        } else {
            advance(&state, highestKey: highestKey)
        }
    }

    /// Where the query starts: the bookmark (singer-io `bookmarks.<stream>.<key>` or the SDK's
    /// `replication_key_value`) minus `lookbackSeconds`, else `startDate`; `nil` for neither.
    static func queryStart(
        state: State, tapStreamID: String, replicationKey: String, lookbackSeconds: Int, startDate: SyncInstant?,
        logger: Logger
    ) -> SyncInstant? {
        guard let saved = state.replicationKeyValue(stream: tapStreamID, replicationKey: replicationKey) else {
            return startDate
        }
        guard let text = saved.stringValue, let bookmark = SyncInstant(text) else {
            logger.warning("\(tapStreamID): the saved bookmark \(saved) is not a datetime; starting from start_date instead")
            return startDate
        }
        return bookmark.adding(seconds: -lookbackSeconds)
    }
}
