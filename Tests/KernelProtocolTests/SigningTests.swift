import Testing
@testable import KernelProtocol

@Suite("Signing: HMAC-SHA256 as jupyter_client computes it")
struct SigningTests {
    @Test("matches Python's hmac for every vector", arguments: signingVectors.map(\.name))
    func matchesPythonVector(name: String) throws {
        let vector = try #require(signingVectors.first { $0.name == name })
        let signer = try MessageSigner(key: vector.key)
        let frames = vector.frames.map { Array($0.utf8) }
        let signature = signer.signature(header: frames[0], parentHeader: frames[1], metadata: frames[2], content: frames[3])
        #expect(String(decoding: signature, as: UTF8.self) == vector.signature)
    }

    @Test("accepts the right signature")
    func verifiesRightSignature() throws {
        for vector in signingVectors {
            let signer = try MessageSigner(key: vector.key)
            let frames = vector.frames.map { Array($0.utf8) }
            #expect(signer.verify(
                signature: Array(vector.signature.utf8), header: frames[0], parentHeader: frames[1], metadata: frames[2],
                content: frames[3]))
        }
    }

    @Test("rejects a signature with one changed digit, a truncated one, upper case and an empty one")
    func rejectsWrongSignatures() throws {
        let vector = signingVectors[0]
        let signer = try MessageSigner(key: vector.key)
        let frames = vector.frames.map { Array($0.utf8) }
        var changed = Array(vector.signature.utf8)
        changed[changed.count - 1] = changed[changed.count - 1] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let wrong: [[UInt8]] = [changed, Array(vector.signature.utf8.dropLast()), Array(vector.signature.uppercased().utf8), []]
        for signature in wrong {
            #expect(!signer.verify(signature: signature, header: frames[0], parentHeader: frames[1], metadata: frames[2], content: frames[3]))
        }
    }

    @Test("rejects the right signature for changed content")
    func rejectsChangedContent() throws {
        let vector = signingVectors[0]
        let signer = try MessageSigner(key: vector.key)
        let frames = vector.frames.map { Array($0.utf8) }
        #expect(!signer.verify(
            signature: Array(vector.signature.utf8), header: frames[0], parentHeader: frames[1], metadata: frames[2],
            content: Array(#"{"code": "print(2)", "silent": false}"#.utf8)))
    }

    @Test("a signature made with another key is rejected")
    func rejectsOtherKey() throws {
        let vector = signingVectors[0]
        let frames = vector.frames.map { Array($0.utf8) }
        let other = try MessageSigner(key: Array("another key".utf8))
        #expect(!other.verify(
            signature: Array(vector.signature.utf8), header: frames[0], parentHeader: frames[1], metadata: frames[2], content: frames[3]))
    }

    @Test("an empty key signs nothing and accepts anything, as the specification says")
    func emptyKeyTurnsSigningOff() throws {
        let signer = try MessageSigner(key: [])
        #expect(!signer.isSigning)
        #expect(signer.signature(header: [1], parentHeader: [], metadata: [], content: []).isEmpty)
        #expect(signer.verify(signature: Array("anything".utf8), header: [1], parentHeader: [], metadata: [], content: []))
    }

    @Test("signing the same frames twice gives the same signature (the context is reused)")
    func signerIsReusable() throws {
        let signer = try MessageSigner(key: Array("k".utf8))
        let first = signer.signature(header: [1, 2], parentHeader: [3], metadata: [], content: [4])
        _ = signer.signature(header: [9], parentHeader: [9], metadata: [9], content: [9])
        #expect(signer.signature(header: [1, 2], parentHeader: [3], metadata: [], content: [4]) == first)
    }
}

@Suite("Replay guard")
struct ReplayGuardTests {
    @Test("admits a signature once")
    func admitsOnce() {
        let guardian = ReplayGuard()
        #expect(guardian.admit(Array("abc".utf8)))
        #expect(!guardian.admit(Array("abc".utf8)))
        #expect(guardian.admit(Array("abd".utf8)))
    }

    @Test("forgets the oldest signatures past its capacity")
    func boundedMemory() {
        let guardian = ReplayGuard(capacity: 3)
        for name in ["a", "b", "c", "d"] { #expect(guardian.admit(Array(name.utf8))) }
        #expect(guardian.admit(Array("a".utf8)))  // forgotten: the oldest
        #expect(!guardian.admit(Array("d".utf8)))  // still remembered
    }
}
