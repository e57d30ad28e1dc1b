import Foundation

/// One axes resolved for drawing: its box in device pixels, view limits, ticks and the
/// placement of every decoration (tick labels, axis labels, title), so that drawing and
/// measuring (for tight layout and tight bounding boxes) use the same geometry.
struct AxesView {
    let axes: Axes
    var box: Rect
    /// View limits in each axis's scale space (log10 for log axes).
    var xlim: (Double, Double)
    var ylim: (Double, Double)
    let k: Double   // pixels per point

    struct TickMark { var position: Double; var label: String; var minor: Bool }
    var xticks: [TickMark] = []
    var yticks: [TickMark] = []
    var xOffsetText = ""
    var yOffsetText = ""

    /// A text with its anchor and alignment, ready to draw or measure.
    struct PlacedText {
        var block: TextBlock
        var anchor: Point
        var rotation: Double
        var ha: HorizontalAlignment
        var va: VerticalAlignment
        var isTitle = false
        var bounds: Rect { block.bounds(at: anchor, rotation: rotation, ha: ha, va: va) }
    }
    var decorations: [PlacedText] = []

    // MARK: Transforms

    func px(x v: Double) -> Double {
        box.x0 + (axes.xaxis.forward(v) - xlim.0) / (xlim.1 - xlim.0) * box.width
    }
    func px(y v: Double) -> Double {
        box.y1 - (axes.yaxis.forward(v) - ylim.0) / (ylim.1 - ylim.0) * box.height
    }
    func point(_ x: Double, _ y: Double) -> Point { Point(px(x: x), px(y: y)) }

    // MARK: Limits

    /// Autoscaled (or user-set) limits for one axis, in scale space.
    static func limits(for axes: Axes, x: Bool) -> (Double, Double) {
        let axis = x ? axes.xaxis : axes.yaxis
        let shared = x ? axes.sharedX : axes.sharedY
        var data: (lo: Double, hi: Double, sticky: [Double])?
        for member in shared?.members ?? [axes] {
            if let d = member.dataLimits(forX: x) {
                data = data.map { (min($0.lo, d.lo), max($0.hi, d.hi), $0.sticky + d.sticky) } ?? d
            }
        }
        // Limits set on any member of a shared group hold for all of them.
        let group = (shared?.members ?? [axes]).map { x ? $0.xaxis : $0.yaxis }
        let manualLower = axis.lowerLimit ?? group.compactMap(\.lowerLimit).first
        let manualUpper = axis.upperLimit ?? group.compactMap(\.upperLimit).first
        var lo: Double, hi: Double
        if let d = data {
            lo = axis.forward(d.lo); hi = axis.forward(d.hi)
            let sticky = d.sticky.map { axis.forward($0) }.filter { $0.isFinite }
            let span = hi - lo
            var mlo = lo - axis.margin * span, mhi = hi + axis.margin * span
            // Margins stop at sticky edges that the data touches (bar bases, image borders).
            if let s = sticky.filter({ $0 <= lo && $0 > mlo }).max() { mlo = s }
            if let s = sticky.filter({ $0 >= hi && $0 < mhi }).min() { mhi = s }
            lo = mlo; hi = mhi
        } else {
            lo = axis.forward(axis.scale == .log ? 1 : 0); hi = axis.forward(axis.scale == .log ? 10 : 1)
        }
        if let l = manualLower { lo = axis.forward(l) }
        if let u = manualUpper { hi = axis.forward(u) }
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi == lo {
            // matplotlib's nonsingular: widen by 5% of the value, or to +-0.05 around zero.
            if lo == 0 { lo = -0.05; hi = 0.05 } else { let d = abs(lo) * 0.05; lo -= d; hi += d }
            if axis.scale == .log { lo -= 1; hi += 1 }
        }
        if axis.inverted && lo < hi { swap(&lo, &hi) }
        return (lo, hi)
    }

    // MARK: Ticks

    static func ticks(for axis: Axis, lim: (Double, Double), lengthPoints: Double, horizontal: Bool) -> (ticks: [TickMark], offset: String) {
        let lo = min(lim.0, lim.1), hi = max(lim.0, lim.1)
        let tol = (hi - lo) * 1e-9
        func inView(_ v: Double) -> Bool { v >= lo - tol && v <= hi + tol }
        if let fixed = axis.fixedTicks {
            let labels: [String]
            if let given = axis.fixedLabels {
                labels = given
            } else if axis.scale == .log {
                labels = Ticks.logLabels(fixed)
            } else {
                labels = Ticks.scalarLabels(fixed, viewMin: lo, viewMax: hi).labels
            }
            return (zip(fixed, labels + Array(repeating: "", count: max(0, fixed.count - labels.count)))
                .filter { inView(axis.forward($0.0)) }
                .map { TickMark(position: $0.0, label: $0.1, minor: false) }, "")
        }
        // matplotlib's tick space: one tick per three (x) or two (y) label heights.
        let space = Int((lengthPoints / (axis.tickLabelSize * (horizontal ? 3 : 2))).rounded(.down))
        let bins = max(1, min(9, space))
        switch axis.scale {
        case .linear:
            let locs = Ticks.linear(lo, hi, maxBins: bins)
            let (labels, offset) = Ticks.scalarLabels(locs, viewMin: lo, viewMax: hi)
            return (zip(locs, labels).filter { inView($0.0) }.map { TickMark(position: $0.0, label: $0.1, minor: false) }, offset)
        case .log:
            let vmin = pow(10, lo), vmax = pow(10, hi)
            let majors = Ticks.logarithmic(vmin, vmax, maxTicks: max(2, bins))
            var marks = zip(majors, Ticks.logLabels(majors)).filter { inView(log10($0.0)) }
                .map { TickMark(position: $0.0, label: $0.1, minor: false) }
            if hi - lo < 12 {
                let minors = Ticks.logarithmic(vmin, vmax, subs: [2, 3, 4, 5, 6, 7, 8, 9], maxTicks: 100)
                marks += minors.filter { inView(log10($0)) }.map { TickMark(position: $0, label: "", minor: true) }
            }
            if marks.filter({ !$0.minor }).count < 2 {
                // Less than a decade: label a few values linearly instead.
                let locs = Ticks.linear(vmin, vmax, maxBins: bins).filter { $0 > 0 }
                let labels = Ticks.scalarLabels(locs, viewMin: vmin, viewMax: vmax).labels
                marks = zip(locs, labels).filter { inView(log10($0.0)) }.map { TickMark(position: $0.0, label: $0.1, minor: false) }
            }
            return (marks, "")
        }
    }

    /// Resolves ticks and decoration placements for the box.
    mutating func resolve(hideXLabels: Bool, hideYLabels: Bool) {
        let xa = axes.xaxis, ya = axes.yaxis
        decorations = []
        let isColorbar = axes.colorbarSource != nil
        (xticks, xOffsetText) = Self.ticks(for: xa, lim: xlim, lengthPoints: box.width / k, horizontal: true)
        (yticks, yOffsetText) = Self.ticks(for: ya, lim: ylim, lengthPoints: box.height / k, horizontal: false)
        if isColorbar { xticks = [] }
        // Labels sit a tick length plus matplotlib's 3.5-point pad away (whether or not the
        // tick marks are drawn, as matplotlib).
        let tickOutX = (xa.tickLength + 3.5) * k, tickOutY = (ya.tickLength + 3.5) * k
        var lowest = box.y1
        var leftmost = box.x0
        var rightmost = box.x1
        if axes.axisOn {
            if xa.visible && !hideXLabels {
                for t in xticks where !t.minor && !t.label.isEmpty {
                    let block = TextBlock(t.label, style: TextStyle(size: xa.tickLabelSize, color: xa.tickLabelColor), pixelsPerPoint: k)
                    let ha = xa.tickLabelAlignment ?? .center
                    let p = PlacedText(block: block, anchor: Point(px(x: t.position), box.y1 + tickOutX), rotation: xa.tickLabelRotation, ha: ha, va: .top)
                    lowest = max(lowest, p.bounds.y1)
                    decorations.append(p)
                }
                if !xOffsetText.isEmpty {
                    let block = TextBlock(xOffsetText, style: TextStyle(size: xa.tickLabelSize), pixelsPerPoint: k)
                    let p = PlacedText(block: block, anchor: Point(box.x1, lowest + 2 * k), rotation: 0, ha: .right, va: .top)
                    lowest = max(lowest, p.bounds.y1)
                    decorations.append(p)
                }
            }
            if ya.visible && !hideYLabels {
                for t in yticks where !t.minor && !t.label.isEmpty {
                    let block = TextBlock(t.label, style: TextStyle(size: ya.tickLabelSize, color: ya.tickLabelColor), pixelsPerPoint: k)
                    let p: PlacedText
                    if isColorbar {
                        p = PlacedText(block: block, anchor: Point(box.x1 + tickOutY, px(y: t.position)), rotation: ya.tickLabelRotation, ha: .left, va: .centerBaseline)
                        rightmost = max(rightmost, p.bounds.x1)
                    } else {
                        p = PlacedText(block: block, anchor: Point(box.x0 - tickOutY, px(y: t.position)), rotation: ya.tickLabelRotation, ha: ya.tickLabelAlignment ?? .right, va: .centerBaseline)
                        leftmost = min(leftmost, p.bounds.x0)
                    }
                    decorations.append(p)
                }
                if !yOffsetText.isEmpty {
                    let block = TextBlock(yOffsetText, style: TextStyle(size: ya.tickLabelSize), pixelsPerPoint: k)
                    decorations.append(PlacedText(block: block, anchor: Point(box.x0, box.y0 - 4 * k), rotation: 0, ha: .left, va: .bottom))
                }
            }
            if !xa.label.isEmpty {
                let block = TextBlock(xa.label, style: xa.labelStyle, pixelsPerPoint: k)
                decorations.append(PlacedText(block: block, anchor: Point((box.x0 + box.x1) / 2, lowest + xa.labelPad * k), rotation: 0, ha: .center, va: .top))
            }
            let yLabel = isColorbar ? axes.colorbarLabel : ya.label
            if !yLabel.isEmpty {
                let block = TextBlock(yLabel, style: ya.labelStyle, pixelsPerPoint: k)
                if isColorbar {
                    decorations.append(PlacedText(block: block, anchor: Point(rightmost + ya.labelPad * k, (box.y0 + box.y1) / 2), rotation: 90, ha: .left, va: .center))
                } else {
                    decorations.append(PlacedText(block: block, anchor: Point(leftmost - ya.labelPad * k, (box.y0 + box.y1) / 2), rotation: 90, ha: .right, va: .center))
                }
            }
        }
        for (align, title) in axes.titles where !title.isEmpty {
            let block = TextBlock(title, style: axes.titleStyle, pixelsPerPoint: k)
            let x = align == .left ? box.x0 : align == .right ? box.x1 : (box.x0 + box.x1) / 2
            decorations.append(PlacedText(block: block, anchor: Point(x, box.y0 - axes.titlePad * k), rotation: 0, ha: align, va: .baseline, isTitle: true))
        }
    }

    /// The box with every decoration.
    var extent: Rect {
        decorations.reduce(box) { $0.union($1.bounds) }
    }
}
