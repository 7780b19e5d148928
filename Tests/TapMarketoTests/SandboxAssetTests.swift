import Foundation
import MarketoSandbox
import Singer
import Testing

@Suite("Marketo sandbox: programs, campaigns, lists, activities and deleted leads")
struct SandboxAssetTests {
    @Test("programs.json pages by offset/maxReturn and ends with the 'No assets found' warning and no result")
    func programsPaging() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            var ids: [Int] = []
            var offset = 0
            var pages = 0
            while pages < 20 {
                let reply = try await http.get("/rest/asset/v1/programs.json?maxReturn=2&offset=\(offset)", token: token)
                #expect(reply.success)
                pages += 1
                if reply.json["warnings"]?.arrayValue?.contains(.string("No assets found for the given search criteria.")) == true {
                    #expect(reply.json["result"] == nil)
                    #expect(reply.json["errors"]?.arrayValue?.isEmpty == true)
                    break
                }
                let page = reply.result
                #expect(page.count <= 2)
                ids += page.compactMap { $0["id"]?.intValue }
                #expect(page.allSatisfy { ($0["updatedAt"]?.stringValue ?? "").hasSuffix("Z+0000") })
                #expect(page.allSatisfy { $0["channel"]?.stringValue != nil && $0["folder"]?["folderName"] != nil })
                offset += 2
            }
            #expect(ids == http.sandbox.store.programIDs)
            #expect(try await http.get("/rest/asset/v1/programs.json?maxReturn=201", token: token).success == false)
        }
    }

    @Test("programs.json filters on earliestUpdatedAt/latestUpdatedAt; a change round's program shows up in a later window")
    func programsDateFilter() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let future = "2099-01-01T00:00:00+00:00"
            let none = try await http.get("/rest/asset/v1/programs.json?maxReturn=200&offset=0&earliestUpdatedAt=\(future)&latestUpdatedAt=2099-02-01T00:00:00.123456%2B00:00", token: token)
            #expect(none.json["result"] == nil)
            let summary = http.sandbox.applyChanges()
            let since = SandboxBulkExportTests.format(summary.timestamp - 1)
            let changed = try await http.get("/rest/asset/v1/programs.json?maxReturn=200&offset=0&earliestUpdatedAt=\(since.replacingOccurrences(of: "+", with: "%2B"))", token: token)
            #expect(changed.result.compactMap { $0["id"]?.intValue } == summary.updatedPrograms)
        }
    }

    @Test("a POST with a form body holding _method=GET is served as the GET (Marketo's way around the 8 KB URI limit)")
    func methodOverride() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let longIDs = (1...30).map(String.init).joined(separator: ",")
            let start = try await http.get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01T00:00:00Z", token: token)
            let next = try #require(start.json["nextPageToken"]?.stringValue)
            let body = "_method=GET&activityTypeIds=12&leadIds=\(longIDs)&nextPageToken=\(next)"
            let reply = try await http.send(.post, "/rest/v1/activities.json", headers: [
                "Authorization": "Bearer \(token)", "Content-Type": "application/x-www-form-urlencoded",
            ], body: Data(body.utf8))
            #expect(reply.success, "\(reply.text)")
            let leads = Set(reply.result.compactMap { $0["leadId"]?.intValue })
            #expect(!leads.isEmpty && leads.isSubset(of: Set(1...30)))
        }
    }

    @Test("campaigns.json and lists.json page with nextPageToken, which is absent on the last page")
    func campaignsAndLists() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            for (path, truth) in [("campaigns", http.sandbox.store.campaignIDs), ("lists", http.sandbox.store.listIDs)] {
                var ids: [Int] = []
                var next: String?
                var pages = 0
                repeat {
                    let reply = try await http.get("/rest/v1/\(path).json?batchSize=3" + (next.map { "&nextPageToken=\($0)" } ?? ""), token: token)
                    #expect(reply.success)
                    ids += reply.result.compactMap { $0["id"]?.intValue }
                    next = reply.json["nextPageToken"]?.stringValue
                    pages += 1
                } while next != nil && pages < 100
                #expect(ids == truth)
                #expect(pages == (truth.count + 2) / 3)
            }
        }
    }

    @Test("a paging token from sinceDatetime walks activities of the given types in date order, then stays put")
    func activitiesWithPagingToken() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let start = try await http.get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01T00:00:00Z", token: token)
            var next = try #require(start.json["nextPageToken"]?.stringValue)
            var seen: [JSONValue] = []
            var more = true
            while more {
                let reply = try await http.get("/rest/v1/activities.json?activityTypeIds=1,12&batchSize=100&nextPageToken=\(next)", token: token)
                #expect(reply.success, "\(reply.text)")
                seen += reply.result
                more = reply.json["moreResult"]?.boolValue == true
                next = try #require(reply.json["nextPageToken"]?.stringValue)
            }
            let counts = http.sandbox.store.activityCounts
            #expect(seen.count == counts[1, default: 0] + counts[12, default: 0])
            let dates = seen.compactMap { $0["activityDate"]?.stringValue }
            #expect(dates == dates.sorted())
            let after = try await http.get("/rest/v1/activities.json?activityTypeIds=1,12&nextPageToken=\(next)", token: token)
            #expect(after.result.isEmpty && after.json["moreResult"]?.boolValue == false)
            http.sandbox.applyChanges()
            let fresh = try await http.get("/rest/v1/activities.json?activityTypeIds=12&nextPageToken=\(next)", token: token)
            #expect(!fresh.result.isEmpty)
        }
    }

    @Test("deletedleads.json returns a Delete Lead activity for every deleted lead, including ones deleted by a change round")
    func deletedLeads() async throws {
        try await runAgainstMarketoSandbox(.init(seed: 11, records: 400, anchorSeconds: 1_780_000_000 - 1_780_000_000 % 86_400)) { http in
            let token = try await http.token()
            func all() async throws -> Set<Int> {
                let start = try await http.get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01T00:00:00Z", token: token)
                var next = try #require(start.json["nextPageToken"]?.stringValue)
                var leads: Set<Int> = []
                var more = true
                while more {
                    let reply = try await http.get("/rest/v1/activities/deletedleads.json?nextPageToken=\(next)&batchSize=5", token: token)
                    leads.formUnion(reply.result.compactMap { $0["leadId"]?.intValue })
                    #expect(reply.result.allSatisfy { $0["activityTypeId"]?.intValue == 37 })
                    more = reply.json["moreResult"]?.boolValue == true
                    next = try #require(reply.json["nextPageToken"]?.stringValue)
                }
                return leads
            }
            #expect(try await all() == Set(http.sandbox.store.deletedLeadIDs))
            #expect(!http.sandbox.store.deletedLeadIDs.isEmpty)
            let summary = http.sandbox.applyChanges()
            #expect(try await all() == Set(http.sandbox.store.deletedLeadIDs))
            #expect(Set(summary.deletedLeads).isSubset(of: Set(http.sandbox.store.deletedLeadIDs)))
        }
    }
}
