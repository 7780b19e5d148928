extension NamePolicy {
    /// The identifier for each of `originals` (a schema's property names in schema order, or
    /// the streams of one target schema), unique among themselves and `existing`, and the same
    /// from one run to the next.
    ///
    /// In order of precedence:
    /// 1. A name an existing identifier's comment records keeps that identifier, whatever its
    ///    position, whatever was added since.
    /// 2. Otherwise the name gets its plain ``identifier(for:)`` if nothing holds it yet. When
    ///    several new names share a plain identifier, a name already spelled that way (`name`
    ///    for `name`) claims it first, then the others in the order given; an existing
    ///    identifier with no recorded name is adopted the same way, so tables created by the
    ///    MeltanoLabs or PipelineWise targets keep their columns.
    /// 3. Every other name gets the plain identifier cut to 53 bytes, `__` and 8 hex digits of
    ///    the FNV-1a hash of the name itself (`name__1a2b3c4d`): it depends only on that name,
    ///    not on its position or its neighbours. On the (unlikely) clash of that too, the hash
    ///    is taken again over the name with `#1`, `#2`, … appended.
    ///
    /// Existing identifiers are never renamed or reused for another name, even when their name
    /// has left the schema: old rows still hold that column's values.
    ///
    /// ```swift
    /// let existing = [ExistingName(identifier: "name", comment: "singer:Name")]
    /// NamePolicy.assign(["name", "Name"], existing: existing)["name"]   // "name__<hash>"
    /// ```
    public static func assign(_ originals: [String], existing: [ExistingName] = []) -> NameAssignment {
        var taken = Set(existing.map(\.identifier))
        var recorded: [String: String] = [:]
        var adoptable = Set<String>()
        for name in existing {
            if let original = name.originalName {
                if recorded[original] == nil { recorded[original] = name.identifier }
            } else {
                adoptable.insert(name.identifier)
            }
        }

        var seen = Set<String>()
        let distinct = originals.filter { seen.insert($0).inserted }
        var chosen: [String: NameAssignment.Entry] = [:]

        var unassigned: [(original: String, plain: String)] = []
        for original in distinct {
            if let identifier = recorded[original] {
                chosen[original] = .init(originalName: original, identifier: identifier, source: .recorded)
            } else {
                unassigned.append((original, identifier(for: original)))
            }
        }

        // Names already spelled like their identifier go first, so `name` beats `Name` to
        // `name` in whichever order the schema lists them.
        let claimOrder = unassigned.filter { $0.original == $0.plain } + unassigned.filter { $0.original != $0.plain }
        var losers: [(original: String, plain: String)] = []
        for candidate in claimOrder {
            if !taken.contains(candidate.plain) {
                taken.insert(candidate.plain)
                chosen[candidate.original] = .init(originalName: candidate.original, identifier: candidate.plain, source: .new)
            } else if adoptable.remove(candidate.plain) != nil {
                chosen[candidate.original] = .init(originalName: candidate.original, identifier: candidate.plain, source: .adopted)
            } else {
                losers.append(candidate)
            }
        }

        // Suffixes only after every plain claim, so a suffixed name never takes a plain one.
        let losingNames = Set(losers.map(\.original))
        for loser in unassigned where losingNames.contains(loser.original) {
            var attempt = 0
            var identifier = suffixed(loser.plain, original: loser.original, attempt: attempt)
            while taken.contains(identifier) {
                attempt += 1
                identifier = suffixed(loser.plain, original: loser.original, attempt: attempt)
            }
            taken.insert(identifier)
            chosen[loser.original] = .init(originalName: loser.original, identifier: identifier, source: .new)
        }

        return NameAssignment(entries: distinct.compactMap { chosen[$0] })
    }

    /// `plain` cut to leave room for `__` and a hash of `original` (salted by `attempt` after a
    /// clash), within 63 bytes.
    static func suffixed(_ plain: String, original: String, attempt: Int) -> String {
        let hashed = attempt == 0 ? original : original + "#\(attempt)"
        let room = maxIdentifierBytes - 2 - 8
        return truncated(plain, toBytes: room) + "__" + NameFingerprint.hex(hashed)
    }
}
