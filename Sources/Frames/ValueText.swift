import Foundation

/// pandas' text for one column's values (its `format_array`): the rules every printed frame,
/// Series and `describe()` follow, with pandas' default display precision of 6.
///
/// Floats are written with 6 decimals and then trailing zeros are trimmed equally from the
/// whole column (`1.0, 2.5` → `1.0`, `2.5`; `5.843333` keeps all six), switching to
/// `1.000000e-07` notation when a value would round to zero or a large value makes the
/// column too wide. Values are not padded here; `TextLayout` justifies them.
public enum ValueText {
    public static let precision = 6

    /// The strings pandas shows for `column`, each with the leading space pandas puts before
    /// a value when an index is shown (`leadingSpace`).
    public static func format(_ column: Column, leadingSpace: Bool) -> [String] {
        switch column.storage {
        case .float64(let values): return floats(values, leadingSpace: leadingSpace)
        case .int64(let values): return values.map { leadingSpace && $0 >= 0 ? " \($0)" : "\($0)" }
        case .bool(let values): return values.map { (leadingSpace ? " " : "") + ($0 ? "True" : "False") }
        case .object(let cells): return cells.map { object($0, leadingSpace: leadingSpace) }
        }
    }

    /// An object column's value: strings as they are (tabs and newlines escaped), floats
    /// with 6 decimals trimmed alone, missing as `NaN`.
    static func object(_ cell: FrameScalar, leadingSpace: Bool) -> String {
        let pad = leadingSpace ? " " : ""
        switch cell {
        case .float(let v) where !v.isNaN:
            return trimSingle(String(format: "% .\(precision)f", v))
        case .missing, .float: return pad + "NaN"
        case .string(let s):
            return pad + s.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        default: return pad + cell.description
        }
    }

    static func trimSingle(_ s: String) -> String {
        guard s.contains("."), !s.contains("e") else { return s }
        var t = Substring(s)
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t += "0" }
        return String(t)
    }

    /// A float column: fixed decimals trimmed together, or scientific when needed.
    public static func floats(_ values: [Double], leadingSpace: Bool) -> [String] {
        let fixed = trimZeros(values.map { fixedText($0, leadingSpace: leadingSpace, scientific: false) })
        let tooLong = (fixed.map(\.count).max() ?? 0) > precision + 6
        var large = false, small = false
        for v in values where !v.isNaN {
            let a = Swift.abs(v)
            if a > 1e6 { large = true }
            if a < pow(10, Double(-precision)) && a > 0 { small = true }
        }
        if small || (tooLong && large) {
            return trimZeros(values.map { fixedText($0, leadingSpace: leadingSpace, scientific: true) })
        }
        return fixed
    }

    private static func fixedText(_ v: Double, leadingSpace: Bool, scientific: Bool) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return (v < 0 ? "-" : (leadingSpace ? " " : "")) + "inf" }
        let spec = (leadingSpace ? "% ." : "%.") + "\(precision)" + (scientific ? "e" : "f")
        return String(format: spec, v)
    }

    /// pandas' `_trim_zeros_float`: removes trailing zeros from every plain decimal number
    /// while all of them end in zero, then leaves one digit after the point.
    static func trimZeros(_ strings: [String]) -> [String] {
        var trimmed = strings.map { Substring($0) }
        let isNumber = strings.map(isPlainDecimal)
        guard isNumber.contains(true) else { return strings }
        while zip(trimmed, isNumber).allSatisfy({ !$1 || $0.hasSuffix("0") }) {
            for i in trimmed.indices where isNumber[i] { trimmed[i].removeLast() }
        }
        return trimmed.indices.map { i in
            isNumber[i] && trimmed[i].hasSuffix(".") ? String(trimmed[i]) + "0" : String(trimmed[i])
        }
    }

    /// `^\s*[+-]?[0-9]+\.[0-9]*$`
    static func isPlainDecimal(_ s: String) -> Bool {
        var chars = Substring(s)
        while chars.first == " " { chars.removeFirst() }
        if chars.first == "+" || chars.first == "-" { chars.removeFirst() }
        guard let dot = chars.firstIndex(of: ".") else { return false }
        let whole = chars[..<dot], fraction = chars[chars.index(after: dot)...]
        return !whole.isEmpty && whole.allSatisfy(\.isASCIIDigit) && fraction.allSatisfy(\.isASCIIDigit)
    }

    /// An index's labels as pandas prints them beside rows: left-aligned, without the
    /// leading space values get.
    public static func indexLabels(_ index: FrameIndex) -> [String] {
        let column = index.column
        var strings = format(column, leadingSpace: true)
        if column.dtype != .object {
            let width = strings.map(\.count).max() ?? 0
            strings = strings.map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }
        }
        // trim_front: drop leading spaces that every label has.
        while !strings.isEmpty && strings.allSatisfy({ $0.hasPrefix(" ") }) {
            strings = strings.map { String($0.dropFirst()) }
        }
        return strings
    }

    /// A label (column name, Series name) as pandas prints it in headers.
    public static func label(_ cell: FrameScalar) -> String {
        switch cell {
        case .float(let v): return PythonFloat.repr(v)
        case .missing: return "NaN"
        default: return cell.description
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Joining and justifying blocks of text the way pandas' `adjoin` does.
public enum TextLayout {
    public static func rightJustify(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    public static func leftJustify(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    public static func center(_ s: String, _ width: Int) -> String {
        // Python's str.center: the extra space goes to the right when the gap is odd,
        // unless the string length is odd (CPython's rule: left = gap/2 + (gap & width & 1)).
        let gap = width - s.count
        guard gap > 0 else { return s }
        let left = gap / 2 + (gap & width & 1)
        return String(repeating: " ", count: left) + s + String(repeating: " ", count: gap - left)
    }

    /// Columns of text side by side, each padded to its widest line plus `space`; shorter
    /// columns are padded at the top.
    public static func adjoin(_ space: Int, _ columns: [[String]]) -> String {
        guard !columns.isEmpty else { return "" }
        var widths = columns.dropLast().map { ($0.map(\.count).max() ?? 0) + space }
        widths.append(columns.last?.map(\.count).max() ?? 0)
        let height = columns.map(\.count).max() ?? 0
        var lines = [String](repeating: "", count: height)
        for (c, column) in columns.enumerated() {
            let pad = height - column.count
            for row in 0..<height {
                let text = row < pad ? "" : column[row - pad]
                lines[row] += leftJustify(text, widths[c])
            }
        }
        return lines.joined(separator: "\n")
    }
}
