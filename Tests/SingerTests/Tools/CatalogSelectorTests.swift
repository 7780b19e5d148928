import Singer
import SingerTools
import Testing

@Suite struct CatalogSelectorTests {
    /// Two discovered streams the way tap-salesforce writes them: Id automatic, a base64 field unsupported.
    let discovered: Catalog = {
        var parser = JSONParser()
        let text = """
            {"streams":[
              {"stream":"Opportunity","tap_stream_id":"Opportunity","schema":{"type":"object","properties":{
                "Id":{"type":"string"},"Name":{"type":["null","string"]},"Description":{"type":["null","string"]},
                "Amount":{"type":["null","number"]}}},
               "metadata":[{"breadcrumb":[],"metadata":{"table-key-properties":["Id"]}},
                 {"breadcrumb":["properties","Id"],"metadata":{"inclusion":"automatic"}},
                 {"breadcrumb":["properties","Name"],"metadata":{"inclusion":"available"}},
                 {"breadcrumb":["properties","Description"],"metadata":{"inclusion":"available"}},
                 {"breadcrumb":["properties","Amount"],"metadata":{"inclusion":"available"}}]},
              {"stream":"Attachment","tap_stream_id":"Attachment","schema":{"type":"object","properties":{
                "Id":{"type":"string"},"Body":{}}},
               "metadata":[{"breadcrumb":["properties","Id"],"metadata":{"inclusion":"automatic"}},
                 {"breadcrumb":["properties","Body"],"metadata":{"inclusion":"unsupported"}}]}]}
            """
        return try! Catalog(json: parser.parse(text))
    }()

    @Test func wildcardSelectsEveryFieldButExclusions() throws {
        let selected = try CatalogSelector(patterns: ["Opp*.*", "!Opportunity.Description"]).apply(to: discovered)
        let opportunity = try #require(selected["Opportunity"])
        #expect(opportunity.metadata.root.selected == true)
        #expect(opportunity.selectedProperties(rule: .singerIO) == ["Id", "Name", "Amount"])
        #expect(opportunity.selectedProperties(rule: .sdk) == ["Id", "Name", "Amount"])
        #expect(selected["Attachment"]?.metadata.root.selected == false)
    }

    @Test func laterPatternOverridesEarlierOne() throws {
        let selected = try CatalogSelector(patterns: ["Opportunity.*", "!Opportunity.Amount", "Opportunity.Am?unt"])
            .apply(to: discovered)
        #expect(selected["Opportunity"]?.selectedProperties(rule: .singerIO) == ["Id", "Name", "Description", "Amount"])
    }

    @Test func automaticAndUnsupportedFieldsIgnorePatterns() throws {
        let selected = try CatalogSelector(patterns: ["*.Name", "Attachment.Body"]).apply(to: discovered)
        #expect(selected["Opportunity"]?.selectedProperties(rule: .singerIO) == ["Id", "Name"])
        #expect(selected["Attachment"]?.selectedProperties(rule: .singerIO) == ["Id"])
    }

    @Test func excludingAWholeStreamDeselectsIt() throws {
        let selected = try CatalogSelector(patterns: ["*.*", "!Attachment.*"]).apply(to: discovered)
        #expect(selected["Opportunity"]?.metadata.root.selected == true)
        #expect(selected["Attachment"]?.metadata.root.selected == false)
    }

    @Test(arguments: ["Opportunity", "!Account", ".Name", "Account."])
    func patternWithoutStreamAndFieldIsRejected(pattern: String) {
        #expect(throws: CatalogSelectorError.self) { try CatalogSelector(patterns: [pattern]) }
    }
}
