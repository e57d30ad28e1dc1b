import Foundation

/// A piece of text ready to place: its layout and size in pixels.
public struct TextBlock {
    let layout: TextLayout
    public let style: TextStyle
    /// Em size in pixels (`style.size` points at the canvas resolution).
    public let pixelSize: Double

    public init(_ text: String, style: TextStyle, pixelsPerPoint: Double) {
        layout = TextLayout(text, bold: style.bold, italic: style.italic)
        self.style = style
        pixelSize = style.size * pixelsPerPoint
    }

    /// Unrotated width and height of the text box in pixels.
    public var size: (width: Double, height: Double) {
        (layout.width * pixelSize, (layout.ascent + layout.descent) * pixelSize)
    }

    /// Device position of the glyphs' origin (first baseline, left end) and the unit vectors
    /// along the text and up the text, for the box aligned at `anchor`.
    private func frame(anchor: Point, rotation: Double, ha: HorizontalAlignment, va: VerticalAlignment) -> (origin: Point, along: Point, up: Point, box: Rect) {
        let t = rotation * .pi / 180
        let along = Point(cos(t), -sin(t))   // device y points down
        let up = Point(-sin(t), -cos(t))
        let w = layout.width * pixelSize, a = layout.ascent * pixelSize, d = layout.descent * pixelSize
        let corners = [Point(0, -d), Point(w, -d), Point(w, a), Point(0, a)].map { along * $0.x + up * $0.y }
        let minX = corners.map(\.x).min() ?? 0, maxX = corners.map(\.x).max() ?? 0
        let minY = corners.map(\.y).min() ?? 0, maxY = corners.map(\.y).max() ?? 0
        let dx: Double
        switch ha {
        case .left: dx = -minX
        case .center: dx = -(minX + maxX) / 2
        case .right: dx = -maxX
        }
        let dy: Double
        switch va {
        case .top: dy = -minY
        case .bottom: dy = -maxY
        case .center: dy = -(minY + maxY) / 2
        case .baseline, .centerBaseline:
            if abs(rotation.truncatingRemainder(dividingBy: 360)) < 1e-9 {
                dy = va == .baseline ? 0 : layout.lineAscent(pixelSize) / 2
            } else {
                dy = -(minY + maxY) / 2
            }
        }
        let origin = Point(anchor.x + dx, anchor.y + dy)
        let box = Rect(x0: origin.x + minX, y0: origin.y + minY, x1: origin.x + maxX, y1: origin.y + maxY)
        return (origin, along, up, box)
    }

    /// The device-pixel box the text occupies when aligned at `anchor`.
    public func bounds(at anchor: Point, rotation: Double = 0, ha: HorizontalAlignment = .left, va: VerticalAlignment = .baseline) -> Rect {
        frame(anchor: anchor, rotation: rotation, ha: ha, va: va).box
    }

    /// The glyph outlines in device pixels.
    func polygons(at anchor: Point, rotation: Double, ha: HorizontalAlignment, va: VerticalAlignment) -> (regular: [[Point]], bold: [Path]) {
        let f = frame(anchor: anchor, rotation: rotation, ha: ha, va: va)
        var polys: [[Point]] = []
        var boldPaths: [Path] = []
        let units = TextLayout.font.unitsPerEm
        for p in layout.placements {
            let s = p.scale * pixelSize / units
            let shear = p.italic ? 0.2 : 0
            // glyph (gx, gy) -> em: (p.x + s(gx + shear gy), p.y + s gy) -> device.
            let ax = f.along.x, ay = f.along.y, ux = f.up.x, uy = f.up.y
            let ox = f.origin.x + (ax * p.x + ux * p.y) * pixelSize
            let oy = f.origin.y + (ay * p.x + uy * p.y) * pixelSize
            let t = AffineTransform(a: ax * s, b: ay * s, c: (ax * shear + ux) * s, d: (ay * shear + uy) * s, e: ox, f: oy)
            let path = p.glyph.outline.transformed(t)
            polys += path.polygons(tolerance: 0.1)
            if p.bold { boldPaths.append(path) }
        }
        return (polys, boldPaths)
    }
}

extension TextLayout {
    func lineAscent(_ pixelSize: Double) -> Double { TextLayout.lineAscent * pixelSize }
}

extension Canvas {
    /// Draws `text` aligned at `anchor` (device pixels) and returns the box it occupies.
    @discardableResult
    public mutating func draw(_ text: TextBlock, at anchor: Point, rotation: Double = 0,
                              ha: HorizontalAlignment = .left, va: VerticalAlignment = .baseline) -> Rect {
        guard !measuresOnly else { return text.bounds(at: anchor, rotation: rotation, ha: ha, va: va) }
        let (polys, bold) = text.polygons(at: anchor, rotation: rotation, ha: ha, va: va)
        fill(polys, color: text.style.color)
        for path in bold {
            stroke(path, style: StrokeStyle(width: 0.045 * text.pixelSize, join: .round), color: text.style.color)
        }
        return text.bounds(at: anchor, rotation: rotation, ha: ha, va: va)
    }
}
