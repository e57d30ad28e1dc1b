import Frames

/// What `s.unique()` returns for text: NumPy's `dtype=object` array, which SwiftML's arrays do
/// not have; it prints, iterates, indexes and converts to a list like one.
final class ObjectArrayObject: PyObject {
    let items: [FrameScalar]
    init(_ items: [FrameScalar]) { self.items = items }
    var pyType: PyType { ObjectArrayObject.type }

    func length(_ interpreter: Runtime) throws -> Int? { items.count }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { ValuesIterator(items.map(FrameValues.plain)) }
    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        guard let i = key.asIndex else { throw PyError(.indexError, "only integers are supported for object arrays in SwiftML") }
        let p = i < 0 ? i + items.count : i
        guard items.indices.contains(p) else { throw PyError(.indexError, "index \(i) is out of bounds for axis 0 with size \(items.count)") }
        return FrameValues.plain(items[p])
    }
    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? { items.contains(try FrameValues.cell(item, interpreter)) }

    /// NumPy's repr, wrapped at 75 columns under `array([`.
    func repr(_ interpreter: Runtime) throws -> String {
        let texts = items.map { $0.isMissing ? "nan" : $0.repr }
        var lines: [String] = []
        var line = "array(["
        for (k, t) in texts.enumerated() {
            let piece = t + (k == texts.count - 1 ? "" : ",")
            if line.count + piece.count + 1 > 75, line != "array([" {
                lines.append(line)
                line = "       " + piece
            } else {
                line += (line == "array([" ? "" : " ") + piece
            }
        }
        lines.append(line + "], dtype=object)")
        return lines.joined(separator: "\n")
    }

    func str(_ interpreter: Runtime) throws -> String {
        "[" + items.map { $0.isMissing ? "nan" : $0.repr }.joined(separator: " ") + "]"
    }

    static let type = PyType("ndarray", module: "numpy", doc: "A NumPy array of Python objects (text values from pandas).") { t in
        t.method("tolist()", of: ObjectArrayObject.self, doc: "The values as a list.") { o, _, _ in .list(o.items.map(FrameValues.plain)) }
        t.property("shape", of: ObjectArrayObject.self, doc: "(length,)") { o, _ in .tuple([.int(o.items.count)]) }
        t.property("size", of: ObjectArrayObject.self, doc: "length") { o, _ in .int(o.items.count) }
        t.property("dtype", of: ObjectArrayObject.self, doc: "object") { _, _ in .object(PandasDTypeObject(.object)) }
    }
}
