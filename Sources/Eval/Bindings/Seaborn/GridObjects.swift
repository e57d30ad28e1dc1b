import Rendering

/// What `pairplot` (a PairGrid) and `relplot` (a FacetGrid) return: the figure and its axes.
final class PairGridObject: PyObject {
    let figureObject: FigureObject
    let grid: AxesGridObject
    let diagonal: [AxesObject]
    let kind: String

    init(figure: FigureObject, axes: [[AxesObject?]], diagonal: [AxesObject], kind: String) {
        figureObject = figure
        grid = AxesGridObject(axes)
        self.diagonal = diagonal
        self.kind = kind
    }

    var pyType: PyType { kind == "PairGrid" ? Self.pairType : Self.facetType }

    func repr(_ interpreter: Runtime) throws -> String { "<seaborn.axisgrid.\(kind) object>" }

    static let pairType = makeType("PairGrid")
    static let facetType = makeType("FacetGrid")

    static func makeType(_ name: String) -> PyType {
        PyType(name, module: "seaborn.axisgrid", doc: "A grid of axes in one figure, as seaborn's \(name).") { t in
            t.property("fig", of: PairGridObject.self, doc: "The figure.") { g, _ in .object(g.figureObject) }
            t.property("figure", of: PairGridObject.self, doc: "The figure.") { g, _ in .object(g.figureObject) }
            t.property("axes", of: PairGridObject.self, doc: "The axes as a 2-D grid (axes[i, j]).") { g, _ in .object(g.grid) }
            t.property("diag_axes", of: PairGridObject.self, doc: "The diagonal's density axes.") { g, _ in .list(g.diagonal.map { .object($0) }) }
            t.property("ax", of: PairGridObject.self, doc: "The only axes (a grid of one).") { g, _ in
                guard g.grid.rows.count == 1, g.grid.rows[0].count == 1, let ax = g.grid.rows[0][0] else {
                    throw PyError(.attributeError, "Use the `.axes` attribute when facet variables are assigned.")
                }
                return .object(ax)
            }
            t.method("savefig(fname, dpi=None, bbox_inches='tight', **kwargs)", of: PairGridObject.self, doc: "Save the figure (tight by default, as seaborn).") { g, args, interp in
                let tight = args["bbox_inches"].isNone ? false : true
                try g.figureObject.save(to: try args.string("fname"), dpi: try args.optionalDouble("dpi"), tight: tight, facecolor: nil, transparent: false)
                return .none
            }
            t.method("set(**kwargs)", of: PairGridObject.self, doc: "Set properties (xlabel, ylabel, title, xlim, ylim) on every axes.") { g, args, interp in
                for ax in g.grid.rows.flatMap({ $0 }).compactMap({ $0 }) { try ax.applyAxesKeywords(args.variadicKeywords, interp) }
                return .object(g)
            }
            t.method("set_axis_labels(x_var=None, y_var=None)", of: PairGridObject.self, doc: "Label the outer x and y axes.") { g, args, interp in
                let rows = g.grid.rows
                if let x = args.optional("x_var"), let last = rows.last { for ax in last.compactMap({ $0 }) { ax.axes.xaxis.label = try interp.str(x) } }
                if let y = args.optional("y_var") { for row in rows { if let ax = row.first ?? nil { ax.axes.yaxis.label = try interp.str(y) } } }
                return .object(g)
            }
            for unsupported in ["map", "map_diag", "map_offdiag", "map_upper", "map_lower", "add_legend", "set_titles", "refline", "tight_layout", "despine"] {
                t.method("\(unsupported)(*args, **kwargs)", of: PairGridObject.self, doc: "Not supported by SwiftML.") { _, _, _ in
                    throw PyError(.notImplementedError, "\(name).\(unsupported) is not supported by SwiftML")
                }
            }
        }
    }
}

/// A grid's axes indexed as seaborn's NumPy object array: `axes[i, j]`, `axes[i]`, `axes.flat`,
/// `axes.shape`, iteration over rows. Removed corner axes are None.
final class AxesGridObject: PyObject {
    let rows: [[AxesObject?]]
    init(_ rows: [[AxesObject?]]) { self.rows = rows }

    var pyType: PyType { Self.type }

    static func value(_ ax: AxesObject?) -> Value { ax.map { .object($0) } ?? .none }

    func item(_ key: Value, _ interp: Runtime) throws -> Value {
        func index(_ v: Value, _ n: Int) throws -> Int {
            guard let i = v.asIndex else { throw PyError(.notImplementedError, "only integer indices are supported on a grid's axes") }
            let j = i < 0 ? i + n : i
            guard j >= 0, j < n else { throw PyError(.indexError, "index \(i) is out of bounds for axis with size \(n)") }
            return j
        }
        let parts = try interp.collect(key)
        if case .object = key, parts.count == 2 {
            let r = try index(parts[0], rows.count)
            return Self.value(rows[r][try index(parts[1], rows[r].count)])
        }
        return .object(AxesGridObject([rows[try index(key, rows.count)]]).flattenedRow)
    }

    /// One row as a 1-D grid (what `axes[i]` gives).
    var flattenedRow: AxesRowObject { AxesRowObject(rows.first ?? []) }

    func length(_ interp: Runtime) throws -> Int? { rows.count }

    func makeIterator(_ interp: Runtime) throws -> any PyIterator {
        try interp.makeIterator(.list(rows.map { .object(AxesRowObject($0)) }))
    }

    func repr(_ interp: Runtime) throws -> String {
        "array([" + (try rows.map { "[" + (try $0.map { try $0.map { try $0.repr(interp) } ?? "None" }.joined(separator: ", ")) + "]" }.joined(separator: ",\n       ")) + "], dtype=object)"
    }

    static let type = PyType("ndarray", module: "numpy", doc: "A grid of Axes (an object array).") { t in
        t.property("shape", of: AxesGridObject.self, doc: "(rows, columns)") { g, _ in .tuple([.int(g.rows.count), .int(g.rows.first?.count ?? 0)]) }
        t.property("flat", of: AxesGridObject.self, doc: "Every axes, row by row.") { g, _ in .list(g.rows.flatMap { $0 }.map(value)) }
        t.method("flatten()", of: AxesGridObject.self, doc: "Every axes, row by row.") { g, _, _ in .list(g.rows.flatMap { $0 }.map(value)) }
        t.method("ravel()", of: AxesGridObject.self, doc: "Every axes, row by row.") { g, _, _ in .list(g.rows.flatMap { $0 }.map(value)) }
    }
}

/// One row of a grid's axes.
final class AxesRowObject: PyObject {
    let axes: [AxesObject?]
    init(_ axes: [AxesObject?]) { self.axes = axes }
    var pyType: PyType { AxesGridObject.type }
    func item(_ key: Value, _ interp: Runtime) throws -> Value {
        guard let i = key.asIndex else { throw PyError(.notImplementedError, "only integer indices are supported on a grid's axes") }
        let j = i < 0 ? i + axes.count : i
        guard j >= 0, j < axes.count else { throw PyError(.indexError, "index \(i) is out of bounds for axis 0 with size \(axes.count)") }
        return AxesGridObject.value(axes[j])
    }
    func length(_ interp: Runtime) throws -> Int? { axes.count }
    func makeIterator(_ interp: Runtime) throws -> any PyIterator { try interp.makeIterator(.list(axes.map(AxesGridObject.value))) }
    func repr(_ interp: Runtime) throws -> String { "array([" + (try axes.map { try $0.map { try $0.repr(interp) } ?? "None" }.joined(separator: ", ")) + "], dtype=object)" }
}
