import Rendering

/// The text keywords matplotlib accepts on titles, labels and `text`: `fontsize`/`size`,
/// `color`/`c`, `fontweight`/`weight`, `fontstyle`/`style`, `ha`, `va`, `rotation`, `alpha`.
enum TextKeywords {
    /// matplotlib's named font sizes relative to the 10-point default.
    static let namedSizes: [String: Double] = [
        "xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
        "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833,
    ]

    static func size(_ value: Value, base: Double = 10) throws -> Double {
        if case .string(let s) = value {
            guard let f = namedSizes[s] else {
                throw PyError(.valueError, "'\(s)' is not a valid font size; use a number or one of " + namedSizes.keys.sorted().joined(separator: ", "))
            }
            return 10 * f
        }
        guard let v = value.asDouble, v > 0, v < 1000 else {
            throw PyError(.valueError, "font size must be a positive number, got \(value.typeName)")
        }
        return v
    }

    /// The style after applying the keywords (unknown keywords are left for the caller).
    static func style(_ keywords: [(name: String, value: Value)], _ interp: Runtime, base: TextStyle) throws -> TextStyle {
        var style = base
        for (name, value) in keywords {
            switch name {
            case "fontsize", "size": style.size = try size(value)
            case "color", "c": style.color = try PlotValues.color(value, interp)
            case "fontweight", "weight":
                if case .string(let w) = value { style.bold = ["bold", "heavy", "extra bold", "black", "semibold", "demibold", "demi"].contains(w) }
                else if let w = value.asDouble { style.bold = w >= 600 }
            case "fontstyle", "style":
                if case .string(let s) = value { style.italic = s == "italic" || s == "oblique" }
            case "fontdict":
                if !value.isNone {
                    let pairs = try dictionaryPairs(value, interp)
                    style = try self.style(pairs, interp, base: style)
                }
            default: break
            }
        }
        return style
    }

    /// (key, value) pairs of a dict argument such as `fontdict` or `bbox`.
    static func dictionaryPairs(_ value: Value, _ interp: Runtime) throws -> [(name: String, value: Value)] {
        guard let items = try interp.lookupAttribute(value, "items") else {
            throw PyError(.typeError, "expected a dict, got '\(value.typeName)'")
        }
        return try interp.collect(try interp.call(items)).map { pair in
            let kv = try interp.collect(pair)
            guard kv.count == 2, case .string(let k) = kv[0] else { throw PyError(.typeError, "dict keys must be strings") }
            return (k, kv[1])
        }
    }

    static func horizontal(_ value: Value) throws -> HorizontalAlignment {
        guard case .string(let s) = value, let a = HorizontalAlignment(rawValue: s) else {
            throw PyError(.valueError, "horizontalalignment must be 'left', 'center' or 'right'")
        }
        return a
    }

    static func vertical(_ value: Value) throws -> VerticalAlignment {
        guard case .string(let s) = value, let a = VerticalAlignment(rawValue: s) else {
            throw PyError(.valueError, "verticalalignment must be 'top', 'center', 'baseline', 'bottom' or 'center_baseline'")
        }
        return a
    }

    static func rotation(_ value: Value) throws -> Double {
        switch value {
        case .string("vertical"): return 90
        case .string("horizontal"): return 0
        default:
            guard let r = value.asDouble else { throw PyError(.valueError, "rotation must be a number of degrees, 'vertical' or 'horizontal'") }
            return r
        }
    }

    /// Applies alignment, rotation, alpha, bbox and transform keywords to a text artist.
    static func apply(_ keywords: [(name: String, value: Value)], to text: TextArtist, _ interp: Runtime, axes: AxesObject? = nil) throws {
        for (name, value) in keywords {
            switch name {
            case "ha", "horizontalalignment": text.horizontalAlignment = try horizontal(value)
            case "va", "verticalalignment": text.verticalAlignment = try vertical(value)
            case "rotation": text.rotation = try rotation(value)
            case "alpha": text.alpha = value.asDouble
            case "zorder": text.zorder = value.asDouble ?? text.zorder
            case "bbox":
                let pairs = try dictionaryPairs(value, interp)
                let face = pairs.first { $0.name == "facecolor" || $0.name == "fc" || $0.name == "color" }
                var color = try face.map { try PlotValues.color($0.value, interp) } ?? .white
                if let a = pairs.first(where: { $0.name == "alpha" })?.value.asDouble { color = color.withAlpha(a) }
                text.backgroundColor = color
            case "transform":
                if value.object(as: TransformObject.self)?.kind == .axes { text.coordinates = .axes }
                if value.object(as: TransformObject.self)?.kind == .figure { text.coordinates = .figure }
            case "fontsize", "size", "color", "c", "fontweight", "weight", "fontstyle", "style", "fontdict",
                 "family", "fontfamily", "fontname", "wrap", "clip_on", "label", "usetex", "linespacing", "multialignment":
                break
            default:
                throw PyError(.attributeError, "Text.set() got an unexpected keyword argument '\(name)'")
            }
        }
    }
}

/// `ax.transAxes` / `fig.transFigure`: markers that text coordinates are axes or figure fractions.
final class TransformObject: PyObject {
    enum Kind { case data, axes, figure }
    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }
    var pyType: PyType { TransformObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.transforms.Transform \(kind)>" }
    static let type = PyType("Transform", module: "matplotlib.transforms", doc: "A coordinate system for text positions.")
}
