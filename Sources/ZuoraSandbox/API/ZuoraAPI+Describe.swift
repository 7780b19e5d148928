import SandboxKit

/// `GET /v1/describe` and `GET /v1/describe/{Object}` (XML). The failing object is listed but
/// its describe answers 400 with `noSuchDataSource`, as objects a tenant lacks do.
extension ZuoraAPI {
    func describeList() -> SandboxResponse {
        counters.increment(ZuoraCounter.describes)
        var names = store.schema.objects.map { (name: $0.name, label: $0.label) }
        names.append((store.schema.failingObject, "Notification History Callout"))
        return xml(DescribeXML.list(names, baseURL: baseURL))
    }

    func describe(_ name: String) throws -> SandboxResponse {
        counters.increment(ZuoraCounter.describes)
        if name.lowercased() == store.schema.failingObject.lowercased() {
            throw ZuoraError.crud(400, "INVALID_VALUE", "noSuchDataSource: the object \(store.schema.failingObject) is not available for this tenant.")
        }
        guard let object = store.schema.object(name) else {
            throw ZuoraError.crud(400, "INVALID_VALUE", "noSuchDataSource: \(name)")
        }
        return xml(DescribeXML.object(object, baseURL: baseURL))
    }

    private func xml(_ text: String) -> SandboxResponse {
        SandboxResponse(status: 200, contentType: "text/xml; charset=utf-8", bytes: Array(text.utf8))
    }
}
