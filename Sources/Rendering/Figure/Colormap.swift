import Foundation

/// A lookup table from values in 0...1 to colours, as matplotlib's colormaps.
public struct Colormap: Sendable, Equatable {
    public let name: String
    private let colors: [Color]
    /// Colours for values below 0, above 1, and NaN (matplotlib's under/over/bad).
    public var under: Color?
    public var over: Color?
    public var bad = Color.clear

    /// The colormap called `name` ('viridis', 'gray_r', ...); a '_r' suffix reverses it.
    public init(named name: String) throws {
        var base = name
        var reversed = false
        if base.hasSuffix("_r") { base.removeLast(2); reversed = true }
        let aliases = ["grey": "gray", "Grays": "Greys", "greys": "Greys", "gist_grey": "gist_gray"]
        base = aliases[base] ?? base
        guard let table = ColormapTables.tables[base] ?? SeabornColormapTables.tables[base] ?? ColormapTables.tables.first(where: { $0.key.lowercased() == base.lowercased() })?.value else {
            throw RenderingError.unknownColormap(name)
        }
        var colors: [Color] = []
        colors.reserveCapacity(table.count)
        let chars = Array(table.hex.utf8)
        for i in 0..<table.count {
            let hex = String(decoding: chars[(6 * i)..<(6 * i + 6)], as: UTF8.self)
            colors.append(ColorSpec.hexColor(hex) ?? .black)
        }
        self.name = name
        self.colors = reversed ? colors.reversed() : colors
    }

    /// All colormap names understood (without the `_r` variants).
    public static var names: [String] { (Array(ColormapTables.tables.keys) + Array(SeabornColormapTables.tables.keys)).sorted() }

    /// matplotlib's default colormap.
    public static let viridis: Colormap = (try? Colormap(named: "viridis")) ?? Colormap(name: "gray", colors: [.black, .white])

    init(name: String, colors: [Color]) {
        self.name = name
        self.colors = colors
    }

    /// Number of distinct colours.
    public var count: Int { colors.count }

    /// The colour for a normalised value (clipped to the ends, NaN gives `bad`).
    public func color(at value: Double) -> Color {
        if value.isNaN { return bad }
        if value < 0, let under { return under }
        if value > 1, let over { return over }
        let i = Int((min(1, max(0, value)) * Double(colors.count)).rounded(.down))
        return colors[min(colors.count - 1, max(0, i))]
    }

    /// The `i`-th colour of the table (qualitative maps such as 'tab10' are indexed this way).
    public func color(index: Int) -> Color { colors[((index % colors.count) + colors.count) % colors.count] }
}

/// Linear or logarithmic scaling of data values to 0...1 for a colormap.
public struct ColorNormalization: Sendable, Equatable {
    public var vmin: Double
    public var vmax: Double
    public var logarithmic = false

    public init(vmin: Double, vmax: Double, logarithmic: Bool = false) {
        self.vmin = vmin; self.vmax = vmax; self.logarithmic = logarithmic
    }

    /// Limits from the finite values of `data`, with explicit bounds taking precedence.
    public static func fitting(_ data: [Double], vmin: Double? = nil, vmax: Double? = nil) -> ColorNormalization {
        var lo = Double.infinity, hi = -Double.infinity
        for v in data where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        if !lo.isFinite { lo = 0; hi = 1 }
        return ColorNormalization(vmin: vmin ?? lo, vmax: vmax ?? hi)
    }

    public func callAsFunction(_ v: Double) -> Double {
        if v.isNaN { return .nan }
        if logarithmic {
            guard v > 0, vmin > 0, vmax > vmin else { return v > 0 ? 0.5 : -1 }
            return (log10(v) - log10(vmin)) / (log10(vmax) - log10(vmin))
        }
        if vmax == vmin { return 0 }
        return (v - vmin) / (vmax - vmin)
    }
}
