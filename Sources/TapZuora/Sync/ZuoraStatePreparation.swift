import Singer

/// The Python tap's `validate_state`, so its state files resume here and ours there:
/// a legacy `{Stream: {...}}` state gains its `bookmarks` level, every selected stream gets a
/// `version`, incremental streams start from `start_date`, and a `current_stream` that is no
/// longer selected is cleared.
enum ZuoraStatePreparation {
    static func prepare(_ state: State, plans: [StreamPlan], startDate: String, now: Int) throws -> State {
        var state = state
        if state["bookmarks"] == nil, !state.isEmpty, case .object(let members) = state.json {
            // Legacy shape: every top-level object is a stream's bookmark.
            var bookmarks = JSONObject()
            var current: JSONValue = .null
            for member in members {
                if member.key == State.CurrentStreamKey.currentStream.rawValue {
                    current = member.value
                } else if member.value.objectValue != nil {
                    bookmarks[member.key] = member.value
                }
            }
            state = try State(json: ["current_stream": current, "bookmarks": .object(bookmarks)], currentStreamKey: .currentStream)
        }
        state.currentStreamKey = .currentStream
        for plan in plans {
            if state.bookmark(stream: plan.stream) == nil {
                state.setBookmark(stream: plan.stream, key: "version", value: .number(JSONNumber(now)))
            }
            if let key = plan.replicationKey {
                let value = state.bookmark(stream: plan.stream, key: key)
                if value == nil || value?.isNull == true {
                    state.setBookmark(stream: plan.stream, key: key, value: .string(startDate))
                }
            }
        }
        if let current = state.currentStream, !plans.contains(where: { $0.stream == current }) {
            state.setCurrentStream(nil, key: .currentStream)
        }
        return state
    }
}
