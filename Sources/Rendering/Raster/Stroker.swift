import Foundation

/// How two segments of a stroked line meet.
public enum LineJoin: Sendable { case miter, round, bevel }
/// How an open stroked line ends.
public enum LineCap: Sendable { case butt, round, square }

/// The pen a line is drawn with, in pixels.
public struct StrokeStyle: Sendable {
    public var width: Double
    public var join: LineJoin
    public var cap: LineCap
    /// On/off lengths in pixels, or empty for a solid line.
    public var dashes: [Double]
    public var dashOffset: Double
    public var miterLimit: Double

    public init(width: Double, join: LineJoin = .round, cap: LineCap = .butt,
                dashes: [Double] = [], dashOffset: Double = 0, miterLimit: Double = 4) {
        self.width = width; self.join = join; self.cap = cap
        self.dashes = dashes; self.dashOffset = dashOffset; self.miterLimit = miterLimit
    }
}

/// Turns a polyline and a pen into the outline of the painted area: one contour per line
/// (offset to the left, the end cap, back along the right, the start cap) with joins on the
/// outer side of each bend, so that anti-aliased edges are drawn once and never doubled.
enum Stroker {
    static func outline(_ points: [Point], closed: Bool, style: StrokeStyle) -> [[Point]] {
        let hw = style.width / 2
        guard hw > 0 else { return [] }
        var pts: [Point] = []
        for p in points where p.x.isFinite && p.y.isFinite {
            if let last = pts.last, (p - last).length < 1e-9 { continue }
            pts.append(p)
        }
        if closed, pts.count > 2, let first = pts.first, let last = pts.last, (first - last).length < 1e-9 {
            pts.removeLast()
        }
        if style.dashes.count >= 2, style.dashes.contains(where: { $0 > 0 }) {
            var path = pts
            if closed, let first = pts.first { path.append(first) }
            return dashPieces(path, pattern: style.dashes, offset: style.dashOffset).flatMap {
                outline($0, closed: false, style: StrokeStyle(width: style.width, join: style.join, cap: style.cap, miterLimit: style.miterLimit))
            }
        }
        if pts.count == 1 {
            let p = pts[0]
            switch style.cap {
            case .butt: return []
            case .round: return Path.circle(center: p, radius: hw).polygons()
            case .square: return [[Point(p.x - hw, p.y - hw), Point(p.x + hw, p.y - hw), Point(p.x + hw, p.y + hw), Point(p.x - hw, p.y + hw)]]
            }
        }
        guard pts.count >= 2 else { return [] }
        if closed && pts.count > 2 {
            let ring = pts + [pts[0], pts[1]]
            let outer = side(Array(ring), hw: hw, style: style, closedRing: true)
            let inner = side(Array(ring.reversed()), hw: hw, style: style, closedRing: true)
            return [outer, inner]
        }
        var contour = side(pts, hw: hw, style: style, closedRing: false)
        appendCap(&contour, at: pts[pts.count - 1], direction: unit(pts[pts.count - 1] - pts[pts.count - 2]), hw: hw, cap: style.cap)
        let back = Array(pts.reversed())
        contour += side(back, hw: hw, style: style, closedRing: false)
        appendCap(&contour, at: pts[0], direction: unit(pts[0] - pts[1]), hw: hw, cap: style.cap)
        return [contour]
    }

    private static func unit(_ v: Point) -> Point {
        let l = v.length
        return l > 0 ? Point(v.x / l, v.y / l) : Point(1, 0)
    }

    /// The left offset of the polyline with joins. For a ring (the first two points repeated
    /// at the end), it starts and ends at the join of the first vertex.
    private static func side(_ pts: [Point], hw: Double, style: StrokeStyle, closedRing: Bool) -> [Point] {
        var out: [Point] = []
        let n = pts.count
        func normal(_ i: Int) -> Point {
            let d = unit(pts[i + 1] - pts[i])
            return Point(-d.y, d.x)
        }
        if !closedRing { out.append(pts[0] + normal(0) * hw) }
        for k in 1..<(n - 1) {
            let n0 = normal(k - 1), n1 = normal(k)
            let d0 = Point(n0.y, -n0.x), d1 = Point(n1.y, -n1.x)
            let cross = d0.x * d1.y - d0.y * d1.x
            let p = pts[k]
            let a = p + n0 * hw, b = p + n1 * hw
            out.append(a)
            if cross > 1e-12 {
                // Inner side of the bend: pass through the vertex so the overlap stays filled.
                out.append(p)
            } else if cross < -1e-12 {
                switch style.join {
                case .bevel: break
                case .miter:
                    let m = n0 + n1
                    let dot = m.x * n1.x + m.y * n1.y
                    if dot > 1e-9, 1 / (dot / (m.length)) <= style.miterLimit {
                        out.append(p + m * (hw / dot))
                    }
                case .round:
                    appendArc(&out, center: p, from: n0, to: n1, radius: hw, clockwiseOnScreen: false)
                }
            }
            out.append(b)
        }
        if !closedRing { out.append(pts[n - 1] + normal(n - 2) * hw) }
        return out
    }

    /// Points strictly between `from` and `to` (unit offsets) on the circle round `center`,
    /// going the short way.
    private static func appendArc(_ out: inout [Point], center: Point, from: Point, to: Point, radius: Double, clockwiseOnScreen: Bool) {
        let a0 = atan2(from.y, from.x)
        var sweep = atan2(to.y, to.x) - a0
        while sweep > .pi { sweep -= 2 * .pi }
        while sweep < -.pi { sweep += 2 * .pi }
        let stepAngle = acos(max(-1, 1 - 0.1 / max(radius, 0.05)))
        let steps = Int((abs(sweep) / max(stepAngle, 0.01)).rounded(.up))
        guard steps > 1 else { return }
        for i in 1..<steps {
            let t = a0 + sweep * Double(i) / Double(steps)
            out.append(Point(center.x + radius * cos(t), center.y + radius * sin(t)))
        }
    }

    /// Closes the gap from the left offset to the right offset at an end heading `direction`.
    private static func appendCap(_ out: inout [Point], at p: Point, direction d: Point, hw: Double, cap: LineCap) {
        let n = Point(-d.y, d.x)
        switch cap {
        case .butt:
            break
        case .square:
            out.append(p + n * hw + d * hw)
            out.append(p - n * hw + d * hw)
        case .round:
            // Half circle from +n through +d to -n.
            let a0 = atan2(n.y, n.x)
            let turn = (d.x * n.y - d.y * n.x) > 0 ? -1.0 : 1.0
            let stepAngle = acos(max(-1, 1 - 0.1 / max(hw, 0.05)))
            let steps = max(2, Int((Double.pi / max(stepAngle, 0.01)).rounded(.up)))
            for i in 1..<steps {
                let t = a0 + turn * Double.pi * Double(i) / Double(steps)
                out.append(Point(p.x + hw * cos(t), p.y + hw * sin(t)))
            }
        }
    }

    /// The "on" stretches of a polyline under a dash pattern.
    static func dashPieces(_ pts: [Point], pattern: [Double], offset: Double) -> [[Point]] {
        let pattern = pattern.map { max(0, $0) }
        let period = pattern.reduce(0, +)
        guard period > 0, pts.count >= 2 else { return [pts] }
        var index = 0
        var remaining = pattern[0]
        var skip = offset.truncatingRemainder(dividingBy: period)
        if skip < 0 { skip += period }
        while skip > 0 {
            if skip >= remaining { skip -= remaining; index = (index + 1) % pattern.count; remaining = pattern[index] }
            else { remaining -= skip; skip = 0 }
        }
        var pieces: [[Point]] = []
        var current: [Point] = index % 2 == 0 ? [pts[0]] : []
        for i in 1..<pts.count {
            var a = pts[i - 1]
            let b = pts[i]
            var segment = (b - a).length
            while segment > 0 {
                if remaining >= segment {
                    remaining -= segment
                    if index % 2 == 0 { current.append(b) }
                    segment = 0
                } else {
                    let cut = a + (b - a) * (remaining / segment)
                    segment -= remaining
                    a = cut
                    if index % 2 == 0 {
                        current.append(cut)
                        if current.count >= 2 { pieces.append(current) }
                        current = []
                    } else {
                        current = [cut]
                    }
                    index = (index + 1) % pattern.count
                    remaining = pattern[index]
                }
            }
        }
        if index % 2 == 0, current.count >= 2 { pieces.append(current) }
        return pieces
    }
}

extension Canvas {
    /// Strokes a polyline (closed into a ring when `closed`) with the pen `style`.
    public mutating func stroke(_ points: [Point], closed: Bool = false, style: StrokeStyle, color: Color) {
        guard !measuresOnly else { return }
        fill(Stroker.outline(points, closed: closed, style: style), color: color)
    }

    /// Strokes every contour of `path` (curves flattened).
    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        guard !measuresOnly else { return }
        var contours: [[Point]] = []
        var current: [Point] = []
        var closedFlags: [Bool] = []
        var last = Point(0, 0)
        for e in path.elements {
            switch e {
            case let .move(p):
                if current.count > 1 { contours.append(current); closedFlags.append(false) }
                current = [p]; last = p
            case let .line(p):
                current.append(p); last = p
            case let .quad(c, p):
                for i in 1...8 {
                    let t = Double(i) / 8, u = 1 - t
                    current.append(Point(u * u * last.x + 2 * u * t * c.x + t * t * p.x, u * u * last.y + 2 * u * t * c.y + t * t * p.y))
                }
                last = p
            case .close:
                if current.count > 1 { contours.append(current); closedFlags.append(true) }
                current = []
            }
        }
        if current.count > 1 { contours.append(current); closedFlags.append(false) }
        var polys: [[Point]] = []
        for (c, closed) in zip(contours, closedFlags) { polys += Stroker.outline(c, closed: closed, style: style) }
        fill(polys, color: color)
    }
}
