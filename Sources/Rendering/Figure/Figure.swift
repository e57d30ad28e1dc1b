import Foundation

/// The spacing of a subplot grid, in figure fractions (matplotlib's `SubplotParams`).
public struct SubplotParameters: Sendable, Equatable {
    public var left = 0.125, right = 0.9, bottom = 0.11, top = 0.88
    /// Gaps between columns and rows, as fractions of the average axes width and height.
    public var wspace = 0.2, hspace = 0.2
    public init() {}
}

/// A figure: a canvas size and resolution, its axes, titles and texts. Rendering it gives
/// pixels or a PNG; nothing here knows about the cell language.
public final class Figure {
    /// Size in inches.
    public var width: Double
    public var height: Double
    public var dpi: Double
    public var faceColor = Color.white
    public private(set) var axes: [Axes] = []
    public var suptitle: TextArtist?
    public var texts: [TextArtist] = []
    public var subplotParameters = SubplotParameters()
    /// Set by `tight_layout()`: spacing is computed from the decorations when drawing.
    public var usesTightLayout = false
    /// Tight layout's padding in font sizes (matplotlib's `pad`, 1.08) and the figure-fraction
    /// rectangle it fits the subplots into (left, bottom, right, top).
    public var tightLayoutPad = 1.08
    public var tightLayoutRect = Rect(x0: 0, y0: 0, x1: 1, y1: 1)
    /// The look new axes take (matplotlib's defaults unless seaborn set a theme).
    public var theme = PlotTheme.matplotlib
    /// A legend for the whole figure (`fig.legend`, seaborn's legend beside a grid).
    public var legend: LegendSpec?
    /// An identifier for pyplot's figure numbers.
    public var number: Int

    /// A figure of `width` x `height` inches at `dpi` (matplotlib's defaults: 6.4 x 4.8 at 100).
    public init(width: Double = 6.4, height: Double = 4.8, dpi: Double = 100, number: Int = 1) throws {
        guard width > 0, height > 0, dpi > 0, width.isFinite, height.isFinite, dpi.isFinite else {
            throw RenderingError.invalidArgument("figure size must be positive and finite, got \(width)x\(height) inches at \(dpi) dpi")
        }
        let w = Int((width * dpi).rounded()), h = Int((height * dpi).rounded())
        guard w >= 1, h >= 1, w <= 1 << 14, h <= 1 << 14 else {
            throw RenderingError.invalidArgument("figure size \(w)x\(h) pixels is too large: keep it under 16384 pixels a side")
        }
        self.width = width; self.height = height; self.dpi = dpi; self.number = number
    }

    /// Width and height in pixels.
    public var pixelSize: (width: Int, height: Int) {
        (max(1, Int((width * dpi).rounded())), max(1, Int((height * dpi).rounded())))
    }

    /// The axes at grid cell `index` of `rows` x `columns` (1-based, row-major), reusing one
    /// that is already there, as `plt.subplot` does.
    @discardableResult
    public func subplot(rows: Int, columns: Int, index: Int) throws -> Axes {
        let spec = try SubplotSpec(rows: rows, columns: columns, index: index)
        if let existing = axes.first(where: { $0.subplotSpec == spec && $0.colorbarSource == nil }) { return existing }
        let ax = Axes(subplotSpec: spec, rect: nil)
        ax.apply(theme)
        axes.append(ax)
        return ax
    }

    /// A `rows` x `columns` grid of new axes, optionally sharing limits along x or y.
    public func subplots(rows: Int, columns: Int, shareX: Bool = false, shareY: Bool = false) throws -> [[Axes]] {
        var grid: [[Axes]] = []
        let sx = shareX ? SharedLimits() : nil, sy = shareY ? SharedLimits() : nil
        for r in 0..<rows {
            var row: [Axes] = []
            for c in 0..<columns {
                let ax = Axes(subplotSpec: try SubplotSpec(rows: rows, columns: columns, index: r * columns + c + 1), rect: nil)
                ax.apply(theme)
                if let sx { ax.sharedX = sx; sx.members.append(ax) }
                if let sy { ax.sharedY = sy; sy.members.append(ax) }
                axes.append(ax)
                row.append(ax)
            }
            grid.append(row)
        }
        return grid
    }

    /// An axes at an explicit rectangle (figure fractions from the bottom left).
    @discardableResult
    public func addAxes(x: Double, y: Double, width: Double, height: Double) -> Axes {
        let ax = Axes(subplotSpec: nil, rect: Rect(x0: x, y0: y, x1: x + width, y1: y + height))
        ax.apply(theme)
        axes.append(ax)
        return ax
    }

    /// A colorbar for `mappable`, taking its room from the right of `parent`.
    @discardableResult
    public func colorbar(for mappable: ScalarMappable, parent: Axes) -> Axes {
        let cb = Axes(subplotSpec: nil, rect: nil)
        cb.apply(theme)
        cb.xaxis.gridVisible = false
        cb.yaxis.gridVisible = false
        cb.colorbarSource = mappable
        cb.colorbarParent = parent
        parent.colorbars.append(cb)
        axes.append(cb)
        return cb
    }

    /// An axes over `parent`'s box sharing its x axis, with its own y axis on the right
    /// (`twinx()`); it draws no background so the parent shows through.
    @discardableResult
    public func twinx(_ parent: Axes) -> Axes {
        let twin = Axes(subplotSpec: nil, rect: nil)
        twin.apply(theme)
        twin.twinParent = parent
        twin.xaxis.gridVisible = false
        twin.yaxis.gridVisible = false
        twin.faceColor = .clear
        let shared = parent.sharedX ?? SharedLimits()
        if parent.sharedX == nil { parent.sharedX = shared; shared.members.append(parent) }
        twin.sharedX = shared
        shared.members.append(twin)
        axes.append(twin)
        return twin
    }

    /// Removes an axes (and its colorbars).
    public func remove(_ ax: Axes) {
        axes.removeAll { $0 === ax || $0.colorbarParent === ax }
    }

    /// Removes everything (`clf()`).
    public func clear() {
        axes.removeAll()
        texts.removeAll()
        suptitle = nil
    }

    /// A figure-level text in figure fractions.
    @discardableResult
    public func text(x: Double, y: Double, _ s: String, style: TextStyle = TextStyle()) -> TextArtist {
        let t = TextArtist(x: x, y: y, text: s, style: style)
        t.coordinates = .figure
        texts.append(t)
        return t
    }

    /// Sets the centred title above all subplots.
    @discardableResult
    public func setSuptitle(_ s: String, style: TextStyle = TextStyle(size: 12), x: Double = 0.5, y: Double = 0.98) -> TextArtist {
        let t = TextArtist(x: x, y: y, text: s, style: style)
        t.coordinates = .figure
        t.horizontalAlignment = .center
        t.verticalAlignment = .top
        suptitle = t
        return t
    }

    /// The figure's pixels. With `tight`, the canvas is cropped and grown to everything
    /// drawn plus `padInches`, as matplotlib's `bbox_inches='tight'` (which the Jupyter inline
    /// backend uses): labels that stick out of the figure are kept, empty margins dropped.
    public func render(tight: Bool = false, padInches: Double = 0.1) throws -> RGBAImage {
        guard tight else {
            var renderer = try FigureRenderer(figure: self)
            renderer.draw()
            return renderer.canvas.image()
        }
        let size = pixelSize
        var measure = FigureRenderer(figure: self, canvas: .measuring(width: size.width, height: size.height))
        let ink = measure.draw()
        guard let box = Self.tightBox(ink: ink, pad: padInches * dpi, width: size.width, height: size.height) else {
            return try render(tight: false)
        }
        // matplotlib sizes the canvas by truncating the box to whole pixels and keeps its
        // bottom-left corner exact, so a fractional pixel is lost at the top.
        var canvas = try Canvas(width: box.width, height: box.height, background: faceColor)
        canvas.origin = Point(box.x0, box.y1 - Double(box.height))
        var renderer = FigureRenderer(figure: self, canvas: canvas)
        renderer.draw()
        return renderer.canvas.image()
    }

    /// The tight canvas for content `ink` (figure pixels, y down): its left and bottom edges
    /// in figure pixels and its whole-pixel size, or nil when nothing was drawn.
    static func tightBox(ink: Rect, pad: Double, width: Int, height: Int) -> (x0: Double, y1: Double, width: Int, height: Int)? {
        guard !ink.isEmpty else { return nil }
        var box = ink.insetBy(-pad)
        // Text placed far outside the figure would ask for an enormous canvas: keep within
        // one figure size beyond each edge (and the canvas limit).
        let w = Double(width), h = Double(height)
        box = box.intersection(Rect(x0: -w, y0: -h, x1: 2 * w, y1: 2 * h))
        let pixelsWide = min(Int((box.width + 1e-6).rounded(.down)), 1 << 15)
        let pixelsHigh = min(Int((box.height + 1e-6).rounded(.down)), 1 << 15)
        guard pixelsWide >= 1, pixelsHigh >= 1 else { return nil }
        return (box.x0, box.y1, pixelsWide, pixelsHigh)
    }

    /// The figure as PNG bytes.
    public func pngData(tight: Bool = false, padInches: Double = 0.1) throws -> [UInt8] {
        try PNGEncoder().encode(render(tight: tight, padInches: padInches))
    }
}
