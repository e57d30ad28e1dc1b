import Foundation

/// pandas' notebook HTML for a frame (`_repr_html_`): the scoped style, a header row (and
/// a row for the index name), `...` rows and columns when truncated, and the size line.
extension DataFrame {
    public func html(_ options: DisplayOptions = .repr) -> String {
        let cut = Truncation(rows: rowCount, columns: columns.count, options: options)
        let shown = selectingColumns(cut.columns).takingRows(cut.rows)
        var out = """
        <div>
        <style scoped>
            .dataframe tbody tr th:only-of-type {
                vertical-align: middle;
            }

            .dataframe tbody tr th {
                vertical-align: top;
            }

            .dataframe thead th {
                text-align: right;
            }
        </style>
        <table border="1" class="dataframe">\n
        """
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func withDots(_ cells: [String], _ dots: String) -> [String] {
            guard let c = cut.columnCut else { return cells }
            var copy = cells
            copy.insert(dots, at: c)
            return copy
        }
        out += "  <thead>\n    <tr style=\"text-align: right;\">\n      <th></th>\n"
        for label in withDots(shown.columnLabels.map(ValueText.label), "...") {
            out += "      <th>\(escape(label))</th>\n"
        }
        out += "    </tr>\n"
        if let name = index.name {
            out += "    <tr>\n      <th>\(escape(ValueText.label(name)))</th>\n"
            for _ in 0..<(shown.columns.count + (cut.columnCut == nil ? 0 : 1)) { out += "      <th></th>\n" }
            out += "    </tr>\n"
        }
        out += "  </thead>\n  <tbody>\n"
        let formatted = shown.columns.map { ValueText.format($0, leadingSpace: true).map { $0.trimmingCharacters(in: .whitespaces) } }
        let labels = shown.index.labels.map(ValueText.label)
        for r in 0..<shown.rowCount {
            if let rowCut = cut.rowCut, r == rowCut {
                out += "    <tr>\n      <th>...</th>\n"
                for _ in 0..<(shown.columns.count + (cut.columnCut == nil ? 0 : 1)) { out += "      <td>...</td>\n" }
                out += "    </tr>\n"
            }
            out += "    <tr>\n      <th>\(escape(labels[r]))</th>\n"
            for value in withDots(formatted.map { $0[r] }, "...") { out += "      <td>\(escape(value))</td>\n" }
            out += "    </tr>\n"
        }
        out += "  </tbody>\n</table>\n"
        if cut.rowCut != nil || cut.columnCut != nil {
            out += "<p>\(rowCount) rows × \(columns.count) columns</p>\n"
        }
        out += "</div>"
        return out
    }
}
