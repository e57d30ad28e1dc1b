/// The display options pandas applies to a frame's text (`pd.options.display`), with the
/// values in effect inside a Jupyter kernel.
public struct DisplayOptions: Sendable {
    public var maxRows: Int? = 60
    public var minRows: Int? = 10
    public var maxColumns: Int? = 20
    /// The width text wraps at (`display.width`; a kernel has no terminal size).
    public var lineWidth: Int? = 80
    public var showIndex = true
    public var showHeader = true
    public enum Dimensions: Sendable { case never, always, whenTruncated }
    public var showDimensions: Dimensions = .whenTruncated

    public init() {}

    /// `repr(df)` / `print(df)` in a notebook.
    public static let repr = DisplayOptions()

    /// `df.to_string()`: everything, no wrapping, no dimensions line.
    public static var everything: DisplayOptions {
        var o = DisplayOptions()
        o.maxRows = nil; o.minRows = nil; o.maxColumns = nil; o.lineWidth = nil; o.showDimensions = .never
        return o
    }
}

/// Which rows and columns a display shows: pandas keeps the first and last few of each
/// when a frame is larger than the limits, and marks the cut with `...`.
struct Truncation {
    var rows: [Int]
    var columns: [Int]
    /// Where the `...` row/column goes, in shown rows/columns; nil when not cut.
    var rowCut: Int?
    var columnCut: Int?

    init(rows rowCount: Int, columns columnCount: Int, options: DisplayOptions) {
        if let maxRows = options.maxRows, maxRows > 0, rowCount > maxRows {
            let shown = min(options.minRows ?? maxRows, maxRows)
            let half = shown == 1 ? 1 : shown / 2
            rows = Array(0..<half) + (shown == 1 ? [] : Array((rowCount - half)..<rowCount))
            rowCut = half
        } else {
            rows = Array(0..<rowCount)
        }
        if let maxColumns = options.maxColumns, maxColumns > 0, columnCount > maxColumns {
            let half = maxColumns / 2
            columns = Array(0..<half) + Array((columnCount - half)..<columnCount)
            columnCut = half
        } else {
            columns = Array(0..<columnCount)
        }
    }
}

extension DataFrame {
    /// `print(df)`: pandas' text with the notebook's display options.
    public var text: String { text(.repr) }

    /// `df.to_string(...)` / `repr(df)` under `options`.
    public func text(_ options: DisplayOptions) -> String {
        if rowCount == 0 || columns.isEmpty {
            return "Empty DataFrame\nColumns: \(Self.bracketList(columnLabels))\nIndex: \(Self.bracketList(index.labels))"
        }
        let cut = Truncation(rows: rowCount, columns: columns.count, options: options)
        let shown = selectingColumns(cut.columns).takingRows(cut.rows)
        let showIndexName = options.showIndex && options.showHeader && shown.index.name != nil
        var strcols: [[String]] = []
        if options.showIndex {
            var labels = ValueText.indexLabels(shown.index)
            if showIndexName { labels.insert(ValueText.label(shown.index.name ?? .missing), at: 0) }
            var column = (options.showHeader ? [""] : []) + labels
            let width = column.map(\.count).max() ?? 0
            column = column.map { TextLayout.leftJustify($0, width) }
            strcols.append(column)
        }
        for (i, values) in shown.columns.enumerated() {
            var formatted = ValueText.format(values, leadingSpace: options.showIndex)
            var header = options.showHeader ? [ValueText.label(shown.columnIndex[i])] : []
            if showIndexName { header.append("") }
            let width = max(formatted.map(\.count).max() ?? 0, header.map(\.count).max() ?? 0)
            formatted = formatted.map { TextLayout.rightJustify($0, width) }
            header = header.map { TextLayout.rightJustify($0, width) }
            strcols.append(header + formatted)
        }
        let headerRows = (options.showHeader ? 1 : 0) + (showIndexName ? 1 : 0)
        let indexColumns = options.showIndex ? 1 : 0
        if let columnCut = cut.columnCut {
            strcols.insert(Array(repeating: " ...", count: strcols[0].count), at: columnCut + indexColumns)
        }
        if let rowCut = cut.rowCut {
            for (i, column) in strcols.enumerated() {
                let isDots = cut.columnCut.map { i == $0 + indexColumns } ?? false
                var width = column[rowCut].count
                let dots = width > 3 || isDots ? "..." : ".."
                let text: String
                if i == 0 && options.showIndex {
                    text = TextLayout.leftJustify(dots, width)
                } else {
                    if isDots { width = 4 }
                    text = TextLayout.rightJustify(dots, width)
                }
                strcols[i].insert(text, at: rowCut + headerRows)
            }
        }
        var result: String
        if let lineWidth = options.lineWidth, options.maxColumns.map({ $0 > 0 }) ?? true {
            result = Self.joinWrapping(strcols, lineWidth: lineWidth, hasIndex: options.showIndex)
        } else {
            result = TextLayout.adjoin(1, strcols)
        }
        let truncated = cut.rowCut != nil || cut.columnCut != nil
        if options.showDimensions == .always || (options.showDimensions == .whenTruncated && truncated) {
            result += "\n\n[\(rowCount) rows x \(columns.count) columns]"
        }
        return result
    }

    /// pandas' `_join_multiline`: blocks of columns that fit the width, each after the first
    /// repeating the index, with ` \` ending the lines of every block but the last.
    static func joinWrapping(_ input: [[String]], lineWidth: Int, hasIndex: Bool) -> String {
        var strcols = input
        var width = lineWidth
        var indexColumn: [String] = []
        if hasIndex {
            indexColumn = strcols.removeFirst()
            width -= (indexColumn.map(\.count).max() ?? 0) + 1
        }
        let widths = strcols.map { $0.map(\.count).max() ?? 0 }
        // _binify
        var bins: [Int] = []
        var current = 0
        for (i, w) in widths.enumerated() {
            let adjoined = w + 1
            current += adjoined
            let wrap = (i == widths.count - 1 ? current + 1 > width : current + 2 > width) && i > 0
            if wrap {
                bins.append(i)
                current = adjoined
            }
        }
        bins.append(widths.count)
        var blocks: [String] = []
        var start = 0
        for (b, end) in bins.enumerated() {
            var row = Array(strcols[start..<end])
            if hasIndex { row.insert(indexColumn, at: 0) }
            if bins.count > 1 {
                let height = row.last?.count ?? 0
                if end <= strcols.count && b < bins.count - 1 {
                    row.append([" \\"] + Array(repeating: "  ", count: max(height - 1, 0)))
                } else {
                    row.append(Array(repeating: " ", count: height))
                }
            }
            blocks.append(TextLayout.adjoin(1, row))
            start = end
        }
        return blocks.joined(separator: "\n\n")
    }

    /// `[a, b]` as pandas prints an index inside the empty-frame message.
    static func bracketList(_ labels: [FrameScalar]) -> String {
        "[" + labels.map(ValueText.label).joined(separator: ", ") + "]"
    }
}

extension Series {
    /// `print(series)` with the notebook's display options.
    public var text: String { text(.repr, name: true, dtype: true) }

    /// `series.to_string(...)`/`repr(series)`.
    public func text(_ options: DisplayOptions, name showName: Bool, dtype showDType: Bool, length showLength: Bool? = nil) -> String {
        let cut = Truncation(rows: count, columns: 0, options: options)
        var footer: [String] = []
        if showName, let name { footer.append("Name: \(ValueText.label(name))") }
        if showLength ?? (cut.rowCut != nil) { footer.append("Length: \(count)") }
        if showDType { footer.append("dtype: \(dtype)") }
        let footerText = footer.joined(separator: ", ")
        if count == 0 { return "Series([], \(footerText))" }
        let shown = takingRows(cut.rows)
        var values = ValueText.format(shown.values, leadingSpace: options.showIndex)
        let width = values.map(\.count).max() ?? 0
        values = values.map { TextLayout.rightJustify($0, width) }
        var labels = ValueText.indexLabels(shown.index)
        if let rowCut = cut.rowCut {
            let w = values[rowCut - 1].count
            values.insert(TextLayout.center(w > 3 ? "..." : "..", w), at: rowCut)
            labels.insert("", at: rowCut)
        }
        var result = options.showIndex ? TextLayout.adjoin(3, [labels, values]) : TextLayout.adjoin(3, [values])
        if options.showHeader, options.showIndex, let indexName = index.name {
            result = ValueText.label(indexName) + "\n" + result
        }
        if !footerText.isEmpty { result += "\n" + footerText }
        return result
    }
}
