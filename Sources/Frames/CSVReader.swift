import ML

/// `pd.read_csv`: CSV bytes to a frame, with pandas' header rules and type inference.
public enum CSVReader {
    /// Reads the file at `path` (gzip-compressed when it ends in `.gz`, as pandas infers).
    /// - Throws: `FrameError` `FileNotFoundError` with pandas' message, parser errors.
    public static func read(path: String, options: CSVOptions) throws -> DataFrame {
        guard FileBytes.exists(path), !FileBytes.isDirectory(path) else {
            if FileBytes.isDirectory(path) { throw FrameError(.fileNotFound, "[Errno 21] Is a directory: \(PythonFloat.quote(path))") }
            throw FrameError(.fileNotFound, "[Errno 2] No such file or directory: \(PythonFloat.quote(path))")
        }
        var bytes = try FileBytes.read(path)
        if path.hasSuffix(".gz") { bytes = try Inflate.gunzip(bytes, name: path) }
        return try parse(bytes, options: options)
    }

    /// Parses CSV text.
    public static func parse(_ input: [UInt8], options: CSVOptions) throws -> DataFrame {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // UTF-8 byte-order mark
        var tokenizer = CSVTokenizer(bytes: bytes, options: options)
        tokenizer.tokenize()
        var firstRow = min(options.skipRows, tokenizer.rowCount)
        let headerRow: Int?
        switch options.header {
        case .infer: headerRow = options.names == nil ? 0 : nil
        case .none: headerRow = nil
        case .row(let r): headerRow = r
        }
        var labels: [String]
        if let headerRow {
            let row = firstRow + headerRow
            guard row < tokenizer.rowCount else {
                throw FrameError(.emptyData, "No columns to parse from file")
            }
            labels = (0..<tokenizer.fieldCount(row: row)).map { tokenizer.text(tokenizer.field(row: row, column: $0)) }
            labels = mangleDuplicates(labels.enumerated().map { $1.isEmpty ? "Unnamed: \($0)" : $1 })
            firstRow = row + 1
            if let names = options.names { labels = names }
        } else if let names = options.names {
            labels = names
        } else {
            guard firstRow < tokenizer.rowCount else { throw FrameError(.emptyData, "No columns to parse from file") }
            labels = (0..<tokenizer.fieldCount(row: firstRow)).map(String.init)
        }
        let lastRow = options.rowLimit.map { min(firstRow + $0, tokenizer.rowCount) } ?? tokenizer.rowCount
        let width = labels.count
        // Rows with more fields than labels: pandas' ParserError (an implicit index when
        // the header is one short is the one exception).
        var implicitIndex = false
        for r in firstRow..<max(firstRow, lastRow) where tokenizer.fieldCount(row: r) > width {
            if r == firstRow, tokenizer.fieldCount(row: r) == width + 1, headerRow != nil, options.indexColumn == nil {
                implicitIndex = true
                continue
            }
            if implicitIndex && tokenizer.fieldCount(row: r) == width + 1 { continue }
            throw FrameError(.parserError, "Error tokenizing data. C error: Expected \(width + (implicitIndex ? 1 : 0)) fields in line \(tokenizer.rowLines[r]), saw \(tokenizer.fieldCount(row: r))")
        }
        let fileWidth = width + (implicitIndex ? 1 : 0)
        let fileLabels = (implicitIndex ? [""] : []) + labels
        var chosen = Array(0..<fileWidth)
        if let use = options.useColumns {
            var keep = Set<Int>()
            for ref in use {
                switch ref {
                case .position(let p):
                    guard (0..<fileWidth).contains(p) else {
                        throw FrameError(.parserError, "Defining usecols with out-of-bounds indices is not allowed. [\(p)] are out-of-bounds.")
                    }
                    keep.insert(p)
                case .name(let n):
                    guard let p = fileLabels.firstIndex(of: n) else {
                        throw FrameError.value("Usecols do not match columns, columns expected but not found: [\(PythonFloat.quote(n))]")
                    }
                    keep.insert(p)
                }
            }
            chosen = chosen.filter(keep.contains)
        }
        let naValues = (options.keepDefaultNA ? CSVOptions.defaultNAValues : []).union(options.naValues)
        var columns: [Column] = []
        for c in chosen {
            let forced = options.dtypes[fileLabels[c]] ?? options.dtypes[nil]
            columns.append(try ColumnParser.parse(tokenizer, column: c, rows: firstRow..<max(firstRow, lastRow),
                                                  naValues: naValues, dtype: forced, name: fileLabels[c]))
        }
        var columnLabels = chosen.map { fileLabels[$0] }
        var index: FrameIndex? = nil
        var indexPosition: Int? = implicitIndex ? 0 : nil
        if let ref = options.indexColumn {
            switch ref {
            case .position(let p):
                guard (0..<columns.count).contains(p) else { throw FrameError(.indexError, "list index out of range") }
                indexPosition = p
            case .name(let n):
                guard let p = columnLabels.firstIndex(of: n) else { throw FrameError.value("Index \(n) invalid") }
                indexPosition = p
            }
        }
        if let p = indexPosition {
            let name: FrameScalar? = implicitIndex && options.indexColumn == nil ? nil : .string(columnLabels[p])
            index = FrameIndex(.labels(columns[p]), name: name)
            columns.remove(at: p)
            columnLabels.remove(at: p)
        }
        return try DataFrame(columns: columns, labels: .names(columnLabels), index: index ?? .range(max(lastRow - firstRow, 0)))
    }

    /// pandas renames repeated header names `a`, `a.1`, `a.2`.
    static func mangleDuplicates(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        var out: [String] = []
        for name in names {
            var candidate = name
            if let n = seen[name] {
                var k = n
                repeat { k += 1; candidate = "\(name).\(k)" } while seen[candidate] != nil
                seen[name] = k
            }
            seen[candidate] = seen[candidate] ?? 0
            out.append(candidate)
        }
        return out
    }
}

/// Reads one column's fields with pandas' inference: int64 when every value is an integer,
/// float64 when they are numbers (or integers with gaps), bool for True/False, else object.
enum ColumnParser {
    static func parse(_ t: CSVTokenizer, column c: Int, rows: Range<Int>, naValues: Set<String>,
                      dtype forced: ColumnDType?, name: String) throws -> Column {
        let count = rows.count
        var missing = [Bool](repeating: false, count: count)
        var ints = [Int64]()
        var isInt = forced == nil || forced == .int64
        var anyMissing = false
        ints.reserveCapacity(count)
        // Fields as small strings (inline, no allocation when short).
        var texts = [Substring]()
        texts.reserveCapacity(count)
        let bytes = t.bytes
        for (k, r) in rows.enumerated() {
            guard c < t.fieldCount(row: r) else {
                missing[k] = true; anyMissing = true; texts.append(""); ints.append(0)
                continue
            }
            let f = t.field(row: r, column: c)
            if isInt, !f.hasEscapes, let v = parseInt(bytes, f.start, f.end) {
                ints.append(v)
                texts.append("")
                continue
            }
            let s = Substring(t.text(f))
            if naValues.contains(String(s)) {
                missing[k] = true; anyMissing = true; ints.append(0); texts.append("")
                continue
            }
            isInt = false
            ints.append(0)
            texts.append(s)
        }
        // Every field was an integer or missing.
        if isInt && forced != .object && forced != .bool {
            if !anyMissing && forced != .float64 { return Column(ints: ints) }
            if forced == .int64 { throw FrameError.value("Integer column has NA values in column \(name)") }
            return Column(doubles: (0..<count).map { missing[$0] ? .nan : Double(ints[$0]) })
        }
        // Rebuild text for the fields parsed as ints before the first non-int.
        func textAt(_ k: Int) -> Substring {
            if missing[k] { return "" }
            if !texts[k].isEmpty { return texts[k] }
            let r = rows.lowerBound + k
            return Substring(t.text(t.field(row: r, column: c)))
        }
        if forced == nil || forced == .float64 {
            var doubles = [Double]()
            doubles.reserveCapacity(count)
            var ok = true
            for k in 0..<count {
                if missing[k] { doubles.append(.nan); continue }
                guard let d = parseDouble(textAt(k)) else { ok = false; break }
                doubles.append(d)
            }
            if ok { return Column(doubles: doubles) }
            if forced == .float64 {
                let bad = (0..<count).first { !missing[$0] && parseDouble(textAt($0)) == nil } ?? 0
                throw FrameError.value("could not convert string to float: \(PythonFloat.quote(String(textAt(bad))))")
            }
        }
        if forced == nil || forced == .bool {
            var bools = [Bool]()
            var ok = !anyMissing
            if ok {
                for k in 0..<count {
                    switch textAt(k) {
                    case "True", "TRUE", "true": bools.append(true)
                    case "False", "FALSE", "false": bools.append(false)
                    default: ok = false
                    }
                    if !ok { break }
                }
            }
            if ok { return Column(bools: bools) }
        }
        if forced == .int64 {
            let bad = (0..<count).first { !missing[$0] && Int64(String(textAt($0)).trimmingSpaces) == nil } ?? 0
            throw FrameError.value("invalid literal for int() with base 10: \(PythonFloat.quote(String(textAt(bad))))")
        }
        return Column(cells: (0..<count).map { missing[$0] ? .missing : .string(String(textAt($0))) })
    }

    /// An optionally signed decimal integer filling the field (spaces around allowed).
    @inline(__always)
    static func parseInt(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int64? {
        var i = start, e = end
        while i < e, bytes[i] == 0x20 { i += 1 }
        while e > i, bytes[e - 1] == 0x20 { e -= 1 }
        guard i < e else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { negative = bytes[i] == UInt8(ascii: "-"); i += 1 }
        guard i < e, e - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < e {
            let d = bytes[i] &- 48
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        return negative ? -value : value
    }

    /// A float as pandas' parser reads one (`1.5`, `-2e3`, `inf`, `nan`), spaces allowed.
    static func parseDouble(_ s: Substring) -> Double? {
        var t = s
        while t.first == " " { t.removeFirst() }
        while t.last == " " { t.removeLast() }
        guard let first = t.first, first.isASCIIDigit || first == "-" || first == "+" || first == "." || first == "i" || first == "I" || first == "n" || first == "N" else { return nil }
        if let d = Double(t) { return d }
        switch t.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }
}
