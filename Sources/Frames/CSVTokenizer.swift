/// Splits CSV bytes into rows of fields without copying them: each field is a byte range,
/// unquoted and unescaped only when it is read. Quoted fields may hold separators, doubled
/// quotes and newlines, as in pandas' C tokenizer.
struct CSVTokenizer {
    struct Field {
        var start: Int
        var end: Int
        /// Quoted with doubled quotes inside: reading it must undouble them.
        var hasEscapes: Bool
    }

    let bytes: [UInt8]
    let options: CSVOptions
    /// All fields, row after row; `rowStarts[r]..<rowStarts[r+1]` are row r's.
    private(set) var fields: [Field] = []
    private(set) var rowStarts: [Int] = [0]
    /// The file line each row started on (1-based), for error messages.
    private(set) var rowLines: [Int] = []

    init(bytes: [UInt8], options: CSVOptions) {
        self.bytes = bytes
        self.options = options
    }

    var rowCount: Int { rowStarts.count - 1 }

    func fieldCount(row: Int) -> Int { rowStarts[row + 1] - rowStarts[row] }

    func field(row: Int, column: Int) -> Field { fields[rowStarts[row] + column] }

    /// The field's text, unescaped.
    func text(_ field: Field) -> String {
        let slice = bytes[field.start..<field.end]
        let raw = String(decoding: slice, as: UTF8.self)
        if !field.hasEscapes { return raw }
        return raw.replacingDoubledQuotes(Character(UnicodeScalar(options.quote)))
    }

    mutating func tokenize() {
        let n = bytes.count
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let quote = options.quote
        let separator = options.separator
        let comment = options.comment
        var i = 0
        var line = 1
        fields.reserveCapacity(n / 4)
        while i < n {
            // One row.
            let rowLine = line
            let rowFieldStart = fields.count
            var rowHasContent = false
            var atFieldStart = true
            rowLoop: while true {
                // Skip leading whitespace when asked (or when splitting on whitespace).
                if separator == nil || options.skipInitialSpace {
                    while i < n, bytes[i] == space || (separator == nil && bytes[i] == tab) { i += 1 }
                    if separator == nil && (i >= n || bytes[i] == newline || bytes[i] == cr) {
                        // Trailing whitespace ends the row, it does not make an empty field.
                        if !atFieldStart || fields.count > rowFieldStart { break rowLoop }
                    }
                }
                if i < n, let comment, bytes[i] == comment {
                    while i < n, bytes[i] != newline { i += 1 }
                    if fields.count > rowFieldStart || !atFieldStart { fields.append(Field(start: i, end: i, hasEscapes: false)); rowHasContent = true }
                    break rowLoop
                }
                if i >= n || bytes[i] == newline || bytes[i] == cr {
                    if fields.count > rowFieldStart || rowHasContent {
                        fields.append(Field(start: i, end: i, hasEscapes: false))
                    }
                    break rowLoop
                }
                rowHasContent = true
                atFieldStart = false
                if bytes[i] == quote {
                    i += 1
                    let start = i
                    var escapes = false
                    while i < n {
                        if bytes[i] == quote {
                            if i + 1 < n, bytes[i + 1] == quote { escapes = true; i += 2; continue }
                            break
                        }
                        if bytes[i] == newline { line += 1 }
                        i += 1
                    }
                    let end = min(i, n)
                    i += 1  // closing quote
                    // Text after the closing quote up to the separator joins the field (rare).
                    while i < n, bytes[i] != newline, bytes[i] != cr, !isSeparator(bytes[i], separator) { i += 1 }
                    fields.append(Field(start: start, end: end, hasEscapes: escapes))
                } else {
                    let start = i
                    while i < n {
                        let b = bytes[i]
                        if b == newline || b == cr || isSeparator(b, separator) { break }
                        if let comment, b == comment { break }
                        i += 1
                    }
                    fields.append(Field(start: start, end: i, hasEscapes: false))
                }
                if i < n, isSeparator(bytes[i], separator) {
                    i += 1
                    if separator == nil {
                        while i < n, bytes[i] == space || bytes[i] == tab { i += 1 }
                        if i >= n || bytes[i] == newline || bytes[i] == cr { break rowLoop }
                    }
                    atFieldStart = true
                    // A separator right before the end of line leaves an empty last field.
                    if i >= n || bytes[i] == newline || bytes[i] == cr {
                        if separator != nil { fields.append(Field(start: i, end: i, hasEscapes: false)) }
                        break rowLoop
                    }
                    continue
                }
                if i < n, let comment, bytes[i] == comment { continue }
                break rowLoop
            }
            // End of line.
            if i < n, bytes[i] == cr { i += 1 }
            if i < n, bytes[i] == newline { i += 1 }
            line += 1
            if fields.count > rowFieldStart {
                // A row of one empty field is a blank line: skipped (skip_blank_lines).
                if fields.count - rowFieldStart == 1, fields[rowFieldStart].start == fields[rowFieldStart].end, !rowHasContentQuoted(rowFieldStart) {
                    fields.removeLast()
                    continue
                }
                rowStarts.append(fields.count)
                rowLines.append(rowLine)
            }
        }
    }

    private func rowHasContentQuoted(_ fieldIndex: Int) -> Bool {
        let f = fields[fieldIndex]
        return f.start > 0 && f.start <= bytes.count && bytes[f.start - 1] == options.quote
    }

    @inline(__always)
    private func isSeparator(_ b: UInt8, _ separator: UInt8?) -> Bool {
        if let separator { return b == separator }
        return b == UInt8(ascii: " ") || b == UInt8(ascii: "\t")
    }
}

extension String {
    func replacingDoubledQuotes(_ quote: Character) -> String {
        var out = ""
        var previousWasQuote = false
        for ch in self {
            if ch == quote && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = ch == quote
            out.append(ch)
        }
        return out
    }
}
