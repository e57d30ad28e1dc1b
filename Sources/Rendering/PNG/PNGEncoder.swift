/// Writes PNG files from RGBA images, choosing the smallest exact colour type (grey, grey +
/// alpha, palette with transparency, RGB or RGBA; 8-bit samples), a filter per row by the
/// smallest sum of absolute differences (none for palettes), and zlib compression.
public struct PNGEncoder: Sendable {
    /// zlib level 0...9; 7 and above trade much more time for a few percent fewer bytes.
    public var compressionLevel: Int
    /// Forces a colour type (when it can hold the pixels exactly); nil picks automatically.
    public var colorType: PNGColorType?

    public init(compressionLevel: Int = 6, colorType: PNGColorType? = nil) {
        self.compressionLevel = compressionLevel
        self.colorType = colorType
    }

    /// The colour type `encode` would use for `image`.
    public static func automaticColorType(for image: RGBAImage) -> PNGColorType {
        PixelCensus(image).bestColorType
    }

    /// The PNG file bytes of `image`. Throws when a forced colour type cannot hold the pixels
    /// exactly or compression fails.
    public func encode(_ image: RGBAImage) throws -> [UInt8] {
        guard (0...9).contains(compressionLevel) else {
            throw RenderingError.invalidArgument("PNG compression level must be 0...9, got \(compressionLevel)")
        }
        let census = PixelCensus(image)
        let type = try colorType.map { try checked($0, census) } ?? census.bestColorType
        var paletteIndex: [UInt32: UInt8] = [:]
        var palette: [UInt32] = []
        if type == .palette, let colours = census.palette {
            // Translucent entries first so that the tRNS chunk can stop at the last of them.
            palette = colours.filter { $0 >> 24 != 255 } + colours.filter { $0 >> 24 == 255 }
            for (i, c) in palette.enumerated() { paletteIndex[c] = UInt8(i) }
        }
        let raw = Self.rawScanlines(image, type: type, paletteIndex: paletteIndex)
        let rowBytes = image.width * type.bytesPerPixel
        let filtered = PNGRowFilter.filter(raw: raw, rowBytes: rowBytes, rows: image.height,
                                           bytesPerPixel: type.bytesPerPixel, adaptive: type != .palette)
        // Filtered plots and digit grids are mostly runs of zeros: zlib's run-length strategy
        // compresses them as well as full matching at a fraction of the time. Levels 7-9 ask
        // for the smallest file instead, with zlib's full (slow) match search.
        let strategy: ZlibDeflater.Strategy = type == .palette || compressionLevel >= 7 ? .standard : .runLength
        let deflater = ZlibDeflater(level: Int32(compressionLevel), strategy: strategy)
        let compressed = try deflater.compress(filtered)

        var file = PNGChunkWriter()
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(image.width))
        header.appendBigEndian(UInt32(image.height))
        header += [8, type.rawValue, 0, 0, 0]
        file.append("IHDR", header)
        if type == .palette {
            var plte: [UInt8] = []
            var trns: [UInt8] = []
            for c in palette {
                plte += [UInt8(c & 0xFF), UInt8((c >> 8) & 0xFF), UInt8((c >> 16) & 0xFF)]
                if c >> 24 != 255 { trns.append(UInt8(c >> 24)) }
            }
            file.append("PLTE", plte)
            if !trns.isEmpty { file.append("tRNS", trns) }
        }
        file.append("IDAT", compressed)
        file.append("IEND", [])
        return file.bytes
    }

    private func checked(_ type: PNGColorType, _ census: PixelCensus) throws -> PNGColorType {
        let fits: Bool
        switch type {
        case .grey: fits = census.isGrey && census.isOpaque
        case .greyAlpha: fits = census.isGrey
        case .rgb: fits = census.isOpaque
        case .palette: fits = census.palette != nil
        case .rgba: fits = true
        }
        guard fits else {
            throw RenderingError.invalidArgument("PNG colour type \(type) cannot hold these pixels exactly")
        }
        return type
    }

    /// Rows of samples in the chosen layout, without filter bytes.
    private static func rawScanlines(_ image: RGBAImage, type: PNGColorType, paletteIndex: [UInt32: UInt8]) -> [UInt8] {
        let n = image.width * image.height
        if type == .rgba { return image.pixels }
        var out = [UInt8](repeating: 0, count: n * type.bytesPerPixel)
        image.pixels.withUnsafeBytes { src in
            out.withUnsafeMutableBufferPointer { dst in
                switch type {
                case .grey:
                    for i in 0..<n { dst[i] = src[4 * i] }
                case .greyAlpha:
                    for i in 0..<n { dst[2 * i] = src[4 * i]; dst[2 * i + 1] = src[4 * i + 3] }
                case .rgb:
                    for i in 0..<n {
                        dst[3 * i] = src[4 * i]; dst[3 * i + 1] = src[4 * i + 1]; dst[3 * i + 2] = src[4 * i + 2]
                    }
                case .palette:
                    var last: UInt32 = 0, lastIndex: UInt8 = 0, have = false
                    for i in 0..<n {
                        let p = src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                        if !have || p != last {
                            last = p; lastIndex = paletteIndex[p] ?? 0; have = true
                        }
                        dst[i] = lastIndex
                    }
                case .rgba:
                    break
                }
            }
        }
        return out
    }
}

/// Accumulates length-prefixed, CRC-checked PNG chunks after the signature.
struct PNGChunkWriter {
    private(set) var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    mutating func append(_ type: String, _ data: [UInt8]) {
        bytes.appendBigEndian(UInt32(data.count))
        let start = bytes.count
        bytes += Array(type.utf8)
        bytes += data
        var crc = CRC32()
        bytes.withUnsafeBytes { crc.update(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        bytes.appendBigEndian(crc.value)
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }
}
