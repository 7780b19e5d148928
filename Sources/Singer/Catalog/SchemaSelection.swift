extension JSONValue {
    /// The property schema a breadcrumb addresses (`["properties","a","properties","b"]` →
    /// `schema.properties.a.properties.b`); `nil` when the schema has no such property.
    public func propertySchema(at breadcrumb: Breadcrumb) -> JSONValue? {
        guard let path = breadcrumb.propertyPath else { return nil }
        var current = self
        for name in path {
            guard let next = current["properties"]?[name] else { return nil }
            current = next
        }
        return current
    }

    /// This JSON Schema with only the properties `keep` accepts, judged by breadcrumb and
    /// recursing into nested `properties`. `required` lists lose the names removed, so a
    /// trimmed schema still validates the records a tap emits.
    ///
    /// ```swift
    /// schema.keepingProperties { $0 != .property("Secret") }
    /// ```
    public func keepingProperties(where keep: (Breadcrumb) -> Bool) -> JSONValue {
        keepingProperties(under: .stream, where: keep)
    }

    private func keepingProperties(under breadcrumb: Breadcrumb, where keep: (Breadcrumb) -> Bool) -> JSONValue {
        guard case .object(var object) = self, let properties = object["properties"]?.objectValue else {
            return self
        }
        var kept = JSONObject()
        for member in properties {
            let child = breadcrumb.appending(property: member.key)
            guard keep(child) else { continue }
            kept.append(key: member.key, value: member.value.keepingProperties(under: child, where: keep))
        }
        object["properties"] = .object(kept)
        if let required = object["required"]?.arrayValue {
            object["required"] = .array(required.filter { $0.stringValue.map { kept[$0] != nil } ?? true })
        }
        return .object(object)
    }
}
