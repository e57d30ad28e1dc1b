/// Named colour palettes (seaborn's qualitative sets) and palettes sampled from colormaps.
public enum Palettes {
    /// seaborn's six qualitative variants of matplotlib's ten colours.
    static let qualitative: [String: [String]] = [
        "deep": ["4c72b0", "dd8452", "55a868", "c44e52", "8172b3", "937860", "da8bc3", "8c8c8c", "ccb974", "64b5cd"],
        "muted": ["4878d0", "ee854a", "6acc64", "d65f5f", "956cb4", "8c613c", "dc7ec0", "797979", "d5bb67", "82c6e2"],
        "pastel": ["a1c9f4", "ffb482", "8de5a1", "ff9f9b", "d0bbff", "debb9b", "fab0e4", "cfcfcf", "fffea3", "b9f2f0"],
        "bright": ["023eff", "ff7c00", "1ac938", "e8000b", "8b2be2", "9f4800", "f14cc1", "a3a3a3", "ffc400", "00d7ff"],
        "dark": ["001c7f", "b1400d", "12711c", "8c0800", "591e71", "592f0d", "a23582", "3c3c3c", "b8850a", "006374"],
        "colorblind": ["0173b2", "de8f05", "029e73", "d55e00", "cc78bc", "ca9161", "fbafe4", "949494", "ece133", "56b4e9"],
    ]

    /// The names `palette(named:count:)` understands besides colormap names.
    public static var qualitativeNames: [String] { qualitative.keys.sorted() + ["tab10", "hls", "husl"] }

    /// seaborn's `color_palette(name, n_colors)`: a qualitative set (cycled to `count`), `hls`
    /// hues, or `count` colours sampled from a colormap's interior (as seaborn samples
    /// `cmap(linspace(0, 1, n + 2)[1:-1])`).
    public static func palette(named name: String, count: Int?) throws -> [Color] {
        if let hexes = qualitative[name] {
            let colors = hexes.compactMap { ColorSpec.hexColor($0) }
            return cycled(colors, to: count ?? colors.count)
        }
        if name == "tab10" { return cycled(ColorSpec.cycle, to: count ?? 10) }
        if name == "hls" || name == "husl" {
            if name == "husl" {
                throw RenderingError.invalidArgument("the 'husl' palette is not supported; use 'hls' or a named palette")
            }
            return hls(count ?? 6)
        }
        let map = try Colormap(named: name)
        if map.count <= 20 && !name.hasSuffix("_r") && count == nil {
            // Qualitative colormaps (Set1, Paired, ...) give their own colours.
            return (0..<map.count).map { map.color(index: $0) }
        }
        let n = count ?? 6
        return (0..<n).map { map.color(at: (Double($0) + 1) / Double(n + 1)) }
    }

    /// `count` colours repeating `colors` in order.
    public static func cycled(_ colors: [Color], to count: Int) -> [Color] {
        guard !colors.isEmpty, count > 0 else { return [] }
        return (0..<count).map { colors[$0 % colors.count] }
    }

    /// seaborn's `hls_palette(n, h=.01, l=.6, s=.65)`: evenly spaced hues.
    public static func hls(_ n: Int, hue: Double = 0.01, lightness: Double = 0.6, saturation: Double = 0.65) -> [Color] {
        (0..<max(n, 0)).map { i in
            var h = hue + Double(i) / Double(n)
            h -= h.rounded(.down)
            return fromHLS(h, lightness, saturation)
        }
    }

    /// Python's colorsys.hls_to_rgb.
    static func fromHLS(_ h: Double, _ l: Double, _ s: Double) -> Color {
        if s == 0 { return Color(r: l, g: l, b: l) }
        let m2 = l <= 0.5 ? l * (1 + s) : l + s - l * s
        let m1 = 2 * l - m2
        func v(_ hue: Double) -> Double {
            var h = hue.truncatingRemainder(dividingBy: 1)
            if h < 0 { h += 1 }
            if h < 1.0 / 6 { return m1 + (m2 - m1) * h * 6 }
            if h < 0.5 { return m2 }
            if h < 2.0 / 3 { return m1 + (m2 - m1) * (2.0 / 3 - h) * 6 }
            return m1
        }
        return Color(r: v(h + 1.0 / 3), g: v(h), b: v(h - 1.0 / 3))
    }
}

extension Palettes {
    /// A colour from hue, lightness, saturation (Python's colorsys.hls_to_rgb).
    public static func hlsColor(_ h: Double, _ l: Double, _ s: Double) -> Color { fromHLS(h, l, s) }

    /// Hue, lightness, saturation of a colour (Python's colorsys.rgb_to_hls).
    public static func toHLS(_ c: Color) -> (h: Double, l: Double, s: Double) {
        let mx = max(c.r, c.g, c.b), mn = min(c.r, c.g, c.b)
        let l = (mx + mn) / 2
        guard mx != mn else { return (0, l, 0) }
        let d = mx - mn
        let s = l <= 0.5 ? d / (mx + mn) : d / (2 - mx - mn)
        var h: Double
        if mx == c.r { h = (c.g - c.b) / d } else if mx == c.g { h = 2 + (c.b - c.r) / d } else { h = 4 + (c.r - c.g) / d }
        h = (h / 6).truncatingRemainder(dividingBy: 1)
        if h < 0 { h += 1 }
        return (h, l, s)
    }
}
