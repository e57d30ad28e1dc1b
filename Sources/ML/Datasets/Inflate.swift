import CZlib

/// Decompression through zlib: gzip files (one or more members) and the raw deflate
/// streams inside zip archives.
public enum Inflate {
    /// The contents of gzip data (all members, concatenated, as `gzip -d` gives them).
    public static func gunzip(_ compressed: [UInt8], name: String) throws -> [UInt8] {
        guard compressed.count >= 2, compressed[0] == 0x1F, compressed[1] == 0x8B else {
            throw DatasetError.corrupt(path: name, reason: "not gzip data (it does not start with the gzip signature)")
        }
        var output: [UInt8] = []
        var offset = 0
        while offset < compressed.count {
            // Padding after the last member is allowed; a new member starts with the signature.
            guard compressed.count - offset >= 2, compressed[offset] == 0x1F, compressed[offset + 1] == 0x8B else { break }
            offset += try inflate(compressed, from: offset, windowBits: 15 + 16, expectedSize: nil, into: &output, name: name)
        }
        return output
    }

    /// The contents of a raw deflate stream (zip's method 8) of known decompressed size.
    static func inflateRaw(_ compressed: ArraySlice<UInt8>, expectedSize: Int, name: String) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(expectedSize)
        let bytes = Array(compressed)
        _ = try inflate(bytes, from: 0, windowBits: -15, expectedSize: expectedSize, into: &output, name: name)
        guard output.count == expectedSize else {
            throw DatasetError.corrupt(path: name, reason: "decompressed to \(output.count) bytes, expected \(expectedSize)")
        }
        return output
    }

    /// Inflates one stream starting at `start`, appending to `output`; returns the number of
    /// compressed bytes consumed.
    private static func inflate(_ input: [UInt8], from start: Int, windowBits: Int32, expectedSize: Int?, into output: inout [UInt8], name: String) throws -> Int {
        guard start < input.count else {
            throw DatasetError.corrupt(path: name, reason: "the compressed data ends early (truncated file?)")
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError.corrupt(path: name, reason: "zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        let chunk = Swift.max(1 << 20, Swift.min(expectedSize ?? (input.count * 4), 64 << 20))
        var buffer = [UInt8](repeating: 0, count: chunk)
        let consumed: Int = try input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + start)
            stream.avail_in = UInt32(input.count - start)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = buffer.count - Int(stream.avail_out)
                output.append(contentsOf: buffer[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return input.count - start - Int(stream.avail_in)
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 {
                        throw DatasetError.corrupt(path: name, reason: "the compressed data ends early (truncated file?)")
                    }
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DatasetError.corrupt(path: name, reason: "the compressed data ends early (truncated file?)")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw DatasetError.corrupt(path: name, reason: "bad compressed data: \(message)")
                }
            }
        }
        return consumed
    }

    /// CRC-32 as zip and gzip use it.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt = CZlib.crc32(0, nil, 0)
        var offset = 0
        while offset < bytes.count {
            let length = Swift.min(bytes.count - offset, 1 << 30)
            guard let base = bytes.baseAddress else { break }
            crc = CZlib.crc32(crc, base.assumingMemoryBound(to: UInt8.self) + offset, UInt32(length))
            offset += length
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
