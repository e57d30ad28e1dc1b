import Rendering

/// Line2D keywords (`color`, `linewidth`/`lw`, `linestyle`/`ls`, `marker`, `markersize`/`ms`,
/// `label`, `alpha`, ...) and the `plot(x, y, fmt, x2, y2, fmt2, ...)` argument groups.
enum LineKeywords {
    static func marker(_ value: Value) throws -> Marker? {
        if value.isNone { return nil }
        guard case .string(let s) = value else { throw PyError(.valueError, "marker must be a string such as 'o', 's', '^', 'x'") }
        if s.isEmpty || s == "None" || s == "none" || s == " " { return nil }
        guard let m = Marker(rawValue: s) else {
            throw PyError(.valueError, "Unrecognized marker style '\(s)'; use one of " + Marker.allCases.map { "'\($0.rawValue)'" }.joined(separator: " "))
        }
        return m
    }

    /// Applies keywords to a line; throws for keywords Line2D does not have.
    static func apply(_ keywords: [(name: String, value: Value)], to line: Line2D, _ interp: Runtime) throws {
        for (name, value) in keywords {
            switch name {
            case "color", "c": line.color = try PlotValues.color(value, interp)
            case "linewidth", "lw": line.lineWidth = try positive(value, name)
            case "linestyle", "ls":
                guard case .string(let s) = value else { throw PyError(.valueError, "linestyle must be a string such as '--'") }
                line.lineStyle = try rendering { try LineStyle(parsing: s) }
            case "marker": line.marker = try marker(value)
            case "markersize", "ms": line.markerSize = try positive(value, name)
            case "markerfacecolor", "mfc": line.markerFaceColor = try PlotValues.color(value, interp)
            case "markeredgecolor", "mec": line.markerEdgeColor = try PlotValues.color(value, interp)
            case "markeredgewidth", "mew": line.markerEdgeWidth = try positive(value, name)
            case "label": line.label = value.isNone ? nil : try interp.str(value)
            case "alpha": line.alpha = value.isNone ? nil : try positive(value, name)
            case "zorder": line.zorder = try positive(value, name)
            case "drawstyle", "ds":
                if case .string(let s) = value, s != "default" { line.drawStyle = s }
            case "visible": line.visible = try interp.truthiness(value)
            case "scalex", "scaley", "data", "antialiased", "aa", "solid_capstyle", "dash_capstyle",
                 "solid_joinstyle", "dash_joinstyle", "markevery", "clip_on", "rasterized", "fillstyle":
                break
            default:
                throw PyError(.attributeError, "Line2D.set() got an unexpected keyword argument '\(name)'")
            }
        }
    }

    static func positive(_ value: Value, _ name: String) throws -> Double {
        guard let v = value.asDouble, v >= 0, v.isFinite else {
            throw PyError(.valueError, "\(name) must be a non-negative number, got \(value.typeName)")
        }
        return v
    }

    /// One line's data from `plot`'s positional arguments.
    struct Group {
        var xs: [Double]?
        var ys: PlotValues.Numbers
        var categories: [String]?
        var format: FormatString?
    }

    /// Splits `plot(*args)` into (x, y, fmt) groups as matplotlib does.
    static func groups(_ args: [Value], _ interp: Runtime) throws -> [Group] {
        var groups: [Group] = []
        var i = 0
        while i < args.count {
            var data: [Value] = []
            while i < args.count, data.count < 2 {
                if case .string = args[i] { break }
                data.append(args[i])
                i += 1
            }
            var fmt: FormatString?
            if i < args.count, case .string(let s) = args[i] {
                fmt = try rendering { try FormatString(s) }
                i += 1
            }
            switch data.count {
            case 0:
                throw PyError(.typeError, "plot() got a format string without data")
            case 1:
                groups.append(Group(xs: nil, ys: try PlotValues.numbers(data[0], interp, name: "y"), format: fmt))
            default:
                let cats = PlotValues.strings(data[0], interp)
                let xs = try cats.map { $0.indices.map(Double.init) } ?? PlotValues.flat(data[0], interp, name: "x")
                groups.append(Group(xs: xs, ys: try PlotValues.numbers(data[1], interp, name: "y"), categories: cats, format: fmt))
            }
        }
        return groups
    }
}

/// `imshow`'s input: 2-D scalars, or H x W x 3 / 4 colours (floats 0...1 or integers 0...255).
enum ImagePixels {
    static func convert(_ value: Value, _ interp: Runtime) throws -> (pixels: AxesImage.Pixels, isScalar: Bool) {
        var n = try PlotValues.numbers(value, interp, name: "image data")
        if n.shape.count == 3, n.shape[2] == 1 { n.shape = [n.shape[0], n.shape[1]] }
        if n.shape.count == 1, n.count > 0 { n.shape = [1, n.count] }
        switch n.shape.count {
        case 2:
            guard n.shape[0] > 0, n.shape[1] > 0 else { throw PyError(.typeError, "Invalid shape \(shapeText(n.shape)) for image data") }
            return (.scalars(width: n.shape[1], height: n.shape[0], values: n.values), true)
        case 3 where n.shape[2] == 3 || n.shape[2] == 4:
            let h = n.shape[0], w = n.shape[1], ch = n.shape[2]
            guard h > 0, w > 0 else { throw PyError(.typeError, "Invalid shape \(shapeText(n.shape)) for image data") }
            let isInteger = (PlotValues.ndarray(in: value)?.dtype.isInteger ?? false)
                || n.values.contains { $0 > 1 }
            var bytes = [UInt8](repeating: 255, count: w * h * 4)
            for p in 0..<(w * h) {
                for c in 0..<ch {
                    let v = n.values[p * ch + c]
                    let scaled = isInteger ? v : v * 255
                    bytes[p * 4 + c] = UInt8(max(0, min(255, scaled.isFinite ? scaled.rounded() : 0)))
                }
            }
            let image = try rendering { try RGBAImage(width: w, height: h, pixels: bytes) }
            return (.colors(image), false)
        default:
            throw PyError(.typeError, "Invalid shape \(shapeText(n.shape)) for image data")
        }
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
