extension Figure {
    /// A `rows` x `columns` grid whose columns share x limits and rows share y limits (the
    /// layout of seaborn's PairGrid: `subplots(sharex='col', sharey='row')`). Inner tick
    /// labels are hidden as matplotlib hides them for shared axes.
    public func sharedGrid(rows: Int, columns: Int) throws -> [[Axes]] {
        let columnShares = (0..<columns).map { _ in SharedLimits() }
        let rowShares = (0..<rows).map { _ in SharedLimits() }
        var grid: [[Axes]] = []
        for r in 0..<rows {
            var row: [Axes] = []
            for c in 0..<columns {
                let ax = try subplot(rows: rows, columns: columns, index: r * columns + c + 1)
                ax.sharedX = columnShares[c]; columnShares[c].members.append(ax)
                ax.sharedY = rowShares[r]; rowShares[r].members.append(ax)
                row.append(ax)
            }
            grid.append(row)
        }
        return grid
    }
}
