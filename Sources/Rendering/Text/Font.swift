import Foundation

/// One glyph of the embedded font, in font units (y up).
struct Glyph: Sendable {
    var advance: Double
    var bounds: Rect
    var outline: Path
}

/// The embedded outline font (DejaVu Sans) decoded once: glyphs by code point and kerning.
struct Font: Sendable {
    let unitsPerEm: Double
    let glyphs: [UInt32: Glyph]
    let kerning: [UInt64: Double]

    /// DejaVu Sans, matplotlib's default face.
    static let dejaVuSans = Font(glyphBlob: DejaVuSansOutlines.glyphData, kerningBlob: DejaVuSansOutlines.kerningData,
                                 unitsPerEm: Double(DejaVuSansOutlines.unitsPerEm))

    init(glyphBlob: String, kerningBlob: String, unitsPerEm: Double) {
        self.unitsPerEm = unitsPerEm
        let data = [UInt8](Data(base64Encoded: glyphBlob, options: .ignoreUnknownCharacters) ?? Data())
        var reader = LittleEndianReader(bytes: data)
        var glyphs: [UInt32: Glyph] = [:]
        while reader.remaining >= 16 {
            let code = reader.u32()
            let advance = Double(reader.i16())
            let x0 = Double(reader.i16()), y0 = Double(reader.i16()), x1 = Double(reader.i16()), y1 = Double(reader.i16())
            let count = Int(reader.u16())
            var path = Path()
            for _ in 0..<count {
                switch reader.u8() {
                case 0: path.move(to: reader.point())
                case 1: path.line(to: reader.point())
                case 2:
                    let c = reader.point()
                    path.quad(control: c, to: reader.point())
                default: path.close()
                }
            }
            glyphs[code] = Glyph(advance: advance, bounds: Rect(x0: x0, y0: y0, x1: x1, y1: y1), outline: path)
        }
        self.glyphs = glyphs
        var kerning: [UInt64: Double] = [:]
        let kern = [UInt8](Data(base64Encoded: kerningBlob, options: .ignoreUnknownCharacters) ?? Data())
        var k = LittleEndianReader(bytes: kern)
        while k.remaining >= 10 {
            let left = k.u32(), right = k.u32()
            kerning[UInt64(left) << 32 | UInt64(right)] = Double(k.i16())
        }
        self.kerning = kerning
    }

    /// The glyph for `scalar`, or the font's replacement box when it has none.
    func glyph(_ scalar: Unicode.Scalar) -> Glyph {
        if let g = glyphs[scalar.value] { return g }
        if let g = glyphs[UInt32(0x25A1)] { return g }
        // An empty box one half em wide stands in for characters the font lacks.
        let w = unitsPerEm * 0.5, h = unitsPerEm * 0.7
        var outer = Path.rectangle(Rect(x0: 60, y0: 0, x1: w - 60, y1: h))
        let inner = Path.polygon([Point(160, 100), Point(160, h - 100), Point(w - 160, h - 100), Point(w - 160, 100)])
        outer.elements += inner.elements
        return Glyph(advance: w, bounds: Rect(x0: 60, y0: 0, x1: w - 60, y1: h), outline: outer)
    }

    func kern(_ left: Unicode.Scalar, _ right: Unicode.Scalar) -> Double {
        kerning[UInt64(left.value) << 32 | UInt64(right.value)] ?? 0
    }
}

private struct LittleEndianReader {
    let bytes: [UInt8]
    var offset = 0
    var remaining: Int { bytes.count - offset }
    mutating func u8() -> UInt8 {
        guard offset < bytes.count else { return 3 }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func u16() -> UInt16 { UInt16(u8()) | UInt16(u8()) << 8 }
    mutating func i16() -> Int16 { Int16(bitPattern: u16()) }
    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }
    mutating func point() -> Point {
        let x = Double(i16())
        return Point(x, Double(i16()))
    }
}
