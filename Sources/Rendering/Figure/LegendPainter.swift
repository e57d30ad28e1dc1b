import Foundation

/// Draws an axes legend with matplotlib's geometry (in font sizes: border pad 0.4, label
/// spacing 0.5, handle length 2.0, handle-text pad 0.8, axes pad 0.5) and its 'best'
/// placement: the first of the standard spots that covers the fewest data points and lines.
struct LegendPainter {
    let view: AxesView
    let spec: LegendSpec
    var canvas: Canvas

    init(view: AxesView, spec: LegendSpec, canvas: Canvas) {
        self.view = view; self.spec = spec; self.canvas = canvas
    }

    var entries: [(Artist, String)] {
        if let given = spec.entries { return given }
        return view.axes.artists.compactMap { a in a.legendLabel.map { (a, $0) } }
    }

    /// The legend's width and height in pixels (zero when it has no entries).
    func size() -> (width: Double, height: Double) {
        let items = entries
        guard !items.isEmpty else { return (0, 0) }
        let layout = self.layout(items)
        return (layout.w, layout.h)
    }

    private struct Layout {
        var f: Double, blocks: [TextBlock], titleBlock: TextBlock?, columns: Int, perColumn: Int
        var rowHeight: Double, columnWidths: [Double], titleHeight: Double, w: Double, h: Double
    }

    private func layout(_ items: [(Artist, String)]) -> Layout {
        let k = view.k
        let f = spec.fontSize * k
        let style = TextStyle(size: spec.fontSize, color: spec.textColor)
        let blocks = items.map { TextBlock($0.1, style: style, pixelsPerPoint: k) }
        let titleStyle = TextStyle(size: spec.titleFontSize ?? spec.fontSize, color: spec.textColor)
        let titleBlock = spec.title.map { TextBlock($0, style: titleStyle, pixelsPerPoint: k) }
        let columns = max(1, min(spec.columns, items.count))
        let perColumn = (items.count + columns - 1) / columns
        let rowHeight = max(0.7 * f, blocks.map { $0.size.height }.max() ?? f)
        var columnWidths: [Double] = []
        for c in 0..<columns {
            let slice = blocks[(c * perColumn)..<min(blocks.count, (c + 1) * perColumn)]
            columnWidths.append(2.0 * f + 0.8 * f + (slice.map { $0.size.width }.max() ?? 0))
        }
        let contentWidth = max(columnWidths.reduce(0, +) + Double(columns - 1) * 2.0 * f, titleBlock?.size.width ?? 0)
        let titleHeight = titleBlock.map { $0.size.height + 0.5 * f } ?? 0
        let contentHeight = titleHeight + Double(perColumn) * rowHeight + Double(perColumn - 1) * 0.5 * f
        let w = contentWidth + 2 * 0.4 * f, h = contentHeight + 2 * 0.4 * f
        return Layout(f: f, blocks: blocks, titleBlock: titleBlock, columns: columns, perColumn: perColumn, rowHeight: rowHeight,
                      columnWidths: columnWidths, titleHeight: titleHeight, w: w, h: h)
    }

    mutating func draw() -> Rect {
        let items = entries
        guard !items.isEmpty else { return .empty }
        let k = view.k
        let l = layout(items)
        let (f, blocks, titleBlock, columns, perColumn) = (l.f, l.blocks, l.titleBlock, l.columns, l.perColumn)
        let (rowHeight, columnWidths, titleHeight) = (l.rowHeight, l.columnWidths, l.titleHeight)
        let box = place(width: l.w, height: l.h, pad: 0.5 * f)
        if spec.frameOn {
            let frame = roundedRect(box, radius: 0.2 * f)
            canvas.fill([frame], color: Color(r: 1, g: 1, b: 1, a: 0.8))
            canvas.stroke(frame, closed: true, style: StrokeStyle(width: 1.0 * k, join: .miter), color: Color(r: 0.8, g: 0.8, b: 0.8))
        }
        var y = box.y0 + 0.4 * f
        if let t = titleBlock {
            canvas.draw(t, at: Point((box.x0 + box.x1) / 2, y), ha: .center, va: .top)
            y += titleHeight
        }
        var x = box.x0 + 0.4 * f
        for c in 0..<columns {
            var rowY = y
            for i in (c * perColumn)..<min(items.count, (c + 1) * perColumn) {
                let mid = rowY + rowHeight / 2
                drawHandle(items[i].0, x: x, width: 2.0 * f, midY: mid, f: f)
                canvas.draw(blocks[i], at: Point(x + 2.8 * f, mid), ha: .left, va: .center)
                rowY += rowHeight + 0.5 * f
            }
            x += columnWidths[c] + 2.0 * f
        }
        return box
    }

    func roundedRect(_ r: Rect, radius: Double) -> [Point] {
        var pts: [Point] = []
        let corners = [(r.x1 - radius, r.y0 + radius, -90.0), (r.x1 - radius, r.y1 - radius, 0.0),
                       (r.x0 + radius, r.y1 - radius, 90.0), (r.x0 + radius, r.y0 + radius, 180.0)]
        for (cx, cy, start) in corners {
            for i in 0...6 {
                let t = (start + 15 * Double(i)) * .pi / 180
                pts.append(Point(cx + radius * cos(t), cy + radius * sin(t)))
            }
        }
        return pts
    }

    mutating func drawHandle(_ artist: Artist, x: Double, width: Double, midY: Double, f: Double) {
        let k = view.k
        var painter = AxesPainter(view: view, canvas: .placeholder)
        swap(&painter.canvas, &canvas)
        defer { swap(&painter.canvas, &canvas) }
        switch artist {
        case let l as Line2D:
            if l.lineStyle != .none {
                painter.canvas.stroke([Point(x, midY), Point(x + width, midY)], style: painter.lineStyle(width: l.lineWidth, l.lineStyle, cap: .butt),
                                      color: l.color.fading(l.alpha))
            }
            if let m = l.marker {
                painter.drawMarker(m, at: Point(x + width / 2, midY), size: l.markerSize * k,
                                   face: (l.markerFaceColor ?? l.color).fading(l.alpha),
                                   edge: (l.markerEdgeColor ?? l.color).fading(l.alpha), edgeWidth: l.markerEdgeWidth * k)
            }
        case let s as SpanLine:
            painter.canvas.stroke([Point(x, midY), Point(x + width, midY)], style: painter.lineStyle(width: s.lineWidth, s.lineStyle, cap: .butt), color: s.color.fading(s.alpha))
        case let c as PathCollection:
            let size = (c.sizes.first ?? 36).squareRoot() * k
            let face = c.faceColor(0).fading(c.alpha)
            painter.drawMarker(c.marker, at: Point(x + width / 2, midY), size: size, face: face,
                               edge: c.edgeColors?.first ?? face, edgeWidth: c.lineWidth * k)
        case let p as Patch:
            let r = [Point(x, midY - 0.35 * f), Point(x + width, midY - 0.35 * f), Point(x + width, midY + 0.35 * f), Point(x, midY + 0.35 * f)]
            if p.fill { painter.canvas.fill([r], color: p.faceColor.fading(p.alpha)) }
            if let e = p.edgeColor, p.lineWidth > 0 {
                painter.canvas.stroke(r, closed: true, style: StrokeStyle(width: p.lineWidth * k, join: .miter), color: e.fading(p.alpha))
            }
        default:
            break
        }
    }

    /// The legend box for `spec.location` (or the least crowded spot for `best`).
    func place(width w: Double, height h: Double, pad: Double) -> Rect {
        let b = view.box
        if let (ax, ay) = spec.anchor {
            // bbox_to_anchor: the legend's `loc` corner sits at the anchor point, moved inwards by
            // borderaxespad (half a font size) as matplotlib does.
            let p = Point(b.x0 + ax * b.width, b.y1 - ay * b.height)
            let loc = spec.location == .best ? .upperRight : spec.location
            return rect(for: loc, in: Rect(x0: p.x, y0: p.y, x1: p.x, y1: p.y), width: w, height: h, pad: pad)
        }
        if spec.location != .best {
            return rect(for: spec.location, in: b, width: w, height: h, pad: pad)
        }
        let candidates: [LegendLocation] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center]
        var best = rect(for: .upperRight, in: b, width: w, height: h, pad: pad)
        var bestScore = Int.max
        let points = dataPoints()
        let segments = dataSegments()
        for loc in candidates {
            let r = rect(for: loc, in: b, width: w, height: h, pad: pad)
            var score = points.filter { r.contains($0) }.count
            for (p, q) in segments where segmentHitsRect(p, q, r) { score += 1 }
            for a in view.axes.artists where a.visible {
                if let patch = a as? Patch {
                    let pts = patch.points.map { view.point($0.0, $0.1) }
                    if pts.count > 2 {
                        let pb = pts.dropFirst().reduce(Rect(x0: pts[0].x, y0: pts[0].y, x1: pts[0].x, y1: pts[0].y)) {
                            Rect(x0: min($0.x0, $1.x), y0: min($0.y0, $1.y), x1: max($0.x1, $1.x), y1: max($0.y1, $1.y))
                        }
                        if pb.intersects(r) { score += 1 }
                    }
                }
            }
            if score < bestScore {
                bestScore = score
                best = r
                if score == 0 { break }
            }
        }
        return best
    }

    func rect(for loc: LegendLocation, in b: Rect, width w: Double, height h: Double, pad: Double) -> Rect {
        let left = b.x0 + pad, right = b.x1 - pad - w, cx = (b.x0 + b.x1 - w) / 2
        let top = b.y0 + pad, bottom = b.y1 - pad - h, cy = (b.y0 + b.y1 - h) / 2
        let (x, y): (Double, Double)
        switch loc {
        case .best, .upperRight: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .right, .centerRight: (x, y) = (right, cy)
        case .centerLeft: (x, y) = (left, cy)
        case .lowerCenter: (x, y) = (cx, bottom)
        case .upperCenter: (x, y) = (cx, top)
        case .center: (x, y) = (cx, cy)
        }
        return Rect(x0: x, y0: y, x1: x + w, y1: y + h)
    }

    func dataPoints() -> [Point] {
        var pts: [Point] = []
        for a in view.axes.artists where a.visible {
            if let l = a as? Line2D {
                for i in 0..<min(l.xs.count, l.ys.count) { pts.append(view.point(l.xs[i], l.ys[i])) }
            } else if let c = a as? PathCollection {
                for i in 0..<min(c.xs.count, c.ys.count) { pts.append(view.point(c.xs[i], c.ys[i])) }
            }
        }
        return pts.filter { $0.x.isFinite && $0.y.isFinite }
    }

    func dataSegments() -> [(Point, Point)] {
        var segs: [(Point, Point)] = []
        for a in view.axes.artists where a.visible {
            if let l = a as? Line2D, l.lineStyle != .none {
                let pts = (0..<min(l.xs.count, l.ys.count)).map { view.point(l.xs[$0], l.ys[$0]) }
                // Long lines are sampled so scoring stays cheap.
                let step = max(1, pts.count / 400)
                var i = 0
                while i + step < pts.count {
                    segs.append((pts[i], pts[i + step]))
                    i += step
                }
            } else if let s = a as? SpanLine {
                let b = view.box
                if s.orientation == .horizontal {
                    let y = view.px(y: s.value)
                    segs.append((Point(b.x0, y), Point(b.x1, y)))
                } else {
                    let x = view.px(x: s.value)
                    segs.append((Point(x, b.y0), Point(x, b.y1)))
                }
            }
        }
        return segs.filter { $0.0.x.isFinite && $0.0.y.isFinite && $0.1.x.isFinite && $0.1.y.isFinite }
    }

    func segmentHitsRect(_ p: Point, _ q: Point, _ r: Rect) -> Bool {
        if r.contains(p) || r.contains(q) { return false } // counted as points already
        return AxesPainter.clipSegment(p, q, to: r) != nil
    }
}
