/// One Jupyter message, as it travels between threads and over the wire.
///
/// The header and parent header are kept as JSON objects: a reply's parent header must echo
/// the request's header exactly, including fields this kernel does not know about.
public struct Message: Sendable, Equatable {
    /// ZeroMQ routing identities (the frames before `<IDS|MSG>`); a reply goes back to them.
    public var identities: [[UInt8]]
    public var header: JSONObject
    public var parentHeader: JSONObject
    public var metadata: JSONObject
    public var content: JSONObject
    /// Binary buffers after the content frame, passed through unchanged.
    public var buffers: [[UInt8]]

    public init(
        identities: [[UInt8]] = [], header: JSONObject, parentHeader: JSONObject = [:],
        metadata: JSONObject = [:], content: JSONObject = [:], buffers: [[UInt8]] = []
    ) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// `header.msg_type`, which the wire codec has checked is a string.
    public var messageType: String { header["msg_type"]?.stringValue ?? "" }
    /// `header.msg_id`, which the wire codec has checked is a string.
    public var messageID: String { header["msg_id"]?.stringValue ?? "" }
}

/// The fixed frame that separates routing identities from the message.
public let messageDelimiter: [UInt8] = Array("<IDS|MSG>".utf8)
