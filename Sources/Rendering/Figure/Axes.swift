import Foundation

/// Artists whose colours come from numbers through a colormap, which a colorbar can show.
public protocol ScalarMappable: AnyObject {
    var colormap: Colormap { get set }
    /// The value range mapped onto the colormap.
    var mappedNormalization: ColorNormalization { get }
}

extension AxesImage: ScalarMappable {
    public var mappedNormalization: ColorNormalization { normalization }
}

extension PathCollection: ScalarMappable {
    public var mappedNormalization: ColorNormalization {
        normalization ?? ColorNormalization.fitting(values ?? [])
    }
}

/// How an axes box relates data units on x and y.
public enum Aspect: Sendable, Equatable {
    /// Fill the box whatever the data ratio.
    case auto
    /// One data unit is as long on x as on y; the box shrinks to fit (imshow's default).
    case equal
    /// y units are `ratio` times as long as x units.
    case ratio(Double)
}

/// Where an axes sits in a grid of subplots (1-based inclusive index range, row-major).
public struct SubplotSpec: Sendable, Equatable {
    public var rows: Int, columns: Int
    public var first: Int, last: Int
    public init(rows: Int, columns: Int, index: Int) throws {
        guard rows > 0, columns > 0 else {
            throw RenderingError.invalidArgument("number of rows and columns must be positive, got \(rows) and \(columns)")
        }
        // rows * columns of a user's numbers can overflow (subplot(2**63-1, 2**63-1, 1)).
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow else {
            throw RenderingError.invalidArgument("a grid of \(rows)x\(columns) subplots is too large")
        }
        guard (1...cells).contains(index) else {
            throw RenderingError.invalidArgument("num must be an integer with 1 <= num <= \(cells), not \(index)")
        }
        self.rows = rows; self.columns = columns; first = index; last = index
    }
    var rowRange: ClosedRange<Int> { ((first - 1) / columns)...((last - 1) / columns) }
    var columnRange: ClosedRange<Int> { min((first - 1) % columns, (last - 1) % columns)...max((first - 1) % columns, (last - 1) % columns) }
}

/// Limits shared between axes (`subplots(sharex=True)`).
public final class SharedLimits {
    var members: [Axes] = []
    init() {}
}

/// A legend's placement (matplotlib's `loc` strings and codes).
public enum LegendLocation: String, Sendable, CaseIterable {
    case best, upperRight = "upper right", upperLeft = "upper left", lowerLeft = "lower left",
         lowerRight = "lower right", right, centerLeft = "center left", centerRight = "center right",
         lowerCenter = "lower center", upperCenter = "upper center", center

    /// Parses a `loc` name or its number (0 = best ... 10 = center).
    public init(parsing text: String) throws {
        if let v = LegendLocation(rawValue: text) { self = v; return }
        if let code = Int(text), (0..<LegendLocation.allCases.count).contains(code) {
            self = LegendLocation.allCases[code]
            return
        }
        throw RenderingError.invalidArgument("'\(text)' is not a valid value for loc; supported values are " +
            LegendLocation.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
    }
}

/// A legend's settings; its entries come from labelled artists unless given.
public struct LegendSpec {
    public var location: LegendLocation = .best
    public var fontSize = 10.0
    public var frameOn = true
    public var columns = 1
    public var title: String?
    /// The title's size when it differs from the entries' (seaborn: 12 over 11 points).
    public var titleFontSize: Double?
    public var textColor = Color.black
    /// Explicit entries (artist, text); nil means every labelled artist.
    public var entries: [(Artist, String)]?
    /// Anchor point in axes fractions for `bbox_to_anchor`.
    public var anchor: (Double, Double)?
    public init() {}
}

/// One plotting area: artists drawn in data coordinates, with axes, labels, title, legend.
public final class Axes {
    public private(set) var artists: [Artist] = []
    public let xaxis = Axis()
    public let yaxis = Axis()
    /// Titles by position: left, center, right.
    public var titles: [HorizontalAlignment: String] = [:]
    public var titleStyle = TextStyle(size: 12)
    public var titlePad = 6.0
    public var legend: LegendSpec?
    /// `axis('off')` turns this off: no spines, ticks, labels.
    public var axisOn = true
    public var aspect: Aspect = .auto
    public var faceColor = Color.white
    public var spines: [String: Bool] = ["left": true, "right": true, "top": true, "bottom": true]
    public var spineColor = Color.black
    /// Spine width in points.
    public var spineWidth = 0.8
    /// Gridlines under every artist (seaborn's styles) rather than between patches and lines.
    public var gridBelow = false
    /// The theme the axes was made with (legends and plotting functions read its sizes).
    public private(set) var theme = PlotTheme.matplotlib
    /// For an axes made by `twinx()`: the axes whose box it shares.
    public internal(set) weak var twinParent: Axes?
    /// Where the axes goes: a grid cell of the figure, or an explicit rectangle
    /// (figure fractions from the bottom left: x, y, width, height).
    public internal(set) var subplotSpec: SubplotSpec?
    public internal(set) var explicitRect: Rect?
    /// For a colorbar axes, the mappable it shows and the axes it was taken from.
    public internal(set) var colorbarSource: ScalarMappable?
    weak var colorbarParent: Axes?
    var colorbars: [Axes] = []
    public var colorbarLabel = ""
    var sharedX: SharedLimits?
    var sharedY: SharedLimits?
    private var cycleIndex = 0
    private var patchCycleIndex = 0

    init(subplotSpec: SubplotSpec?, rect: Rect?) {
        self.subplotSpec = subplotSpec
        explicitRect = rect
    }

    /// The next colour of the line cycle (tab10, or the theme's palette), used by `plot`.
    public func nextColor() -> Color {
        defer { cycleIndex += 1 }
        let cycle = theme.colorCycle.isEmpty ? ColorSpec.cycle : theme.colorCycle
        return cycle[cycleIndex % cycle.count]
    }

    /// Takes the look of `theme`: background, spines, grid, ticks, text sizes and colours.
    public func apply(_ theme: PlotTheme) {
        self.theme = theme
        faceColor = theme.axesFaceColor
        spineColor = theme.edgeColor
        spineWidth = theme.edgeWidth
        gridBelow = theme.gridBelow
        titleStyle = TextStyle(size: theme.titleSize, color: theme.textColor)
        for (axis, marks) in [(xaxis, theme.xTickMarks), (yaxis, theme.yTickMarks)] {
            axis.gridVisible = theme.grid
            axis.gridColor = theme.gridColor
            axis.gridLineWidth = theme.gridWidth
            axis.tickMarksVisible = marks
            axis.tickColor = theme.tickColor
            axis.tickLength = theme.tickLength
            axis.tickWidth = theme.tickWidth
            axis.tickLabelSize = theme.tickLabelSize
            axis.tickLabelColor = theme.tickColor
            axis.labelStyle = TextStyle(size: theme.labelSize, color: theme.textColor)
        }
    }

    /// The next colour of the patch cycle: matplotlib keeps a second, independent tab10
    /// cycle for bars, histograms, scatter markers and filled areas.
    public func nextPatchColor() -> Color {
        defer { patchCycleIndex += 1 }
        let cycle = theme.colorCycle.isEmpty ? ColorSpec.cycle : theme.colorCycle
        return cycle[patchCycleIndex % cycle.count]
    }

    public func add(_ artist: Artist) { artists.append(artist) }

    /// Removes every artist and resets limits, titles and labels (`cla()`).
    public func clear() {
        artists.removeAll()
        titles.removeAll()
        legend = nil
        cycleIndex = 0
        patchCycleIndex = 0
        for axis in [xaxis, yaxis] {
            axis.lowerLimit = nil; axis.upperLimit = nil; axis.fixedTicks = nil; axis.fixedLabels = nil
            axis.label = ""; axis.scale = .linear; axis.gridVisible = false
        }
    }

    // MARK: Plotting

    /// A line through (xs[i], ys[i]); colour from the cycle unless the format or `color` says.
    @discardableResult
    public func plot(xs: [Double], ys: [Double], format: FormatString? = nil, color: Color? = nil) throws -> Line2D {
        guard xs.count == ys.count else {
            throw RenderingError.invalidArgument("x and y must have same first dimension, but have shapes (\(xs.count),) and (\(ys.count),)")
        }
        let line = Line2D(xs: xs, ys: ys, color: color ?? format?.color ?? nextColor())
        if let f = format {
            line.lineStyle = f.lineStyle ?? .solid
            line.marker = f.marker
        }
        add(line)
        return line
    }

    /// Markers at (xs[i], ys[i]); `sizes` are areas in points squared.
    @discardableResult
    public func scatter(xs: [Double], ys: [Double], sizes: [Double] = [36], colors: [Color]? = nil,
                        values: [Double]? = nil, colormap: Colormap? = nil, vmin: Double? = nil, vmax: Double? = nil,
                        marker: Marker = .circle) throws -> PathCollection {
        guard xs.count == ys.count else {
            throw RenderingError.invalidArgument("x and y must be the same size, got \(xs.count) and \(ys.count)")
        }
        if let values, values.count != xs.count, values.count != 1 {
            throw RenderingError.invalidArgument("'c' argument has \(values.count) elements, which is inconsistent with 'x' and 'y' with size \(xs.count)")
        }
        if sizes.count != 1 && sizes.count != xs.count {
            throw RenderingError.invalidArgument("s must be a scalar, or float array-like with the same size as x and y")
        }
        let collection = PathCollection(xs: xs, ys: ys, faceColors: colors ?? [nextPatchColor()])
        collection.sizes = sizes
        collection.marker = marker
        if let values {
            collection.values = values
            collection.colormap = colormap ?? .viridis
            collection.normalization = ColorNormalization.fitting(values, vmin: vmin, vmax: vmax)
        }
        add(collection)
        return collection
    }

    /// Vertical bars centred on `xs` (or starting there with `alignEdge`).
    @discardableResult
    public func bar(xs: [Double], heights: [Double], widths: [Double] = [0.8], bottoms: [Double] = [0],
                    color: [Color]? = nil, edgeColor: Color? = nil, alignEdge: Bool = false, horizontal: Bool = false) throws -> [Rectangle] {
        let n = max(xs.count, heights.count)
        for (name, values) in [("x", xs), ("height", heights), ("width", widths), ("bottom", bottoms)] where values.count != 1 && values.count != n {
            throw RenderingError.invalidArgument("shape mismatch: \(name) has \(values.count) values, cannot broadcast to \(n)")
        }
        let base = color == nil ? nextPatchColor() : nil
        var bars: [Rectangle] = []
        for i in 0..<n {
            let x = xs[xs.count == 1 ? 0 : i], h = heights[heights.count == 1 ? 0 : i]
            let w = widths[widths.count == 1 ? 0 : i], b = bottoms[bottoms.count == 1 ? 0 : i]
            let left = alignEdge ? x : x - w / 2
            let face = color.map { $0[i % $0.count] } ?? base ?? .black
            let r = horizontal ? Rectangle(x: b, y: left, width: h, height: w, faceColor: face)
                               : Rectangle(x: left, y: b, width: w, height: h, faceColor: face)
            r.edgeColor = edgeColor ?? theme.patchEdgeColor
            r.stickyEdge = StickyEdge(alongX: horizontal, value: b)
            r.label = i == 0 ? nil : "_nolegend_"
            bars.append(r)
            add(r)
        }
        return bars
    }

    /// How `hist` divides the data range.
    public enum Bins: Sendable {
        case count(Int)
        case edges([Double])
    }

    /// The most bars `hist` draws from a bin count (far more than a figure has pixels).
    public static let maximumBins = 1_000_000

    /// A histogram: counts per bin, the bin edges, and the bars drawn.
    @discardableResult
    public func hist(_ data: [Double], bins: Bins = .count(10), range: (Double, Double)? = nil, density: Bool = false,
                     weights: [Double]? = nil, cumulative: Bool = false, color: Color? = nil, edgeColor: Color? = nil,
                     histType: String = "bar", relativeWidth: Double? = nil, horizontal: Bool = false)
        throws -> (counts: [Double], edges: [Double], patches: [Patch]) {
        let finite = data.filter { $0.isFinite }
        if let weights, weights.count != data.count {
            throw RenderingError.invalidArgument("weights should have the same shape as x")
        }
        var edges: [Double]
        switch bins {
        case let .count(n):
            guard n > 0 else { throw RenderingError.invalidArgument("`bins` must be positive, when an integer") }
            // Each bin is a bar the figure keeps and draws: a count of 10**8 or 2**63-1 would
            // exhaust memory (or trap building the edges) long before anything is drawn.
            guard n <= Axes.maximumBins else {
                throw RenderingError.invalidArgument("bins=\(n) is too many: a histogram can draw at most \(Axes.maximumBins) bars")
            }
            var lo = range?.0 ?? finite.min() ?? 0, hi = range?.1 ?? finite.max() ?? 1
            if lo == hi { lo -= 0.5; hi += 0.5 }
            edges = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
        case let .edges(e):
            guard e.count >= 2, zip(e, e.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw RenderingError.invalidArgument("`bins` must increase monotonically, when an array")
            }
            edges = e
        }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        for (i, v) in data.enumerated() where v.isFinite {
            guard v >= edges[0], v <= edges[edges.count - 1] else { continue }
            // Bins are half-open except the last, as NumPy's histogram.
            var lo = 0, hi = edges.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if v >= edges[mid] { lo = mid } else { hi = mid }
            }
            counts[lo] += weights?[i] ?? 1
        }
        if density {
            let total = counts.reduce(0, +)
            if total > 0 {
                for i in counts.indices { counts[i] /= total * (edges[i + 1] - edges[i]) }
            }
        }
        if cumulative {
            var running = 0.0
            for i in counts.indices { running += counts[i]; counts[i] = running }
        }
        let face = color ?? nextPatchColor()
        var patches: [Patch] = []
        if histType == "step" || histType == "stepfilled" {
            var verts: [(Double, Double)] = [(edges[0], 0)]
            for i in counts.indices { verts += [(edges[i], counts[i]), (edges[i + 1], counts[i])] }
            verts.append((edges[edges.count - 1], 0))
            if horizontal { verts = verts.map { ($0.1, $0.0) } }
            let p = PolygonPatch(vertices: verts, faceColor: face)
            if histType == "step" { p.fill = false; p.edgeColor = face; p.lineWidth = 1.5 }
            p.zorder = 1
            add(p)
            patches.append(p)
        } else {
            for i in counts.indices {
                let w = edges[i + 1] - edges[i]
                let rw = (relativeWidth ?? 1) * w
                let left = edges[i] + (w - rw) / 2
                let r = horizontal ? Rectangle(x: 0, y: left, width: counts[i], height: rw, faceColor: face)
                                   : Rectangle(x: left, y: 0, width: rw, height: counts[i], faceColor: face)
                r.edgeColor = edgeColor ?? theme.patchEdgeColor
                r.stickyEdge = StickyEdge(alongX: horizontal, value: 0)
                r.label = i == 0 ? nil : "_nolegend_"
                add(r)
                patches.append(r)
            }
        }
        return (counts, edges, patches)
    }

    /// Shows an image; the axes takes an equal aspect unless told otherwise.
    @discardableResult
    public func imshow(_ pixels: AxesImage.Pixels, colormap: Colormap? = nil, vmin: Double? = nil, vmax: Double? = nil,
                       interpolation: String? = nil, originUpper: Bool = true, extent: (Double, Double, Double, Double)? = nil,
                       aspect: Aspect? = .equal) -> AxesImage {
        let image = AxesImage(pixels: pixels, originUpper: originUpper)
        if let colormap { image.colormap = colormap }
        if case let .scalars(_, _, values) = pixels {
            image.normalization = ColorNormalization.fitting(values, vmin: vmin, vmax: vmax)
        }
        if let interpolation { image.interpolation = interpolation }
        if let extent { image.extent = extent }
        if let aspect { self.aspect = aspect }
        // Like matplotlib, the y axis runs the way the image's rows do (downwards for origin 'upper').
        yaxis.inverted = image.extent.2 > image.extent.3
        add(image)
        return image
    }

    /// Text at (x, y) in data (or axes / figure) coordinates.
    @discardableResult
    public func text(x: Double, y: Double, _ s: String, style: TextStyle = TextStyle(), coordinates: TextCoordinates = .data) -> TextArtist {
        let t = TextArtist(x: x, y: y, text: s, style: style)
        t.coordinates = coordinates
        add(t)
        return t
    }

    /// The area between two curves over the same xs.
    @discardableResult
    public func fillBetween(xs: [Double], y1: [Double], y2: [Double], color: Color? = nil) throws -> PolygonPatch {
        guard y1.count == xs.count || y1.count == 1, y2.count == xs.count || y2.count == 1 else {
            throw RenderingError.invalidArgument("fill_between: x, y1 and y2 must have the same length")
        }
        var verts: [(Double, Double)] = []
        for i in xs.indices { verts.append((xs[i], y1[y1.count == 1 ? 0 : i])) }
        for i in xs.indices.reversed() { verts.append((xs[i], y2[y2.count == 1 ? 0 : i])) }
        let p = PolygonPatch(vertices: verts, faceColor: color ?? nextPatchColor())
        add(p)
        return p
    }

    /// A horizontal or vertical reference line across the axes.
    @discardableResult
    public func spanLine(_ orientation: SpanLine.Orientation, at value: Double, color: Color = .black) -> SpanLine {
        let l = SpanLine(orientation: orientation, value: value, color: color)
        add(l)
        return l
    }

    // MARK: Limits

    /// The data bounds of every artist, per axis, with the values autoscaling must not cross.
    func dataLimits(forX: Bool) -> (lo: Double, hi: Double, sticky: [Double])? {
        let axis = forX ? xaxis : yaxis
        var lo = Double.infinity, hi = -Double.infinity
        var sticky: [Double] = []
        func include(_ v: Double) {
            guard v.isFinite, axis.scale == .linear || v > 0 else { return }
            lo = min(lo, v); hi = max(hi, v)
        }
        for a in artists where a.visible {
            switch a {
            case let l as Line2D: for v in (forX ? l.xs : l.ys) { include(v) }
            case let c as PathCollection: for v in (forX ? c.xs : c.ys) { include(v) }
            case let r as Rectangle:
                let (v0, v1) = forX ? (r.x, r.x + r.width) : (r.y, r.y + r.height)
                include(v0); include(v1)
                if let edge = r.stickyEdge, edge.alongX == forX { sticky.append(edge.value) }
            case let p as PolygonPatch: for v in p.vertices { include(forX ? v.0 : v.1) }
            case let im as AxesImage:
                let (e0, e1) = forX ? (im.extent.0, im.extent.1) : (im.extent.2, im.extent.3)
                include(e0); include(e1)
                sticky += [e0, e1]
            case let s as SpanLine:
                if (s.orientation == .vertical) == forX { include(s.value) }
            default: break
            }
        }
        return lo <= hi ? (lo, hi, sticky) : nil
    }

    /// The view limits drawing would use now (autoscaled unless set), in data units.
    public func viewLimits(x: Bool) -> (Double, Double) {
        let (lo, hi) = AxesView.limits(for: self, x: x)
        let axis = x ? xaxis : yaxis
        return (axis.inverse(lo), axis.inverse(hi))
    }
}
