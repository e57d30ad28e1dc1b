import CZlib

/// One-shot zlib (RFC 1950) compression through the system zlib: LZ77 with hash chains and
/// lazy matching, dynamic Huffman codes, and the Adler-32 trailer.
struct ZlibDeflater {
    /// zlib's strategies, as far as they matter for filtered image rows.
    enum Strategy {
        /// Plain LZ77 + Huffman.
        case standard
        /// Favours Huffman coding over short matches: zlib's choice for filtered data.
        case filtered
        /// Matches of distance one only: very fast, good on long flat runs.
        case runLength

        var zlibValue: Int32 {
            switch self {
            case .standard: return Z_DEFAULT_STRATEGY
            case .filtered: return Z_FILTERED
            case .runLength: return Z_RLE
            }
        }
    }

    var level: Int32 = 6
    var strategy: Strategy = .standard
    var memoryLevel: Int32 = 9

    func compress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        var status = deflateInit2_(&stream, level, Z_DEFLATED, 15, memoryLevel, strategy.zlibValue,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw RenderingError.compressionFailed(code: status) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var written = 0
        status = input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                let result = deflate(&stream, Z_FINISH)
                written = dst.count - Int(stream.avail_out)
                return result
            }
        }
        guard status == Z_STREAM_END else { throw RenderingError.compressionFailed(code: status) }
        output.removeSubrange(written...)
        return output
    }
}
