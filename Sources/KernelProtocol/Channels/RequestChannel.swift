/// A ROUTER socket that receives requests and sends replies (shell or control), with the
/// thread-owned codec that checks and signs them. Every request is wrapped in IOPub
/// `busy` ... `idle`, with idle sent from a `defer` so that it goes out on every path.
final class RequestChannel {
    let name: String
    let socket: ZMQSocket
    let codec: WireCodec
    let publisher: IOPubPublisher

    init(name: String, socket: ZMQSocket, codec: WireCodec, publisher: IOPubPublisher) {
        self.name = name
        self.socket = socket
        self.codec = codec
        self.publisher = publisher
    }

    var headers: MessageHeaderFactory { publisher.headers }

    /// The next valid request. Frames that fail to decode are logged and skipped; with `wait`
    /// false, returns nil once nothing is queued. Throws when the context is shut down.
    func receive(wait: Bool = true) throws(ZMQError) -> Message? {
        while let frames = try socket.receive(wait: wait) {
            do {
                let message = try codec.decode(frames)
                KernelLog.trace("\(name): \(message.messageType) \(message.messageID)")
                return message
            } catch {
                KernelLog.warning("dropped a message on \(name): \(error)")
            }
        }
        return nil
    }

    /// Handles `request` between `busy` and `idle`; returns what the handler returned.
    func serve<Result>(_ request: Message, _ handler: (Message) -> Result) -> Result {
        publisher.publishStatus("busy", parent: request)
        defer { publisher.publishStatus("idle", parent: request) }
        return handler(request)
    }

    /// Sends the reply of type `messageType` to `request`'s sender.
    func reply(to request: Message, _ messageType: String, content: JSONObject, metadata: JSONObject = [:]) {
        let reply = headers.message(messageType, content: content, parent: request, identities: request.identities, metadata: metadata)
        do {
            try socket.send(codec.encode(reply))
        } catch {
            KernelLog.warning("could not send \(messageType) on \(name): \(error)")
        }
    }

    /// Replies to a request whose content is unusable, naming the problem; the client gets
    /// an answer instead of waiting for ever.
    func replyInvalid(to request: Message, _ problem: String) {
        KernelLog.warning("\(name): \(request.messageType): \(problem)")
        reply(to: request, Self.replyType(of: request), content: [
            "status": "error", "ename": "InvalidRequest", "evalue": .string("\(request.messageType): \(problem)"),
            "traceback": [],
        ])
    }

    /// `execute_request` -> `execute_reply`.
    static func replyType(of request: Message) -> String {
        let type = request.messageType
        return type.hasSuffix("_request") ? String(type.dropLast("_request".count)) + "_reply" : type + "_reply"
    }
}
