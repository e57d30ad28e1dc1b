/// `repr()` and `str()` of arrays and NumPy scalars, character for character as NumPy 2
/// prints them with its default options (precision 8, line width 75, summarising arrays over
/// 1000 elements with 3 edge items). The structure follows NumPy's `arrayprint` module:
/// one formatter per dtype sized from the displayed elements, then nested brackets with
/// line wrapping.
/// NumPy's print options (`np.set_printoptions`) that SwiftML honours.
public struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point for floats (at most; fewer when they suffice).
    public var precision = 8
    /// Arrays with more elements than this are summarised with `...`.
    public var threshold = 1000
    /// Elements shown at each end of a summarised axis.
    public var edgeItems = 3
    /// Characters per line before wrapping.
    public var lineWidth = 75
    /// Never use scientific notation for small numbers; print them as zero at this precision.
    public var suppressSmall = false

    public init() {}
}

enum ArrayPrinter {
    /// `repr(a)`: `array([1., 2.], dtype=float32)`.
    static func repr(_ array: NDArray, _ options: PrintOptions) -> String {
        let prefix = "array("
        let lineWidth = options.lineWidth
        let body = array.size == 0 ? "[]" : arrayToString(array, options, lineWidth: lineWidth - 1, separator: ", ", prefix: prefix)
        var extras: [String] = []
        if (array.size == 0 && array.shape != [0]) || array.size > options.threshold {
            extras.append("shape=\(formatShape(array.shape))")
        }
        if !array.dtype.isImpliedInRepr || array.size == 0 {
            extras.append("dtype=\(array.dtype.name)")
        }
        if extras.isEmpty { return prefix + body + ")" }
        let head = prefix + body + ","
        let extraText = extras.joined(separator: ", ") + ")"
        let lastLineLength = head.count - ((head.lastIndex(of: "\n").map { head.distance(from: head.startIndex, to: $0) + 1 }) ?? 0)
        let spacer = lastLineLength + extraText.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return head + spacer + extraText
    }

    /// `str(a)` / `print(a)`: `[1. 2.]`; a 0-d array prints as its scalar.
    static func str(_ array: NDArray, _ options: PrintOptions) -> String {
        if array.ndim == 0 { return scalarStr(array) }
        if array.size == 0 { return "[]" }
        return arrayToString(array, options, lineWidth: options.lineWidth, separator: " ", prefix: "")
    }

    /// NumPy 2's scalar repr: `np.float32(0.5)`, `np.int64(3)`, `np.True_`.
    static func scalarRepr(_ scalar: NDArray) -> String {
        switch scalar.dtype {
        case .bool: return scalar.element(Bool.self) ? "np.True_" : "np.False_"
        default: return "np.\(scalar.dtype.name)(\(scalarStr(scalar)))"
        }
    }

    /// NumPy's scalar str: `0.5`, `3`, `True`.
    static func scalarStr(_ scalar: NDArray) -> String {
        switch scalar.dtype {
        case .float32: FloatText.scalar(scalar.element(Float.self))
        case .float64: FloatText.scalar(scalar.element(Double.self))
        case .int64: String(scalar.element(Int64.self))
        case .uint8: String(scalar.element(UInt8.self))
        case .bool: scalar.element(Bool.self) ? "True" : "False"
        }
    }

    // MARK: - array2string

    private static func arrayToString(_ array: NDArray, _ options: PrintOptions, lineWidth: Int, separator: String, prefix: String) -> String {
        let summarise = array.size > options.threshold
        let edgeItems = options.edgeItems
        let displayed = summarise ? leadingAndTrailing(array, edgeItems: edgeItems) : array
        let formatter = ElementFormatter(displayed, options)
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        return formatNested(array, formatter: formatter, lineWidth: lineWidth, nextLinePrefix: nextLinePrefix,
                            separator: separator, summaryInsert: summarise ? "..." : "", edgeItems: edgeItems)
    }

    /// The elements a summary shows: the first and last `edgeItems` along each long axis.
    private static func leadingAndTrailing(_ array: NDArray, edgeItems: Int) -> NDArray {
        var parts = [array]
        for axis in 0..<array.ndim where array.shape[axis] > 2 * edgeItems {
            parts = parts.map { part in
                let length = part.shape[axis]
                var head = part, tail = part
                head.shape[axis] = edgeItems
                tail.shape[axis] = edgeItems
                tail.offset += (length - edgeItems) * part.strides[axis]
                // Both halves are views of the array being printed; joining them cannot fail
                // for lack of memory in any way that matters (a few thousand elements).
                return (try? NDArray.concatenate([head, tail], axis: axis)) ?? head
            }
        }
        return parts[0]
    }

    private static func formatNested(_ array: NDArray, formatter: ElementFormatter, lineWidth: Int, nextLinePrefix: String,
                                     separator: String, summaryInsert: String, edgeItems: Int) -> String {
        let trimmedSeparator = String(separator.reversed().drop(while: { $0 == " " }).reversed())

        func extendLine(_ text: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String) {
            var needsWrap = line.count + word.count > width
            if line.count <= indent.count { needsWrap = false }
            if needsWrap {
                text += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
                line = indent
            }
            line += word
        }

        func recurse(_ view: NDArray, _ hangingIndent: String, _ width: Int) -> String {
            if view.ndim == 0 { return formatter.format(view) }
            let nextIndent = hangingIndent + " "
            let nextWidth = width - 1
            let length = view.shape[0]
            let summary = !summaryInsert.isEmpty && 2 * edgeItems < length
            let leading = summary ? edgeItems : 0
            let trailing = summary ? edgeItems : length
            var text = ""
            if view.ndim == 1 {
                let elementWidth = width - Swift.max(trimmedSeparator.count, 1)
                var line = hangingIndent
                for index in 0..<leading {
                    extendLine(&text, &line, recurse(view.element(at: index), nextIndent, nextWidth), elementWidth, hangingIndent)
                    line += separator
                }
                if summary {
                    extendLine(&text, &line, summaryInsert, elementWidth, hangingIndent)
                    line += separator
                }
                for back in stride(from: trailing, to: 1, by: -1) {
                    extendLine(&text, &line, recurse(view.element(at: length - back), nextIndent, nextWidth), elementWidth, hangingIndent)
                    line += separator
                }
                extendLine(&text, &line, recurse(view.element(at: length - 1), nextIndent, nextWidth), elementWidth, hangingIndent)
                text += line
            } else {
                let lineSeparator = trimmedSeparator + String(repeating: "\n", count: view.ndim - 1)
                for index in 0..<leading {
                    text += hangingIndent + recurse(view.element(at: index), nextIndent, nextWidth) + lineSeparator
                }
                if summary { text += hangingIndent + summaryInsert + lineSeparator }
                for back in stride(from: trailing, to: 1, by: -1) {
                    text += hangingIndent + recurse(view.element(at: length - back), nextIndent, nextWidth) + lineSeparator
                }
                text += hangingIndent + recurse(view.element(at: length - 1), nextIndent, nextWidth)
            }
            return "[" + text.dropFirst(hangingIndent.count) + "]"
        }

        return recurse(array, nextLinePrefix, lineWidth)
    }
}

/// Formats single elements of one array consistently: widths and digit counts are chosen
/// from all displayed elements first, as NumPy's `FloatingFormat`, `IntegerFormat` and
/// `BoolFormat` do.
struct ElementFormatter {
    private enum Style {
        case float(FloatStyle)
        case integer(width: Int)
        case bool(trueText: String)
    }

    private struct FloatStyle {
        var exponential = false
        var precision = 8
        var minDigits = 0
        var trim = FloatTrim.trimZeros
        var padLeft = 0
        var padRight = 0
        var exponentDigits = -1
    }

    private let style: Style

    init(_ data: NDArray, _ options: PrintOptions) {
        switch data.dtype {
        case .float32: style = .float(ElementFormatter.floatStyle((try? data.scalars(as: Float.self)) ?? [], options))
        case .float64: style = .float(ElementFormatter.floatStyle((try? data.scalars(as: Double.self)) ?? [], options))
        case .int64, .uint8:
            let values = (try? data.astype(.int64).scalars(as: Int64.self)) ?? []
            let width = values.isEmpty ? 0 : Swift.max(String(values.max() ?? 0).count, String(values.min() ?? 0).count)
            style = .integer(width: width)
        case .bool:
            style = .bool(trueText: data.ndim == 0 ? "True" : " True")
        }
    }

    func format(_ element: NDArray) -> String {
        switch style {
        case .integer(let width):
            let text = element.dtype == .uint8 ? String(element.element(UInt8.self)) : String(element.element(Int64.self))
            return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
        case .bool(let trueText):
            return element.element(Bool.self) ? trueText : "False"
        case .float(let style):
            return element.dtype == .float32
                ? ElementFormatter.formatFloat(element.element(Float.self), style)
                : ElementFormatter.formatFloat(element.element(Double.self), style)
        }
    }

    private static func floatStyle<T: FloatElement>(_ values: [T], _ options: PrintOptions) -> FloatStyle {
        var style = FloatStyle()
        let precision = options.precision
        style.precision = precision
        let finite = values.filter { $0.isFinite }
        let magnitudes = finite.filter { $0 != 0 }.map { Swift.abs($0) }
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            if largest >= 1e8 || (!options.suppressSmall && (smallest < 0.0001 || Double(largest) / Double(smallest) > 1000)) {
                style.exponential = true
            }
        }
        if finite.isEmpty {
            style.padLeft = 0
            style.padRight = 0
        } else if style.exponential {
            let texts = finite.map { FloatText.scientific($0, precision: precision, trim: .trimZeros) }
            var fractionWidth = 0, integerWidth = 0, exponentWidth = 0
            for text in texts {
                let parts = text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
                let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                integerWidth = Swift.max(integerWidth, mantissa[0].count)
                fractionWidth = Swift.max(fractionWidth, mantissa.count > 1 ? mantissa[1].count : 0)
                exponentWidth = Swift.max(exponentWidth, parts.count > 1 ? parts[1].count - 1 : 0)
            }
            style.exponentDigits = exponentWidth
            style.trim = .keepZeros
            style.precision = fractionWidth
            style.minDigits = fractionWidth
            style.padLeft = integerWidth
            style.padRight = exponentWidth + 2 + fractionWidth
        } else {
            let texts = finite.map { FloatText.positional($0, precision: precision, trim: .trimZeros) }
            var fractionWidth = 0, integerWidth = 0
            for text in texts {
                let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                integerWidth = Swift.max(integerWidth, parts[0].count)
                fractionWidth = Swift.max(fractionWidth, parts.count > 1 ? parts[1].count : 0)
            }
            style.padLeft = integerWidth
            style.padRight = fractionWidth
            style.trim = .trimZeros
            style.minDigits = 0
        }
        if finite.count != values.count {
            let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 } ? 1 : 0
            let offset = style.padRight + 1
            style.padLeft = Swift.max(style.padLeft, 3 - offset, 3 + negativeInfinity - offset)
        }
        return style
    }

    private static func formatFloat<T: FloatElement>(_ value: T, _ style: FloatStyle) -> String {
        if !value.isFinite {
            let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return String(repeating: " ", count: Swift.max(0, style.padLeft + style.padRight + 1 - text.count)) + text
        }
        if style.exponential {
            return FloatText.scientific(value, precision: style.precision, minDigits: style.minDigits, trim: style.trim,
                                        padLeft: style.padLeft, exponentDigits: style.exponentDigits)
        }
        return FloatText.positional(value, precision: style.precision, minDigits: style.minDigits, trim: style.trim,
                                    padLeft: style.padLeft, padRight: style.padRight)
    }
}

extension NDArray {
    /// The sub-array at `index` along the first axis, as a view (no bounds check: internal).
    func element(at index: Int) -> NDArray {
        NDArray(storage: storage, dtype: dtype, shape: Array(shape.dropFirst()), strides: Array(strides.dropFirst()),
                offset: offset + index * strides[0])
    }

    /// The first element, typed (callers check the dtype).
    func element<T>(_ type: T.Type) -> T {
        withExtendedLifetime(self) { basePointer(T.self).pointee }
    }

    /// NumPy's `repr(a)`, e.g. `array([[1, 2],\n       [3, 4]])`.
    public var numpyRepr: String { ArrayPrinter.repr(self, PrintOptions()) }

    /// NumPy's `str(a)`, what `print(a)` shows, e.g. `[[1 2]\n [3 4]]`.
    public var numpyStr: String { ArrayPrinter.str(self, PrintOptions()) }

    /// `repr(a)` under `np.set_printoptions`-style options.
    public func numpyRepr(options: PrintOptions) -> String { ArrayPrinter.repr(self, options) }

    /// `str(a)` under `np.set_printoptions`-style options.
    public func numpyStr(options: PrintOptions) -> String { ArrayPrinter.str(self, options) }

    /// For a 0-d array seen as a NumPy scalar: `np.float32(0.5)`, `np.int64(3)`, `np.True_`.
    public var numpyScalarRepr: String { ArrayPrinter.scalarRepr(self) }

    /// For a 0-d array seen as a NumPy scalar: `0.5`, `3`, `True`.
    public var numpyScalarStr: String { ArrayPrinter.scalarStr(self) }
}

extension NDArray: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { numpyStr }
    public var debugDescription: String { numpyRepr }
}
