import ML

/// `tf.keras.metrics.Mean(name='mean')`: the running (weighted) mean of every value passed to
/// `update_state`, for hand-written training loops (`train_loss(loss)` each step,
/// `train_loss.result()` each epoch, `reset_state()` between epochs).
final class MeanMetricObject: PyObject, CallableObject {
    let name: String
    var total = 0.0, count = 0.0

    init(name: String) { self.name = name }
    var pyType: PyType { MeanMetricObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<Mean name=\(name)>" }

    func update(_ values: Value, _ weights: Value, _ interp: Runtime) throws {
        let array = try TensorFlowArrayFunctions.array(values, interp).astype(.float64)
        let numbers = try array.doubles()
        if weights.isNone {
            total += numbers.reduce(0, +)
            count += Double(numbers.count)
            return
        }
        let weightArray = try TensorFlowArrayFunctions.array(weights, interp).astype(.float64)
        let broadcast = try weightArray.broadcast(to: array.shape).copy().doubles()
        total += zip(numbers, broadcast).reduce(0) { $0 + $1.0 * $1.1 }
        count += broadcast.reduce(0, +)
    }

    /// The mean so far as a float32 scalar tensor (0 before any update, as Keras gives).
    func result() throws -> Value {
        try TensorFlowArrayFunctions.wrap(NDArray(scalar: Float(count == 0 ? 0 : total / count)))
    }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let values = arguments.positional.first else { throw PyError(.typeError, "Mean.__call__() missing 1 required positional argument: 'values'") }
        let weight = arguments.positional.count > 1 ? arguments.positional[1] : arguments.keywords.first { $0.name == "sample_weight" }?.value ?? .none
        try update(values, weight, interpreter)
        return try result()
    }

    static let type = PyType("Mean", module: "keras.metrics", doc: "The running mean of the values given to update_state.") { t in
        t.constructor("Mean(name='mean', dtype=None)") { args, _ in .object(MeanMetricObject(name: try args.string("name"))) }
        t.method("update_state(values, sample_weight=None)", of: MeanMetricObject.self, doc: "Add values (optionally weighted) to the mean.") { m, args, interp in
            try m.update(args["values"], args["sample_weight"], interp)
            return .none
        }
        t.method("result()", of: MeanMetricObject.self, doc: "The mean so far, a float32 scalar tensor.") { m, _, _ in try m.result() }
        t.method("reset_state()", of: MeanMetricObject.self, doc: "Forget every value seen.") { m, _, _ in
            m.total = 0
            m.count = 0
            return .none
        }
        t.property("name", of: MeanMetricObject.self) { m, _ in .string(m.name) }
    }
}
