import Foundation
import Frames
import ML

/// `fillna` and `round` on one column.
enum Filling {
    static func fill(_ column: Column, _ value: FrameScalar) throws -> Column {
        switch column.storage {
        case .float64(let v):
            if let d = value.double { return Column(doubles: v.map { $0.isNaN ? d : $0 }) }
            return Column(cells: v.map { $0.isNaN ? value : .float($0) })
        case .object(let cells): return Column(cells: cells.map { $0.isMissing ? value : $0 })
        default: return column
        }
    }

    static func round(_ column: Column, _ decimals: Int) -> Column {
        guard case .float64(let v) = column.storage else { return column }
        let scale = pow(10.0, Double(decimals))
        return Column(doubles: v.map { x in
            let y = (x * scale).rounded(.toNearestOrEven) / scale
            return y.isFinite ? y : x
        })
    }
}

/// `sample(...)` arguments and `sort_values(ascending=)`.
enum Sampling {
    /// Positions drawn as pandas draws them: from `RandomState(random_state)`, or from
    /// NumPy's global generator when no seed is given (so `np.random.seed` applies).
    static func positions(count: Int, _ args: BoundArguments, _ interp: Runtime,
                          draw: (Int, Bool, inout ML.RandomState) throws -> [Int]) throws -> [Int] {
        if args.optional("weights") != nil { throw PyError(.notImplementedError, "sample(weights=) is not supported in SwiftML") }
        if let axis = args.optional("axis"), try FrameValues.axis(axis) != 0 { throw PyError(.notImplementedError, "sample(axis=1) is not supported in SwiftML") }
        let replace = try args.bool("replace")
        let n: Int
        switch (try args.optionalInt("n"), try args.optionalDouble("frac")) {
        case (.some, .some): throw PyError(.valueError, "Please enter a value for `frac` OR `n`, not both")
        case (let k?, nil):
            guard k >= 0 else { throw PyError(.valueError, "A negative number of rows requested. Please provide `n` >= 0.") }
            n = k
        case (nil, let f?):
            guard f >= 0 else { throw PyError(.valueError, "A negative number of rows requested. Please provide `frac` >= 0.") }
            if f > 1 && !replace { throw PyError(.valueError, "Replace has to be set to `True` when upsampling the population `frac` > 1.") }
            n = Int((f * Double(count)).rounded(.toNearestOrEven))
        case (nil, nil): n = 1
        }
        if let seedValue = args.optional("random_state") {
            if let object = seedValue.object(as: RandomStateObject.self) { return try draw(n, replace, &object.state.random) }
            guard let seed = seedValue.asIndex else { throw PyError(.valueError, "random_state must be an integer, array-like, or BitGenerator") }
            var random = try ML.RandomState(seed: seed)
            return try draw(n, replace, &random)
        }
        let global = interp.state(NumPyRandomModule.GlobalState.self) { NumPyRandomModule.GlobalState() }
        return try draw(n, replace, &global.random)
    }

    static func ascending(_ value: Value, count: Int, _ interp: Runtime) throws -> [Bool] {
        if case .bool(let b) = value { return Array(repeating: b, count: count) }
        if FrameValues.isScalar(value) { return Array(repeating: try interp.truthiness(value), count: count) }
        let flags = try interp.collect(value).map { try interp.truthiness($0) }
        guard flags.count == count else { throw PyError(.valueError, "Length of ascending (\(flags.count)) != length of by (\(count))") }
        return flags
    }
}

/// `apply` and `map` with Python callables or dicts.
enum FrameApply {
    static func mapValues(_ column: Column, _ function: Value, _ interp: Runtime) throws -> Column {
        if let d = function.object(as: DictObject.self) {
            var table: [FrameScalar: FrameScalar] = [:]
            for (k, v) in zip(d.storage.keys, d.storage.values) { table[try FrameValues.cell(k.value, interp)] = try FrameValues.cell(v, interp) }
            let mapped = column.cells.map { table[$0] ?? .missing }
            return Column.inferring(mapped)
        }
        if let s = function.object(as: SeriesObject.self) {
            let table = s.series.index.positionTable()
            return Column.inferring(column.cells.map { table[$0].map { s.series.values[$0[0]] } ?? .missing })
        }
        var out: [FrameScalar] = []
        out.reserveCapacity(column.count)
        for cell in column.cells {
            try interp.checkCancellation()
            out.append(try FrameValues.cell(try interp.call(function, FrameValues.value(cell)), interp))
        }
        return Column.inferring(out)
    }

    static func apply(_ frame: DataFrame, _ function: Value, axis: Int, _ interp: Runtime) throws -> Value {
        var results: [Value] = []
        let count = axis == 0 ? frame.columns.count : frame.rowCount
        for i in 0..<count {
            try interp.checkCancellation()
            let part = axis == 0 ? frame.column(at: i) : Indexers.row(frame, i)
            results.append(try interp.call(function, .object(SeriesObject(part))))
        }
        let labels = axis == 0 ? frame.columnIndex : frame.index
        if results.allSatisfy(FrameValues.isScalar) {
            return .object(SeriesObject(Series(Column.inferring(try results.map { try FrameValues.cell($0, interp) }), index: labels)))
        }
        let series = results.compactMap { $0.object(as: SeriesObject.self)?.series }
        if series.count == results.count, axis == 0 {
            return .object(DataFrameObject(try DataFrame(columns: series.map(\.values), labels: labels, index: series.first?.index)))
        }
        throw PyError(.notImplementedError, "apply returning this kind of value is not supported in SwiftML")
    }
}

/// `df.info()`: the column table pandas prints.
enum FrameInfo {
    static func text(_ frame: DataFrame) -> String {
        var lines = ["<class 'pandas.core.frame.DataFrame'>"]
        let n = frame.rowCount
        if case .range(let start, let step, let count) = frame.index.storage {
            lines.append(count == 0 ? "RangeIndex: 0 entries" : "RangeIndex: \(count) entries, \(start) to \(start + step * (count - 1))")
        } else {
            let labels = frame.index.labels
            lines.append(n == 0 ? "Index: 0 entries" : "Index: \(n) entries, \(ValueText.label(labels[0])) to \(ValueText.label(labels[n - 1]))")
        }
        let labels = frame.columnLabels.map(ValueText.label)
        lines.append("Data columns (total \(frame.columns.count) columns):")
        let counts = frame.columns.map { c in "\((0..<n).filter { !c.isMissing($0) }.count) non-null" }
        let dtypes = frame.dtypes.map(\.rawValue)
        let numbers = frame.columns.indices.map { " \($0)" }
        let w0 = max(numbers.map(\.count).max() ?? 0, " #".count), w1 = max(labels.map(\.count).max() ?? 0, "Column".count)
        let w2 = max(counts.map(\.count).max() ?? 0, "Non-Null Count".count), w3 = max(dtypes.map(\.count).max() ?? 0, "Dtype".count)
        func row(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
            TextLayout.leftJustify(a, w0) + "   " + TextLayout.leftJustify(b, w1) + "  " + TextLayout.leftJustify(c, w2) + "  " + TextLayout.leftJustify(d, w3)
        }
        lines.append(row(" #", "Column", "Non-Null Count", "Dtype"))
        lines.append(row("---", "------", "--------------", "-----"))
        for i in frame.columns.indices { lines.append(row(numbers[i], labels[i], counts[i], dtypes[i])) }
        var tally: [String: Int] = [:]
        for d in dtypes { tally[d, default: 0] += 1 }
        lines.append("dtypes: " + tally.keys.sorted().map { "\($0)(\(tally[$0]!))" }.joined(separator: ", "))
        let hasObject = frame.dtypes.contains(.object)
        var bytes = frame.index.isRange ? 132 : 8 * n
        for c in frame.columns { bytes += (c.dtype == .bool ? 1 : 8) * n }
        lines.append("memory usage: " + sizeText(Double(bytes), qualifier: hasObject ? "+" : ""))
        return lines.joined(separator: "\n")
    }

    static func sizeText(_ value: Double, qualifier: String) -> String {
        var num = value
        for unit in ["bytes", "KB", "MB", "GB", "TB"] {
            if num < 1024 { return String(format: "%3.1f", num) + "\(qualifier) \(unit)" }
            num /= 1024
        }
        return String(format: "%3.1f", num) + "\(qualifier) PB"
    }
}
