import Foundation

/// The reductions pandas computes over a column, skipping missing values (`skipna=True`),
/// summed the way NumPy sums (pairwise) so that results match to the last bit.
public enum ColumnReduction: String, Sendable, CaseIterable {
    case sum, mean, std, variance = "var", min, max, median, count, prod

    /// The result for one column, or nil when pandas would raise for its dtype.
    public func apply(_ column: Column) throws -> FrameScalar {
        switch column.storage {
        case .object(let cells):
            switch self {
            case .count: return .int(Int64(cells.filter { !$0.isMissing }.count))
            case .min, .max:
                let present = cells.filter { !$0.isMissing }
                guard !present.isEmpty else { return .missing }
                let allStrings = present.allSatisfy { if case .string = $0 { return true } else { return false } }
                let allNumbers = present.allSatisfy { $0.double != nil }
                guard allStrings || allNumbers else {
                    throw FrameError.type("'\(self == .min ? "<" : ">")' not supported between instances of 'str' and '\(present.first { $0.double != nil }.map(Self.pythonType) ?? "float")'")
                }
                let sorted = present.sorted(by: FrameScalar.ascending)
                return self == .min ? sorted[0] : sorted[sorted.count - 1]
            case .sum:
                let present = cells.filter { !$0.isMissing }
                if present.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                    return .string(present.map(\.description).joined())
                }
                throw FrameError.type("unsupported operand type(s) for +: 'float' and 'str'")
            default:
                if let d = column.doubles { return try apply(Column(doubles: d)) }
                throw FrameError.type(self == .mean || self == .median || self == .std || self == .variance
                    ? "Could not convert string to numeric" : "unsupported operand type(s)")
            }
        case .bool(let b):
            switch self {
            case .sum: return .int(Int64(b.filter { $0 }.count))
            case .min, .max: return b.isEmpty ? .missing : .bool(self == .min ? !b.contains(false) ? true : false : b.contains(true))
            case .count: return .int(Int64(b.count))
            default: return try apply(Column(doubles: b.map { $0 ? 1 : 0 }))
            }
        case .int64(let v):
            switch self {
            case .sum: return .int(v.reduce(0, &+))
            case .prod: return .int(v.reduce(1, &*))
            case .min: return v.min().map(FrameScalar.int) ?? .missing
            case .max: return v.max().map(FrameScalar.int) ?? .missing
            case .count: return .int(Int64(v.count))
            default: return try apply(Column(doubles: v.map { Double($0) }))
            }
        case .float64(let v):
            let present = v.contains(where: \.isNaN) ? v.filter { !$0.isNaN } : v
            let n = present.count
            switch self {
            case .count: return .int(Int64(n))
            case .sum: return .float(Self.pairwiseSum(present))
            case .prod: return .float(present.reduce(1, *))
            case .mean: return .float(n == 0 ? .nan : Self.pairwiseSum(present) / Double(n))
            case .variance, .std:
                guard n > 1 else { return .float(.nan) }
                let mean = Self.pairwiseSum(present) / Double(n)
                let squares = present.map { ($0 - mean) * ($0 - mean) }
                let variance = Self.pairwiseSum(squares) / Double(n - 1)
                return .float(self == .std ? variance.squareRoot() : variance)
            case .min: return .float(present.min() ?? .nan)
            case .max: return .float(present.max() ?? .nan)
            case .median: return .float(Self.quantile(present.sorted(), 0.5))
            }
        }
    }

    static func pythonType(_ c: FrameScalar) -> String {
        switch c {
        case .int: "int"
        case .bool: "bool"
        case .string: "str"
        default: "float"
        }
    }

    /// NumPy's pairwise summation (blocks of 8 partial sums up to 128 values, halves above).
    public static func pairwiseSum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { pairwise($0.baseAddress, $0.count) }
    }

    private static func pairwise(_ a: UnsafePointer<Double>?, _ n: Int) -> Double {
        guard let a else { return 0 }
        if n < 8 {
            var res = -0.0
            for i in 0..<n { res += a[i] }
            return n == 0 ? 0 : res
        } else if n <= 128 {
            var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
            var i = 8
            while i < n - (n % 8) {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
                i += 8
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n { res += a[i]; i += 1 }
            return res
        } else {
            var n2 = n / 2
            n2 -= n2 % 8
            return pairwise(a, n2) + pairwise(a + n2, n - n2)
        }
    }

    /// NumPy's default (linear) quantile of sorted values.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let t = position - Double(lower)
        let a = sorted[lower], b = sorted[upper]
        let diff = b - a
        // NumPy's _lerp: from the nearer end, so that t = 1 gives b exactly.
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }
}

extension DataFrame {
    /// A reduction of every column (axis 0) into a Series indexed by column labels, or of
    /// every row (axis 1). `numericOnly` drops text columns first.
    public func reduce(_ reduction: ColumnReduction, axis: Int = 0, numericOnly: Bool = false) throws -> Series {
        let positions = numericOnly ? numericColumnPositions() : Array(columns.indices)
        if axis == 1 {
            let numeric = positions.filter { columns[$0].dtype != .object }
            if numeric.count != positions.count && !numericOnly && reduction != .count {
                throw FrameError.type("Could not convert string to numeric")
            }
            var out: [FrameScalar] = []
            for r in 0..<rowCount {
                let row = Column.inferring(numeric.map { columns[$0][r] })
                out.append(try reduction.apply(row.dtype == .object ? Column(doubles: row.cells.map { $0.double ?? .nan }) : row))
            }
            var result = Column.inferring(out)
            if [.mean, .std, .variance, .median].contains(reduction) { result = try result.converted(to: .float64) }
            return Series(result, index: index)
        }
        var out: [FrameScalar] = []
        for p in positions { out.append(try reduction.apply(columns[p])) }
        var result = Column.inferring(out)
        if positions.contains(where: { columns[$0].dtype == .object }) && (reduction == .min || reduction == .max || reduction == .sum) {
            result = Column(cells: out)
        } else if out.contains(where: { if case .float = $0 { return true } else { return false } }) {
            result = Column(doubles: out.map { $0.double ?? .nan })
        }
        return Series(result, index: columnIndex.taking(positions))
    }

    /// `describe()` of the numeric columns: count, mean, std, min, quartiles, max.
    public func describe() throws -> DataFrame {
        let positions = numericColumnPositions(includeBool: false)
        guard !positions.isEmpty else { return try describeObjects() }
        let stats = positions.map { Self.describeNumbers(columns[$0].doubles ?? []) }
        return try DataFrame(columns: stats.map { Column(doubles: $0) }, labels: columnIndex.taking(positions),
                             index: .labels(Self.describeLabels.map(FrameScalar.string)))
    }

    static let describeLabels = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]

    static func describeNumbers(_ values: [Double]) -> [Double] {
        let present = values.filter { !$0.isNaN }
        let sorted = present.sorted()
        let column = Column(doubles: present)
        func r(_ k: ColumnReduction) -> Double { (try? k.apply(column))?.double ?? .nan }
        return [Double(present.count), r(.mean), r(.std), sorted.first ?? .nan,
                ColumnReduction.quantile(sorted, 0.25), ColumnReduction.quantile(sorted, 0.5), ColumnReduction.quantile(sorted, 0.75), sorted.last ?? .nan]
    }

    /// describe() of text columns: count, unique, top, freq.
    func describeObjects() throws -> DataFrame {
        var out: [Column] = []
        for column in columns {
            let present = column.cells.filter { !$0.isMissing }
            var counts: [FrameScalar: Int] = [:]
            var order: [FrameScalar] = []
            for c in present { if counts[c] == nil { order.append(c) }; counts[c, default: 0] += 1 }
            let top = order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && false) }
            let best = order.first { counts[$0] == top.flatMap { counts[$0] } }
            out.append(Column(cells: [.int(Int64(present.count)), .int(Int64(order.count)), best ?? .missing, best.map { .int(Int64(counts[$0] ?? 0)) } ?? .missing]))
        }
        return try DataFrame(columns: out, labels: columnIndex, index: .labels(["count", "unique", "top", "freq"].map(FrameScalar.string)))
    }

    /// Pairwise Pearson correlation of the numeric columns (`corr()`), over rows where both
    /// values are present.
    public func correlation() throws -> DataFrame {
        let positions = numericColumnPositions()
        if positions.count != columns.count {
            throw FrameError.value("could not convert string to float: \(PythonFloat.quote(columns.first { $0.dtype == .object }.flatMap { $0.cells.first { !$0.isMissing }?.description } ?? ""))")
        }
        let data = positions.map { columns[$0].doubles ?? [] }
        var result: [Column] = []
        for j in data.indices {
            var col: [Double] = []
            for i in data.indices {
                col.append(i == j ? Self.selfCorrelation(data[i]) : Self.pearson(data[i], data[j]))
            }
            result.append(Column(doubles: col))
        }
        let labels = columnIndex.taking(positions)
        return try DataFrame(columns: result, labels: labels, index: labels)
    }

    static func selfCorrelation(_ x: [Double]) -> Double {
        let present = x.filter { !$0.isNaN }
        guard present.count > 1 else { return .nan }
        let first = present[0]
        return present.allSatisfy { $0 == first } ? .nan : 1.0
    }

    /// pandas' nancorr: means first, then sums of products of deviations.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        var xs: [Double] = [], ys: [Double] = []
        for k in x.indices where !x[k].isNaN && !y[k].isNaN { xs.append(x[k]); ys.append(y[k]) }
        let n = xs.count
        guard n > 1 else { return .nan }
        var meanX = 0.0, meanY = 0.0
        for k in 0..<n { meanX += xs[k]; meanY += ys[k] }
        meanX /= Double(n); meanY /= Double(n)
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for k in 0..<n {
            let vx = xs[k] - meanX, vy = ys[k] - meanY
            sxx += vx * vx; syy += vy * vy; sxy += vx * vy
        }
        let divisor = (sxx * syy).squareRoot()
        guard divisor != 0 else { return .nan }
        return Swift.max(-1, Swift.min(1, sxy / divisor))
    }
}

extension Series {
    public func reduce(_ reduction: ColumnReduction) throws -> FrameScalar { try reduction.apply(values) }

    public func describe() throws -> Series {
        if values.dtype == .object {
            let frame = try toFrame().describeObjects()
            return Series(frame.columns[0], index: frame.index, name: name)
        }
        return Series(Column(doubles: DataFrame.describeNumbers(values.doubles ?? [])),
                      index: .labels(DataFrame.describeLabels.map(FrameScalar.string)), name: name)
    }
}
