import CZlib

/// CRC-32 as PNG chunks use it (ISO 3309 polynomial 0xEDB88320, reflected). zlib computes it:
/// the same checksum the deflate stream's library already links, and faster than a table
/// loop of ours (zlib's braided CRC), so there is one owner of checksums for the whole package.
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    /// Adds `bytes` to the running checksum.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var crc = UInt(value)
        var offset = 0
        // zlib takes a 32-bit length: feed larger buffers in pieces.
        while offset < bytes.count {
            let count = min(bytes.count - offset, Int(UInt32.max))
            crc = crc32(crc, base.advanced(by: offset).assumingMemoryBound(to: UInt8.self), uInt(count))
            offset += count
        }
        value = UInt32(truncatingIfNeeded: crc)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
