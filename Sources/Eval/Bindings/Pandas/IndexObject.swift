import Frames
import ML

/// `df.index` / `df.columns`: pandas' `Index` or `RangeIndex`.
final class IndexObject: PyObject {
    let index: FrameIndex
    init(_ index: FrameIndex) { self.index = index }
    var pyType: PyType { IndexObject.type }

    func length(_ interpreter: Runtime) throws -> Int? { index.count }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let position = key.asIndex {
            let p = position < 0 ? position + index.count : position
            guard (0..<index.count).contains(p) else {
                throw PyError(.indexError, "index \(position) is out of bounds for axis 0 with size \(index.count)")
            }
            return FrameValues.value(index[p])
        }
        let positions = try Positions.select(key, count: index.count, interpreter)
        return .object(IndexObject(index.taking(positions)))
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        ValuesIterator(index.labels.map(FrameValues.plain))
    }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        index.contains(try FrameValues.cell(item, interpreter))
    }

    func repr(_ interpreter: Runtime) throws -> String { Self.repr(index) }

    static func repr(_ index: FrameIndex) -> String {
        let nameText = index.name.map { ", name=\($0.repr)" } ?? ""
        if case .range(let start, let step, let count) = index.storage {
            return "RangeIndex(start=\(start), stop=\(start + step * count), step=\(step)\(nameText))"
        }
        let items = index.labels.map { $0.isMissing ? "nan" : $0.repr }
        let summary = ObjectSummary.format(items, name: "Index")
        return "Index(\(summary)dtype='\(index.dtype)'\(nameText))"
    }

    static let type = PyType("Index", module: "pandas", doc: "Row or column labels of a DataFrame or Series.") { t in
        t.method("tolist()", of: IndexObject.self, doc: "The labels as a list.") { o, _, _ in FrameValues.list(o.index.column) }
        t.method("to_list()", of: IndexObject.self, doc: "The labels as a list.") { o, _, _ in FrameValues.list(o.index.column) }
        t.method("to_numpy()", of: IndexObject.self, doc: "The labels as an array.") { o, _, _ in
            ArrayConversion.wrap(try o.index.column.ndarray())
        }
        t.property("values", of: IndexObject.self, doc: "The labels as an array.") { o, _ in ArrayConversion.wrap(try o.index.column.ndarray()) }
        t.property("name", of: IndexObject.self, doc: "The index's name.") { o, _ in o.index.name.map(FrameValues.plain) ?? .none }
        t.property("dtype", of: IndexObject.self, doc: "The labels' dtype.") { o, interp in try PandasDTypes.value(o.index.dtype, interp) }
        t.property("size", of: IndexObject.self, doc: "Number of labels.") { o, _ in .int(o.index.count) }
        t.property("shape", of: IndexObject.self, doc: "(number of labels,)") { o, _ in .tuple([.int(o.index.count)]) }
    }
}

/// Iterates over a fixed list of values.
final class ValuesIterator: PyIterator {
    private var items: [Value]
    private var position = 0
    init(_ items: [Value]) { self.items = items }
    func next(_ interpreter: Runtime) throws -> Value? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
}

/// pandas' `format_object_summary`: a list of items wrapped at the display width, with
/// continuation lines indented under the opening bracket.
enum ObjectSummary {
    static func format(_ items: [String], name: String, width: Int = 80, maxItems: Int = 100) -> String {
        let space1 = "\n" + String(repeating: " ", count: name.count + 1)
        let space2 = "\n" + String(repeating: " ", count: name.count + 2)
        let n = items.count
        if n == 0 { return "[], " }
        if n == 1 { return "[\(items[0])], " }
        if n == 2 { return "[\(items[0]), \(items[1])], " }
        let truncated = n > maxItems
        var head: [String] = [], tail: [String]
        if truncated {
            let k = min(maxItems / 2, 10)
            head = Array(items.prefix(k)); tail = Array(items.suffix(k))
        } else {
            tail = items
        }
        if truncated || !(head.joined(separator: ", ").count < width && tail.joined(separator: ", ").count < width) {
            let longest = max(head.map(\.count).max() ?? 0, tail.map(\.count).max() ?? 0)
            head = head.map { TextLayout.rightJustify($0, longest) }
            tail = tail.map { TextLayout.rightJustify($0, longest) }
        }
        func rstrip(_ s: String) -> String {
            var t = Substring(s)
            while t.last == " " { t.removeLast() }
            return String(t)
        }
        var summary = ""
        var line = space2
        func extend(_ value: String, _ limit: Int) {
            if rstrip(line).count + rstrip(value).count >= limit {
                summary += rstrip(line)
                line = space2
            }
            line += value
        }
        for h in head { extend(h + ", ", width) }
        if truncated {
            summary += rstrip(line) + space2 + "..."
            line = space2
        }
        for t in tail.dropLast() { extend(t + ", ", width) }
        extend(tail[tail.count - 1], width - 2)
        summary += line
        summary += "],"
        summary += summary.count > width ? space1 : " "
        return "[" + summary.dropFirst(space2.count)
    }
}

/// Positions chosen by a positional key: an int, a slice, a list of ints, or a boolean mask.
enum Positions {
    static func select(_ key: Value, count: Int, _ interp: Runtime) throws -> [Int] {
        if let slice = key.object(as: SliceObject.self) { return try range(slice, count: count) }
        if let p = key.asIndex, !(key.object(as: NDArrayObject.self) != nil) {
            let q = p < 0 ? p + count : p
            guard (0..<count).contains(q) else { throw PyError(.indexError, "single positional indexer is out-of-bounds") }
            return [q]
        }
        let column = try FrameValues.column(key, interp)
        if case .bool(let mask) = column.storage {
            guard mask.count == count else {
                throw PyError(.indexError, "Boolean index has wrong length: \(mask.count) instead of \(count)")
            }
            return mask.indices.filter { mask[$0] }
        }
        guard case .int64(let ints) = column.storage else {
            if column.count == 0 { return [] }
            throw PyError(.indexError, ".iloc requires numeric indexers, got \(try interp.repr(key))")
        }
        return try ints.map { p in
            let q = Int(p) < 0 ? Int(p) + count : Int(p)
            guard (0..<count).contains(q) else { throw PyError(.indexError, "positional indexers are out-of-bounds") }
            return q
        }
    }

    /// Python's slice.indices(count) as positions.
    static func range(_ slice: SliceObject, count: Int) throws -> [Int] {
        func bound(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            guard let i = v.asIndex else { throw PyError(.typeError, "slice indices must be integers or None or have an __index__ method") }
            return i
        }
        let step = try bound(slice.step) ?? 1
        guard step != 0 else { throw PyError(.valueError, "slice step cannot be zero") }
        func clamp(_ v: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
            guard var v else { return defaultValue }
            if v < 0 { v += count }
            return min(max(v, low), high)
        }
        if step > 0 {
            let start = clamp(try bound(slice.start), 0, low: 0, high: count)
            let stop = clamp(try bound(slice.stop), count, low: 0, high: count)
            return Array(stride(from: start, to: stop, by: step))
        }
        let start = clamp(try bound(slice.start), count - 1, low: -1, high: count - 1)
        let stop = clamp(try bound(slice.stop), -1, low: -1, high: count - 1)
        return Array(stride(from: start, to: stop, by: step))
    }
}
