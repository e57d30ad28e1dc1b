import ML

extension DataFrame {
    /// Rows without missing values (`dropna(how='any')`), or only rows entirely missing
    /// dropped (`how='all'`); `subset` limits the columns looked at.
    public func droppingMissingRows(all: Bool = false, subset: [Int]? = nil) -> DataFrame {
        let looked = subset ?? Array(columns.indices)
        let keep = (0..<rowCount).filter { r in
            let missing = looked.filter { columns[$0].isMissing(r) }.count
            return all ? missing < looked.count || looked.isEmpty : missing == 0
        }
        return keep.count == rowCount ? self : takingRows(keep)
    }

    /// Columns without missing values (`dropna(axis=1)`).
    public func droppingMissingColumns(all: Bool = false) -> DataFrame {
        let keep = columns.indices.filter { c in
            let missing = (0..<rowCount).filter { columns[c].isMissing($0) }.count
            return all ? missing < rowCount || rowCount == 0 : missing == 0
        }
        return selectingColumns(keep)
    }

    /// The rows whose labels are not in `labels` (`drop(index=...)`); KeyError listing the
    /// labels not found, as pandas reports them.
    public func droppingRows(_ labels: [FrameScalar]) throws -> DataFrame {
        let table = index.positionTable()
        let missing = labels.filter { table[$0] == nil }
        if !missing.isEmpty {
            throw FrameError(.keyError, "\"[\(missing.map(\.repr).joined(separator: ", "))] not found in axis\"")
        }
        var drop = Set<Int>()
        for l in labels { for p in table[l] ?? [] { drop.insert(p) } }
        return takingRows((0..<rowCount).filter { !drop.contains($0) })
    }

    /// The frame without the columns `labels` (`drop(columns=...)`).
    public func droppingColumns(_ labels: [FrameScalar]) throws -> DataFrame {
        let present = Set(columnLabels)
        let missing = labels.filter { !present.contains($0) }
        if !missing.isEmpty {
            throw FrameError(.keyError, "\"[\(missing.map(\.repr).joined(separator: ", "))] not found in axis\"")
        }
        let drop = Set(labels)
        return selectingColumns(columns.indices.filter { !drop.contains(columnIndex[$0]) })
    }

    /// The rows where `mask` is true (`df[mask]`).
    public func filteringRows(_ mask: [Bool]) throws -> DataFrame {
        guard mask.count == rowCount else {
            throw FrameError.value("Item wrong length \(mask.count) instead of \(rowCount).")
        }
        return takingRows(mask.indices.filter { mask[$0] })
    }

    /// `sample(n=)` with NumPy's legacy generator: the same rows pandas picks for the same
    /// seed (`random_state.choice(len, size=n, replace=...)`).
    public func sampledPositions(count n: Int, replace: Bool, random: inout RandomState) throws -> [Int] {
        if !replace && n > rowCount {
            throw FrameError.value("Cannot take a larger sample than population when 'replace=False'")
        }
        let picks = try random.choiceIndices(population: rowCount, shape: [n], replace: replace, probabilities: nil)
        return try picks.scalars(as: Int64.self).map { Int($0) }
    }

    /// Rows ordered by the columns `by` (`sort_values`), stably; missing values last.
    public func sortedRowPositions(by keys: [Int], ascending: [Bool]) -> [Int] {
        let keyColumns = keys.map { columns[$0] }
        return Array(0..<rowCount).sorted { a, b in
            for (k, column) in keyColumns.enumerated() {
                let x = column[a], y = column[b]
                if x == y || (x.isMissing && y.isMissing) { continue }
                if x.isMissing { return false }
                if y.isMissing { return true }
                return ascending[k] ? FrameScalar.ascending(x, y) : FrameScalar.ascending(y, x)
            }
            return a < b
        }
    }

    /// Frames stacked (`concat(axis=0)`): columns matched by label, missing ones NaN.
    public static func concatenatingRows(_ frames: [DataFrame]) throws -> DataFrame {
        guard let first = frames.first else { throw FrameError.value("No objects to concatenate") }
        var labels = first.columnLabels
        for f in frames.dropFirst() { for l in f.columnLabels where !labels.contains(l) { labels.append(l) } }
        var columns: [Column] = []
        for label in labels {
            var cells: [FrameScalar] = []
            var parts: [Column] = []
            for f in frames {
                if let p = try? f.columnPosition(label) { parts.append(f.columns[p]) }
                else { parts.append(Column(doubles: Array(repeating: .nan, count: f.rowCount))) }
            }
            let dtypes = Set(parts.map(\.dtype))
            if dtypes == [.float64] || dtypes == [.float64, .int64] || dtypes == [.int64] && false {
                columns.append(Column(doubles: parts.flatMap { $0.doubles ?? [] }))
            } else if dtypes.count == 1, dtypes.first != .object {
                switch dtypes.first {
                case .int64?: columns.append(Column(ints: parts.flatMap { if case .int64(let v) = $0.storage { return v } else { return [] } }))
                case .bool?: columns.append(Column(bools: parts.flatMap { if case .bool(let v) = $0.storage { return v } else { return [] } }))
                default: columns.append(Column(doubles: parts.flatMap { $0.doubles ?? [] }))
                }
            } else {
                for p in parts { cells += p.cells }
                columns.append(Column(cells: cells))
            }
        }
        let indexColumn = Column.inferring(frames.flatMap { $0.index.labels })
        let allRange = frames.allSatisfy { $0.index.isRange }
        let total = frames.reduce(0) { $0 + $1.rowCount }
        let index: FrameIndex = allRange && frames.count == 1 ? first.index : FrameIndex(.labels(indexColumn))
        _ = total
        return try DataFrame(columns: columns, labels: .labels(labels), index: index)
    }
}

extension Series {
    /// Distinct values in order of first appearance (`unique`).
    public func uniqueValues() -> [FrameScalar] {
        var seen = Set<FrameScalar>()
        var out: [FrameScalar] = []
        var sawMissing = false
        for c in values.cells {
            if c.isMissing { if !sawMissing { sawMissing = true; out.append(c) }; continue }
            if seen.insert(c).inserted { out.append(c) }
        }
        return out
    }

    /// `value_counts()`: counts by value, most frequent first (ties in order of first
    /// appearance), as a Series named `count` whose index is named after this Series.
    public func valueCounts(normalize: Bool = false, ascending: Bool = false, dropMissing: Bool = true) -> Series {
        var counts: [FrameScalar: Int] = [:]
        var order: [FrameScalar] = []
        var missing = 0
        for c in values.cells {
            if c.isMissing { missing += 1; continue }
            if counts[c] == nil { order.append(c) }
            counts[c, default: 0] += 1
        }
        var pairs = order.map { ($0, counts[$0] ?? 0) }
        if !dropMissing && missing > 0 { pairs.append((.missing, missing)) }
        let ranked = pairs.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? (ascending ? a.element.1 < b.element.1 : a.element.1 > b.element.1) : a.offset < b.offset
        }.map(\.element)
        let labelColumn: Column = values.dtype == .object ? Column(cells: ranked.map(\.0)) : Column.inferring(ranked.map(\.0))
        let total = Double(ranked.reduce(0) { $0 + $1.1 })
        let counted: Column = normalize ? Column(doubles: ranked.map { Double($0.1) / total }) : Column(ints: ranked.map { Int64($0.1) })
        return Series(counted, index: FrameIndex(.labels(labelColumn), name: name), name: .string(normalize ? "proportion" : "count"))
    }
}
