import Singer

/// Builds describeGlobal and sObject describe bodies with the keys Salesforce documents
/// (about 50 per field, 40 per object), in its key order.
enum DescribeRenderer {
    static func urls(_ object: ObjectDefinition, version: String) -> JSONValue {
        let base = "/services/data/\(version)/sobjects/\(object.name)"
        return [
            "compactLayouts": .string(base + "/describe/compactLayouts"), "rowTemplate": .string(base + "/{ID}"),
            "approvalLayouts": .string(base + "/describe/approvalLayouts"), "defaultValues": .string(base + "/defaultValues?recordTypeId&fields"),
            "describe": .string(base + "/describe"), "quickActions": .string(base + "/quickActions"),
            "layouts": .string(base + "/describe/layouts"), "sobject": .string(base),
        ]
    }

    static func globalEntry(_ object: ObjectDefinition, version: String) -> JSONValue {
        var entry = JSONObject()
        for (key, value) in objectFlags(object) { entry.append(key: key, value: value) }
        entry.append(key: "urls", value: urls(object, version: version))
        return .object(entry)
    }

    private static func objectFlags(_ object: ObjectDefinition) -> [(String, JSONValue)] {
        [
            ("activateable", false), ("associateEntityType", .null), ("associateParentEntity", .null),
            ("createable", .bool(object.createable)), ("custom", .bool(object.custom)), ("customSetting", false),
            ("deepCloneable", false), ("deletable", .bool(object.deletable)), ("deprecatedAndHidden", false),
            ("feedEnabled", .bool(object.feedEnabled)), ("hasSubtypes", false), ("isInterface", false), ("isSubtype", false),
            ("keyPrefix", object.keyPrefix.map(JSONValue.string) ?? .null), ("label", .string(object.label)),
            ("labelPlural", .string(object.labelPlural)), ("layoutable", .bool(object.layoutable)), ("mergeable", false),
            ("mruEnabled", .bool(object.queryable)), ("name", .string(object.name)), ("queryable", .bool(object.queryable)),
            ("replicateable", .bool(object.replicateable)), ("retrieveable", .bool(object.retrieveable)),
            ("searchable", .bool(object.searchable)), ("triggerable", .bool(object.triggerable)),
            ("undeletable", .bool(object.deletable)), ("updateable", .bool(object.updateable)),
        ]
    }

    static func describe(_ object: ObjectDefinition, schema: OrgSchema, version: String) -> JSONValue {
        var body = JSONObject()
        body.append(key: "actionOverrides", value: [])
        for (key, value) in objectFlags(object) {
            switch key {
            case "activateable": body.append(key: key, value: value); body.append(key: "childRelationships", value: .array(childRelationships(of: object, schema: schema)))
                body.append(key: "compactLayoutable", value: .bool(object.layoutable))
            case "deprecatedAndHidden":
                body.append(key: key, value: value)
                body.append(key: "extendedBy", value: .null)
                body.append(key: "extendsInterfaces", value: .null)
                body.append(key: "defaultImplementation", value: .null)
            case "feedEnabled":
                body.append(key: key, value: value)
                body.append(key: "fields", value: .array(object.fields.map { field($0) }))
            case "keyPrefix":
                body.append(key: "implementedBy", value: .null)
                body.append(key: "implementsInterfaces", value: .null)
                body.append(key: key, value: value)
            case "layoutable":
                body.append(key: key, value: value)
                body.append(key: "listviewable", value: .null)
                body.append(key: "lookupLayoutable", value: .null)
            case "name":
                body.append(key: key, value: value)
                body.append(key: "namedLayoutInfos", value: [])
                body.append(key: "networkScopeFieldName", value: .null)
            case "queryable":
                body.append(key: key, value: value)
                body.append(key: "recordTypeInfos", value: recordTypes(object))
            case "retrieveable":
                body.append(key: key, value: value)
                body.append(key: "searchLayoutable", value: .bool(object.searchable))
            case "searchable":
                body.append(key: key, value: value)
                body.append(key: "sobjectDescribeOption", value: "FULL")
                body.append(key: "supportedScopes", value: [["label": "All", "name": "everything"], ["label": "My", "name": "mine"]])
            default:
                body.append(key: key, value: value)
            }
        }
        body.append(key: "urls", value: urls(object, version: version))
        return .object(body)
    }

    private static func recordTypes(_ object: ObjectDefinition) -> JSONValue {
        guard object.layoutable else { return [] }
        let masterID: String = (object.keyPrefix.map { _ in "012000000000000AAA" }) ?? "012000000000000AAA"
        return [[
            "active": true, "available": true, "defaultRecordTypeMapping": true, "developerName": "Master",
            "master": true, "name": "Master", "recordTypeId": .string(masterID),
            "urls": ["layout": .string("/services/data/v61.0/sobjects/\(object.name)/describe/layouts/\(masterID)")],
        ]]
    }

    private static func childRelationships(of object: ObjectDefinition, schema: OrgSchema) -> [JSONValue] {
        var result: [JSONValue] = []
        for child in schema.objects where child.queryable {
            for field in child.fields where field.type == .reference && field.referenceTo.contains(object.name) && !field.name.hasSuffix("ById") && field.name != "OwnerId" {
                let relationship: JSONValue = field.name == "Id" ? .null : .string(child.labelPlural.replacingSpaces)
                result.append([
                    "cascadeDelete": .bool(!field.nillable), "childSObject": .string(child.name), "deprecatedAndHidden": false,
                    "field": .string(field.name), "junctionIdListNames": [], "junctionReferenceTo": [],
                    "relationshipName": relationship, "restrictedDelete": false,
                ])
            }
        }
        return result
    }

    static func field(_ field: FieldDefinition) -> JSONValue {
        let picklist: [JSONValue] = field.picklistValues.map { value in
            ["active": true, "defaultValue": .bool(value == field.defaultPicklistValue), "label": .string(value), "validFor": .null, "value": .string(value)]
        }
        let members: [(String, JSONValue)] = [
            ("aggregatable", .bool(field.type != .textarea || field.filterable)), ("aiPredictionField", false),
            ("autoNumber", .bool(field.autoNumber)), ("byteLength", .number(JSONNumber(field.byteLength))),
            ("calculated", .bool(field.calculated)), ("calculatedFormula", field.calculatedFormula.map(JSONValue.string) ?? .null),
            ("cascadeDelete", false), ("caseSensitive", false), ("compoundFieldName", field.compoundFieldName.map(JSONValue.string) ?? .null),
            ("controllerName", .null), ("createable", .bool(field.createable)), ("custom", .bool(field.custom)),
            ("defaultValue", field.type == .boolean ? .bool(false) : .null), ("defaultValueFormula", .null),
            ("defaultedOnCreate", .bool(field.defaultedOnCreate)), ("dependentPicklist", false), ("deprecatedAndHidden", false),
            ("digits", .number(JSONNumber(field.digits))), ("displayLocationInDecimal", .bool(field.type == .location)),
            ("encrypted", false), ("externalId", .bool(field.externalId)), ("extraTypeInfo", field.extraTypeInfo.map(JSONValue.string) ?? .null),
            ("filterable", .bool(field.filterable)), ("filteredLookupInfo", .null), ("formulaTreatNullNumberAsZero", false),
            ("groupable", .bool(field.groupable)), ("highScaleNumber", false), ("htmlFormatted", .bool(field.htmlFormatted)),
            ("idLookup", .bool(field.idLookup)), ("inlineHelpText", .null), ("label", .string(field.label)),
            ("length", .number(JSONNumber(field.length))), ("mask", .null), ("maskType", .null), ("name", .string(field.name)),
            ("nameField", .bool(field.nameField)), ("namePointing", .bool(field.referenceTo.count > 1)),
            ("nillable", .bool(field.nillable)), ("permissionable", .bool(field.nillable && !field.calculated)),
            ("picklistValues", .array(picklist)), ("polymorphicForeignKey", .bool(field.referenceTo.count > 1)),
            ("precision", .number(JSONNumber(field.precision))), ("queryByDistance", false), ("referenceTargetField", .null),
            ("referenceTo", .array(field.referenceTo.map(JSONValue.string))),
            ("relationshipName", field.relationshipName.map(JSONValue.string) ?? .null), ("relationshipOrder", .null),
            ("restrictedDelete", false), ("restrictedPicklist", .bool(field.restrictedPicklist)),
            ("scale", .number(JSONNumber(field.scale))), ("searchPrefilterable", false), ("soapType", .string(field.type.soapType)),
            ("sortable", .bool(field.sortable)), ("type", .string(field.type.rawValue)), ("unique", .bool(field.unique)),
            ("updateable", .bool(field.updateable)), ("writeRequiresMasterRead", false),
        ]
        return .object(JSONObject(members.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}

extension String {
    var replacingSpaces: String { String(filter { $0 != " " }) }
}
