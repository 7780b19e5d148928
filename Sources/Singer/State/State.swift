/// A tap's state: the value of its STATE messages and the file passed with `--state`.
///
/// The state is kept as the JSON object it is, so keys this library does not model (a
/// tap's own resume markers) survive a read and a write. Helpers cover the shapes the
/// reference taps and the Meltano SDK write:
///
/// ```json
/// {"currently_syncing": "leads", "bookmarks": {"leads": {"updatedAt": "…", "export_id": null}}}
/// {"current_stream": "Account", "bookmarks": {"Account": {"SystemModstamp": "…"}}, "versions": {"Account": 1}}
/// {"bookmarks": {"users": {"replication_key": "updated_at", "replication_key_value": "…"}}}
/// ```
///
/// ```swift
/// var state = try State(json: savedJSON, currentStreamKey: .currentStream)   // tap-salesforce
/// state.currentStream = "Account"
/// state.setBookmark(stream: "Account", key: "SystemModstamp", value: "2021-01-03T00:00:00.000000Z")
/// state.json   // {"current_stream":"Account","bookmarks":{"Account":{"SystemModstamp":"…"}}}
/// ```
public struct State: Sendable {
    /// The key a tap writes the stream it is syncing under (both are read).
    public enum CurrentStreamKey: String, Sendable, Hashable, CaseIterable {
        /// `currently_syncing`: singer-python's `set_currently_syncing`, tap-marketo.
        case currentlySyncing = "currently_syncing"
        /// `current_stream`: tap-salesforce, tap-zuora.
        case currentStream = "current_stream"
    }

    /// The key `currentStream` writes under; the other key is removed when it is written.
    public var currentStreamKey: CurrentStreamKey
    /// The state object, every key in order.
    var members: JSONObject

    /// An empty state, `{}`.
    public init(currentStreamKey: CurrentStreamKey = .currentlySyncing) {
        self.currentStreamKey = currentStreamKey
        members = JSONObject()
    }

    /// Reads a state file's value.
    ///
    /// Accepts `{}` and `null` (an empty state). A file holding a whole STATE message,
    /// `{"type": "STATE", "value": {...}}` — what a target that echoes messages instead of
    /// values leaves behind (datamill-co/target-postgres #141) — is unwrapped to its value.
    /// `currentStreamKey` defaults to the key the file uses, else `currently_syncing`.
    public init(json: JSONValue, currentStreamKey: CurrentStreamKey? = nil) throws(StateError) {
        var value = json
        if value["type"]?.stringValue == "STATE", let inner = value["value"] { value = inner }
        let object: JSONObject
        switch value {
        case .null: object = JSONObject()
        case .object(let contents): object = contents
        default: throw .notAnObject(found: value.typeName)
        }
        for key in ["bookmarks", "versions"] {
            if let section = object[key], !section.isNull, section.objectValue == nil {
                throw .invalidSection(key: key, found: section.typeName)
            }
        }
        for member in object["bookmarks"]?.objectValue ?? JSONObject()
        where !member.value.isNull && member.value.objectValue == nil {
            throw .invalidStreamBookmark(stream: member.key, found: member.value.typeName)
        }
        members = object
        let usesCurrentStream =
            object[CurrentStreamKey.currentStream.rawValue] != nil
            && object[CurrentStreamKey.currentlySyncing.rawValue] == nil
        self.currentStreamKey = currentStreamKey ?? (usesCurrentStream ? .currentStream : .currentlySyncing)
    }

    /// The state as JSON: the value to put in a STATE message or a state file.
    public var json: JSONValue { .object(members) }

    /// Whether the state holds nothing at all (`{}`); targets never echo such a state.
    public var isEmpty: Bool { members.isEmpty }

    /// Any top-level key, modelled or not.
    public subscript(key: String) -> JSONValue? {
        get { members[key] }
        set { members[key] = newValue }
    }

    /// The stream a sync was in when the state was written: `currently_syncing`, else
    /// `current_stream`. Setting writes `currentStreamKey` (`nil` writes `null`, as the
    /// reference taps do at the end of a run) and removes the other key.
    public var currentStream: String? {
        get {
            members[CurrentStreamKey.currentlySyncing.rawValue]?.stringValue
                ?? members[CurrentStreamKey.currentStream.rawValue]?.stringValue
        }
        set { setCurrentStream(newValue, key: currentStreamKey) }
    }

    /// Writes the current stream under `key`, removing the other key.
    public mutating func setCurrentStream(_ stream: String?, key: CurrentStreamKey) {
        for other in CurrentStreamKey.allCases where other != key { members[other.rawValue] = nil }
        members[key.rawValue] = stream.map(JSONValue.string) ?? .null
    }
}

extension State: Hashable {
    // Two states are equal when their JSON is; the key a tap writes is a setting, not content.
    public static func == (lhs: State, rhs: State) -> Bool { lhs.members == rhs.members }
    public func hash(into hasher: inout Hasher) { hasher.combine(members) }
}
