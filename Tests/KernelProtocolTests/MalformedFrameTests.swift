import Testing
@testable import KernelProtocol

@Suite("Malformed frames: each is refused with its own error")
struct MalformedFrameTests {
    let key = Array("a-key".utf8)

    func decode(_ frames: [[UInt8]], replay: ReplayGuard = ReplayGuard()) throws(FrameError) -> Message {
        // The key is a valid constant; MessageSigner only fails without libcrypto.
        let signer = try! MessageSigner(key: key)
        return try WireCodec(signer: signer, replayGuard: replay).decode(frames)
    }

    func expectError(_ expected: FrameError, _ frames: [[UInt8]]) {
        #expect(throws: expected) { try decode(frames) }
    }

    @Test("no delimiter")
    func missingDelimiter() {
        expectError(.missingDelimiter(frameCount: 3), [Array("id".utf8), [1], [2]])
        expectError(.missingDelimiter(frameCount: 0), [])
    }

    @Test("too few frames after the delimiter", arguments: 0...4)
    func tooFewFrames(count: Int) throws {
        let frames = try clientFrames(key: key, header: sampleHeader)
        let delimiter = try #require(frames.firstIndex(of: messageDelimiter))
        expectError(.tooFewFrames(found: count), Array(frames[...delimiter]) + Array(frames[(delimiter + 1)...].prefix(count)))
    }

    @Test("unsigned when a key is set")
    func unsigned() throws {
        var frames = try clientFrames(key: key, header: sampleHeader)
        frames[2] = []
        expectError(.unsigned, frames)
    }

    @Test("signed with another key")
    func wrongKey() throws {
        expectError(.badSignature, try clientFrames(key: Array("not-the-key".utf8), header: sampleHeader))
    }

    @Test("content changed after signing")
    func tampered() throws {
        var frames = try clientFrames(key: key, header: sampleHeader, content: #"{"code":"1"}"#)
        frames[frames.count - 1] = Array(#"{"code":"2"}"#.utf8)
        expectError(.badSignature, frames)
    }

    @Test("the same message twice is a replay")
    func replayed() throws {
        let frames = try clientFrames(key: key, header: sampleHeader)
        let replay = ReplayGuard()
        _ = try decode(frames, replay: replay)
        #expect(throws: FrameError.replayed) { try decode(frames, replay: replay) }
    }

    @Test("a replay of a message that failed verification is still refused as a bad signature")
    func badSignatureNotRecorded() throws {
        let frames = try clientFrames(key: Array("other".utf8), header: sampleHeader)
        let replay = ReplayGuard()
        #expect(throws: FrameError.badSignature) { try decode(frames, replay: replay) }
        #expect(throws: FrameError.badSignature) { try decode(frames, replay: replay) }
    }

    @Test("a JSON frame that is not JSON", arguments: [FramePart.header, .parentHeader, .metadata, .content])
    func notJSON(part: FramePart) throws {
        var texts = [sampleHeader, "{}", "{}", "{}"]
        texts[index(of: part)] = "{not json"
        let frames = try clientFrames(key: key, header: texts[0], parent: texts[1], metadata: texts[2], content: texts[3])
        #expect {
            try decode(frames)
        } throws: { error in
            guard case .notJSON(let failed, _) = error as? FrameError else { return false }
            return failed == part
        }
    }

    @Test("a JSON frame that is not an object", arguments: [FramePart.header, .parentHeader, .metadata, .content])
    func notAnObject(part: FramePart) throws {
        var texts = [sampleHeader, "{}", "{}", "{}"]
        texts[index(of: part)] = "[1, 2]"
        let frames = try clientFrames(key: key, header: texts[0], parent: texts[1], metadata: texts[2], content: texts[3])
        expectError(.notAnObject(part, found: "an array"), frames)
    }

    @Test("a frame that is not UTF-8")
    func notUTF8() throws {
        let header = Array(#"{"msg_id":""#.utf8) + [0xFF, 0xFE] + Array(#"","msg_type":"x"}"#.utf8)
        let signer = try MessageSigner(key: key)
        let signature = signer.signature(header: header, parentHeader: Array("{}".utf8), metadata: Array("{}".utf8), content: Array("{}".utf8))
        #expect {
            try decode([messageDelimiter, signature, header, Array("{}".utf8), Array("{}".utf8), Array("{}".utf8)])
        } throws: { error in
            guard case .notJSON(.header, let parse) = error as? FrameError else { return false }
            return parse.reason.contains("UTF-8")
        }
    }

    @Test("a header without msg_id or msg_type")
    func headerFieldMissing() throws {
        expectError(.headerFieldMissing("msg_id"), try clientFrames(key: key, header: #"{"msg_type":"x"}"#))
        expectError(.headerFieldMissing("msg_type"), try clientFrames(key: key, header: #"{"msg_id":"x"}"#))
    }

    @Test("a header field of the wrong type")
    func headerFieldWrongType() throws {
        expectError(.headerFieldWrongType("msg_id", found: "a number"), try clientFrames(key: key, header: #"{"msg_id":7,"msg_type":"x"}"#))
        expectError(.headerFieldWrongType("msg_type", found: "null"), try clientFrames(key: key, header: #"{"msg_id":"a","msg_type":null}"#))
        expectError(.headerFieldWrongType("session", found: "an object"), try clientFrames(key: key, header: #"{"msg_id":"a","msg_type":"x","session":{}}"#))
    }

    @Test("every error explains itself")
    func descriptions() {
        let errors: [FrameError] = [
            .missingDelimiter(frameCount: 2), .tooFewFrames(found: 3), .unsigned, .badSignature, .replayed,
            .notJSON(.content, JSONParseError(offset: 1, reason: "x")), .notAnObject(.metadata, found: "a string"),
            .headerFieldMissing("msg_id"), .headerFieldWrongType("msg_id", found: "a number"),
        ]
        for error in errors { #expect(!error.description.isEmpty) }
        #expect(FrameError.tooFewFrames(found: 3).description.contains("3 frames"))
    }

    private func index(of part: FramePart) -> Int {
        switch part {
        case .header: 0
        case .parentHeader: 1
        case .metadata: 2
        case .content: 3
        }
    }
}
