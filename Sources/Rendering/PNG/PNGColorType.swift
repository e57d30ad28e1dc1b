/// The PNG pixel layouts the writer produces, all with 8-bit samples.
public enum PNGColorType: UInt8, Sendable, CaseIterable {
    case grey = 0
    case rgb = 2
    case palette = 3
    case greyAlpha = 4
    case rgba = 6

    /// Bytes per pixel in the raw (unfiltered) scanlines.
    var bytesPerPixel: Int {
        switch self {
        case .grey, .palette: return 1
        case .greyAlpha: return 2
        case .rgb: return 3
        case .rgba: return 4
        }
    }
}

/// What one pass over the pixels learns: whether they are all grey, all opaque, and their
/// distinct colours when there are at most 256 of them. From that the writer picks the
/// smallest colour type that stores the pixels exactly.
struct PixelCensus {
    var isGrey = true
    var isOpaque = true
    /// The distinct colours in order of first appearance, or nil when there are more than 256.
    var palette: [UInt32]? = []

    init(_ image: RGBAImage) {
        // Open addressing over 1024 slots keeps the 256-colour count cache-resident; slot
        // value 0 means empty, so colours are stored plus one in the high bit-free key.
        var keys = [UInt64](repeating: 0, count: 1024)
        var colours: [UInt32] = []
        colours.reserveCapacity(257)
        var grey = true, opaque = true, tooMany = false
        image.pixels.withUnsafeBytes { raw in
            let count = image.width * image.height
            var previous: UInt32 = 0
            var havePrevious = false
            for i in 0..<count {
                let p = raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                if havePrevious && p == previous { continue }
                previous = p
                havePrevious = true
                let r = p & 0xFF, g = (p >> 8) & 0xFF, b = (p >> 16) & 0xFF, a = p >> 24
                if r != g || g != b { grey = false }
                if a != 255 { opaque = false }
                if tooMany {
                    if !grey && !opaque { break }
                    continue
                }
                let key = UInt64(p) + 1
                var slot = Int((UInt64(p) &* 0x9E37_79B9_7F4A_7C15) >> 54)
                while true {
                    let k = keys[slot]
                    if k == key { break }
                    if k == 0 {
                        keys[slot] = key
                        colours.append(p)
                        if colours.count > 256 { tooMany = true }
                        break
                    }
                    slot = (slot + 1) & 1023
                }
            }
        }
        isGrey = grey
        isOpaque = opaque
        palette = tooMany ? nil : colours
    }

    /// The smallest exact layout: grey for grey opaque images (filters work well on it),
    /// a palette for up to 256 colours, otherwise RGB or RGBA.
    var bestColorType: PNGColorType {
        if isGrey && isOpaque { return .grey }
        if let palette, palette.count <= 256 { return .palette }
        if isGrey { return .greyAlpha }
        return isOpaque ? .rgb : .rgba
    }
}
