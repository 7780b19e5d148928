/// Shortens SQL for logs and error messages so a 10 MB INSERT does not flood stderr.
enum StatementPreview {
    /// How many characters of a statement are kept.
    static let limit = 300

    /// The statement on one line (whitespace runs collapsed), cut at `limit` characters.
    static func make(_ sql: String, limit: Int = limit) -> String {
        var preview = ""
        preview.reserveCapacity(min(sql.utf8.count, limit + 1))
        var pendingSpace = false
        var kept = 0
        for character in sql {
            if character.isWhitespace {
                pendingSpace = !preview.isEmpty
                continue
            }
            if pendingSpace {
                preview.append(" ")
                kept += 1
                pendingSpace = false
            }
            if kept >= limit {
                preview.append("…")
                return preview
            }
            preview.append(character)
            kept += 1
        }
        return preview
    }
}
