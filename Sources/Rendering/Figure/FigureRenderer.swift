import Foundation

/// Lays out a figure's axes (subplot grid, colorbars, equal aspect, tight layout) and
/// draws everything onto a canvas, returning the box of what it drew.
struct FigureRenderer {
    let figure: Figure
    var canvas: Canvas
    let k: Double
    let width: Double
    let height: Double

    init(figure: Figure) throws {
        let size = figure.pixelSize
        self.init(figure: figure, canvas: try Canvas(width: size.width, height: size.height, background: figure.faceColor))
    }

    /// A renderer drawing onto `canvas`, whose origin and size may differ from the figure's
    /// (a tight bounding box, or a measuring canvas).
    init(figure: Figure, canvas: Canvas) {
        self.figure = figure
        let size = figure.pixelSize
        self.canvas = canvas
        self.canvas.logicalSize = (Double(size.width), Double(size.height))
        k = figure.dpi / 72
        width = Double(size.width)
        height = Double(size.height)
    }

    // MARK: Layout

    /// The device box of a grid cell under `params`.
    func cellBox(_ spec: SubplotSpec, _ params: SubplotParameters) -> Rect {
        let cols = Double(spec.columns), rows = Double(spec.rows)
        let totalW = (params.right - params.left) * width
        let totalH = (params.top - params.bottom) * height
        let cellW = totalW / (cols + params.wspace * (cols - 1))
        let cellH = totalH / (rows + params.hspace * (rows - 1))
        let c0 = Double(spec.columnRange.lowerBound), c1 = Double(spec.columnRange.upperBound)
        let r0 = Double(spec.rowRange.lowerBound), r1 = Double(spec.rowRange.upperBound)
        let x0 = params.left * width + c0 * cellW * (1 + params.wspace)
        let x1 = params.left * width + c1 * cellW * (1 + params.wspace) + cellW
        let y0 = (1 - params.top) * height + r0 * cellH * (1 + params.hspace)
        let y1 = (1 - params.top) * height + r1 * cellH * (1 + params.hspace) + cellH
        return Rect(x0: x0, y0: y0, x1: x1, y1: y1)
    }

    /// Every axes resolved under `params`: boxes, limits, ticks, decorations.
    func views(_ params: SubplotParameters) -> [AxesView] {
        var boxes: [ObjectIdentifier: Rect] = [:]
        for ax in figure.axes where ax.colorbarSource == nil {
            if let spec = ax.subplotSpec {
                boxes[ObjectIdentifier(ax)] = cellBox(spec, params)
            } else if let r = ax.explicitRect {
                boxes[ObjectIdentifier(ax)] = Rect(x0: r.x0 * width, y0: (1 - r.y1) * height, x1: r.x1 * width, y1: (1 - r.y0) * height)
            }
        }
        // Colorbars take the right 15% of their parent's box (plus a 5% gap), 20 times taller than wide.
        var colorbarBoxes: [ObjectIdentifier: Rect] = [:]
        for ax in figure.axes where ax.colorbarSource != nil {
            guard let parent = ax.colorbarParent, let pb = boxes[ObjectIdentifier(parent)] else { continue }
            let fraction = 0.15, pad = 0.05
            let shrunk = Rect(x0: pb.x0, y0: pb.y0, x1: pb.x0 + pb.width * (1 - fraction - pad), y1: pb.y1)
            let region = Rect(x0: pb.x0 + pb.width * (1 - fraction), y0: pb.y0, x1: pb.x1, y1: pb.y1)
            let w = min(region.width, region.height / 20)
            colorbarBoxes[ObjectIdentifier(ax)] = Rect(x0: region.x0, y0: region.y0, x1: region.x0 + w, y1: region.y1)
            boxes[ObjectIdentifier(parent)] = shrunk
        }
        for (id, r) in colorbarBoxes { boxes[id] = r }
        for ax in figure.axes {
            if let parent = ax.twinParent, let pb = boxes[ObjectIdentifier(parent)] { boxes[ObjectIdentifier(ax)] = pb }
        }

        var result: [AxesView] = []
        for ax in figure.axes {
            guard var box = boxes[ObjectIdentifier(ax)] else { continue }
            var xlim = AxesView.limits(for: ax, x: true)
            var ylim = AxesView.limits(for: ax, x: false)
            if let source = ax.colorbarSource {
                let n = source.mappedNormalization
                xlim = (0, 1)
                ylim = (n.vmin, n.vmax == n.vmin ? n.vmin + 1 : n.vmax)
            }
            let ratio: Double?
            switch ax.aspect {
            case .auto: ratio = nil
            case .equal: ratio = 1
            case let .ratio(r): ratio = r
            }
            if let ratio, ax.colorbarSource == nil {
                // Shrink the box about its centre so one data unit has the same length both ways.
                let dataRatio = abs(ylim.1 - ylim.0) / max(1e-300, abs(xlim.1 - xlim.0)) * ratio
                let boxRatio = box.height / box.width
                if boxRatio > dataRatio {
                    let h = box.width * dataRatio
                    let cy = (box.y0 + box.y1) / 2
                    box = Rect(x0: box.x0, y0: cy - h / 2, x1: box.x1, y1: cy + h / 2)
                } else {
                    // Centred, except that an axes with a colorbar keeps to its right edge,
                    // next to the colorbar (matplotlib anchors it east).
                    let w = box.height / dataRatio
                    let cx = ax.colorbars.isEmpty ? (box.x0 + box.x1) / 2 : box.x1 - w / 2
                    box = Rect(x0: cx - w / 2, y0: box.y0, x1: cx + w / 2, y1: box.y1)
                }
            }
            var view = AxesView(axes: ax, box: box, xlim: xlim, ylim: ylim, k: k)
            let spec = ax.subplotSpec
            let hideX = ax.sharedX != nil && spec.map { $0.rowRange.upperBound < $0.rows - 1 } == true
            let hideY = ax.sharedY != nil && spec.map { $0.columnRange.lowerBound > 0 } == true
            view.resolve(hideXLabels: hideX, hideYLabels: hideY)
            result.append(view)
        }
        return result
    }

    /// Subplot parameters that fit every decoration inside the figure with matplotlib's
    /// tight-layout padding (1.08 font sizes).
    func tightParameters() -> SubplotParameters {
        var params = figure.subplotParameters
        let pad = figure.tightLayoutPad * figure.theme.fontSize * k
        let rect = figure.tightLayoutRect
        for _ in 0..<3 {
            let vs = views(params).filter { $0.axes.subplotSpec != nil && $0.axes.colorbarSource == nil }
            guard let first = vs.first?.axes.subplotSpec else { return params }
            let rows = first.rows, cols = first.columns
            var left = [Double](repeating: 0, count: cols), right = left
            var top = [Double](repeating: 0, count: rows), bottom = top
            let all = views(params)
            for v in vs {
                guard let spec = v.axes.subplotSpec, spec.rows == rows, spec.columns == cols else { continue }
                let cell = cellBox(spec, params)
                var ext = v.extent.union(cell)
                for cb in all where cb.axes.colorbarParent === v.axes { ext = ext.union(cb.extent) }
                left[spec.columnRange.lowerBound] = max(left[spec.columnRange.lowerBound], cell.x0 - ext.x0)
                right[spec.columnRange.upperBound] = max(right[spec.columnRange.upperBound], ext.x1 - cell.x1)
                top[spec.rowRange.lowerBound] = max(top[spec.rowRange.lowerBound], cell.y0 - ext.y0)
                bottom[spec.rowRange.upperBound] = max(bottom[spec.rowRange.upperBound], ext.y1 - cell.y1)
            }
            var topMargin = top[0] + pad + (1 - rect.y1) * height
            if let sup = figure.suptitle {
                let b = placedFigureText(sup).bounds
                topMargin = max(topMargin, b.y1 + pad + top[0])
            }
            let leftMargin = left[0] + pad + rect.x0 * width, rightMargin = right[cols - 1] + pad + (1 - rect.x1) * width
            let bottomMargin = bottom[rows - 1] + pad + rect.y0 * height
            // The widest gap between neighbouring cells (a loop: the closure form took
            // seconds to type-check).
            var gapW = 0.0, gapH = 0.0
            for column in 0..<max(cols - 1, 0) { gapW = max(gapW, right[column] + left[column + 1] + pad) }
            for row in 0..<max(rows - 1, 0) { gapH = max(gapH, bottom[row] + top[row + 1] + pad) }
            let axW = (width - leftMargin - rightMargin - Double(cols - 1) * gapW) / Double(cols)
            let axH = (height - topMargin - bottomMargin - Double(rows - 1) * gapH) / Double(rows)
            guard axW > 10, axH > 10 else { return params }
            params.left = leftMargin / width
            params.right = 1 - rightMargin / width
            params.top = 1 - topMargin / height
            params.bottom = bottomMargin / height
            params.wspace = gapW / axW
            params.hspace = gapH / axH
        }
        return params
    }

    func placedFigureText(_ t: TextArtist) -> AxesView.PlacedText {
        AxesView.PlacedText(block: TextBlock(t.text, style: t.style, pixelsPerPoint: k),
                            anchor: Point(t.x * width, (1 - t.y) * height), rotation: t.rotation,
                            ha: t.horizontalAlignment, va: t.verticalAlignment)
    }

    // MARK: Drawing

    /// Draws the figure; returns the box of everything drawn (for tight bounding boxes).
    @discardableResult
    mutating func draw() -> Rect {
        let params = figure.usesTightLayout ? tightParameters() : figure.subplotParameters
        var ink = Rect.empty
        for view in views(params) {
            var painter = AxesPainter(view: view, canvas: .placeholder)
            swap(&painter.canvas, &canvas)
            ink = ink.union(painter.draw())
            swap(&painter.canvas, &canvas)
        }
        if let spec = figure.legend {
            ink = ink.union(drawFigureLegend(spec))
        }
        for t in figure.texts + (figure.suptitle.map { [$0] } ?? []) where t.visible && !t.text.isEmpty {
            let p = placedFigureText(t)
            ink = ink.union(canvas.draw(p.block, at: p.anchor, rotation: p.rotation, ha: p.ha, va: p.va))
        }
        return ink
    }
}
