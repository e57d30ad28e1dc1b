import Foundation

/// Draws one resolved axes: background, grid, artists in z-order clipped to the box,
/// spines, ticks, labels, title and legend.
struct AxesPainter {
    let view: AxesView
    var canvas: Canvas
    var k: Double { view.k }
    var box: Rect { view.box }

    /// matplotlib snaps rectilinear strokes to pixel centres (odd widths) or edges (even).
    func snap(_ v: Double, width: Double) -> Double {
        Int(width.rounded()) % 2 == 1 ? v.rounded(.down) + 0.5 : v.rounded()
    }

    mutating func draw() -> Rect {
        let ax = view.axes
        var ink = box
        if ax.axisOn {
            canvas.clip = nil
            canvas.fill([[Point(box.x0, box.y0), Point(box.x1, box.y0), Point(box.x1, box.y1), Point(box.x0, box.y1)]], color: ax.faceColor)
        }
        if let source = ax.colorbarSource {
            drawColorbarGradient(source)
        }
        // Gridlines sit above patches (z 1) and below lines (z 2), as axes.axisbelow='line'.
        var drawers: [(Double, Artist)] = ax.artists.filter(\.visible).map { ($0.zorder, $0) }
        drawers.sort { $0.0 < $1.0 }
        var gridDrawn = false
        if ax.gridBelow { drawGrid(); gridDrawn = true }
        for (z, artist) in drawers {
            if !gridDrawn && z > 1.5 { drawGrid(); gridDrawn = true }
            ink = ink.union(drawArtist(artist))
        }
        if !gridDrawn { drawGrid() }
        canvas.clip = nil
        if ax.axisOn {
            drawSpines()
            drawTicks()
            for d in view.decorations {
                ink = ink.union(canvas.draw(d.block, at: d.anchor, rotation: d.rotation, ha: d.ha, va: d.va))
            }
        } else {
            for d in view.decorations where d.isTitle {
                ink = ink.union(canvas.draw(d.block, at: d.anchor, rotation: d.rotation, ha: d.ha, va: d.va))
            }
        }
        if let spec = ax.legend {
            var legend = LegendPainter(view: view, spec: spec, canvas: .placeholder)
            swap(&legend.canvas, &canvas)
            ink = ink.union(legend.draw())
            swap(&legend.canvas, &canvas)
        }
        return ink
    }

    // MARK: Frame

    mutating func drawSpines() {
        let lw = view.axes.spineWidth * k
        let x0 = snap(box.x0, width: lw), x1 = snap(box.x1, width: lw)
        let y0 = snap(box.y0, width: lw), y1 = snap(box.y1, width: lw)
        let style = StrokeStyle(width: lw, join: .miter, cap: .square)
        let s = view.axes.spines
        let color = view.axes.spineColor
        if s["left"] ?? true { canvas.stroke([Point(x0, y0), Point(x0, y1)], style: style, color: color) }
        if s["right"] ?? true { canvas.stroke([Point(x1, y0), Point(x1, y1)], style: style, color: color) }
        if s["top"] ?? true { canvas.stroke([Point(x0, y0), Point(x1, y0)], style: style, color: color) }
        if s["bottom"] ?? true { canvas.stroke([Point(x0, y1), Point(x1, y1)], style: style, color: color) }
    }

    mutating func drawTicks() {
        let ax = view.axes
        let isColorbar = ax.colorbarSource != nil
        let xa = ax.xaxis, ya = ax.yaxis
        if xa.visible && xa.tickMarksVisible {
            for t in view.xticks {
                let len = (t.minor ? 2 : xa.tickLength) * k, w = (t.minor ? 0.6 : xa.tickWidth) * k
                let x = snap(view.px(x: t.position), width: w)
                canvas.stroke([Point(x, box.y1), Point(x, box.y1 + len)], style: StrokeStyle(width: w, cap: .butt), color: xa.tickColor)
            }
        }
        if ya.visible && ya.tickMarksVisible {
            for t in view.yticks {
                let len = (t.minor ? 2 : ya.tickLength) * k, w = (t.minor ? 0.6 : ya.tickWidth) * k
                let y = snap(view.px(y: t.position), width: w)
                if isColorbar {
                    canvas.stroke([Point(box.x1, y), Point(box.x1 + len, y)], style: StrokeStyle(width: w, cap: .butt), color: ya.tickColor)
                } else {
                    canvas.stroke([Point(box.x0 - len, y), Point(box.x0, y)], style: StrokeStyle(width: w, cap: .butt), color: ya.tickColor)
                }
            }
        }
    }

    mutating func drawGrid() {
        let ax = view.axes
        guard ax.axisOn else { return }
        canvas.clip = box
        if ax.xaxis.gridVisible {
            let a = ax.xaxis
            let w = a.gridLineWidth * k
            for t in view.xticks where !t.minor {
                let x = snap(view.px(x: t.position), width: w)
                canvas.stroke([Point(x, box.y0), Point(x, box.y1)], style: lineStyle(width: a.gridLineWidth, a.gridLineStyle, cap: .butt), color: a.gridColor.fading(a.gridAlpha))
            }
        }
        if ax.yaxis.gridVisible {
            let a = ax.yaxis
            let w = a.gridLineWidth * k
            for t in view.yticks where !t.minor {
                let y = snap(view.px(y: t.position), width: w)
                canvas.stroke([Point(box.x0, y), Point(box.x1, y)], style: lineStyle(width: a.gridLineWidth, a.gridLineStyle, cap: .butt), color: a.gridColor.fading(a.gridAlpha))
            }
        }
        canvas.clip = nil
    }

    /// A pen of `width` points with the dash pattern of `style` (scaled by the width).
    func lineStyle(width: Double, _ style: LineStyle, cap: LineCap = .square, join: LineJoin = .round) -> StrokeStyle {
        let dashes = style.unitPattern.map { $0 * max(width, 0.1) * k }
        return StrokeStyle(width: width * k, join: join, cap: dashes.isEmpty ? cap : .butt, dashes: dashes)
    }

    // MARK: Artists

    mutating func drawArtist(_ artist: Artist) -> Rect {
        canvas.clip = box
        defer { canvas.clip = nil }
        switch artist {
        case let l as Line2D: drawLine(l)
        case let c as PathCollection: drawScatter(c)
        case let p as Patch: drawPatch(p)
        case let im as AxesImage: drawImage(im)
        case let s as SpanLine: drawSpan(s)
        case let t as TextArtist:
            canvas.clip = nil
            return drawText(t)
        default: break
        }
        return .empty
    }

    /// Runs of visible points: NaNs break the line, far-away stretches are cut at a margin
    /// around the box (so huge coordinates never reach the rasteriser).
    func polylineRuns(_ xs: [Double], _ ys: [Double], margin: Double) -> [[Point]] {
        let limit = box.insetBy(-margin - 2)
        var runs: [[Point]] = []
        var current: [Point] = []
        var previous: Point?
        func flush() { if !current.isEmpty { runs.append(current) }; current = [] }
        for i in 0..<min(xs.count, ys.count) {
            let p = view.point(xs[i], ys[i])
            guard p.x.isFinite, p.y.isFinite else { flush(); previous = nil; continue }
            if let q = previous {
                if let (a, b) = Self.clipSegment(q, p, to: limit) {
                    // A new run starts where the segment was clipped; one that starts at the
                    // previous point continues the run, even if that point was skipped below.
                    if current.isEmpty || (q - a).length > 1e-9 { flush(); current = [a] }
                    // Skip points closer than a quarter pixel: dense data draws the same.
                    if (b - current.last!).length >= 0.25 || !(limit.contains(p)) || i == xs.count - 1 { current.append(b) }
                    if !limit.contains(p) { flush() }
                } else {
                    flush()
                }
            } else if limit.contains(p) {
                current = [p]
            }
            previous = p
        }
        flush()
        return runs
    }

    /// Liang-Barsky clipping of a segment to a rectangle.
    static func clipSegment(_ p: Point, _ q: Point, to r: Rect) -> (Point, Point)? {
        var t0 = 0.0, t1 = 1.0
        let dx = q.x - p.x, dy = q.y - p.y
        for (pv, qv) in [(-dx, p.x - r.x0), (dx, r.x1 - p.x), (-dy, p.y - r.y0), (dy, r.y1 - p.y)] {
            if pv == 0 {
                if qv < 0 { return nil }
            } else {
                let t = qv / pv
                if pv < 0 { if t > t1 { return nil }; t0 = max(t0, t) } else { if t < t0 { return nil }; t1 = min(t1, t) }
            }
        }
        return (Point(p.x + t0 * dx, p.y + t0 * dy), Point(p.x + t1 * dx, p.y + t1 * dy))
    }

    mutating func drawLine(_ l: Line2D) {
        var xs = l.xs, ys = l.ys
        if let steps = l.drawStyle, xs.count > 1 {
            (xs, ys) = Self.stepped(xs, ys, steps)
        }
        let color = l.color.fading(l.alpha)
        if l.lineStyle != .none && l.lineWidth > 0 {
            let pen = lineStyle(width: l.lineWidth, l.lineStyle, cap: .square)
            for run in polylineRuns(xs, ys, margin: pen.width) where run.count > 1 {
                canvas.stroke(run, style: pen, color: color)
            }
        }
        if let marker = l.marker {
            let size = l.markerSize * k
            let face = (l.markerFaceColor ?? l.color).fading(l.alpha)
            let edge = (l.markerEdgeColor ?? l.color).fading(l.alpha)
            let limit = box.insetBy(-size)
            for i in 0..<min(l.xs.count, l.ys.count) {
                let p = view.point(l.xs[i], l.ys[i])
                guard p.x.isFinite, p.y.isFinite, limit.contains(p) else { continue }
                drawMarker(marker, at: p, size: size, face: face, edge: edge, edgeWidth: l.markerEdgeWidth * k)
            }
        }
    }

    static func stepped(_ xs: [Double], _ ys: [Double], _ style: String) -> ([Double], [Double]) {
        var ox: [Double] = [xs[0]], oy: [Double] = [ys[0]]
        for i in 1..<min(xs.count, ys.count) {
            switch style {
            case "steps-post", "post":
                ox += [xs[i], xs[i]]; oy += [ys[i - 1], ys[i]]
            case "steps-mid", "mid":
                let m = (xs[i - 1] + xs[i]) / 2
                ox += [m, m, xs[i]]; oy += [ys[i - 1], ys[i], ys[i]]
            default:
                ox += [xs[i - 1], xs[i]]; oy += [ys[i], ys[i]]
            }
        }
        return (ox, oy)
    }

    mutating func drawMarker(_ marker: Marker, at p: Point, size: Double, face: Color, edge: Color, edgeWidth: Double) {
        let path = marker.path(center: p, size: marker == .point ? size : size)
        if marker.isLineOnly {
            canvas.stroke(path, style: StrokeStyle(width: max(edgeWidth, 0.5), join: .miter, cap: .butt), color: edge)
        } else {
            canvas.fill(path, color: face)
            if edgeWidth > 0 && edge.a > 0 {
                canvas.stroke(path, style: StrokeStyle(width: edgeWidth, join: .miter), color: edge)
            }
        }
    }

    mutating func drawScatter(_ c: PathCollection) {
        let n = min(c.xs.count, c.ys.count)
        for i in 0..<n {
            let p = view.point(c.xs[i], c.ys[i])
            guard p.x.isFinite, p.y.isFinite else { continue }
            let area = c.sizes.isEmpty ? 36 : c.sizes[i % c.sizes.count]
            let size = max(0, area).squareRoot() * k
            guard box.insetBy(-size).contains(p) else { continue }
            let face = c.faceColor(i).fading(c.alpha)
            let edge = c.edgeColors.map { $0.isEmpty ? face : $0[i % $0.count].fading(c.alpha) } ?? face
            drawMarker(c.marker, at: p, size: size, face: face, edge: edge, edgeWidth: c.lineWidth * k)
        }
    }

    mutating func drawPatch(_ p: Patch) {
        var pts = p.points.map { view.point($0.0, $0.1) }
        guard pts.count > 2, pts.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) || p is PolygonPatch else { return }
        pts = pts.filter { $0.x.isFinite && $0.y.isFinite }
        let hasEdge = p.edgeColor.map { $0.a > 0 } == true && p.lineWidth > 0
        if p is Rectangle {
            // Rectilinear patches snap to whole pixels so adjacent bars meet cleanly.
            let w = hasEdge ? p.lineWidth * k : 0
            pts = pts.map { Point(snap($0.x, width: w), snap($0.y, width: w)) }
        }
        // Keep coordinates within a sane distance of the box.
        let far = box.insetBy(-4 * (box.width + box.height))
        pts = pts.map { Point(min(far.x1, max(far.x0, $0.x)), min(far.y1, max(far.y0, $0.y))) }
        if p.fill { canvas.fill([pts], color: p.faceColor.fading(p.alpha)) }
        if hasEdge, let e = p.edgeColor {
            canvas.stroke(pts, closed: p is Rectangle || p.fill, style: lineStyle(width: p.lineWidth, p.lineStyle, join: .miter), color: e.fading(p.alpha))
        }
    }

    mutating func drawImage(_ im: AxesImage) {
        let picture = im.rendered()
        // The picture's first row belongs at the extent's top value, its first column at the left one.
        let x0 = view.px(x: im.extent.0), x1 = view.px(x: im.extent.1)
        let yFirstRow = view.px(y: im.extent.3), yLastRow = view.px(y: im.extent.2)
        let dest = Rect(x0: min(x0, x1), y0: min(yFirstRow, yLastRow), x1: max(x0, x1), y1: max(yFirstRow, yLastRow))
        guard dest.width > 0, dest.height > 0, dest.width < 1e6, dest.height < 1e6 else { return }
        var pic = picture
        if x1 < x0 { pic = Self.mirrored(pic, horizontally: true) }
        if yFirstRow > yLastRow { pic = Self.mirrored(pic, horizontally: false) }
        let scale = min(dest.width / Double(pic.width), dest.height / Double(pic.height))
        let smoothing: ImageSmoothing
        switch im.interpolation.lowercased() {
        case "nearest", "none": smoothing = .nearest
        case "antialiased", "auto", "data":
            smoothing = scale >= 3 || abs(scale - 1) < 1e-6 ? .nearest : .bilinear
        default: smoothing = .bilinear
        }
        canvas.drawImage(pic, into: dest, smoothing: smoothing)
    }

    static func mirrored(_ im: RGBAImage, horizontally: Bool) -> RGBAImage {
        var out = im
        for y in 0..<im.height {
            for x in 0..<im.width {
                let (sx, sy) = horizontally ? (im.width - 1 - x, y) : (x, im.height - 1 - y)
                out[x, y] = im[sx, sy]
            }
        }
        return out
    }

    mutating func drawSpan(_ s: SpanLine) {
        let pen = lineStyle(width: s.lineWidth, s.lineStyle, cap: .butt)
        let color = s.color.fading(s.alpha)
        switch s.orientation {
        case .horizontal:
            let y = snap(view.px(y: s.value), width: pen.width)
            guard y.isFinite else { return }
            canvas.stroke([Point(box.x0 + s.from * box.width, y), Point(box.x0 + s.to * box.width, y)], style: pen, color: color)
        case .vertical:
            let x = snap(view.px(x: s.value), width: pen.width)
            guard x.isFinite else { return }
            canvas.stroke([Point(x, box.y1 - s.from * box.height), Point(x, box.y1 - s.to * box.height)], style: pen, color: color)
        }
    }

    mutating func drawText(_ t: TextArtist) -> Rect {
        let anchor: Point
        switch t.coordinates {
        case .data: anchor = view.point(t.x, t.y)
        case .axes: anchor = Point(box.x0 + t.x * box.width, box.y1 - t.y * box.height)
        case .figure: anchor = Point(t.x * canvas.logicalSize.width, (1 - t.y) * canvas.logicalSize.height)
        }
        guard anchor.x.isFinite, anchor.y.isFinite else { return .empty }
        let block = TextBlock(t.text, style: TextStyle(size: t.style.size, color: t.style.color.fading(t.alpha), bold: t.style.bold, italic: t.style.italic), pixelsPerPoint: k)
        if let bg = t.backgroundColor {
            let b = block.bounds(at: anchor, rotation: t.rotation, ha: t.horizontalAlignment, va: t.verticalAlignment).insetBy(-0.3 * t.style.size * k)
            canvas.fill([[Point(b.x0, b.y0), Point(b.x1, b.y0), Point(b.x1, b.y1), Point(b.x0, b.y1)]], color: bg)
        }
        return canvas.draw(block, at: anchor, rotation: t.rotation, ha: t.horizontalAlignment, va: t.verticalAlignment)
    }

    mutating func drawColorbarGradient(_ source: ScalarMappable) {
        let cmap = source.colormap
        let n = max(2, cmap.count)
        var pixels = [UInt8](repeating: 255, count: n * 4)
        for i in 0..<n {
            // Row 0 is the top: the highest value.
            let c = cmap.color(at: (Double(n - 1 - i) + 0.5) / Double(n))
            pixels[4 * i] = UInt8((c.r * 255).rounded()); pixels[4 * i + 1] = UInt8((c.g * 255).rounded())
            pixels[4 * i + 2] = UInt8((c.b * 255).rounded()); pixels[4 * i + 3] = UInt8((c.a * 255).rounded())
        }
        canvas.clip = box
        canvas.drawImage(RGBAImage(validatedWidth: 1, height: n, pixels: pixels), into: box, smoothing: .nearest)
        canvas.clip = nil
    }
}
