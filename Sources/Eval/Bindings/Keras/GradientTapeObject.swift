import ML

/// `tf.GradientTape()`: records operations inside its `with` block, then gives gradients.
final class GradientTapeObject: PyObject {
    let tape: GradientTape

    init(_ tape: GradientTape) { self.tape = tape }

    var pyType: PyType { GradientTapeObject.type }

    func enter(_ interpreter: Runtime) throws -> Value {
        KerasState.of(interpreter).eager.begin(tape)
        return .object(self)
    }

    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool {
        KerasState.of(interpreter).eager.end(tape)
        return false
    }

    func repr(_ interpreter: Runtime) throws -> String { "<tensorflow.GradientTape object>" }

    /// A gradient source as the tape knows it, or nil for a value that cannot be one.
    static func source(_ value: Value) -> GradientTape.Source? {
        if let v = value.object(as: VariableObject.self) { return .variable(v.variable) }
        if let t = value.object(as: TensorObject.self) { return .tensor(t.tensor) }
        return nil
    }

    static let type = PyType("GradientTape", module: "tensorflow", doc: """
        Records operations for automatic differentiation.

            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(w * x - y))
            grads = tape.gradient(loss, [w])

        Trainable variables read inside the block are watched automatically; other tensors
        need tape.watch(t). A tape answers one gradient() call unless persistent=True.
        """) { t in
        t.constructor("GradientTape(persistent=False, watch_accessed_variables=True)") { args, _ in
            .object(GradientTapeObject(GradientTape(persistent: try args.bool("persistent"),
                                                    watchAccessedVariables: try args.bool("watch_accessed_variables"))))
        }
        t.method("watch(tensor)", of: GradientTapeObject.self, doc: "Watches a tensor (or a list of them) so gradients can be taken with respect to it.") { object, args, interpreter in
            let value = args["tensor"]
            let items: [Value] = (value.object(as: ListObject.self) != nil || value.object(as: TupleObject.self) != nil) ? try interpreter.collect(value) : [value]
            for item in items {
                switch source(item) {
                case .tensor(let tensor)?: object.tape.watch(tensor)
                case .variable(let variable)?: object.tape.watch(variable)
                case nil: throw PyError(.valueError, "watch() takes tensors or variables, not \(item.typeName); convert arrays with tf.constant first")
                }
            }
            return .none
        }
        t.method("gradient(target, sources, output_gradients=None, unconnected_gradients='none')", of: GradientTapeObject.self,
                 doc: "The gradient of `target` with respect to each of `sources` (a tensor or variable, or a list or tuple of them); None where target does not depend on a source.") { object, args, interpreter in
            let targetValue = args["target"]
            guard let target = targetValue.object(as: TensorObject.self)?.tensor else {
                throw PyError(.valueError, "gradient() target must be a tensor computed inside the tape's `with` block, not \(targetValue.typeName)")
            }
            let seed = try args.optional("output_gradients").map { try TensorTypes.tensor($0, interpreter) }
            let zeros = try args.string("unconnected_gradients").lowercased() == "zero"
            let sourcesValue = args["sources"]
            let isSequence = sourcesValue.object(as: ListObject.self) != nil || sourcesValue.object(as: TupleObject.self) != nil
            let items = isSequence ? try interpreter.collect(sourcesValue) : [sourcesValue]
            let sources = try items.map { item -> GradientTape.Source in
                guard let source = source(item) else {
                    throw PyError(.valueError, "gradient() sources must be tensors or variables, got \(item.typeName)")
                }
                return source
            }
            let gradients = try object.tape.gradient(target, sources: sources, outputGradient: seed)
            let values = try zip(gradients, sources).map { gradient, source -> Value in
                if let gradient { return TensorTypes.wrap(gradient) }
                return zeros ? TensorTypes.wrap(try Tensor.zeros(source.shape)) : .none
            }
            guard isSequence else { return values[0] }
            return sourcesValue.object(as: TupleObject.self) != nil ? .tuple(values) : .list(values)
        }
        t.method("watched_variables()", of: GradientTapeObject.self, doc: "The variables this tape watched.") { object, _, _ in
            .tuple(object.tape.watchedVariables.map { .object(VariableObject($0)) })
        }
    }
}
