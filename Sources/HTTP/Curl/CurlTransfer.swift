import CCurl
import Foundation

/// The state of one attempt, reachable from libcurl's C callbacks.
///
/// libcurl calls back on the thread running `curl_easy_perform`, with the
/// opaque pointer we registered; an unretained `Unmanaged` reference is safe
/// because ``run(on:request:configuration:onHead:onChunk:)`` keeps the object
/// alive until `perform` returns.
final class CurlTransfer {
    private let handle: CurlEasyHandle
    private let maxErrorBodyBytes: Int
    private let onHead: (HTTPResponseHead) throws -> Void
    private let onChunk: (Data) throws -> Void

    private var headerFields: [HTTPHeaders.Field] = []
    /// The status from the latest status line (redirects and `100 Continue` have their own).
    private var latestStatus: Int?
    private var head: HTTPResponseHead?
    /// Whether `onHead` ran: like delivered body bytes, it must not happen twice.
    private var headDelivered = false
    private var bytesDelivered: Int64 = 0
    private var errorBody = Data()
    private var errorBodyTruncated = false
    private var consumerError: (any Error)?

    private init(
        handle: CurlEasyHandle,
        maxErrorBodyBytes: Int,
        onHead: @escaping (HTTPResponseHead) throws -> Void,
        onChunk: @escaping (Data) throws -> Void
    ) {
        self.handle = handle
        self.maxErrorBodyBytes = maxErrorBodyBytes
        self.onHead = onHead
        self.onChunk = onChunk
    }

    /// Performs one attempt of `request` on `handle`.
    ///
    /// 2xx bodies stream to `onChunk` (after `onHead`); other bodies are
    /// captured for the error instead, so a retried failure never reaches the
    /// consumer.
    static func run(
        on handle: CurlEasyHandle,
        request: HTTPRequest,
        configuration: HTTPClient.Configuration,
        onHead: (HTTPResponseHead) throws -> Void,
        onChunk: (Data) throws -> Void
    ) -> AttemptOutcome {
        withoutActuallyEscaping(onHead) { onHead in
            withoutActuallyEscaping(onChunk) { onChunk in
                let transfer = CurlTransfer(
                    handle: handle, maxErrorBodyBytes: configuration.maxErrorBodyBytes,
                    onHead: onHead, onChunk: onChunk
                )
                return transfer.perform(request, configuration)
            }
        }
    }

    private func perform(_ request: HTTPRequest, _ configuration: HTTPClient.Configuration) -> AttemptOutcome {
        let body = request.body ?? (request.method.sendsBodyByDefault ? Data() : nil)
        guard let body else { return perform(request, body: nil, configuration) }
        return body.withUnsafeBytes { perform(request, body: $0, configuration) }
    }

    /// `body` points into the request's `Data`, valid only for this call,
    /// which is why libcurl is configured and run inside it.
    private func perform(
        _ request: HTTPRequest, body: UnsafeRawBufferPointer?, _ configuration: HTTPClient.Configuration
    ) -> AttemptOutcome {
        let headerList: CurlHeaderList
        do throws(CurlSetupError) {
            headerList = try CurlRequestOptions.apply(request, body: body, configuration: configuration, to: handle)
            try installCallbacks()
        } catch {
            return .invalid(reason: error.reason)
        }
        let code = withExtendedLifetime(headerList) { handle.perform() }
        return outcome(of: code)
    }

    private func installCallbacks() throws(CurlSetupError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try handle.set(CURLOPT_WRITEDATA, pointer: context, name: "CURLOPT_WRITEDATA")
        try handle.set(CURLOPT_HEADERDATA, pointer: context, name: "CURLOPT_HEADERDATA")
        try handle.set(CURLOPT_WRITEFUNCTION, callback: { buffer, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: buffer, count: size * count)
            // Returning anything but the full length makes libcurl abort with CURLE_WRITE_ERROR.
            return transfer.receiveBody(bytes) ? size * count : 0
        }, name: "CURLOPT_WRITEFUNCTION")
        try handle.set(CURLOPT_HEADERFUNCTION, callback: { buffer, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            let accepted = transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return accepted ? size * count : 0
        }, name: "CURLOPT_HEADERFUNCTION")
    }

    /// Collects header lines of the latest response; a status line starts a
    /// new response (redirects, `100 Continue`), discarding earlier fields.
    /// The blank line ending a 2xx head hands the head to the consumer at once,
    /// before any body byte. Returns `false` to abort the transfer.
    private func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Trimming as text: "\r\n" is a single Character, so suffix checks miss it.
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
        if line.hasPrefix("HTTP/") {
            headerFields.removeAll()
            latestStatus = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        } else if line.isEmpty {
            // 1xx and 3xx heads are followed by another; a 2xx head is the final one.
            if head == nil, let latestStatus, (200..<300).contains(latestStatus) {
                _ = currentHead()
                return consumerError == nil
            }
        } else if let first = line.first, first == " " || first == "\t", !headerFields.isEmpty {
            // Obsolete line folding continues the previous field's value.
            headerFields[headerFields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            headerFields.append(HTTPHeaders.Field(name: name, value: value))
        }
        return true
    }

    private func currentHead() -> HTTPResponseHead {
        if let head { return head }
        let made = HTTPResponseHead(status: latestStatus ?? handle.responseCode, headers: HTTPHeaders(headerFields))
        head = made
        if made.isSuccess {
            headDelivered = true
            do { try onHead(made) } catch { consumerError = error }
        }
        return made
    }

    /// Routes body bytes: to the consumer for 2xx, to the capped error
    /// buffer otherwise. Returns `false` to abort the transfer.
    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let head = currentHead()
        guard consumerError == nil else { return false }
        guard head.isSuccess else {
            let room = max(0, maxErrorBodyBytes - errorBody.count)
            errorBody.append(contentsOf: bytes.prefix(room))
            if bytes.count > room { errorBodyTruncated = true }
            return true
        }
        guard !bytes.isEmpty else { return true }
        do {
            try onChunk(Data(bytes))
            bytesDelivered += Int64(bytes.count)
            return true
        } catch {
            consumerError = error
            return false
        }
    }

    private func outcome(of code: CURLcode) -> AttemptOutcome {
        if let consumerError { return .consumerFailed(consumerError) }
        guard code == CURLE_OK else {
            let failure = CurlFailure(code: Int(code.rawValue), message: handle.lastErrorMessage)
            if code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL {
                return .invalid(reason: failure.description)
            }
            let status = handle.responseCode
            return .transport(
                failure, bytesDelivered: bytesDelivered, headDelivered: headDelivered, status: status == 0 ? nil : status)
        }
        // A body-less response never reached the write callback; settle its head now.
        let head = currentHead()
        if let consumerError { return .consumerFailed(consumerError) }
        guard head.isSuccess else {
            return .status(HTTPStatusFailure(
                status: head.status, headers: head.headers, body: errorBody, bodyTruncated: errorBodyTruncated))
        }
        return .success(head)
    }
}

extension HTTPMethod {
    /// Methods that carry a body even when the caller gave none, so an empty
    /// `POST` still sends `Content-Length: 0` as servers expect.
    var sendsBodyByDefault: Bool {
        self == .post || self == .put || self == .patch
    }
}
