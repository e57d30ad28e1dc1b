import CZlib
import Testing
@testable import Rendering

/// Deterministic pseudo-random bytes, so failures reproduce.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

private func image(_ w: Int, _ h: Int, _ pixel: (Int, Int) -> RGBA8) throws -> RGBAImage {
    var im = try RGBAImage(width: w, height: h)
    for y in 0..<h { for x in 0..<w { im[x, y] = pixel(x, y) } }
    return im
}

private func roundTrip(_ im: RGBAImage, expect type: PNGColorType, pillowMode: String) throws {
    #expect(PNGEncoder.automaticColorType(for: im) == type)
    let png = try PNGEncoder().encode(im)
    let decoded = try PillowDecoder.decode(png)
    #expect(decoded.mode == pillowMode)
    #expect(decoded.width == im.width && decoded.height == im.height)
    #expect(decoded.rgba == im.pixels)
}

@Suite struct PNGRoundTripThroughPillow {
    @Test func greyImageIsWrittenAsGreyAndDecodesExactly() throws {
        var rng = SplitMix(state: 1)
        let im = try image(37, 23) { _, _ in let v = rng.byte(); return RGBA8(r: v, g: v, b: v) }
        try roundTrip(im, expect: .grey, pillowMode: "L")
    }

    @Test func translucentGreyWithManyLevelsIsWrittenAsGreyAlpha() throws {
        var rng = SplitMix(state: 2)
        let im = try image(40, 31) { _, _ in let v = rng.byte(); return RGBA8(r: v, g: v, b: v, a: rng.byte()) }
        try roundTrip(im, expect: .greyAlpha, pillowMode: "LA")
    }

    @Test func fewColoursAreWrittenAsPalette() throws {
        let colours = [RGBA8(r: 31, g: 119, b: 180), RGBA8(r: 255, g: 127, b: 14), RGBA8(r: 255, g: 255, b: 255)]
        let im = try image(64, 48) { x, y in colours[(x / 5 + y / 7) % 3] }
        try roundTrip(im, expect: .palette, pillowMode: "P")
    }

    @Test func paletteKeepsTransparency() throws {
        let colours = [RGBA8(r: 10, g: 20, b: 30, a: 0), RGBA8(r: 200, g: 20, b: 30, a: 128), RGBA8(r: 1, g: 2, b: 3)]
        let im = try image(33, 17) { x, y in colours[(x * y) % 3] }
        try roundTrip(im, expect: .palette, pillowMode: "P")
    }

    @Test func exactlyTwoHundredFiftySixColoursStillFitAPalette() throws {
        let im = try image(256, 3) { x, y in RGBA8(r: UInt8(x), g: UInt8(255 - x), b: 7) }
        try roundTrip(im, expect: .palette, pillowMode: "P")
    }

    @Test func manyOpaqueColoursAreWrittenAsRGB() throws {
        var rng = SplitMix(state: 3)
        let im = try image(51, 29) { _, _ in RGBA8(r: rng.byte(), g: rng.byte(), b: rng.byte()) }
        try roundTrip(im, expect: .rgb, pillowMode: "RGB")
    }

    @Test func manyTranslucentColoursAreWrittenAsRGBA() throws {
        var rng = SplitMix(state: 4)
        let im = try image(45, 30) { _, _ in RGBA8(r: rng.byte(), g: rng.byte(), b: rng.byte(), a: rng.byte()) }
        try roundTrip(im, expect: .rgba, pillowMode: "RGBA")
    }

    @Test func everyForcedColourTypeDecodesExactly() throws {
        let im = try image(19, 13) { x, y in let v = UInt8((x * 13 + y * 7) % 256); return RGBA8(r: v, g: v, b: v) }
        for (type, mode) in [(PNGColorType.grey, "L"), (.greyAlpha, "LA"), (.rgb, "RGB"), (.rgba, "RGBA"), (.palette, "P")] {
            let png = try PNGEncoder(colorType: type).encode(im)
            let decoded = try PillowDecoder.decode(png)
            #expect(decoded.mode == mode)
            #expect(decoded.rgba == im.pixels)
        }
    }

    @Test func smoothGradientsSurviveEveryFilter() throws {
        // Gradients make Sub, Up, Average and Paeth each win on some rows.
        let im = try image(97, 61) { x, y in
            RGBA8(r: UInt8((x * 2 + y) % 256), g: UInt8((y * 3) % 256), b: UInt8((x * y) % 256), a: UInt8(255 - (x % 3)))
        }
        let png = try PNGEncoder(compressionLevel: 9).encode(im)
        #expect(try PillowDecoder.decode(png).rgba == im.pixels)
    }

    @Test func onePixelImageDecodes() throws {
        let im = try image(1, 1) { _, _ in RGBA8(r: 9, g: 8, b: 7, a: 6) }
        #expect(try PillowDecoder.decode(try PNGEncoder().encode(im)).rgba == im.pixels)
    }
}

@Suite struct PNGEncoderErrors {
    @Test func forcingGreyOnColourPixelsThrows() throws {
        let im = try image(2, 2) { x, _ in RGBA8(r: UInt8(x * 100), g: 0, b: 0) }
        #expect(throws: RenderingError.self) { try PNGEncoder(colorType: .grey).encode(im) }
    }

    @Test func badSizesAndLevelsThrow() throws {
        #expect(throws: RenderingError.self) { try RGBAImage(width: 0, height: 3) }
        #expect(throws: RenderingError.self) { try RGBAImage(width: 2, height: 2, pixels: [1, 2, 3]) }
        let im = try RGBAImage(width: 2, height: 2)
        #expect(throws: RenderingError.self) { try PNGEncoder(compressionLevel: 12).encode(im) }
    }
}

@Suite struct Checksums {
    @Test func crc32GivesTheStandardCheckValues() {
        // The CRC-32 catalogue's check value, PNG's IEND chunk, and the empty input.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func crc32IsTheSameInPieces() {
        var rng = SplitMix(state: 5)
        let data = (0..<1000).map { _ in rng.byte() }
        for split in [0, 1, 7, 500, 999, 1000] {
            var crc = CRC32()
            crc.update(Array(data[0..<split]))
            crc.update(Array(data[split...]))
            #expect(crc.value == CRC32.checksum(data))
        }
    }

    @Test func zlibStreamEndsWithTheAdlerOfItsInput() throws {
        let input = (0..<5000).map { UInt8($0 % 251) }
        let stream = try ZlibDeflater(level: 6).compress(input)
        let tail = stream.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let adler = input.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        #expect(tail == adler)
    }
}
