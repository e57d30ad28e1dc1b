/// A point in device pixels (x to the right, y downwards) or in any other 2-D space.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }

    static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }
    var length: Double { (x * x + y * y).squareRoot() }
}

/// An axis-aligned rectangle; `x0 <= x1`, `y0 <= y1` once normalised.
public struct Rect: Sendable, Equatable {
    public var x0: Double, y0: Double, x1: Double, y1: Double
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }
    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var isEmpty: Bool { !(x1 > x0 && y1 > y0) }

    public func union(_ o: Rect) -> Rect {
        if isEmpty { return o }
        if o.isEmpty { return self }
        return Rect(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1))
    }
    public func intersection(_ o: Rect) -> Rect {
        Rect(x0: max(x0, o.x0), y0: max(y0, o.y0), x1: min(x1, o.x1), y1: min(y1, o.y1))
    }
    public func insetBy(_ d: Double) -> Rect { Rect(x0: x0 + d, y0: y0 + d, x1: x1 - d, y1: y1 - d) }
    public func contains(_ p: Point) -> Bool { p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 }
    public func intersects(_ o: Rect) -> Bool { !intersection(o).isEmpty }
    static let empty = Rect(x0: 0, y0: 0, x1: 0, y1: 0)
}

/// An affine map `(x, y) -> (a x + c y + e, b x + d y + f)`.
public struct AffineTransform: Sendable, Equatable {
    public var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
    public init() {}
    public init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.e = e; self.f = f
    }
    public static func translation(_ x: Double, _ y: Double) -> AffineTransform { AffineTransform(a: 1, b: 0, c: 0, d: 1, e: x, f: y) }
    public static func scale(_ sx: Double, _ sy: Double) -> AffineTransform { AffineTransform(a: sx, b: 0, c: 0, d: sy, e: 0, f: 0) }
    /// Counter-clockwise on screen (y down) by `degrees`, as matplotlib's text rotation.
    public static func rotation(degrees: Double) -> AffineTransform {
        let t = degrees * .pi / 180
        return AffineTransform(a: cos(t), b: -sin(t), c: sin(t), d: cos(t), e: 0, f: 0)
    }
    /// `self` applied after `first`.
    public func concatenating(_ first: AffineTransform) -> AffineTransform {
        AffineTransform(a: a * first.a + c * first.b, b: b * first.a + d * first.b,
                        c: a * first.c + c * first.d, d: b * first.c + d * first.d,
                        e: a * first.e + c * first.f + e, f: b * first.e + d * first.f + f)
    }
    public func apply(_ p: Point) -> Point { Point(a * p.x + c * p.y + e, b * p.x + d * p.y + f) }
}

import Foundation
