/// Splits `[start, end)` into bulk export windows of at most `days` days (Marketo allows 31),
/// whole seconds, never zero-length (the Python tap sends `startAt == endAt` windows at the end).
///
/// ```swift
/// ExportWindows.split(start: 0, end: 40 * 86_400, days: 30)
/// // [(0, 2_592_000), (2_592_000, 3_456_000)]
/// ```
public enum ExportWindows {
    public struct Window: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public static func split(start: Int, end: Int, days: Int) -> [Window] {
        let step = max(1, min(days, 31)) * 86_400
        var windows: [Window] = []
        var cursor = start
        while cursor < end {
            let next = min(cursor + step, end)
            windows.append(Window(start: cursor, end: next))
            cursor = next
        }
        return windows
    }
}
