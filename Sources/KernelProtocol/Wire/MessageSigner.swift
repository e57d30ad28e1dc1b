import CCrypto

/// Signs and verifies Jupyter messages: HMAC-SHA256 over the four JSON frames (header,
/// parent header, metadata, content), written as lowercase hex. An empty key turns signing
/// off, as the messaging specification says.
///
/// Holds an OpenSSL MAC context, so each thread that signs owns its own signer.
public final class MessageSigner {
    /// Whether messages are signed at all (the key is not empty).
    public let isSigning: Bool
    private let context: OpaquePointer?

    /// Creates a signer for `key`. Throws when libcrypto cannot provide HMAC-SHA256.
    public init(key: [UInt8]) throws(SignerError) {
        isSigning = !key.isEmpty
        guard isSigning else {
            context = nil
            return
        }
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { throw .unavailable("EVP_MAC_fetch(HMAC) failed") }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else { throw .unavailable("EVP_MAC_CTX_new failed") }
        let initialised = "digest".withCString { name in
            "SHA256".withCString { digest in
                var parameters = [
                    OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
                    OSSL_PARAM_construct_end(),
                ]
                return key.withUnsafeBufferPointer { keyBytes in
                    EVP_MAC_init(context, keyBytes.baseAddress, keyBytes.count, &parameters)
                }
            }
        }
        guard initialised == 1 else {
            EVP_MAC_CTX_free(context)
            throw .unavailable("EVP_MAC_init(HMAC-SHA256) failed")
        }
        self.context = context
    }

    deinit {
        if let context { EVP_MAC_CTX_free(context) }
    }

    /// The hex signature of the four JSON frames, or empty bytes when signing is off.
    public func signature(header: [UInt8], parentHeader: [UInt8], metadata: [UInt8], content: [UInt8]) -> [UInt8] {
        guard let context else { return [] }
        // Re-initialising with a nil key keeps the key and digest set in `init`.
        guard EVP_MAC_init(context, nil, 0, nil) == 1 else { return [] }
        for part in [header, parentHeader, metadata, content] {
            part.withUnsafeBufferPointer { bytes in _ = EVP_MAC_update(context, bytes.baseAddress, bytes.count) }
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length = 0
        let finished = digest.withUnsafeMutableBufferPointer { EVP_MAC_final(context, $0.baseAddress, &length, 32) }
        guard finished == 1, length == 32 else { return [] }
        return hex(digest)
    }

    /// Whether `signature` is the right one for the frames. The comparison takes the same time
    /// wherever the first differing byte is, so it leaks nothing about the right signature.
    public func verify(signature: [UInt8], header: [UInt8], parentHeader: [UInt8], metadata: [UInt8], content: [UInt8]) -> Bool {
        guard isSigning else { return true }
        let expected = self.signature(header: header, parentHeader: parentHeader, metadata: metadata, content: content)
        guard !expected.isEmpty, signature.count == expected.count else { return false }
        return signature.withUnsafeBytes { given in
            expected.withUnsafeBytes { wanted in
                CRYPTO_memcmp(given.baseAddress, wanted.baseAddress, wanted.count) == 0
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private func hex(_ bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(Self.hexDigits[Int(byte >> 4)])
            text.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        return text
    }
}

/// libcrypto could not give us HMAC-SHA256 (a broken OpenSSL installation).
public enum SignerError: Error, CustomStringConvertible, Sendable {
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let detail):
            "HMAC-SHA256 is unavailable from libcrypto (\(detail)); reinstall libssl3"
        }
    }
}
