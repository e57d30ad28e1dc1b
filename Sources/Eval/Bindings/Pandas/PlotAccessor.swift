import Frames
import ML

/// `df.plot(...)`, `s.plot.hist(...)`: pandas' plotting, drawn through the pyplot binding on
/// the current axes (line, hist, scatter, bar; other kinds raise NotImplementedError).
final class PlotAccessor: PyObject, CallableObject {
    enum Source { case frame(DataFrame), series(Series) }
    let source: Source
    init(_ source: Source) { self.source = source }
    var pyType: PyType { PlotAccessor.type }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        var kind = "line"
        var rest = arguments
        if let i = rest.keywords.firstIndex(where: { $0.name == "kind" }) {
            guard case .string(let k) = rest.keywords[i].value else { throw PyError(.typeError, "kind must be a string") }
            kind = k
            rest.keywords.remove(at: i)
        }
        return try draw(kind, rest, interpreter)
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        guard ["line", "hist", "scatter", "bar", "barh", "box", "kde", "density", "area", "pie", "hexbin"].contains(name) else { return nil }
        return .object(PlotKindFunction(accessor: self, kind: name))
    }

    func draw(_ kind: String, _ arguments: Arguments, _ interp: Runtime) throws -> Value {
        let plt = try interp.importModule("matplotlib.pyplot")
        func fn(_ name: String) throws -> Value {
            guard let f = plt[name] else { throw PyError(.notImplementedError, "pyplot.\(name) is needed for this plot") }
            return f
        }
        var keywords: [(name: String, value: Value)] = []
        var x: Value? = nil, y: Value? = nil, title: Value? = nil, figsize: Value? = nil, legend: Value? = nil
        var positional = arguments.positional
        for (name, value) in arguments.keywords {
            switch name {
            case "x": x = value
            case "y": y = value
            case "title": title = value
            case "figsize": figsize = value
            case "legend": legend = value
            case "bins", "alpha", "color", "s", "c", "marker", "linestyle", "linewidth", "edgecolor", "label", "density", "grid", "rot", "xlabel", "ylabel":
                keywords.append((name, value))
            default: throw PyError(.notImplementedError, "plot(\(name)=) is not supported in SwiftML")
            }
        }
        if kind == "scatter", x == nil, positional.count >= 2 { x = positional[0]; y = positional[1]; positional = [] }
        if let figsize { _ = try interp.call(try fn("figure"), Arguments([], keywords: [("figsize", figsize)])) }
        let passthrough = keywords.filter { !["grid", "rot", "xlabel", "ylabel", "label"].contains($0.name) }
        let label = keywords.first { $0.name == "label" }?.value
        let series: [(Value, Series)]
        var indexValues: Value
        switch source {
        case .series(let s):
            series = [(label ?? s.name.map(FrameValues.plain) ?? .none, s)]
            indexValues = try Self.array(s.index.column)
        case .frame(let f):
            let numeric = f.numericColumnPositions()
            var chosen = numeric
            if let y, kind != "scatter" { chosen = try DataFrameObject.columnPositions(try FrameValues.labels(y, interp), in: f) }
            series = chosen.map { (FrameValues.plain(f.columnIndex[$0]), f.column(at: $0)) }
            indexValues = try Self.array(f.index.column)
            if let x, kind != "scatter" { indexValues = try Self.array(try f.column(try FrameValues.cell(x, interp)).values) }
        }
        let showLegend = try legend.map { try interp.truthiness($0) } ?? (series.count > 1 || { if case .frame = source { return true } else { return false } }())
        switch kind {
        case "line":
            for (name, s) in series {
                _ = try interp.call(try fn("plot"), Arguments([indexValues, try Self.array(s.values)], keywords: passthrough + [("label", name)]))
            }
            if case .series(let s) = source, let indexName = s.index.name { _ = try interp.call(try fn("xlabel"), .string(ValueText.label(indexName))) }
            if case .frame(let f) = source, let indexName = f.index.name { _ = try interp.call(try fn("xlabel"), .string(ValueText.label(indexName))) }
        case "hist":
            for (name, s) in series {
                _ = try interp.call(try fn("hist"), Arguments([try Self.array(Column(doubles: (try s.doubles()).filter { !$0.isNaN }))], keywords: passthrough + [("label", name)]))
            }
            _ = try interp.call(try fn("ylabel"), .string("Frequency"))
        case "bar", "barh":
            guard series.count == 1, case .series(let s) = source else {
                throw PyError(.notImplementedError, "DataFrame.plot.bar with several columns is not supported in SwiftML; plot one column")
            }
            let positions = ArrayConversion.wrap(try NDArray((0..<s.count).map { Int64($0) }, shape: [s.count]))
            _ = try interp.call(try fn(kind), Arguments([positions, try Self.array(s.values)], keywords: passthrough))
            let labels = Value.list(s.index.labels.map { .string(ValueText.label($0)) })
            _ = try interp.call(try fn(kind == "bar" ? "xticks" : "yticks"), Arguments([positions, labels], keywords: kind == "bar" ? [("rotation", .int(90))] : []))
        case "scatter":
            guard case .frame(let f) = source, let x, let y else {
                throw PyError(PyErrorKind("ValueError"), "scatter requires an x and y column")
            }
            let xs = try f.column(try FrameValues.cell(x, interp)), ys = try f.column(try FrameValues.cell(y, interp))
            _ = try interp.call(try fn("scatter"), Arguments([try Self.array(xs.values), try Self.array(ys.values)], keywords: passthrough))
            _ = try interp.call(try fn("xlabel"), .string(ValueText.label(xs.name ?? .missing)))
            _ = try interp.call(try fn("ylabel"), .string(ValueText.label(ys.name ?? .missing)))
            return try interp.call(try fn("gca"))
        default:
            throw PyError(.notImplementedError, "plot(kind='\(kind)') is not supported in SwiftML")
        }
        if showLegend && kind != "scatter" { _ = try interp.call(try fn("legend")) }
        if let title { _ = try interp.call(try fn("title"), title) }
        for (name, value) in keywords where name == "xlabel" || name == "ylabel" { _ = try interp.call(try fn(name), value) }
        return try interp.call(try fn("gca"))
    }

    static func array(_ column: Column) throws -> Value {
        if column.dtype == .object, column.doubles == nil {
            return .list(column.cells.map { .string(ValueText.label($0)) })
        }
        return ArrayConversion.wrap(try column.ndarray())
    }

    static let type = PyType("PlotAccessor", module: "pandas", doc: "df.plot(kind=...) or df.plot.line/hist/scatter/bar(...)") { _ in }
}

/// `df.plot.hist` and friends: the accessor bound to one kind.
final class PlotKindFunction: PyObject, CallableObject {
    let accessor: PlotAccessor
    let kind: String
    init(accessor: PlotAccessor, kind: String) { self.accessor = accessor; self.kind = kind }
    var pyType: PyType { PlotAccessor.type }
    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value { try accessor.draw(kind, arguments, interpreter) }
}
