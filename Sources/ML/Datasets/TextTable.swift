/// Numbers laid out as text rows (`np.loadtxt` / `np.genfromtxt` / `np.savetxt`): one row
/// per line, fields split by a delimiter (any whitespace when nil), comments cut off.
public struct TextTable: Sendable {
    public var rows: [[Double]]

    /// Parses `text`. With `missingAsNaN` (genfromtxt), empty or unparsable fields become
    /// `missingValue` (NaN unless genfromtxt's filling_values says otherwise)
    /// and short rows are padded; otherwise (loadtxt) they are errors naming the line.
    public static func parse(_ text: String, delimiter: String?, comments: String? = "#", skipRows: Int = 0,
                             columns: [Int]? = nil, maxRows: Int? = nil, missingAsNaN: Bool = false, missingValue: Double = .nan) throws -> TextTable {
        var rows: [[Double]] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber <= skipRows { continue }
            if let maxRows, rows.count >= maxRows { break }
            var line = Substring(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            if let comments, !comments.isEmpty, let range = line.range(of: comments) { line = line[..<range.lowerBound] }
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields: [Substring] = delimiter.map { line.components(separatedBy: $0).map { Substring($0) } }
                ?? line.split(whereSeparator: \.isWhitespace)
            let picked: [Substring]
            if let columns {
                picked = try columns.map { column in
                    let index = column < 0 ? fields.count + column : column
                    guard index >= 0 && index < fields.count else {
                        if missingAsNaN { return "" }
                        throw ArrayError.index("list index out of range (line \(lineNumber) has \(fields.count) columns, usecols asks for \(column))")
                    }
                    return fields[index]
                }
            } else {
                picked = fields
            }
            let values = try picked.map { field -> Double in
                let trimmed = field.trimmingWhitespace
                if let value = Double(trimmed) { return value }
                switch trimmed.lowercased() {
                case "nan": return .nan
                case "inf", "+inf": return .infinity
                case "-inf": return -.infinity
                default:
                    if missingAsNaN { return missingValue }
                    throw ArrayError.value("could not convert string '\(trimmed)' to float64 at row \(rows.count), column \(picked.firstIndex(of: field).map { $0 + 1 } ?? 0).")
                }
            }
            if let width = rows.first?.count, width != values.count {
                throw ArrayError.value("the number of columns changed from \(width) to \(values.count) at row \(rows.count + 1); use `usecols` to select a subset and avoid this error")
            }
            rows.append(values)
        }
        return TextTable(rows: rows)
    }

    /// `np.savetxt`'s text: each value formatted by `format`, joined by `delimiter`.
    public static func format(_ rows: [[Double]], delimiter: String, format: (Double) -> String) -> String {
        rows.map { $0.map(format).joined(separator: delimiter) }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
    }
}

private extension Substring {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
