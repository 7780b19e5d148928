import Singer

/// Discovery: `leads/describe.json` and `activities/types.json`, then ``MarketoCatalog``.
public struct MarketoDiscovery {
    let client: MarketoClient
    public init(client: MarketoClient) { self.client = client }

    public func discover() throws -> Catalog {
        let describe = try client.get("rest/v1/leads/describe.json")
        let types = try client.get("rest/v1/activities/types.json")
        return MarketoCatalog.build(leadFields: describe.result, activityTypes: types.result)
    }
}
