/// Opaque paging tokens. An offset token pages lead-database lists (campaigns, lists); an
/// activity token holds a position in activity order (date, then id), as Marketo's
/// `pagingtoken.json` tokens hold a point in time.
enum PageToken {
    static func offset(_ offset: Int) -> String { "OFF" + String(offset &* 7_919 &+ 104_729, radix: 36).uppercased() }

    static func offset(from token: String) throws -> Int {
        guard token.hasPrefix("OFF"), let value = Int(token.dropFirst(3), radix: 36), (value - 104_729) % 7_919 == 0 else {
            throw MarketoError.invalidValue("Invalid nextPageToken")
        }
        return (value - 104_729) / 7_919
    }

    /// A position after every activity before `date`, or after `(date, id)`.
    static func activity(date: Int, afterID id: Int) -> String {
        "GA" + String(date, radix: 36).uppercased() + "-" + String(id + 1, radix: 36).uppercased()
    }

    static func activityPosition(from token: String) throws -> (date: Int, afterID: Int) {
        let parts = token.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false)
        guard token.hasPrefix("GA"), parts.count == 2, let date = Int(parts[0], radix: 36), let id = Int(parts[1], radix: 36) else {
            throw MarketoError.invalidValue("Invalid nextPageToken")
        }
        return (date, id - 1)
    }
}
