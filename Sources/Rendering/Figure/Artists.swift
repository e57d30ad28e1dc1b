/// Something drawn inside axes. Artists are classes because plotting calls return them and
/// users change them afterwards (`bars[0].set_color('r')`, `line.set_label(...)`).
public class Artist {
    /// Legend text; labels starting with '_' are left out of legends (matplotlib's rule).
    public var label: String?
    /// Drawing order: higher is drawn later (on top).
    public var zorder: Double
    /// Extra opacity multiplied into every colour of the artist.
    public var alpha: Double?
    public var visible = true

    init(zorder: Double) { self.zorder = zorder }

    /// The label when the artist belongs in a legend.
    public var legendLabel: String? {
        guard let label, !label.isEmpty, !label.hasPrefix("_") else { return nil }
        return label
    }
}

/// A polyline with optional markers: what `plot` makes.
public final class Line2D: Artist {
    public var xs: [Double]
    public var ys: [Double]
    public var color: Color
    /// Width in points.
    public var lineWidth: Double = 1.5
    public var lineStyle: LineStyle = .solid
    public var marker: Marker?
    /// Marker size in points.
    public var markerSize: Double = 6
    public var markerFaceColor: Color?
    public var markerEdgeColor: Color?
    public var markerEdgeWidth: Double = 1
    /// 'steps' style: 'pre', 'post', 'mid', or nil for straight segments.
    public var drawStyle: String?

    public init(xs: [Double], ys: [Double], color: Color) {
        self.xs = xs; self.ys = ys; self.color = color
        super.init(zorder: 2)
    }
}

/// Markers at points, each with its own size and colour: what `scatter` makes.
public final class PathCollection: Artist {
    public var xs: [Double]
    public var ys: [Double]
    /// Marker areas in points squared (one value, or one per point).
    public var sizes: [Double] = [36]
    /// Face colours (one, or one per point).
    public var faceColors: [Color]
    /// Edge colours; nil means the face colours (matplotlib's 'face').
    public var edgeColors: [Color]?
    public var lineWidth: Double = 1
    public var marker: Marker = .circle
    /// Values mapped through `colormap` when colours come from `c=` numbers.
    public var values: [Double]?
    public var colormap = Colormap.viridis
    public var normalization: ColorNormalization?

    public init(xs: [Double], ys: [Double], faceColors: [Color]) {
        self.xs = xs; self.ys = ys; self.faceColors = faceColors
        super.init(zorder: 1)
    }

    /// The face colour of point `i`.
    func faceColor(_ i: Int) -> Color {
        if let values, let normalization, !values.isEmpty {
            return colormap.color(at: normalization(values[i % values.count]))
        }
        return faceColors.isEmpty ? ColorSpec.cycle[0] : faceColors[i % faceColors.count]
    }
}

/// A filled, optionally outlined shape in data coordinates: bars, histogram bins, areas.
public class Patch: Artist {
    public var faceColor: Color
    /// nil draws no outline.
    public var edgeColor: Color?
    public var lineWidth: Double = 1
    public var lineStyle: LineStyle = .solid
    public var fill = true
    public var hatch: String?

    init(faceColor: Color, zorder: Double = 1) {
        self.faceColor = faceColor
        super.init(zorder: zorder)
    }

    /// Outline points in data coordinates.
    var points: [(Double, Double)] { [] }

    /// Sets face and edge colour together, as matplotlib's `set_color`.
    public func setColor(_ c: Color) {
        faceColor = c
        if edgeColor != nil { edgeColor = c }
    }
}

/// An axis-aligned rectangle in data coordinates (a bar).
public final class Rectangle: Patch {
    public var x: Double, y: Double, width: Double, height: Double
    /// The bar's base, which autoscaling margins do not cross (matplotlib's sticky edges).
    public var stickyEdge: StickyEdge?

    public init(x: Double, y: Double, width: Double, height: Double, faceColor: Color) {
        self.x = x; self.y = y; self.width = width; self.height = height
        super.init(faceColor: faceColor)
    }

    override var points: [(Double, Double)] {
        [(x, y), (x + width, y), (x + width, y + height), (x, y + height)]
    }
}

/// A closed polygon in data coordinates (`fill`, `fill_between`).
public final class PolygonPatch: Patch {
    public var vertices: [(Double, Double)]

    public init(vertices: [(Double, Double)], faceColor: Color) {
        self.vertices = vertices
        super.init(faceColor: faceColor)
    }

    override var points: [(Double, Double)] { vertices }
}

/// Pixel data shown in data coordinates: what `imshow` makes.
public final class AxesImage: Artist {
    /// Either scalars mapped through the colormap, or colours given directly.
    public enum Pixels {
        case scalars(width: Int, height: Int, values: [Double])
        case colors(RGBAImage)
    }

    public var pixels: Pixels
    public var colormap = Colormap.viridis
    public var normalization: ColorNormalization
    /// left, right, bottom, top in data coordinates.
    public var extent: (Double, Double, Double, Double)
    /// 'nearest', 'bilinear', 'antialiased' (the default: nearest when enlarging 3x or more).
    public var interpolation = "antialiased"
    /// Row 0 at the top ('upper') or bottom ('lower').
    public var originUpper = true

    public init(pixels: Pixels, originUpper: Bool = true) {
        self.pixels = pixels
        self.originUpper = originUpper
        switch pixels {
        case let .scalars(w, h, values):
            normalization = ColorNormalization.fitting(values)
            extent = (-0.5, Double(w) - 0.5, originUpper ? Double(h) - 0.5 : -0.5, originUpper ? -0.5 : Double(h) - 0.5)
        case let .colors(im):
            normalization = ColorNormalization(vmin: 0, vmax: 1)
            extent = (-0.5, Double(im.width) - 0.5, originUpper ? Double(im.height) - 0.5 : -0.5, originUpper ? -0.5 : Double(im.height) - 0.5)
        }
        super.init(zorder: 0)
    }

    /// The picture after colour mapping, rows from the top of the screen.
    func rendered() -> RGBAImage {
        switch pixels {
        case let .colors(im):
            return originUpper ? im : Self.flipped(im)
        case let .scalars(w, h, values):
            var out = [UInt8](repeating: 0, count: w * h * 4)
            for row in 0..<h {
                let srcRow = originUpper ? row : h - 1 - row
                for col in 0..<w {
                    let c = colormap.color(at: normalization(values[srcRow * w + col])).fading(alpha)
                    let i = 4 * (row * w + col)
                    out[i] = UInt8((c.r * 255).rounded()); out[i + 1] = UInt8((c.g * 255).rounded())
                    out[i + 2] = UInt8((c.b * 255).rounded()); out[i + 3] = UInt8((c.a * 255).rounded())
                }
            }
            return RGBAImage(validatedWidth: w, height: h, pixels: out)
        }
    }

    private static func flipped(_ im: RGBAImage) -> RGBAImage {
        var out = im
        let row = im.width * 4
        for y in 0..<im.height {
            out.pixels.replaceSubrange((y * row)..<((y + 1) * row), with: im.pixels[((im.height - 1 - y) * row)..<((im.height - y) * row)])
        }
        return out
    }
}

/// Where a text artist's coordinates are measured.
public enum TextCoordinates: Sendable {
    /// Data coordinates of its axes.
    case data
    /// 0...1 across the axes box (`transform=ax.transAxes`).
    case axes
    /// 0...1 across the figure.
    case figure
}

/// A string at a point: `text`, `annotate`-style labels, `fig.text`.
public final class TextArtist: Artist {
    public var x: Double, y: Double
    public var text: String
    public var style: TextStyle
    public var horizontalAlignment: HorizontalAlignment = .left
    public var verticalAlignment: VerticalAlignment = .baseline
    public var rotation = 0.0
    public var coordinates: TextCoordinates = .data
    /// A box drawn behind the text (matplotlib's `bbox=dict(facecolor=...)`).
    public var backgroundColor: Color?

    public init(x: Double, y: Double, text: String, style: TextStyle = TextStyle()) {
        self.x = x; self.y = y; self.text = text; self.style = style
        super.init(zorder: 3)
    }
}

/// Reference lines spanning the axes (`axhline`, `axvline`).
public final class SpanLine: Artist {
    public enum Orientation: Sendable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    /// Extent along the axes in axes fractions.
    public var from = 0.0, to = 1.0
    public var color: Color
    public var lineWidth = 1.5
    public var lineStyle: LineStyle = .solid

    public init(orientation: Orientation, value: Double, color: Color) {
        self.orientation = orientation; self.value = value; self.color = color
        super.init(zorder: 2)
    }
}

/// A data value on one axis that autoscaling margins stop at (a bar's base, an image edge).
public struct StickyEdge: Sendable {
    public var alongX: Bool
    public var value: Double
    public init(alongX: Bool, value: Double) { self.alongX = alongX; self.value = value }
}
