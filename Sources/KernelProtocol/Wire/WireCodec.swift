/// Turns messages into ZeroMQ frames and back:
///
///     [identities...] <IDS|MSG> signature header parent_header metadata content [buffers...]
///
/// Decoding checks, in this order, that the delimiter is there, that there are enough frames,
/// that the signature is right (before any JSON is parsed, so unauthenticated bytes never
/// reach the parser), that the signature is not a replay, and that the four JSON frames are
/// objects with a well-typed header. Each failure is a distinct `FrameError`.
///
/// Owns a `MessageSigner`, so each thread keeps its own codec.
public struct WireCodec {
    public let signer: MessageSigner
    /// Shared with the other channels; nil turns replay detection off (tests of framing).
    public let replayGuard: ReplayGuard?

    public init(signer: MessageSigner, replayGuard: ReplayGuard?) {
        self.signer = signer
        self.replayGuard = replayGuard
    }

    /// The frames for `message`, signed.
    public func encode(_ message: Message) -> [[UInt8]] {
        let header = JSONWriter.encode(.object(message.header))
        let parent = JSONWriter.encode(.object(message.parentHeader))
        let metadata = JSONWriter.encode(.object(message.metadata))
        let content = JSONWriter.encode(.object(message.content))
        let signature = signer.signature(header: header, parentHeader: parent, metadata: metadata, content: content)
        var frames = message.identities
        frames.reserveCapacity(message.identities.count + 6 + message.buffers.count)
        frames.append(messageDelimiter)
        frames.append(signature)
        frames.append(header)
        frames.append(parent)
        frames.append(metadata)
        frames.append(content)
        frames.append(contentsOf: message.buffers)
        return frames
    }

    /// The message the frames carry, or the reason they are refused.
    public func decode(_ frames: [[UInt8]]) throws(FrameError) -> Message {
        guard let delimiter = frames.firstIndex(of: messageDelimiter) else { throw .missingDelimiter(frameCount: frames.count) }
        let identities = Array(frames[..<delimiter])
        let body = frames[(delimiter + 1)...]
        guard body.count >= 5 else { throw .tooFewFrames(found: body.count) }
        let start = body.startIndex
        let signature = body[start]
        let header = body[start + 1], parent = body[start + 2], metadata = body[start + 3], content = body[start + 4]

        if signer.isSigning {
            guard !signature.isEmpty else { throw .unsigned }
            guard signer.verify(signature: signature, header: header, parentHeader: parent, metadata: metadata, content: content) else {
                throw .badSignature
            }
            if let replayGuard, !replayGuard.admit(signature) { throw .replayed }
        }

        let headerObject = try object(header, part: .header)
        for field in ["msg_id", "msg_type"] {
            guard let value = headerObject[field] else { throw .headerFieldMissing(field) }
            guard case .string = value else { throw .headerFieldWrongType(field, found: value.typeName) }
        }
        for field in ["session", "username", "version", "date"] {
            if let value = headerObject[field], value.stringValue == nil {
                throw .headerFieldWrongType(field, found: value.typeName)
            }
        }
        return Message(
            identities: identities,
            header: headerObject,
            parentHeader: try object(parent, part: .parentHeader),
            metadata: try object(metadata, part: .metadata),
            content: try object(content, part: .content),
            buffers: Array(body.dropFirst(5)))
    }

    private func object(_ bytes: [UInt8], part: FramePart) throws(FrameError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .notJSON(part, error)
        }
        guard case .object(let members) = value else { throw .notAnObject(part, found: value.typeName) }
        return members
    }
}

/// The four JSON frames of a message.
public enum FramePart: String, Sendable {
    case header, parentHeader = "parent_header", metadata, content
}

/// Why incoming frames were dropped. Every case is logged to stderr and the kernel goes on.
public enum FrameError: Error, Equatable, CustomStringConvertible, Sendable {
    case missingDelimiter(frameCount: Int)
    case tooFewFrames(found: Int)
    case unsigned
    case badSignature
    case replayed
    case notJSON(FramePart, JSONParseError)
    case notAnObject(FramePart, found: String)
    case headerFieldMissing(String)
    case headerFieldWrongType(String, found: String)

    public var description: String {
        switch self {
        case .missingDelimiter(let count):
            "no <IDS|MSG> delimiter among \(count) frames"
        case .tooFewFrames(let found):
            "\(found) frames after <IDS|MSG>; a message needs a signature and four JSON frames"
        case .unsigned:
            "unsigned message, but the connection file has a key"
        case .badSignature:
            "signature does not match (was the message signed with this kernel's key?)"
        case .replayed:
            "signature already seen: a replayed message"
        case .notJSON(let part, let error):
            "\(part.rawValue) frame: \(error)"
        case .notAnObject(let part, let found):
            "\(part.rawValue) frame must be a JSON object, found \(found)"
        case .headerFieldMissing(let field):
            "header has no \"\(field)\""
        case .headerFieldWrongType(let field, let found):
            "header \"\(field)\" must be a string, found \(found)"
        }
    }
}
