import Foundation

/// Where a piece of text sits horizontally relative to its anchor point.
public enum HorizontalAlignment: String, Sendable { case left, center, right }
/// Where a piece of text sits vertically relative to its anchor point (matplotlib's `va`).
public enum VerticalAlignment: String, Sendable {
    case top, center, baseline, bottom
    case centerBaseline = "center_baseline"
}

/// How text looks: size in points, colour, weight and slant.
public struct TextStyle: Sendable, Equatable {
    public var size: Double
    public var color: Color
    public var bold: Bool
    public var italic: Bool
    public init(size: Double = 10, color: Color = .black, bold: Bool = false, italic: Bool = false) {
        self.size = size; self.color = color; self.bold = bold; self.italic = italic
    }
}

/// Text laid out in em units: each glyph's position, scale and slant, with the lines' extents.
/// Plain characters and a useful subset of matplotlib's mathtext (`$x^2$`, `$\alpha_i$`,
/// `$10^{-3}$`, `\times`, `\mathrm{...}`) are understood.
struct TextLayout {
    struct Placement {
        var glyph: Glyph
        /// Origin of the glyph in em units, x right, y up from the first line's baseline.
        var x: Double
        var y: Double
        var scale: Double
        var italic: Bool
        var bold: Bool
    }

    private(set) var placements: [Placement] = []
    /// Ink-independent box in em units (y up): x from 0 to `width`, y from `-descent` (last
    /// line) to `ascent` (first line), at least as tall as "lp" as matplotlib measures lines.
    private(set) var width = 0.0
    private(set) var ascent = 0.0
    private(set) var descent = 0.0
    /// Descent of the first line's "lp" box, used for the `baseline` alignment.
    private(set) var lineDescent = 0.0

    static let font = Font.dejaVuSans
    static let lineAscent: Double = 1556 / 2048   // 'l' top
    static let lineDescentEm: Double = 426 / 2048 // 'p' bottom
    static let lineSpacing = 1.2

    init(_ text: String, bold: Bool = false, italic: Bool = false) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var lineWidths: [Double] = []
        for (i, line) in lines.enumerated() {
            let baseline = -Double(i) * TextLayout.lineSpacing
            var cursor = 0.0
            var builder = LineBuilder(baseline: baseline, bold: bold, italic: italic)
            builder.layout(String(line), cursor: &cursor)
            placements += builder.placements
            lineWidths.append(cursor)
            if i == 0 { ascent = max(TextLayout.lineAscent, builder.top) }
            if i == lines.count - 1 { descent = max(TextLayout.lineDescentEm, -(builder.bottom - baseline)) - baseline }
        }
        width = lineWidths.max() ?? 0
        lineDescent = TextLayout.lineDescentEm
        // Lines stay left-aligned within the block, matplotlib's default multialignment.
    }

    /// Lays out one line of text, switching into math between unescaped dollar signs.
    private struct LineBuilder {
        var placements: [Placement] = []
        let baseline: Double
        let bold: Bool
        let italic: Bool
        var top = 0.0
        var bottom = 0.0

        init(baseline: Double, bold: Bool, italic: Bool) {
            self.baseline = baseline; self.bold = bold; self.italic = italic
            bottom = baseline
        }

        mutating func layout(_ line: String, cursor: inout Double) {
            let scalars = Array(line.unicodeScalars)
            let dollars = scalars.enumerated().filter { $0.element == "$" && ($0.offset == 0 || scalars[$0.offset - 1] != "\\") }.count
            if dollars >= 2 && dollars % 2 == 0 {
                var plain: [Unicode.Scalar] = []
                var i = 0
                while i < scalars.count {
                    if scalars[i] == "$" && (i == 0 || scalars[i - 1] != "\\") {
                        place(plain, cursor: &cursor)
                        plain = []
                        var j = i + 1
                        while j < scalars.count && !(scalars[j] == "$" && scalars[j - 1] != "\\") { j += 1 }
                        var math = MathParser(Array(scalars[(i + 1)..<min(j, scalars.count)]))
                        let items = math.parseSequence(until: nil)
                        placeMath(items, scale: 1, shift: 0, cursor: &cursor)
                        i = j + 1
                    } else {
                        plain.append(scalars[i])
                        i += 1
                    }
                }
                place(plain, cursor: &cursor)
            } else {
                place(scalars, cursor: &cursor)
            }
        }

        mutating func place(_ scalars: [Unicode.Scalar], cursor: inout Double, scale: Double = 1, shift: Double = 0, italic forcedItalic: Bool? = nil, bold forcedBold: Bool? = nil) {
            let font = TextLayout.font
            var previous: Unicode.Scalar?
            for s in scalars {
                if s == "\t" { cursor += 4 * font.glyph(" ").advance / font.unitsPerEm * scale; continue }
                let g = font.glyph(s)
                if let p = previous { cursor += font.kern(p, s) / font.unitsPerEm * scale }
                placements.append(Placement(glyph: g, x: cursor, y: baseline + shift, scale: scale,
                                            italic: forcedItalic ?? italic, bold: forcedBold ?? bold))
                top = max(top, baseline + shift + g.bounds.y1 / font.unitsPerEm * scale)
                bottom = min(bottom, baseline + shift + g.bounds.y0 / font.unitsPerEm * scale)
                cursor += g.advance / font.unitsPerEm * scale
                previous = s
            }
        }

        mutating func placeMath(_ items: [MathItem], scale: Double, shift: Double, cursor: inout Double) {
            for item in items {
                switch item {
                case let .symbol(s, italic):
                    place([s], cursor: &cursor, scale: scale, shift: shift, italic: italic)
                case let .text(scalars, bold):
                    place(scalars, cursor: &cursor, scale: scale, shift: shift, italic: false, bold: bold ? true : nil)
                case let .space(em):
                    cursor += em * scale
                case let .group(inner):
                    placeMath(inner, scale: scale, shift: shift, cursor: &cursor)
                case let .scripts(base, sup, sub):
                    placeMath([base], scale: scale, shift: shift, cursor: &cursor)
                    let start = cursor
                    var end = cursor
                    if let sup {
                        var c = start
                        placeMath([sup], scale: scale * 0.7, shift: shift + 0.38 * scale, cursor: &c)
                        end = max(end, c)
                    }
                    if let sub {
                        var c = start
                        placeMath([sub], scale: scale * 0.7, shift: shift - 0.2 * scale, cursor: &c)
                        end = max(end, c)
                    }
                    cursor = end
                case let .fraction(num, den):
                    placeMath([num], scale: scale, shift: shift, cursor: &cursor)
                    place(["/"], cursor: &cursor, scale: scale, shift: shift, italic: false)
                    placeMath([den], scale: scale, shift: shift, cursor: &cursor)
                }
            }
        }
    }
}

/// A parsed piece of mathtext.
indirect enum MathItem {
    case symbol(Unicode.Scalar, italic: Bool)
    case text([Unicode.Scalar], bold: Bool)
    case space(Double)
    case group([MathItem])
    case scripts(base: MathItem, sup: MathItem?, sub: MathItem?)
    case fraction(MathItem, MathItem)
}

/// Reads the mathtext subset: symbols, groups, `^`/`_` scripts, `\frac`, font switches.
struct MathParser {
    private let s: [Unicode.Scalar]
    private var i = 0
    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    static let symbols: [String: Unicode.Scalar] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "pm": "±", "cdot": "·", "infty": "∞",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "~", "sum": "∑",
        "int": "∫", "partial": "∂", "nabla": "∇", "rightarrow": "→", "to": "→", "leftarrow": "←", "uparrow": "↑",
        "downarrow": "↓", "sqrt": "√", "circ": "°", "degree": "°", "prime": "′", "ldots": "…", "dots": "…",
        "cdots": "…", "div": "÷", "bullet": "•", "%": "%", "$": "$", "_": "_", "{": "{", "}": "}", "#": "#",
        "&": "&", "langle": "<", "rangle": ">", "vert": "|", "|": "|", "mid": "|", "lbrace": "{", "rbrace": "}",
        "ell": "l", "star": "*", "ast": "*", "minus": "\u{2212}",
    ]
    static let spaces: [String: Double] = [",": 0.17, ";": 0.28, ":": 0.22, " ": 0.33, "quad": 1, "qquad": 2, "!": -0.17]

    mutating func parseSequence(until close: Unicode.Scalar?) -> [MathItem] {
        var items: [MathItem] = []
        while i < s.count {
            let c = s[i]
            if let close, c == close { i += 1; return items }
            if c == "^" || c == "_" {
                i += 1
                let script = parseAtom() ?? .group([])
                let base = items.popLast() ?? .group([])
                if case let .scripts(b, sup, sub) = base {
                    items.append(c == "^" ? .scripts(base: b, sup: script, sub: sub) : .scripts(base: b, sup: sup, sub: script))
                } else {
                    items.append(c == "^" ? .scripts(base: base, sup: script, sub: nil) : .scripts(base: base, sup: nil, sub: script))
                }
                continue
            }
            if let atom = parseAtom() { items.append(atom) }
        }
        return items
    }

    private mutating func parseAtom() -> MathItem? {
        guard i < s.count else { return nil }
        let c = s[i]
        i += 1
        switch c {
        case " ", "\t": return parseAtom()
        case "{": return .group(parseSequence(until: "}"))
        case "\\":
            var name = ""
            if i < s.count, !s[i].properties.isAlphabetic {
                name = String(s[i]); i += 1
            } else {
                while i < s.count, s[i].properties.isAlphabetic { name.unicodeScalars.append(s[i]); i += 1 }
            }
            if let w = MathParser.spaces[name] { return .space(w) }
            if let sym = MathParser.symbols[name] {
                let upright = !("α"..."ω").contains(sym)
                return .symbol(sym, italic: !upright)
            }
            switch name {
            case "mathrm", "rm", "text", "textrm", "operatorname", "mathbf", "textbf":
                let bold = name.hasSuffix("bf")
                guard i < s.count, s[i] == "{" else { return .group([]) }
                i += 1
                var chars: [Unicode.Scalar] = []
                while i < s.count, s[i] != "}" { chars.append(s[i]); i += 1 }
                i += 1
                return .text(chars, bold: bold)
            case "frac", "dfrac", "tfrac":
                let num = parseAtom() ?? .group([])
                let den = parseAtom() ?? .group([])
                return .fraction(num, den)
            case "left", "right", "big", "Big", "bigl", "bigr":
                return parseAtom()
            case "hat", "bar", "tilde", "vec", "overline", "mathit", "mathcal", "boldsymbol", "dot":
                return parseAtom()
            case "log", "exp", "sin", "cos", "tan", "ln", "max", "min", "arg", "lim":
                return .text(Array(name.unicodeScalars), bold: false)
            default:
                return .text(Array(("\\" + name).unicodeScalars), bold: false)
            }
        case "-":
            return .symbol("\u{2212}", italic: false)
        default:
            return .symbol(c, italic: c.properties.isAlphabetic && c.isASCII)
        }
    }
}
