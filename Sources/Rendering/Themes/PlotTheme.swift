/// The look new axes get: what matplotlib's rcParams say (the default) or what seaborn's
/// `set_theme(style=, palette=, font_scale=)` puts into them. Applied when an axes is made.
public struct PlotTheme: Sendable, Equatable {
    /// seaborn's five styles.
    public enum Style: String, Sendable, CaseIterable {
        case darkgrid, whitegrid, dark, white, ticks
    }

    public var axesFaceColor = Color.white
    public var edgeColor = Color.black
    /// Spine width in points.
    public var edgeWidth = 0.8
    public var grid = false
    public var gridColor = Color(r: 0.69, g: 0.69, b: 0.69)
    public var gridWidth = 0.8
    /// Gridlines under every artist (`axes.axisbelow: True`) instead of between patches and lines.
    public var gridBelow = false
    /// Whether bottom / left tick marks are drawn (their labels always are).
    public var xTickMarks = true, yTickMarks = true
    public var tickColor = Color.black
    public var tickLength = 3.5
    public var tickWidth = 0.8
    public var textColor = Color.black
    public var fontSize = 10.0
    public var labelSize = 10.0
    public var titleSize = 12.0
    public var tickLabelSize = 10.0
    public var legendFontSize = 10.0
    public var legendTitleSize = 10.0
    public var lineWidth = 1.5
    public var markerSize = 6.0
    /// The colour cycle of lines and patches (`axes.prop_cycle`).
    public var colorCycle: [Color] = ColorSpec.cycle
    /// Patches (bars, histogram bins) get this outline when set (`patch.force_edgecolor`).
    public var patchEdgeColor: Color?

    public init() {}

    /// matplotlib's defaults.
    public static let matplotlib = PlotTheme()

    /// seaborn's theme: the "notebook" context scaled by `fontScale`, `style`, and `palette`.
    public static func seaborn(style: Style = .darkgrid, fontScale: Double = 1, palette: [Color]? = nil) -> PlotTheme {
        var t = PlotTheme()
        t.fontSize = 12 * fontScale
        t.labelSize = 12 * fontScale
        t.titleSize = 12 * fontScale
        t.tickLabelSize = 11 * fontScale
        t.legendFontSize = 11 * fontScale
        t.legendTitleSize = 12 * fontScale
        t.edgeWidth = 1.25
        t.gridWidth = 1
        t.tickWidth = 1.25
        t.tickLength = 6
        t.lineWidth = 1.5
        t.markerSize = 6
        let darkText = Color(r: 0.15, g: 0.15, b: 0.15)
        t.textColor = darkText
        t.tickColor = darkText
        t.gridBelow = true
        t.patchEdgeColor = .white
        let lavender = Color(r: 0xEA / 255.0, g: 0xEA / 255.0, b: 0xF2 / 255.0)
        let lightGrey = Color(r: 0.8, g: 0.8, b: 0.8)
        switch style {
        case .darkgrid:
            t.axesFaceColor = lavender; t.edgeColor = .white; t.grid = true; t.gridColor = .white
        case .whitegrid:
            t.edgeColor = lightGrey; t.grid = true; t.gridColor = lightGrey
        case .dark:
            t.axesFaceColor = lavender; t.edgeColor = .white; t.gridColor = .white
        case .white:
            t.edgeColor = darkText; t.gridColor = lightGrey
        case .ticks:
            t.edgeColor = darkText; t.gridColor = lightGrey
        }
        t.xTickMarks = style == .ticks
        t.yTickMarks = style == .ticks
        t.colorCycle = palette ?? ((try? Palettes.palette(named: "deep", count: nil)) ?? ColorSpec.cycle)
        return t
    }
}
