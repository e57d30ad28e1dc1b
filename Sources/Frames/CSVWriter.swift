/// `to_csv`: the frame as CSV text the way pandas writes it (floats as Python's `repr`,
/// missing as empty fields, fields with separators or quotes quoted).
public enum CSVWriter {
    public static func text(_ frame: DataFrame, separator: String = ",", includeIndex: Bool = true, includeHeader: Bool = true) -> String {
        func field(_ cell: FrameScalar) -> String {
            if cell.isMissing { return "" }
            let s = cell.description
            if s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r") {
                return "\"" + s.replacingDoubledQuote() + "\""
            }
            return s
        }
        var lines: [String] = []
        if includeHeader {
            var header = frame.columnLabels.map(field)
            if includeIndex { header.insert(frame.index.name.map(field) ?? "", at: 0) }
            lines.append(header.joined(separator: separator))
        }
        for r in 0..<frame.rowCount {
            var row = frame.columns.map { field($0[r]) }
            if includeIndex { row.insert(field(frame.index[r]), at: 0) }
            lines.append(row.joined(separator: separator))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingDoubledQuote() -> String {
        var out = ""
        for ch in self { out.append(ch); if ch == "\"" { out.append("\"") } }
        return out
    }
}
