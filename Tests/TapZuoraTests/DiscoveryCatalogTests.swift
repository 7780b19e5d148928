import Foundation
import Singer
import Testing
@testable import TapZuora

@Suite struct DiscoveryCatalogTests {
    static let objectList = """
        <?xml version="1.0" encoding="UTF-8"?>
        <objects>
          <object href="https://rest.zuora.com/v1/describe/Account"><name>Account</name><label>Account</label></object>
          <object href="https://rest.zuora.com/v1/describe/Invoice"><name>Invoice</name><label>Invoice</label></object>
        </objects>
        """

    static let account = """
        <?xml version="1.0" encoding="UTF-8"?>
        <object>
          <name>Account</name><label>Account</label>
          <fields>
            <field><name>Id</name><label>Account ID</label><type>text</type><required>false</required>
              <contexts><context>soap</context><context>export</context></contexts></field>
            <field><name>Status</name><label>Status</label><type>picklist</type>
              <options><option>Active</option><option>Draft</option></options>
              <required>false</required><contexts><context>export</context></contexts></field>
            <field><name>Balance</name><type>decimal</type><required>false</required><contexts><context>export</context></contexts></field>
            <field><name>AutoPay</name><type>boolean</type><required>false</required><contexts><context>export</context></contexts></field>
            <field><name>BillCycleDay</name><type>integer</type><required>true</required><contexts><context>export</context></contexts></field>
            <field><name>CreatedDate</name><type>datetime</type><required>false</required><contexts><context>export</context></contexts></field>
            <field><name>UpdatedDate</name><type>datetime</type><required>false</required><contexts><context>export</context></contexts></field>
            <field><name>LastInvoiceDate</name><type>date</type><contexts><context>export</context></contexts></field>
            <field><name>Notes</name><type>text</type><required>false</required><contexts><context>soap</context></contexts></field>
            <field><name>Query</name><type>ZOQL</type><required>false</required><contexts><context>export</context></contexts></field>
          </fields>
          <related-objects>
            <object href="https://rest.zuora.com/v1/describe/Contact"><name>BillToContact</name><label>Bill To</label></object>
            <object><name>SubscriptionStatusHistory</name></object>
          </related-objects>
        </object>
        """

    @Test func objectListReadsEveryObjectName() throws {
        #expect(try DescribeXML.objectNames(Data(Self.objectList.utf8)) == ["Account", "Invoice"])
    }

    @Test func describeKeepsFieldsContextsAndRelatedObjects() throws {
        let object = try DescribeXML.object(Data(Self.account.utf8))
        #expect(object.name == "Account")
        #expect(object.fields.map(\.name) == [
            "Id", "Status", "Balance", "AutoPay", "BillCycleDay", "CreatedDate", "UpdatedDate", "LastInvoiceDate", "Notes", "Query",
        ])
        #expect(object.fields[0].contexts == ["soap", "export"])
        #expect(object.fields[4].required)
        #expect(!object.fields[8].isExportable)
        #expect(object.relatedObjects == ["BillToContact", "SubscriptionStatusHistory"])
    }

    @Test func malformedDescribeIsAnError() {
        #expect(throws: DescribeXML.ParseError.self) { try DescribeXML.object(Data("<object><name>A".utf8)) }
    }

    @Test func catalogMapsTypesJoinsRelatedObjectsAndPicksTheReplicationKey() throws {
        let object = try DescribeXML.object(Data(Self.account.utf8))
        let entry = try #require(ZuoraCatalogBuilder(apiType: .aqua).entry(for: object, deletedSupported: true))
        let properties = try #require(entry.schema["properties"]?.objectValue)
        #expect(properties.keys == [
            "Id", "Status", "Balance", "AutoPay", "BillCycleDay", "CreatedDate", "UpdatedDate", "LastInvoiceDate", "Query",
            "BillToContactId", "Deleted",
        ])
        #expect(properties["Status"] == ["type": ["string", "null"]])
        #expect(properties["Balance"] == ["type": ["number", "null"]])
        #expect(properties["AutoPay"] == ["type": ["boolean", "null"]])
        #expect(properties["BillCycleDay"] == ["type": ["integer", "null"]])
        #expect(properties["LastInvoiceDate"] == ["type": ["string", "null"], "format": "date-time"])
        #expect(entry.topLevelKeyProperties == ["Id"])
        #expect(entry.topLevelReplicationKey == "UpdatedDate")
        #expect(entry.topLevelReplicationMethod == "INCREMENTAL")
        let root = entry.metadata.root
        #expect(root.tableKeyProperties == ["Id"])
        #expect(root.validReplicationKeys == ["UpdatedDate"])
        #expect(root.forcedReplicationMethod == "INCREMENTAL")
        #expect(root.replicationKey == "UpdatedDate")
        #expect(root.replicationMethod == "INCREMENTAL")
        #expect(root.inclusion == .available)
        #expect(entry.metadata[.property("Id")]?.inclusion == .automatic)
        #expect(entry.metadata[.property("UpdatedDate")]?.inclusion == .automatic)
        #expect(entry.metadata[.property("Status")]?.inclusion == .available)
        #expect(entry.metadata[.property("Query")]?.inclusion == .unsupported)
        #expect(entry.metadata[.property("BillToContactId")]?["tap-zuora.joined_object"] == "BillToContact")
    }

    @Test func objectWithoutReplicationKeyIsFullTableAndRESTHasNoDeleted() throws {
        let xml = """
            <object><name>Product</name><fields>
            <field><name>Id</name><type>text</type><required>false</required><contexts><context>export</context></contexts></field>
            <field><name>Name</name><type>text</type><required>false</required><contexts><context>export</context></contexts></field>
            </fields><related-objects/></object>
            """
        let object = try DescribeXML.object(Data(xml.utf8))
        let entry = try #require(ZuoraCatalogBuilder(apiType: .rest).entry(for: object, deletedSupported: true))
        #expect(entry.topLevelReplicationMethod == "FULL_TABLE")
        #expect(entry.topLevelReplicationKey == nil)
        #expect(entry.metadata.root.forcedReplicationMethod == "FULL_TABLE")
        #expect(entry.propertyNames == ["Id", "Name"])
    }

    @Test func objectWhoseIdIsNotExportableIsSkipped() throws {
        let xml = """
            <object><name>Secret</name><fields>
            <field><name>Id</name><type>text</type><contexts><context>soap</context></contexts></field>
            </fields></object>
            """
        let object = try DescribeXML.object(Data(xml.utf8))
        #expect(ZuoraCatalogBuilder(apiType: .aqua).entry(for: object, deletedSupported: false) == nil)
    }
}
