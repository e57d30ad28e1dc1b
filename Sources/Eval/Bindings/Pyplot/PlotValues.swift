import ML
import Rendering

/// Conversions from cell values (numbers, lists, tuples, NumPy arrays) to the plain Swift
/// data the renderer takes, with Python-style errors for anything that does not fit.
enum PlotValues {
    /// Numbers with their shape: a scalar has shape [], a list of lists [rows, columns].
    struct Numbers {
        var shape: [Int]
        var values: [Double]
        var count: Int { values.count }
    }

    /// The `ML.NDArray` behind a NumPy array or scalar object, or nil for any other value.
    static func ndarray(in value: Value) -> NDArray? {
        guard case .object(let object) = value else { return nil }
        if let convertible = object as? any ArrayConvertible { return try? convertible.toNDArray() }
        return (object as? ArrayBacked)?.array
    }

    /// Numbers from a scalar, a (nested) sequence or an array; `name` is used in errors.
    static func numbers(_ value: Value, _ interp: Runtime, name: String) throws -> Numbers {
        if let array = ndarray(in: value) {
            do {
                return Numbers(shape: array.shape, values: try array.doubles())
            } catch {
                throw PyError(.typeError, "\(name) must contain numbers: \(error)")
            }
        }
        switch value {
        case .int, .float, .bool:
            return Numbers(shape: [], values: [value.asDouble ?? 0])
        case .none:
            throw PyError(.typeError, "\(name) must be numbers, not None")
        case .string(let s):
            throw PyError(.typeError, "\(name) must be numbers, not the string '\(s)'")
        case .object:
            let items: [Value]
            do { items = try interp.collect(value) } catch {
                if let d = value.asDouble { return Numbers(shape: [], values: [d]) }
                throw PyError(.typeError, "\(name) must be a number or a sequence of numbers, not '\(value.typeName)'")
            }
            if items.isEmpty { return Numbers(shape: [0], values: []) }
            var rows: [Numbers] = []
            rows.reserveCapacity(items.count)
            for item in items {
                switch item {
                case .int, .float, .bool:
                    rows.append(Numbers(shape: [], values: [item.asDouble ?? 0]))
                default:
                    rows.append(try numbers(item, interp, name: name))
                }
            }
            let inner = rows[0].shape
            guard rows.allSatisfy({ $0.shape == inner }) else {
                throw PyError(.valueError, "\(name): setting an array element with a sequence. The requested array has an inhomogeneous shape")
            }
            return Numbers(shape: [items.count] + inner, values: rows.flatMap(\.values))
        }
    }

    /// A flat list of numbers (any shape is flattened).
    static func flat(_ value: Value, _ interp: Runtime, name: String) throws -> [Double] {
        try numbers(value, interp, name: name).values
    }

    /// Strings when every item of a sequence is a string (categorical axes), else nil.
    static func strings(_ value: Value, _ interp: Runtime) -> [String]? {
        guard case .object = value, ndarray(in: value) == nil, let items = try? interp.collect(value), !items.isEmpty else { return nil }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            out.append(s)
        }
        return out
    }

    /// A colour from a name, hex string, grey level string, or an RGB(A) tuple.
    static func color(_ value: Value, _ interp: Runtime) throws -> Color {
        switch value {
        case .string(let s): return try rendering { try ColorSpec.parse(s) }
        default:
            let n = try numbers(value, interp, name: "color")
            return try rendering { try ColorSpec.fromComponents(n.values) }
        }
    }

    /// One colour or one per item: a single colour spec, or a sequence of specs.
    static func colors(_ value: Value, _ interp: Runtime) throws -> [Color] {
        if case .string = value { return [try color(value, interp)] }
        if let single = try? color(value, interp) { return [single] }
        return try interp.collect(value).map { try color($0, interp) }
    }

    /// A colormap from a name ('viridis', 'gray_r') or a colormap object (`plt.cm.binary`).
    static func colormap(_ value: Value?, _ interp: Runtime) throws -> Colormap? {
        guard let value, !value.isNone else { return nil }
        if let object = value.object(as: ColormapObject.self) { return object.colormap }
        guard case .string(let name) = value else {
            throw PyError(.typeError, "cmap must be a colormap name or a Colormap, not '\(value.typeName)'")
        }
        return try rendering { try Colormap(named: name) }
    }

    /// A NumPy array of `values` when numpy is importable, else a list.
    static func array(_ values: [Double], _ interp: Runtime) -> Value {
        let list = Value.list(values.map(Value.float))
        if let np = try? interp.importModule("numpy"), let make = np["array"],
           let result = try? interp.call(make, list) {
            return result
        }
        return list
    }
}

/// Runs renderer code, turning its errors into Python's ValueError with the same message.
func rendering<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as RenderingError {
        throw PyError(.valueError, error.description)
    }
}
