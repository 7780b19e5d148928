/// Which of the two documented selection rules decides what a tap syncs.
///
/// The reference libraries disagree, so a tap states its choice:
///
/// - `.singerIO` (`SYNC_MODE.md`, singer-python): a stream is synced only when its root
///   metadata has `selected: true` (or, in legacy catalogs, its schema has `selected: true`).
///   A field is emitted when `automatic`; never when `unsupported`; otherwise when its
///   `selected` is true, or, with no `selected`, its `selected-by-default`. A field without
///   metadata falls back to the legacy `inclusion`/`selected` keys in its property schema; a
///   nested field without either inherits its parent.
/// - `.sdk` (Meltano SDK `_breadcrumb_is_selected`): an empty metadata list selects everything;
///   a deselected parent (the stream included) deselects its children; `unsupported` is never
///   and `automatic` always selected whatever `selected` says; otherwise `selected`, then
///   `selected-by-default`, then the parent's value. A stream with no root entry counts as
///   selected, as the SDK's stream-level mask has it.
///
/// ```swift
/// entry.isSelected(rule: .sdk)
/// entry.isFieldSelected(.property("Name"), rule: .singerIO)
/// entry.selectedProperties(rule: .singerIO)    // ["Id", "Name"], in schema order
/// ```
public enum SelectionRule: String, Sendable, Hashable, CaseIterable {
    /// singer-io taps (tap-salesforce, tap-zuora, tap-marketo): nothing without `selected: true`.
    case singerIO = "singer-io"
    /// Meltano Singer SDK taps: selected unless metadata says otherwise.
    case sdk
}

extension CatalogEntry {
    /// Whether the stream is synced under `rule`.
    public func isSelected(rule: SelectionRule) -> Bool {
        switch rule {
        case .singerIO:
            return metadata.root.selected == true || schema["selected"]?.boolValue == true
        case .sdk:
            return metadata.isEmpty || metadata[.stream] == nil || sdkSelection(of: .stream)
        }
    }

    /// Whether the field at `breadcrumb` is emitted under `rule`. Under `.singerIO` this ignores
    /// whether the stream itself is selected (as singer-python's `should_sync_field` does);
    /// under `.sdk` a deselected stream deselects every field.
    public func isFieldSelected(_ breadcrumb: Breadcrumb, rule: SelectionRule) -> Bool {
        if breadcrumb.isStream { return isSelected(rule: rule) }
        switch rule {
        case .singerIO: return singerIOSelection(of: breadcrumb)
        case .sdk: return metadata.isEmpty || sdkSelection(of: breadcrumb)
        }
    }

    /// The top-level property names emitted under `rule`, in schema order.
    public func selectedProperties(rule: SelectionRule) -> [String] {
        propertyNames.filter { isFieldSelected(.property($0), rule: rule) }
    }

    /// The schema with only the properties emitted under `rule`, nested objects included, and
    /// `required` lists trimmed to match. Send this in the SCHEMA message.
    public func selectedSchema(rule: SelectionRule) -> JSONValue {
        schema.keepingProperties { isFieldSelected($0, rule: rule) }
    }

    private func sdkSelection(of breadcrumb: Breadcrumb) -> Bool {
        var parentValue: Bool?
        if let parent = breadcrumb.parent {
            // The root counts as selected when missing (see the type's documentation).
            let parentSelected = parent.isStream && metadata[.stream] == nil ? true : sdkSelection(of: parent)
            if !parentSelected { return false }
            parentValue = parentSelected
        }
        let entry = metadata[breadcrumb]
        switch entry?.inclusion {
        case .unsupported?: return false
        case .automatic?: return true
        default: break
        }
        if let selected = entry?.selected { return selected }
        if let selectedByDefault = entry?.selectedByDefault { return selectedByDefault }
        return parentValue ?? false
    }

    private func singerIOSelection(of breadcrumb: Breadcrumb) -> Bool {
        // Nested fields are emitted only inside an emitted parent.
        if let parent = breadcrumb.parent, !parent.isStream, !singerIOSelection(of: parent) { return false }
        let entry = metadata[breadcrumb]
        let legacy = entry == nil ? schema.propertySchema(at: breadcrumb) : nil
        let inclusion = entry?.inclusion ?? legacy?["inclusion"]?.stringValue.flatMap(Inclusion.init(rawValue:))
        switch inclusion {
        case .automatic?: return true
        case .unsupported?: return false
        default: break
        }
        if let selected = entry?.selected ?? legacy?["selected"]?.boolValue { return selected }
        if let selectedByDefault = entry?.selectedByDefault { return selectedByDefault }
        // singer-python's default is "not emitted". A nested field nobody said anything about
        // follows its parent (emitted, or we would have returned above), so selecting an object
        // keeps its members.
        let isNested = breadcrumb.components.count > 2
        return isNested && entry == nil && legacy?["selected"] == nil
    }
}
