/// How stream and property names become PostgreSQL table and column names.
///
/// The rules, applied in order, so the same name always gives the same identifier:
///
/// 1. **Lower-case, no word splitting.** `AnnualRevenue` → `annualrevenue`, `Account__c` →
///    `account__c`. Salesforce, Zuora and Marketo users know their field names; lower-casing
///    keeps them recognisable and needs no quoting in SQL, and it is what the MeltanoLabs and
///    PipelineWise targets do, so tables they created keep their column names.
/// 2. **Plain ASCII.** Accented Latin letters fold to ASCII (`Straße` → `strasse`,
///    `Código` → `codigo`); combining accents are dropped; every other run of characters
///    outside `[a-z0-9_]` becomes one `_` (`Annual Revenue (USD)` → `annual_revenue_usd`,
///    `Account.Name` → `account_name`, `public-Account` → `public_account`).
/// 3. **Tidy edges.** Leading and trailing `_` are trimmed, except that a name starting with
///    `_sdc_` (the Singer metadata columns) keeps its prefix. A name that would start with a
///    digit gets a leading `_` (`2024 Target` → `_2024_target`); a name with nothing left
///    (`名前`, `""`, `"$$"`) becomes `_` plus the fingerprint of the original.
/// 4. **At most 63 bytes**, PostgreSQL's identifier limit (longer names are silently cut by the
///    server, which is how other targets end up with colliding columns). A longer name keeps
///    its first 54 bytes, then `_` and 8 hex digits of the FNV-1a hash of the *original* name,
///    so two long names that share a prefix still differ.
///
/// Collisions left after these rules (`Name` and `name`, two long names whose cuts agree) are
/// settled by ``assign(_:existing:)``, which also reuses the names a table already has.
///
/// ```swift
/// NamePolicy.identifier(for: "Annual Revenue (USD)")   // "annual_revenue_usd"
/// NamePolicy.identifier(for: "SystemModstamp")         // "systemmodstamp"
/// NamePolicy.tableName(forStream: "public-Account")    // "public_account"
/// ```
public enum NamePolicy {
    /// PostgreSQL's longest identifier, in bytes (`NAMEDATALEN - 1`).
    public static let maxIdentifierBytes = 63

    /// How many bytes of the normalised name a truncated identifier keeps before `_<hash>`.
    static let truncatedPrefixBytes = maxIdentifierBytes - 1 - 8

    /// The prefix of Singer metadata columns, which keeps its leading underscore.
    static let metadataPrefix = "_sdc_"

    /// The identifier for a property or stream called `original`, before collisions are
    /// considered: normalised, and truncated with a hash when over 63 bytes.
    public static func identifier(for original: String) -> String {
        let normalized = normalize(original)
        guard normalized.utf8.count > maxIdentifierBytes else { return normalized }
        return truncated(normalized, toBytes: truncatedPrefixBytes) + "_" + NameFingerprint.hex(original)
    }

    /// The table for the stream whose `tap_stream_id` (or `stream`) is `stream`.
    ///
    /// The whole name is used, so `public-Account` and `sales-Account` land in different tables
    /// (`public_account`, `sales_account`).
    public static func tableName(forStream stream: String) -> String {
        identifier(for: stream)
    }

    /// The staging table the loader fills with COPY before merging into `table`.
    ///
    /// `_stage_` cannot clash with a stream's table: rule 3 trims the leading `_` of stream
    /// names, so no stream table starts with `_stage_`. A long result is truncated as in rule 4,
    /// hashing the full staging name.
    public static func stagingTableName(for table: String) -> String {
        let name = "_stage_" + table
        guard name.utf8.count > maxIdentifierBytes else { return name }
        return truncated(name, toBytes: truncatedPrefixBytes) + "_" + NameFingerprint.hex(name)
    }

    /// Rules 1–3: the name in `[a-z0-9_]`, without the 63-byte limit.
    static func normalize(_ original: String) -> String {
        var result = ""
        result.reserveCapacity(original.utf8.count)
        var pendingSeparator = false
        for scalar in original.unicodeScalars {
            let spelling: String?
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39, 0x5F:  // a-z, 0-9, _
                spelling = String(scalar)
            case 0x41...0x5A:  // A-Z
                spelling = String(Unicode.Scalar(scalar.value + 0x20)!)
            case 0x0300...0x036F:
                // A combining accent (a decomposed `é`): drop it and keep the base letter
                // joined to the rest of the word.
                continue
            default:
                spelling = LatinFolding.ascii(for: scalar)
            }
            if let spelling {
                if pendingSeparator { result.append("_") }
                pendingSeparator = false
                result.append(spelling)
            } else {
                pendingSeparator = true
            }
        }
        // A trailing separator run is simply never appended; a leading one becomes "_" only
        // to be trimmed below, so both edges end up trimmed alike.
        if !result.hasPrefix(metadataPrefix) {
            result = String(result.drop(while: { $0 == "_" }))
        }
        while result.hasSuffix("_") { result.removeLast() }
        if result.isEmpty { return "_" + NameFingerprint.hex(original) }
        if let first = result.utf8.first, (0x30...0x39).contains(first) { result = "_" + result }
        return result
    }

    /// The longest prefix of `name` that fits in `bytes` bytes and ends on a character boundary,
    /// without a trailing `_` (which would read as a doubled separator before the hash).
    static func truncated(_ name: String, toBytes bytes: Int) -> String {
        var prefix = ""
        var used = 0
        for character in name {
            let size = character.utf8.count
            guard used + size <= bytes else { break }
            prefix.append(character)
            used += size
        }
        while prefix.hasSuffix("_"), prefix.count > 1 { prefix.removeLast() }
        return prefix
    }
}
