/// One singer-python metric, rendered as the exact line its parsers expect
/// (`^INFO METRIC: (.*)$`, keys `type`, `metric`, `value`, `tags` in that order).
///
/// ```swift
/// let metric = Metric(kind: .counter, name: "record_count", value: JSONNumber(3), tags: ["endpoint": "users"])
/// metric.logMessage   // METRIC: {"type": "counter", "metric": "record_count", "value": 3, "tags": {"endpoint": "users"}}
/// ```
public struct Metric: Sendable, Hashable {
    /// singer-python's two metric types.
    public enum Kind: String, Sendable {
        case counter, timer
    }

    public var kind: Kind
    /// `record_count`, `http_request_duration`, `job_duration`, ...
    public var name: String
    /// A counter's increment since its last report, or a timer's seconds.
    public var value: JSONNumber
    public var tags: JSONObject

    public init(kind: Kind, name: String, value: JSONNumber, tags: JSONObject) {
        self.kind = kind
        self.name = name
        self.value = value
        self.tags = tags
    }

    /// The message logged at INFO: `METRIC: ` and the JSON in Python's spacing.
    public var logMessage: String {
        let body: JSONValue = [
            "type": .string(kind.rawValue), "metric": .string(name), "value": .number(value), "tags": .object(tags),
        ]
        return "METRIC: " + PythonJSONText.string(from: body)
    }

    /// Seconds as a number with at most six decimals, written the way Python prints a float
    /// (`0.53`, `2.0`), since singer-python timers always report floats.
    public static func seconds(_ seconds: Double) -> JSONNumber {
        let rounded = (seconds * 1_000_000).rounded() / 1_000_000
        return JSONNumber(rounded.description) ?? JSONNumber(0)
    }
}

/// How a timed operation ended, reported as the `status` tag.
public enum MetricStatus: String, Sendable {
    case succeeded, failed
}
