/// One axis of an Axes: its limits, scale, ticks, label and visibility.
public final class Axis {
    public enum Scale: String, Sendable { case linear, log }

    /// Limits the user set; either end may stay automatic.
    public var lowerLimit: Double?
    public var upperLimit: Double?
    public var scale: Scale = .linear
    /// Tick positions fixed by the user (`xticks(...)`), or nil for automatic ones.
    public var fixedTicks: [Double]?
    /// Labels for `fixedTicks`, or nil to format the positions.
    public var fixedLabels: [String]?
    public var tickLabelRotation = 0.0
    public var tickLabelAlignment: HorizontalAlignment?
    public var tickLabelSize = 10.0
    public var tickLabelColor = Color.black
    /// Tick marks (the labels are separate): drawn or not, their colour, length and width in points.
    public var tickMarksVisible = true
    public var tickColor = Color.black
    public var tickLength = 3.5
    public var tickWidth = 0.8
    /// Whether ticks and tick labels are drawn (`get_xaxis().set_visible(False)` hides them).
    public var visible = true
    public var label = ""
    public var labelStyle = TextStyle(size: 10)
    public var labelPad = 4.0
    public var inverted = false
    /// Major gridlines along this axis.
    public var gridVisible = false
    public var gridColor = Color(r: 0.69, g: 0.69, b: 0.69)
    public var gridLineWidth = 0.8
    public var gridLineStyle: LineStyle = .solid
    public var gridAlpha: Double?
    /// Margin added around data when autoscaling, as a fraction of the data range.
    public var margin = 0.05

    public init() {}

    /// The value in the axis's own scale space (log10 for log axes).
    func forward(_ v: Double) -> Double {
        switch scale {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : -.infinity
        }
    }

    func inverse(_ v: Double) -> Double {
        switch scale {
        case .linear: return v
        case .log: return pow(10, v)
        }
    }
}

import Foundation
