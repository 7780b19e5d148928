import Hummingbird
import HTTPTypes

/// A sandbox's request handler: one plain async function from request to response.
public typealias SandboxHandler = @Sendable (SandboxRequest) async -> SandboxResponse

/// Adapts a ``SandboxHandler`` to Hummingbird: collects the body, converts the head, and
/// writes the response, cutting it short when the handler asked for a dropped connection.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Request bodies above this are refused; sandbox APIs take small JSON, forms and SOQL.
    static let maxRequestBodyBytes = 32 * 1024 * 1024

    let handler: SandboxHandler

    func respond(to request: Request, context: Context) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maxRequestBodyBytes)
        let headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        let sandboxRequest = SandboxRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query,
            headers: headers, body: Array(body.readableBytesView))
        let response = await handler(sandboxRequest)
        return Self.convert(response)
    }

    static func convert(_ response: SandboxResponse) -> Response {
        var fields = HTTPFields()
        for header in response.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        let status = HTTPResponse.Status(code: response.status)
        let drop = response.dropConnectionAfterBytes
        switch response.body {
        case .buffer(let buffer):
            guard let drop else { return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer)) }
            let length = buffer.readableBytes
            return Response(status: status, headers: fields, body: ResponseBody(contentLength: length) { writer in
                try await writer.write(buffer.getSlice(at: buffer.readerIndex, length: min(drop, length)) ?? ByteBuffer())
                throw ConnectionDropped()
            })
        case .chunks(let contentLength, let next):
            return Response(status: status, headers: fields, body: ResponseBody(contentLength: contentLength) { writer in
                var written = 0
                var index = 0
                while let chunk = next(index) {
                    if let drop, written + chunk.readableBytes >= drop {
                        try await writer.write(chunk.getSlice(at: chunk.readerIndex, length: drop - written) ?? ByteBuffer())
                        throw ConnectionDropped()
                    }
                    try await writer.write(chunk)
                    written += chunk.readableBytes
                    index += 1
                }
                if drop != nil { throw ConnectionDropped() }
                try await writer.finish(nil)
            })
        }
    }
}

/// Thrown from a body writer to make the server close the connection mid-body.
struct ConnectionDropped: Error {}
