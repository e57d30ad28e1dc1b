/// A picture as 8-bit straight (not premultiplied) RGBA, row after row from the top.
///
/// This is what the rasteriser produces and what the PNG writer consumes.
public struct RGBAImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: red, green, blue, alpha for each pixel.
    public var pixels: [UInt8]

    /// An image filled with one colour (opaque white unless told).
    public init(width: Int, height: Int, fill: RGBA8 = RGBA8(r: 255, g: 255, b: 255, a: 255)) throws {
        guard width > 0, height > 0, width <= 1 << 15, height <= 1 << 15 else {
            throw RenderingError.invalidSize(width: width, height: height)
        }
        self.width = width
        self.height = height
        var row = [UInt8](repeating: 0, count: width * height * 4)
        row.withUnsafeMutableBufferPointer { p in
            for i in 0..<(width * height) {
                p[4 * i] = fill.r; p[4 * i + 1] = fill.g; p[4 * i + 2] = fill.b; p[4 * i + 3] = fill.a
            }
        }
        self.pixels = row
    }

    /// Wraps existing RGBA bytes; throws when their count does not match the size.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0, width <= 1 << 15, height <= 1 << 15 else {
            throw RenderingError.invalidSize(width: width, height: height)
        }
        guard pixels.count == width * height * 4 else {
            throw RenderingError.pixelCountMismatch(expected: width * height * 4, got: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// For sizes already checked (a canvas's), with `pixels.count == width * height * 4`.
    init(validatedWidth width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel at column `x`, row `y` (both must be inside the image).
    public subscript(x: Int, y: Int) -> RGBA8 {
        get {
            let i = 4 * (y * width + x)
            return RGBA8(r: pixels[i], g: pixels[i + 1], b: pixels[i + 2], a: pixels[i + 3])
        }
        set {
            let i = 4 * (y * width + x)
            pixels[i] = newValue.r; pixels[i + 1] = newValue.g; pixels[i + 2] = newValue.b; pixels[i + 3] = newValue.a
        }
    }
}

/// One 8-bit straight-alpha pixel.
public struct RGBA8: Sendable, Hashable {
    public var r: UInt8, g: UInt8, b: UInt8, a: UInt8
    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }
}
