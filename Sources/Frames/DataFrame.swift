/// A table of named, typed columns sharing one row index: pandas' `DataFrame`.
///
/// A value type: every operation returns a new frame (pandas' default, `inplace=False`),
/// and copies share column storage until one of them is written (Swift copy-on-write).
public struct DataFrame: Sendable {
    /// The columns, in order; all have `index.count` rows.
    public private(set) var columns: [Column]
    /// The column labels (`df.columns`): usually strings, a RangeIndex for frames built from
    /// arrays or lists of rows.
    public var columnIndex: FrameIndex
    /// The row labels (`df.index`).
    public var index: FrameIndex

    /// A frame from columns with their labels. Throws when lengths disagree.
    public init(columns: [Column], labels: FrameIndex, index: FrameIndex? = nil) throws {
        guard columns.count == labels.count else {
            throw FrameError.value("Length mismatch: Expected axis has \(columns.count) elements, new values have \(labels.count) elements")
        }
        let rows = index?.count ?? columns.first?.count ?? 0
        for column in columns where column.count != rows {
            throw FrameError.value("All arrays must be of the same length")
        }
        self.columns = columns
        self.columnIndex = labels
        self.index = index ?? .range(rows)
    }

    /// A frame from `(name, column)` pairs.
    public init(_ named: [(String, Column)], index: FrameIndex? = nil) throws {
        try self.init(columns: named.map { $0.1 }, labels: .names(named.map { $0.0 }), index: index)
    }

    /// Rows × columns (`df.shape`).
    public var shape: (rows: Int, columns: Int) { (index.count, columns.count) }
    public var rowCount: Int { index.count }
    public var columnLabels: [FrameScalar] { columnIndex.labels }
    public var dtypes: [ColumnDType] { columns.map(\.dtype) }

    /// The position of the column labelled `label`; KeyError naming it when absent.
    public func columnPosition(_ label: FrameScalar) throws -> Int {
        for i in 0..<columnIndex.count where columnIndex[i] == label { return i }
        throw FrameError.key(label)
    }

    /// The column labelled `label` as a Series named after it.
    public func column(_ label: FrameScalar) throws -> Series {
        let i = try columnPosition(label)
        return Series(columns[i], index: index, name: columnIndex[i])
    }

    /// The column named `name` (the call seaborn's binding makes).
    public func column(named name: String) throws -> Series { try column(.string(name)) }

    /// The column at `position` as a Series.
    public func column(at position: Int) -> Series { Series(columns[position], index: index, name: columnIndex[position]) }

    /// Sets (or appends) the column labelled `label`. The values must have one per row.
    public mutating func setColumn(_ label: FrameScalar, _ values: Column) throws {
        guard values.count == rowCount || (columns.isEmpty && rowCount == 0) else {
            throw FrameError.value("Length of values (\(values.count)) does not match length of index (\(rowCount))")
        }
        if columns.isEmpty && rowCount == 0 { index = .range(values.count) }
        if let i = try? columnPosition(label) {
            columns[i] = values
        } else {
            columns.append(values)
            columnIndex = FrameIndex.labels(columnLabels + [label])
        }
    }

    /// Replaces the column at `position`.
    public mutating func replaceColumn(at position: Int, with values: Column) {
        columns[position] = values
    }

    /// Removes the column labelled `label` and returns it (`pop`).
    public mutating func removeColumn(_ label: FrameScalar) throws -> Series {
        let i = try columnPosition(label)
        let removed = column(at: i)
        columns.remove(at: i)
        var labels = columnLabels
        labels.remove(at: i)
        columnIndex = FrameIndex(.labels(Column.inferringLabels(labels, like: columnIndex)), name: columnIndex.name)
        return removed
    }

    /// The columns at `positions`, in that order.
    public func selectingColumns(_ positions: [Int]) -> DataFrame {
        var copy = self
        copy.columns = positions.map { columns[$0] }
        copy.columnIndex = columnIndex.taking(positions)
        return copy
    }

    /// The rows at `positions`, in that order, with their labels.
    public func takingRows(_ positions: [Int]) -> DataFrame {
        var copy = self
        copy.columns = columns.map { $0.taking(positions) }
        copy.index = index.taking(positions)
        return copy
    }

    /// The rows in `range`.
    public func slicingRows(_ range: Range<Int>) -> DataFrame {
        var copy = self
        copy.columns = columns.map { $0.slice(range) }
        copy.index = index.slice(range)
        return copy
    }

    /// The first `n` rows (`head`); negative `n` drops that many from the end.
    public func head(_ n: Int) -> DataFrame {
        let stop = n >= 0 ? min(n, rowCount) : max(rowCount + n, 0)
        return slicingRows(0..<stop)
    }

    /// The last `n` rows (`tail`); negative `n` drops that many from the start.
    public func tail(_ n: Int) -> DataFrame {
        let start = n >= 0 ? max(rowCount - n, 0) : min(-n, rowCount)
        return slicingRows(start..<rowCount)
    }

    /// Rows and columns swapped (`T`). Mixed dtypes give object columns, as in pandas.
    public func transposed() -> DataFrame {
        let rows = rowCount
        let sameDType = Set(dtypes).count == 1 ? dtypes.first : nil
        var newColumns: [Column] = []
        newColumns.reserveCapacity(rows)
        for r in 0..<rows {
            let cells = columns.map { $0[r] }
            switch sameDType {
            case .float64?: newColumns.append(Column(doubles: cells.map { $0.double ?? .nan }))
            case .int64?, .bool?: newColumns.append(Column.inferring(cells))
            default: newColumns.append(Column(cells: cells))
            }
        }
        // The frame's shape is fixed by construction, so this cannot fail.
        var result = try! DataFrame(columns: newColumns, labels: index, index: columnIndex)
        if columns.isEmpty { result.index = columnIndex }
        return result
    }

    /// The positions of the numeric (float, int, bool) columns; `bool` included only when
    /// asked, as describe() leaves them out.
    public func numericColumnPositions(includeBool: Bool = true) -> [Int] {
        columns.indices.filter { columns[$0].dtype == .float64 || columns[$0].dtype == .int64 || (includeBool && columns[$0].dtype == .bool) }
    }
}

extension Column {
    /// Labels re-typed after an edit, keeping strings strings.
    static func inferringLabels(_ labels: [FrameScalar], like index: FrameIndex) -> Column {
        Column.inferring(labels)
    }
}
