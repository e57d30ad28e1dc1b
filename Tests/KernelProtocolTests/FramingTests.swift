import Testing
@testable import KernelProtocol

/// Frames as a client would send them, for the tests of decoding.
func clientFrames(
    key: [UInt8], identities: [[UInt8]] = [Array("client-1".utf8)], header: String, parent: String = "{}",
    metadata: String = "{}", content: String = "{}", buffers: [[UInt8]] = []
) throws -> [[UInt8]] {
    let signer = try MessageSigner(key: key)
    let parts = [header, parent, metadata, content].map { Array($0.utf8) }
    let signature = signer.signature(header: parts[0], parentHeader: parts[1], metadata: parts[2], content: parts[3])
    return identities + [messageDelimiter, signature] + parts + buffers
}

let sampleHeader = #"{"msg_id":"m1","msg_type":"execute_request","session":"s1","username":"u","date":"2026-11-29T12:00:00Z","version":"5.4"}"#

@Suite("Framing: messages to frames and back")
struct FramingTests {
    let key = Array("0f3c9a1e-5b7d-4c2e".utf8)

    func codec(key: [UInt8]? = nil, replay: ReplayGuard? = ReplayGuard()) throws -> WireCodec {
        WireCodec(signer: try MessageSigner(key: key ?? self.key), replayGuard: replay)
    }

    @Test("a message survives encode then decode, with identities, metadata and buffers")
    func roundTrip() throws {
        let message = Message(
            identities: [Array("router-id".utf8), [0, 1, 2]],
            header: ["msg_id": "abc", "msg_type": "execute_reply", "session": "s", "username": "u", "date": "d", "version": "5.4"],
            parentHeader: ["msg_id": "req", "msg_type": "execute_request", "subshell_id": .null],
            metadata: ["started": "2026-11-29T12:00:00Z"],
            content: ["status": "ok", "execution_count": 3, "payload": [], "nested": ["a": [1, 2.5, "x", true, .null]]],
            buffers: [[1, 2, 3], []])
        let decoded = try codec(replay: nil).decode(codec().encode(message))
        #expect(decoded == message)
    }

    @Test("the frame layout is identities, delimiter, signature, four JSON frames, buffers")
    func frameLayout() throws {
        let message = Message(identities: [[7]], header: ["msg_id": "a", "msg_type": "status"], content: ["execution_state": "idle"], buffers: [[9]])
        let frames = try codec().encode(message)
        #expect(frames.count == 8)
        #expect(frames[0] == [7])
        #expect(frames[1] == messageDelimiter)
        #expect(frames[2].count == 64)
        #expect(String(decoding: frames[3], as: UTF8.self) == #"{"msg_id":"a","msg_type":"status"}"#)
        #expect(String(decoding: frames[6], as: UTF8.self) == #"{"execution_state":"idle"}"#)
        #expect(frames[7] == [9])
    }

    @Test("a message signed by a client with the same key decodes")
    func decodesClientMessage() throws {
        let frames = try clientFrames(key: key, header: sampleHeader, content: #"{"code":"print(1)","silent":false}"#, buffers: [[42]])
        let message = try codec().decode(frames)
        #expect(message.identities == [Array("client-1".utf8)])
        #expect(message.messageType == "execute_request")
        #expect(message.messageID == "m1")
        #expect(message.content["code"] == "print(1)")
        #expect(message.buffers == [[42]])
    }

    @Test("a message with no identities decodes (a DEALER peer without routing)")
    func noIdentities() throws {
        let frames = try clientFrames(key: key, identities: [], header: sampleHeader)
        #expect(try codec().decode(frames).identities.isEmpty)
    }

    @Test("with an empty key, unsigned messages round-trip")
    func unsignedRoundTrip() throws {
        let unsigned = try codec(key: [])
        let message = Message(header: ["msg_id": "a", "msg_type": "kernel_info_request"])
        let frames = unsigned.encode(message)
        #expect(frames[1].isEmpty)
        #expect(try unsigned.decode(frames) == message)
    }

    @Test("headers from the factory carry version 5.4, unique ids and an ISO 8601 date")
    func headerFactory() {
        let factory = MessageHeaderFactory()
        let first = factory.header(for: "status"), second = factory.header(for: "status")
        #expect(first["version"] == "5.4")
        #expect(first["msg_id"] != second["msg_id"])
        #expect(first["session"] == .string(factory.session))
        let date = first["date"]?.stringValue ?? ""
        #expect(date.count == 27 && date.hasSuffix("Z") && date.contains("T"))
    }

    @Test("a reply's parent header is the request's header, unknown fields included")
    func parentHeaderEchoesRequest() throws {
        let frames = try clientFrames(key: key, header: #"{"msg_id":"m9","msg_type":"complete_request","session":"s","username":"u","date":"d","version":"5.4","subshell_id":null,"x-extra":[1]}"#)
        let request = try codec().decode(frames)
        let reply = MessageHeaderFactory().message("complete_reply", content: [:], parent: request, identities: request.identities)
        #expect(reply.parentHeader == request.header)
        #expect(reply.identities == request.identities)
    }
}
