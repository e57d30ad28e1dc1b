import Foundation

/// matplotlib's marker shapes.
public enum Marker: String, Sendable, CaseIterable {
    case point = ".", pixel = ",", circle = "o", triangleDown = "v", triangleUp = "^", triangleLeft = "<",
         triangleRight = ">", square = "s", pentagon = "p", star = "*", hexagon = "h", hexagon2 = "H",
         plus = "+", x = "x", diamond = "D", thinDiamond = "d", vline = "|", hline = "_", plusFilled = "P", xFilled = "X"

    /// Whether the marker is drawn by stroking only (no face).
    public var isLineOnly: Bool { [.plus, .x, .vline, .hline].contains(self) }

    /// The marker outline for size `size` pixels (matplotlib's markersize), centred on `c`.
    func path(center c: Point, size: Double) -> Path {
        let r = size / 2
        func poly(_ pts: [(Double, Double)], scale: Double = r) -> Path {
            Path.polygon(pts.map { Point(c.x + $0.0 * scale, c.y - $0.1 * scale) })
        }
        func regular(_ n: Int, radius: Double, rotation: Double = 90) -> [(Double, Double)] {
            (0..<n).map { i in
                let t = (rotation + 360 * Double(i) / Double(n)) * .pi / 180
                return (radius * cos(t), radius * sin(t))
            }
        }
        switch self {
        case .point: return Path.circle(center: c, radius: r * 0.5)
        case .pixel: return Path.rectangle(Rect(x0: c.x - 0.5, y0: c.y - 0.5, x1: c.x + 0.5, y1: c.y + 0.5))
        case .circle: return Path.circle(center: c, radius: r)
        case .triangleUp: return poly([(0, 1), (-1, -1), (1, -1)])
        case .triangleDown: return poly([(0, -1), (1, 1), (-1, 1)])
        case .triangleLeft: return poly([(-1, 0), (1, -1), (1, 1)])
        case .triangleRight: return poly([(1, 0), (-1, 1), (-1, -1)])
        case .square: return poly([(-1, -1), (1, -1), (1, 1), (-1, 1)], scale: r)
        case .diamond: return poly([(0, 1), (-1, 0), (0, -1), (1, 0)], scale: r * 2.0.squareRoot())
        case .thinDiamond: return poly([(0, 1), (-0.6, 0), (0, -1), (0.6, 0)])
        case .pentagon: return poly(regular(5, radius: 1))
        case .hexagon: return poly(regular(6, radius: 1))
        case .hexagon2: return poly(regular(6, radius: 1, rotation: 0))
        case .star:
            var pts: [(Double, Double)] = []
            for i in 0..<10 {
                let t = (90 + 36 * Double(i)) * .pi / 180
                let rr = i % 2 == 0 ? 1.0 : 0.381966
                pts.append((rr * cos(t), rr * sin(t)))
            }
            return poly(pts)
        case .plusFilled:
            let a = 1.0 / 3
            return poly([(-a, 1), (a, 1), (a, a), (1, a), (1, -a), (a, -a), (a, -1), (-a, -1), (-a, -a), (-1, -a), (-1, a), (-a, a)])
        case .xFilled:
            let a = 1.0 / 3
            let plus: [(Double, Double)] = [(-a, 1), (a, 1), (a, a), (1, a), (1, -a), (a, -a), (a, -1), (-a, -1), (-a, -a), (-1, -a), (-1, a), (-a, a)]
            let s = 0.5.squareRoot()
            return poly(plus.map { (($0.0 - $0.1) * s, ($0.0 + $0.1) * s) })
        case .plus:
            var p = Path()
            p.move(to: Point(c.x - r, c.y)); p.line(to: Point(c.x + r, c.y))
            p.move(to: Point(c.x, c.y - r)); p.line(to: Point(c.x, c.y + r))
            return p
        case .x:
            var p = Path()
            let d = r
            p.move(to: Point(c.x - d, c.y - d)); p.line(to: Point(c.x + d, c.y + d))
            p.move(to: Point(c.x - d, c.y + d)); p.line(to: Point(c.x + d, c.y - d))
            return p
        case .vline:
            var p = Path()
            p.move(to: Point(c.x, c.y - r)); p.line(to: Point(c.x, c.y + r))
            return p
        case .hline:
            var p = Path()
            p.move(to: Point(c.x - r, c.y)); p.line(to: Point(c.x + r, c.y))
            return p
        }
    }
}

/// Line dash styles with matplotlib's patterns (in multiples of the line width).
public enum LineStyle: String, Sendable {
    case solid = "-", dashed = "--", dashdot = "-.", dotted = ":", none = ""

    /// Parses '-', '--', '-.', ':', 'solid', 'dashed', 'dashdot', 'dotted', 'None', ' ', ''.
    public init(parsing s: String) throws {
        switch s {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case "-.", "dashdot": self = .dashdot
        case ":", "dotted": self = .dotted
        case "", " ", "None", "none": self = .none
        default:
            throw RenderingError.invalidArgument("'\(s)' is not a valid linestyle; use '-', '--', '-.', ':' or 'None'")
        }
    }

    /// On/off lengths in points for a line of width 1 (they scale with the width).
    var unitPattern: [Double] {
        switch self {
        case .solid, .none: return []
        case .dashed: return [3.7, 1.6]
        case .dashdot: return [6.4, 1.6, 1, 1.6]
        case .dotted: return [1, 1.65]
        }
    }
}

/// A matplotlib format string such as 'r--', 'bo', 'k:', 'g^-', 'C1.'.
public struct FormatString: Sendable, Equatable {
    public var color: Color?
    public var marker: Marker?
    public var lineStyle: LineStyle?

    public init(_ text: String) throws {
        var rest = Substring(text)
        // Line styles first, longest match wins.
        for style in ["--", "-.", "-", ":"] {
            if let r = rest.range(of: style) {
                lineStyle = try LineStyle(parsing: style)
                rest.removeSubrange(r)
                break
            }
        }
        if let r = rest.range(of: #"C[0-9]"#, options: .regularExpression) {
            color = try ColorSpec.parse(String(rest[r]))
            rest.removeSubrange(r)
        }
        for ch in rest {
            if let c = ColorSpec.letters[ch], color == nil {
                color = c
            } else if let m = Marker(rawValue: String(ch)), marker == nil {
                marker = m
            } else {
                throw RenderingError.invalidArgument("'\(text)' is not a valid format string: unrecognized character '\(ch)'")
            }
        }
        if lineStyle == nil && marker != nil { lineStyle = LineStyle.none }
    }
}
