/// A labelled column: pandas' `Series` (values, an index, and an optional name).
public struct Series: Sendable {
    public var values: Column
    public var index: FrameIndex
    /// `series.name` (a column's label when taken from a frame).
    public var name: FrameScalar?

    public init(_ values: Column, index: FrameIndex? = nil, name: FrameScalar? = nil) {
        self.values = values
        self.index = index ?? .range(values.count)
        self.name = name
    }

    public var count: Int { values.count }
    public var dtype: ColumnDType { values.dtype }

    public func takingRows(_ positions: [Int]) -> Series {
        Series(values.taking(positions), index: index.taking(positions), name: name)
    }

    public func slicingRows(_ range: Range<Int>) -> Series {
        Series(values.slice(range), index: index.slice(range), name: name)
    }

    public func head(_ n: Int) -> Series {
        slicingRows(0..<(n >= 0 ? min(n, count) : max(count + n, 0)))
    }

    public func tail(_ n: Int) -> Series {
        slicingRows((n >= 0 ? max(count - n, 0) : min(-n, count))..<count)
    }

    /// The values as doubles for plotting and statistics (NaN for missing); throws for text.
    public func doubles() throws -> [Double] {
        guard let d = values.doubles else {
            throw FrameError.type("could not convert string to float: the Series holds text")
        }
        return d
    }

    /// A one-column frame (`to_frame`).
    public func toFrame() -> DataFrame {
        // One column with the series' own length: consistent by construction.
        try! DataFrame(columns: [values], labels: .labels([name ?? .int(0)]), index: index)
    }
}
