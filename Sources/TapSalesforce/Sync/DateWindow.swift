/// The replication-key range one query covers: `K >= start [AND K < end]`, and the rules for
/// splitting it after `QUERY_TIMEOUT` (the Python tap's: halve the end towards the start, at
/// most 4 times, never below one day) and for walking on to the sync start afterwards.
///
/// ```swift
/// let first = DateWindow(start: bookmark, end: nil)               // K >= bookmark, open-ended
/// let smaller = first.halved(syncStart: now)                       // K >= bookmark AND K < midpoint
/// let next = smaller!.following(width: smaller!.width(syncStart: now), syncStart: now)
/// ```
struct DateWindow: Sendable, Hashable, CustomStringConvertible {
    /// The inclusive lower bound; `nil` when there is none (no start_date and no bookmark).
    var start: SyncInstant?
    /// The exclusive upper bound; `nil` for an open window (records changed up to now and
    /// during the sync are read; the bookmark still stops at the sync start).
    var end: SyncInstant?

    static let maximumHalvings = 4
    static let minimumWidthMicroseconds = SyncInstant.microsecondsPerDay
    /// Where a window without a lower bound starts once it must be split: Salesforce has no
    /// records before its founding year.
    static let earliest = SyncInstant(microseconds: 915_148_800 * SyncInstant.microsecondsPerSecond)  // 1999-01-01

    /// The window's width in microseconds; an open end counts as the sync start.
    func width(syncStart: SyncInstant) -> Int64 {
        (end ?? syncStart).microseconds - (start ?? Self.earliest).microseconds
    }

    /// The window after a `QUERY_TIMEOUT`: same start, end moved halfway back
    /// (`end - (end - start) / 2`); `nil` when that would be narrower than one day.
    func halved(syncStart: SyncInstant) -> DateWindow? {
        let lower = start ?? Self.earliest
        let upper = end ?? syncStart
        let newEnd = SyncInstant(microseconds: upper.microseconds - (upper.microseconds - lower.microseconds) / 2)
        guard newEnd.microseconds - lower.microseconds >= Self.minimumWidthMicroseconds else { return nil }
        return DateWindow(start: lower, end: newEnd)
    }

    /// The window after this completed one: from its end, `width` wide, open-ended once it
    /// reaches the sync start; `nil` when this window was already open-ended (the sync is done).
    func following(width: Int64, syncStart: SyncInstant) -> DateWindow? {
        guard let end else { return nil }
        let nextEnd = SyncInstant(microseconds: end.microseconds + max(width, Self.minimumWidthMicroseconds))
        return DateWindow(start: end, end: nextEnd >= syncStart ? nil : nextEnd)
    }

    var description: String {
        let lower = start.map { "K >= \($0.soqlLiteral)" } ?? "all rows"
        return end.map { "\(lower) and K < \($0.soqlLiteral)" } ?? lower
    }
}
