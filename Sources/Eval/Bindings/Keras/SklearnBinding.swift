import ML

/// The array helpers the Keras datasets share (the scikit-learn binding itself lives in
/// `Bindings/SKLearn`).
enum SklearnBinding {
    /// A loaded data file as a NumPy array of its own dtype.
    static func ndarray(_ loaded: LoadedArray) throws -> NDArray {
        switch loaded.elements {
        case .uint8(let values): return try NDArray(values, shape: loaded.shape)
        case .int64(let values): return try NDArray(values, shape: loaded.shape)
        case .float32(let values): return try NDArray(values, shape: loaded.shape)
        case .float64(let values): return try NDArray(values, shape: loaded.shape)
        case .bool(let values): return try NDArray(values, shape: loaded.shape)
        }
    }

    /// Keras's `to_categorical`: float64 one-hot rows, a trailing axis of 1 dropped first.
    static func toCategorical(_ value: Value, classes: Int?, _ interpreter: Runtime) throws -> Value {
        let array = try ArrayConversion.array(value, interpreter)
        var shape = array.shape
        if shape.count > 1, shape.last == 1 { shape.removeLast() }
        let labels = try array.astype(.int64).scalars(as: Int64.self)
        let count = (labels.max().map { Int($0) } ?? -1) + 1
        let classCount = classes ?? count
        if let bad = labels.first(where: { $0 < 0 || Int($0) >= classCount }) {
            throw PyError(.indexError, "index \(bad) is out of bounds for axis 1 with size \(classCount)")
        }
        try interpreter.checkAllocation(count: labels.count, times: classCount, elementSize: 8)
        var values = [Double](repeating: 0, count: labels.count * classCount)
        for (i, label) in labels.enumerated() { values[i * classCount + Int(label)] = 1 }
        return ArrayConversion.wrap(try NDArray(values, shape: shape + [classCount]))
    }
}
