/// Label alignment: how pandas lines up two Series or frames before an operation. When the
/// labels differ, the result has the union of labels (sorted) and NaN where one side has none.
public enum Alignment {
    /// The union index of two indexes and, for each union label, the position in each side.
    public static func union(_ a: FrameIndex, _ b: FrameIndex) -> (index: FrameIndex, left: [Int?], right: [Int?]) {
        let aTable = a.positionTable(), bTable = b.positionTable()
        var labels: [FrameScalar] = []
        var seen = Set<FrameScalar>()
        for l in a.labels + b.labels where !seen.contains(l) { seen.insert(l); labels.append(l) }
        let sortable = labels.allSatisfy { $0.double != nil } || labels.allSatisfy { if case .string = $0 { return true } else { return false } }
        if sortable { labels.sort(by: FrameScalar.ascending) }
        let index = FrameIndex.labels(labels)
        return (index, labels.map { aTable[$0]?.first }, labels.map { bTable[$0]?.first })
    }

    /// The column's values placed at `positions` (nil: missing). Ints and bools with gaps
    /// become float64/object as pandas makes them.
    public static func reindexed(_ column: Column, _ positions: [Int?]) -> Column {
        if positions.allSatisfy({ $0 != nil }) { return column.taking(positions.map { $0! }) }
        switch column.storage {
        case .float64(let v): return Column(doubles: positions.map { $0.map { v[$0] } ?? .nan })
        case .int64(let v): return Column(doubles: positions.map { $0.map { Double(v[$0]) } ?? .nan })
        default: return Column(cells: positions.map { $0.map { column[$0] } ?? .missing })
        }
    }
}

extension Series {
    /// `self op other` with label alignment.
    public func combined(_ op: ElementOperator, _ other: Series) throws -> Series {
        let name = self.name == other.name ? self.name : nil
        if index.hasSameLabels(as: other.index) {
            return Series(try values.combined(op, other.values), index: index, name: name)
        }
        if op.isComparison {
            throw FrameError.value("Can only compare identically-labeled Series objects")
        }
        let (union, left, right) = Alignment.union(index, other.index)
        let a = Alignment.reindexed(values, left), b = Alignment.reindexed(other.values, right)
        return Series(try a.combined(op, b), index: union, name: name)
    }

    public func combined(_ op: ElementOperator, scalar: FrameScalar, reflected: Bool = false) throws -> Series {
        Series(try values.combined(op, scalar: scalar, reflected: reflected), index: index, name: name)
    }
}

extension DataFrame {
    /// `frame op frame`, aligned on both rows and columns.
    public func combined(_ op: ElementOperator, _ other: DataFrame) throws -> DataFrame {
        if op.isComparison && !(index.hasSameLabels(as: other.index) && columnIndex.hasSameLabels(as: other.columnIndex)) {
            throw FrameError.value("Can only compare identically-labeled (both index and columns) DataFrame objects")
        }
        let sameRows = index.hasSameLabels(as: other.index)
        let rowPlan = sameRows ? nil : Alignment.union(index, other.index)
        let columnPlan: (index: FrameIndex, left: [Int?], right: [Int?])
        if columnIndex.hasSameLabels(as: other.columnIndex) {
            columnPlan = (columnIndex, columns.indices.map { $0 }, columns.indices.map { $0 })
        } else {
            columnPlan = Alignment.union(columnIndex, other.columnIndex)
        }
        let rows = rowPlan?.index.count ?? rowCount
        var out: [Column] = []
        for (l, r) in zip(columnPlan.left, columnPlan.right) {
            guard let l, let r else { out.append(Column(doubles: Array(repeating: .nan, count: rows))); continue }
            var a = columns[l], b = other.columns[r]
            if let rowPlan {
                a = Alignment.reindexed(a, rowPlan.left)
                b = Alignment.reindexed(b, rowPlan.right)
            }
            out.append(try a.combined(op, b))
        }
        return try DataFrame(columns: out, labels: columnPlan.index, index: rowPlan?.index ?? index)
    }

    /// `frame op series`: the Series' labels line up with the frame's columns (axis=1, the
    /// default for operators).
    public func combined(_ op: ElementOperator, series: Series, reflected: Bool = false) throws -> DataFrame {
        let plan: (index: FrameIndex, left: [Int?], right: [Int?])
        if columnIndex.hasSameLabels(as: series.index) {
            plan = (columnIndex, columns.indices.map { $0 }, columns.indices.map { $0 })
        } else {
            plan = Alignment.union(columnIndex, series.index)
        }
        var out: [Column] = []
        for (l, r) in zip(plan.left, plan.right) {
            guard let l, let r else { out.append(Column(doubles: Array(repeating: .nan, count: rowCount))); continue }
            out.append(try columns[l].combined(op, scalar: series.values[r], reflected: reflected))
        }
        return try DataFrame(columns: out, labels: plan.index, index: index)
    }

    public func combined(_ op: ElementOperator, scalar: FrameScalar, reflected: Bool = false) throws -> DataFrame {
        try DataFrame(columns: columns.map { try $0.combined(op, scalar: scalar, reflected: reflected) }, labels: columnIndex, index: index)
    }

    /// Applies `transform` to every column.
    public func mapColumns(_ transform: (Column) throws -> Column) throws -> DataFrame {
        try DataFrame(columns: columns.map(transform), labels: columnIndex, index: index)
    }
}
