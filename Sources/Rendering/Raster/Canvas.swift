/// A colour with straight alpha, components in 0...1.
public struct Color: Sendable, Equatable, Hashable {
    public var r: Double, g: Double, b: Double, a: Double
    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }
    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 1, g: 1, b: 1)
    public static let clear = Color(r: 0, g: 0, b: 0, a: 0)

    public func withAlpha(_ alpha: Double) -> Color { Color(r: r, g: g, b: b, a: alpha) }
    /// The colour with its alpha multiplied by `factor` (matplotlib's `alpha=` on an artist).
    public func fading(_ factor: Double?) -> Color {
        guard let factor else { return self }
        return Color(r: r, g: g, b: b, a: a * max(0, min(1, factor)))
    }
}

/// Where drawing happens: premultiplied floating-point RGBA pixels with a clip rectangle,
/// filled by anti-aliased coverage. Shapes are filled with the non-zero rule by exact
/// area coverage (each pixel gets the fraction of its square that the shape covers).
public struct Canvas {
    public let width: Int
    public let height: Int
    /// Premultiplied RGBA, four floats per pixel.
    private var pixels: [Float]
    /// Drawing is limited to this box (in drawing coordinates, like every shape); `nil`
    /// means the whole canvas.
    public var clip: Rect?
    /// The drawing coordinate of pixel (0, 0): a tight bounding box draws the figure's
    /// coordinates onto a canvas that starts where the content does (and may lie beyond the
    /// figure's own edges).
    public var origin = Point(0, 0)
    /// A canvas that only measures: shapes are dropped, text still reports its box. Used to
    /// find the content's extent before the real canvas is made.
    public private(set) var measuresOnly = false
    private var coverage = CoverageAccumulator()

    public init(width: Int, height: Int, background: Color = .white) throws {
        guard width > 0, height > 0, width <= 1 << 15, height <= 1 << 15 else {
            throw RenderingError.invalidSize(width: width, height: height)
        }
        self.width = width
        self.height = height
        logicalSize = (Double(width), Double(height))
        let a = Float(background.a)
        let px: [Float] = [Float(background.r) * a, Float(background.g) * a, Float(background.b) * a, a]
        pixels = [Float](unsafeUninitializedCapacity: width * height * 4) { buf, n in
            for i in 0..<(width * height) {
                buf[4 * i] = px[0]; buf[4 * i + 1] = px[1]; buf[4 * i + 2] = px[2]; buf[4 * i + 3] = px[3]
            }
            n = width * height * 4
        }
    }

    /// A canvas of the given logical size that draws nothing (see `measuresOnly`).
    public static func measuring(width: Int, height: Int) -> Canvas {
        var c = Canvas(placeholder: ())
        c.logicalSize = (Double(width), Double(height))
        c.measuresOnly = true
        return c
    }

    /// The figure size in drawing coordinates (figure-fraction texts are placed in it),
    /// which differs from the pixel size when the canvas is a tight box.
    public var logicalSize: (width: Double, height: Double) = (0, 0)

    /// A 1x1 stand-in to `swap` with, so that a painter can own the real pixels while it
    /// draws, without the copy that a second reference would force.
    static var placeholder: Canvas { Canvas(placeholder: ()) }

    private init(placeholder: Void) {
        width = 1; height = 1; pixels = [0, 0, 0, 0]
    }

    /// The whole-pixel box drawing may touch: the canvas within the clip.
    private var clipBox: (x0: Int, y0: Int, x1: Int, y1: Int) {
        var box = (x0: 0, y0: 0, x1: width, y1: height)
        if let c = clip {
            box.x0 = max(box.x0, Int((c.x0 - origin.x).rounded(.down)))
            box.y0 = max(box.y0, Int((c.y0 - origin.y).rounded(.down)))
            box.x1 = min(box.x1, Int((c.x1 - origin.x).rounded(.up)))
            box.y1 = min(box.y1, Int((c.y1 - origin.y).rounded(.up)))
        }
        return box
    }

    /// Fills the polygons (closed implicitly) with `color`, non-zero winding, anti-aliased.
    public mutating func fill(_ polygons: [[Point]], color: Color) {
        guard color.a > 0, !measuresOnly else { return }
        let box = clipBox
        guard box.x1 > box.x0, box.y1 > box.y0 else { return }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for poly in polygons {
            for p in poly {
                guard p.x.isFinite, p.y.isFinite else { return }
                minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        guard minX <= maxX else { return }
        let ox = origin.x, oy = origin.y
        minX -= ox; maxX -= ox; minY -= oy; maxY -= oy
        // Clamped to the clip box as doubles first: a huge linewidth gives coordinates far past
        // Int's range, which `Int(...)` would trap on.
        func pixel(_ v: Double, _ low: Int, _ high: Int) -> Int { Int(Swift.min(Swift.max(v, Double(low)), Double(high))) }
        let x0 = pixel(minX.rounded(.down), box.x0, box.x1), x1 = pixel(maxX.rounded(.up), box.x0, box.x1)
        let y0 = pixel(minY.rounded(.down), box.y0, box.y1), y1 = pixel(maxY.rounded(.up), box.y0, box.y1)
        guard x1 > x0, y1 > y0 else { return }
        coverage.reset(x0: x0, y0: y0, x1: x1, y1: y1)
        for poly in polygons where poly.count > 2 {
            var prev = Point(poly[poly.count - 1].x - ox, poly[poly.count - 1].y - oy)
            for p in poly {
                let q = Point(p.x - ox, p.y - oy)
                coverage.addEdge(prev, q)
                prev = q
            }
        }
        composite(color: color)
    }

    public mutating func fill(_ path: Path, color: Color) {
        fill(path.polygons(), color: color)
    }

    /// Blends `color` into the pixels by the accumulated coverage.
    private mutating func composite(color: Color) {
        let a = Float(color.a)
        let sr = Float(color.r) * a, sg = Float(color.g) * a, sb = Float(color.b) * a
        let stride = coverage.stride
        let w = width
        let (bx0, by0, bx1, by1) = (coverage.x0, coverage.y0, coverage.x1, coverage.y1)
        coverage.cells.withUnsafeBufferPointer { cells in
            pixels.withUnsafeMutableBufferPointer { px in
                for y in by0..<by1 {
                    let rowCells = (y - by0) * stride
                    var sum: Float = 0
                    for x in bx0..<bx1 {
                        sum += cells[rowCells + x - bx0]
                        let c = min(1, abs(sum))
                        if c < 1.0 / 512 { continue }
                        let i = 4 * (y * w + x)
                        let keep = 1 - a * c
                        px[i] = sr * c + px[i] * keep
                        px[i + 1] = sg * c + px[i + 1] * keep
                        px[i + 2] = sb * c + px[i + 2] * keep
                        px[i + 3] = a * c + px[i + 3] * keep
                    }
                }
            }
        }
    }

    /// Draws an RGBA picture into `destination` (pixel coordinates, any fractional box), by
    /// nearest-neighbour or bilinear sampling, blended over what is there, within the clip.
    public mutating func drawImage(_ image: RGBAImage, into target: Rect, smoothing: ImageSmoothing) {
        guard !measuresOnly else { return }
        let destination = Rect(x0: target.x0 - origin.x, y0: target.y0 - origin.y, x1: target.x1 - origin.x, y1: target.y1 - origin.y)
        let box = clipBox
        let x0 = max(box.x0, Int(destination.x0.rounded())), x1 = min(box.x1, Int(destination.x1.rounded()))
        let y0 = max(box.y0, Int(destination.y0.rounded())), y1 = min(box.y1, Int(destination.y1.rounded()))
        guard x1 > x0, y1 > y0, destination.width > 0, destination.height > 0 else { return }
        let sx = Double(image.width) / destination.width, sy = Double(image.height) / destination.height
        let iw = image.width, ih = image.height
        image.pixels.withUnsafeBufferPointer { src in
            pixels.withUnsafeMutableBufferPointer { px in
                @inline(__always) func sample(_ ix: Int, _ iy: Int) -> (Float, Float, Float, Float) {
                    let j = 4 * (iy * iw + ix)
                    let a = Float(src[j + 3]) / 255
                    return (Float(src[j]) / 255 * a, Float(src[j + 1]) / 255 * a, Float(src[j + 2]) / 255 * a, a)
                }
                for y in y0..<y1 {
                    let v = (Double(y) + 0.5 - destination.y0) * sy
                    for x in x0..<x1 {
                        let u = (Double(x) + 0.5 - destination.x0) * sx
                        var s: (Float, Float, Float, Float)
                        switch smoothing {
                        case .nearest:
                            s = sample(min(iw - 1, max(0, Int(u))), min(ih - 1, max(0, Int(v))))
                        case .bilinear:
                            let fu = u - 0.5, fv = v - 0.5
                            let ix = Int(fu.rounded(.down)), iy = Int(fv.rounded(.down))
                            let tx = Float(fu - Double(ix)), ty = Float(fv - Double(iy))
                            let xa = min(iw - 1, max(0, ix)), xb = min(iw - 1, max(0, ix + 1))
                            let ya = min(ih - 1, max(0, iy)), yb = min(ih - 1, max(0, iy + 1))
                            let p00 = sample(xa, ya), p10 = sample(xb, ya), p01 = sample(xa, yb), p11 = sample(xb, yb)
                            func mix(_ a: Float, _ b: Float, _ c: Float, _ d: Float) -> Float {
                                (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty
                            }
                            s = (mix(p00.0, p10.0, p01.0, p11.0), mix(p00.1, p10.1, p01.1, p11.1),
                                 mix(p00.2, p10.2, p01.2, p11.2), mix(p00.3, p10.3, p01.3, p11.3))
                        }
                        let i = 4 * (y * width + x)
                        let keep = 1 - s.3
                        px[i] = s.0 + px[i] * keep
                        px[i + 1] = s.1 + px[i + 1] * keep
                        px[i + 2] = s.2 + px[i + 2] * keep
                        px[i + 3] = s.3 + px[i + 3] * keep
                    }
                }
            }
        }
    }

    /// The pixels as 8-bit straight RGBA.
    public func image() -> RGBAImage {
        var out = [UInt8](repeating: 0, count: width * height * 4)
        pixels.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<(width * height) {
                    let a = px[4 * i + 3]
                    if a <= 0 { continue }
                    let inv: Float = a >= 1 ? 1 : 1 / a
                    o[4 * i] = UInt8(min(255, max(0, px[4 * i] * inv * 255 + 0.5)))
                    o[4 * i + 1] = UInt8(min(255, max(0, px[4 * i + 1] * inv * 255 + 0.5)))
                    o[4 * i + 2] = UInt8(min(255, max(0, px[4 * i + 2] * inv * 255 + 0.5)))
                    o[4 * i + 3] = UInt8(min(255, max(0, a * 255 + 0.5)))
                }
            }
        }
        return RGBAImage(validatedWidth: width, height: height, pixels: out)
    }
}

/// How `drawImage` samples the source picture.
public enum ImageSmoothing: Sendable {
    case nearest
    case bilinear
}

