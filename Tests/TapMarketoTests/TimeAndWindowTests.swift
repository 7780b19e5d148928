import Testing
@testable import TapMarketo

@Suite struct TimeAndWindowTests {
    @Test func windowsAreAtMostTheConfiguredDaysAndNeverZeroLength() {
        let day = 86_400
        let windows = ExportWindows.split(start: 0, end: 65 * day + 5, days: 30)
        #expect(windows.map(\.start) == [0, 30 * day, 60 * day])
        #expect(windows.map(\.end) == [30 * day, 60 * day, 65 * day + 5])
        #expect(ExportWindows.split(start: 100, end: 100, days: 30).isEmpty)
        #expect(ExportWindows.split(start: 0, end: 40 * day, days: 45).first?.end == 31 * day)
    }

    @Test func datesAreFormattedAsThePythonTapFormatsThem() {
        #expect(MarketoTime.normalized("2024-01-05T10:00:00Z") == "2024-01-05T10:00:00+00:00")
        #expect(MarketoTime.normalized("2024-01-05T10:00:00-0800") == "2024-01-05T10:00:00-08:00")
        #expect(MarketoTime.normalized("2015-11-18T15:25:35Z+0000") == "2015-11-18T15:25:35+00:00")
        #expect(MarketoTime.normalized("1980-01-02") == "1980-01-02T00:00:00+00:00")
        #expect(MarketoTime.normalized("2024-01-05T10:00:00.5+00:00") == "2024-01-05T10:00:00.500000+00:00")
        #expect(MarketoTime.normalized("soon") == nil)
        #expect(MarketoTime.isoformat(1_704_067_200) == "2024-01-01T00:00:00+00:00")
        #expect(MarketoTime.zulu(1_704_067_200) == "2024-01-01T00:00:00Z")
    }
}
