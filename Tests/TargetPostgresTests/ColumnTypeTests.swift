import Testing

@testable import TargetPostgres

@Suite struct ColumnTypeTests {
    @Test func ddlNamesReadBackAsTheSameType() {
        for type in ColumnType.allCases {
            #expect(ColumnType(formatType: type.sql) == type)
        }
        #expect(ColumnType(formatType: "integer") == nil)
    }
}
