/// One row under construction: values by field name, rendered into JSON fragments at the
/// end (compound address and location values are assembled from their components here).
struct RowBuilder {
    let object: ObjectDefinition
    private(set) var values: [FieldValue]

    init(object: ObjectDefinition) {
        self.object = object
        values = object.fieldTypes.map { $0 == .boolean ? .bool(false) : .null }
    }

    /// The value of `name`; assigning to a field the object lacks is ignored (generators
    /// share helpers across objects).
    subscript(name: String) -> FieldValue {
        get { object.position(of: name).map { values[$0] } ?? .null }
        set { if let position = object.position(of: name) { values[position] = newValue } }
    }

    /// Sets the audit fields in their usual relation: created ≤ modified ≤ SystemModstamp.
    mutating func audit(created: Int64, modified: Int64, stamp: Int64, creator: FieldValue, modifier: FieldValue) {
        self["CreatedDate"] = .dateTime(created)
        self["LastModifiedDate"] = .dateTime(modified)
        self["SystemModstamp"] = .dateTime(stamp)
        self["CreatedById"] = creator
        self["LastModifiedById"] = modifier
    }

    /// Fills compound fields from their components.
    mutating func assembleCompounds() {
        for position in object.compoundPositions {
            let field = object.fields[position]
            switch field.type {
            case .address:
                let prefix = String(field.name.dropLast("Address".count))
                func text(_ suffix: String) -> String? {
                    if case .text(let value) = self[prefix + suffix] { return value }
                    return nil
                }
                let street = text("Street"), city = text("City")
                guard street != nil || city != nil else {
                    values[position] = .null
                    continue
                }
                values[position] = .address(AddressValue(
                    street: street, city: city, state: text("State"), postalCode: text("PostalCode"),
                    country: text("Country"), latitude: self[prefix + "Latitude"], longitude: self[prefix + "Longitude"],
                    geocodeAccuracy: text("GeocodeAccuracy")))
            case .location:
                let base = String(field.name.dropLast(3))
                if case .decimal(let latitude, let latitudeScale) = self[base + "__Latitude__s"],
                    case .decimal(let longitude, let longitudeScale) = self[base + "__Longitude__s"]
                {
                    values[position] = .location(
                        latitude: Double(latitude) / pow10(latitudeScale), longitude: Double(longitude) / pow10(longitudeScale))
                } else {
                    values[position] = .null
                }
            default: continue
            }
        }
    }

    /// The row's JSON fragments, packed for a ``RecordTable``.
    func rendered(apiVersion: String = "v61.0") -> (bytes: [UInt8], ends: [UInt32]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(object.fieldTypes.count * 24)
        var ends: [UInt32] = []
        ends.reserveCapacity(object.fieldTypes.count)
        let id: String? = if case .text(let value) = values[0] { value } else { nil }
        for (position, type) in object.fieldTypes.enumerated() {
            if type == .base64, let id {
                JSONFragment.appendString("/services/data/\(apiVersion)/sobjects/\(object.name)/\(id)/\(object.fields[position].name)", into: &bytes)
            } else {
                JSONFragment.render(values[position], type: type, into: &bytes)
            }
            ends.append(UInt32(bytes.count))
        }
        return (bytes, ends)
    }

    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
