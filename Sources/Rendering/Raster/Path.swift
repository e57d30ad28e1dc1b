/// A vector outline of straight and quadratic pieces, as fonts and markers describe shapes.
public struct Path: Sendable {
    public enum Element: Sendable {
        case move(Point)
        case line(Point)
        case quad(control: Point, to: Point)
        case close
    }
    public var elements: [Element] = []
    public init() {}

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func quad(control: Point, to p: Point) { elements.append(.quad(control: control, to: p)) }
    public mutating func close() { elements.append(.close) }

    /// A closed polygon through `points`.
    public static func polygon(_ points: [Point]) -> Path {
        var p = Path()
        guard let first = points.first else { return p }
        p.move(to: first)
        for q in points.dropFirst() { p.line(to: q) }
        p.close()
        return p
    }

    public static func rectangle(_ r: Rect) -> Path {
        polygon([Point(r.x0, r.y0), Point(r.x1, r.y0), Point(r.x1, r.y1), Point(r.x0, r.y1)])
    }

    /// A circle as a polygon fine enough that its chords stay within a tenth of a pixel.
    public static func circle(center: Point, radius: Double) -> Path {
        // A chord of angle 2π/n sags r(1 - cos(π/n)) below the arc.
        let n = max(8, min(256, Int((Double.pi / acos(max(-1, 1 - 0.1 / max(radius, 0.05)))).rounded(.up))))
        // Vertices slightly outside the circle so that the polygon has the circle's area.
        let step = 2 * Double.pi / Double(n)
        let r = radius * (step / sin(step)).squareRoot()
        return polygon((0..<n).map { i in
            let t = step * Double(i)
            return Point(center.x + r * cos(t), center.y + r * sin(t))
        })
    }

    public func transformed(_ t: AffineTransform) -> Path {
        var p = Path()
        p.elements = elements.map {
            switch $0 {
            case let .move(q): return .move(t.apply(q))
            case let .line(q): return .line(t.apply(q))
            case let .quad(c, q): return .quad(control: t.apply(c), to: t.apply(q))
            case .close: return .close
            }
        }
        return p
    }

    /// The outline as closed polygons, quadratic pieces flattened to within `tolerance` pixels.
    public func polygons(tolerance: Double = 0.2) -> [[Point]] {
        var result: [[Point]] = []
        var current: [Point] = []
        var last = Point(0, 0)
        for e in elements {
            switch e {
            case let .move(p):
                if current.count > 2 { result.append(current) }
                current = [p]
                last = p
            case let .line(p):
                current.append(p)
                last = p
            case let .quad(c, p):
                // A quadratic's deviation from its chord is |p0 - 2c + p1| / 4 after halving.
                let dd = (last - c * 2 + p).length
                let n = max(1, min(64, Int((dd / (4 * tolerance)).squareRoot().rounded(.up))))
                for i in 1...n {
                    let t = Double(i) / Double(n), u = 1 - t
                    current.append(Point(u * u * last.x + 2 * u * t * c.x + t * t * p.x,
                                         u * u * last.y + 2 * u * t * c.y + t * t * p.y))
                }
                last = p
            case .close:
                if current.count > 2 { result.append(current) }
                current = current.isEmpty ? [] : [current[0]]
                if let f = current.first { last = f }
                current = []
            }
        }
        if current.count > 2 { result.append(current) }
        return result
    }
}


import Foundation
