import Singer

/// A deterministic Salesforce-like Singer stream (Opportunity records of about 800 bytes, 25
/// fields of mixed types) for demos and benchmarks.
public struct SampleStream {
    public var stream = "Opportunity"
    public var recordCount: Int
    /// Emit a STATE every this many records.
    public var stateInterval = 10_000

    public init(recordCount: Int) { self.recordCount = recordCount }

    public static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "Id": ["type": "string", "maxLength": 18],
            "AccountId": ["type": ["null", "string"]],
            "OwnerId": ["type": ["null", "string"]],
            "Name": ["type": ["null", "string"]],
            "Description": ["type": ["null", "string"]],
            "StageName": ["type": ["null", "string"]],
            "Amount": ["type": ["null", "number"]],
            "ExpectedRevenue": ["type": ["null", "number"]],
            "Probability": ["type": ["null", "number"]],
            "TotalOpportunityQuantity": ["type": ["null", "integer"]],
            "CloseDate": ["type": ["null", "string"], "format": "date"],
            "Type": ["type": ["null", "string"]],
            "NextStep": ["type": ["null", "string"]],
            "LeadSource": ["type": ["null", "string"]],
            "IsClosed": ["type": ["null", "boolean"]],
            "IsWon": ["type": ["null", "boolean"]],
            "ForecastCategory": ["type": ["null", "string"]],
            "CurrencyIsoCode": ["type": ["null", "string"]],
            "CampaignId": ["type": ["null", "string"]],
            "HasOpenActivity": ["type": ["null", "boolean"]],
            "CreatedDate": ["type": ["null", "string"], "format": "date-time"],
            "LastModifiedDate": ["type": ["null", "string"], "format": "date-time"],
            "SystemModstamp": ["type": "string", "format": "date-time"],
            "Fiscal_Quarter__c": ["type": ["null", "string"]],
            "Annual_Contract_Value__c": ["type": ["null", "number"]],
        ],
    ]

    /// The stream as JSON lines: SCHEMA, RECORDs with periodic STATEs, a final STATE.
    public func write(to output: MessageWriter) throws {
        try output.write(.schema(SchemaMessage(stream: stream, schema: Self.schema, keyProperties: ["Id"], bookmarkProperties: ["SystemModstamp"])))
        for index in 0..<recordCount {
            try output.write(.record(RecordMessage(stream: stream, record: Self.record(index), timeExtracted: "2026-11-29T08:00:00.000000Z")))
            if (index + 1) % stateInterval == 0 || index + 1 == recordCount {
                try output.write(.state(StateMessage(value: ["bookmarks": [.init(stringLiteral: stream): ["SystemModstamp": .string(Self.timestamp(index))]]])))
            }
        }
        try output.flush()
    }

    /// The same records as CSV rows (no header, columns in schema order, NULL as an unquoted
    /// empty field): what `psql \copy … CSV` loads as the baseline of `scripts/bench-target`.
    public func writeCSV(to output: MessageWriter) throws {
        let columns = Self.schema["properties"]?.objectValue?.keys ?? []
        var line: [UInt8] = []
        for index in 0..<recordCount {
            let record = Self.record(index)
            line.removeAll(keepingCapacity: true)
            for (position, column) in columns.enumerated() {
                if position > 0 { line.append(UInt8(ascii: ",")) }
                switch record[column] ?? .null {
                case .null: break
                case .string(let text):
                    line.append(UInt8(ascii: "\""))
                    for byte in text.utf8 {
                        if byte == UInt8(ascii: "\"") { line.append(byte) }
                        line.append(byte)
                    }
                    line.append(UInt8(ascii: "\""))
                case let value: line.append(contentsOf: value.description.utf8)
                }
            }
            line.append(UInt8(ascii: "\n"))
            try output.writeRaw(line)
        }
        try output.flush()
    }

    /// The PostgreSQL table the CSV loads into: the types target-postgres gives these columns.
    public static let csvTableDefinition = """
        id text PRIMARY KEY, accountid text, ownerid text, name text, description text, stagename text,
        amount numeric, expectedrevenue numeric, probability numeric, totalopportunityquantity bigint, closedate date,
        type text, nextstep text, leadsource text, isclosed boolean, iswon boolean, forecastcategory text,
        currencyisocode text, campaignid text, hasopenactivity boolean, createddate timestamptz,
        lastmodifieddate timestamptz, systemmodstamp timestamptz, fiscal_quarter__c text, annual_contract_value__c numeric
        """

    static let stages = ["Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Negotiation/Review", "Closed Won", "Closed Lost"]
    static let sources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"]

    /// The record with the given index: same index, same record.
    public static func record(_ index: Int) -> JSONObject {
        let stage = stages[index % stages.count]
        let amount = JSONNumber("\(10_000 + (index * 7919) % 990_000).\(String(format2: index % 100))")!
        let isClosed = stage.hasPrefix("Closed")
        return [
            "Id": .string(salesforceId(prefix: "006", index)),
            "AccountId": .string(salesforceId(prefix: "001", index / 3)),
            "OwnerId": .string(salesforceId(prefix: "005", index % 40)),
            "Name": .string("Renewal “Enterprise” \(index)"),
            "Description": index % 5 == 0 ? .null : .string("Net 30,\n\"auto-renew\"\tEMEA \\ APAC"),
            "StageName": .string(stage),
            "Amount": .number(amount),
            "ExpectedRevenue": .number(JSONNumber("\(5_000 + (index * 31) % 400_000).5")!),
            "Probability": .number(JSONNumber((index % 11) * 10)),
            "TotalOpportunityQuantity": index % 4 == 0 ? .null : .number(JSONNumber(1 + index % 250)),
            "CloseDate": .string("2026-\(String(format2: 1 + index % 12))-\(String(format2: 1 + index % 28))"),
            "Type": .string(index % 2 == 0 ? "New Business" : "Upgrade"),
            "NextStep": .string("Send quote"),
            "LeadSource": .string(sources[index % sources.count]),
            "IsClosed": .bool(isClosed),
            "IsWon": .bool(stage == "Closed Won"),
            "ForecastCategory": .string(isClosed ? "Closed" : "Pipeline"),
            "CurrencyIsoCode": "USD",
            "CampaignId": index % 3 == 0 ? .null : .string(salesforceId(prefix: "701", index % 97)),
            "HasOpenActivity": .bool(index % 2 == 1),
            "CreatedDate": .string("2025-\(String(format2: 1 + index % 12))-\(String(format2: 1 + index % 28))T09:15:27.000+0000"),
            "LastModifiedDate": .string(timestamp(index)),
            "SystemModstamp": .string(timestamp(index)),
            "Fiscal_Quarter__c": .string("FY26-Q\(1 + index % 4)"),
            "Annual_Contract_Value__c": .number(JSONNumber("\(12_000 + (index * 13) % 88_000).00")!),
        ]
    }

    static func salesforceId(prefix: String, _ index: Int) -> String {
        let digits = String(index, radix: 36, uppercase: true)
        return prefix + "5e0000" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }

    static func timestamp(_ index: Int) -> String {
        let seconds = index % 60, minutes = (index / 60) % 60, hours = (index / 3600) % 24
        return "2026-11-28T\(String(format2: hours)):\(String(format2: minutes)):\(String(format2: seconds)).000Z"
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
