import ML

/// The `tf.*` functions: tensor creation, differentiable math (recorded by tapes), and
/// `tf.random`.
enum TensorFlowFunctions {
    /// `axis=None`, an int, or a list/tuple of ints.
    static func axes(_ value: Value, _ interpreter: Runtime) throws -> [Int]? {
        switch value {
        case .none: return nil
        case .int(let i): return [i]
        default:
            if let i = value.asIndex { return [i] }
            return try interpreter.collect(value).map { item in
                guard let i = item.asIndex else { throw PyError(.typeError, "axis must be an int or a list of ints, not \(item.typeName)") }
                return i
            }
        }
    }

    /// A shape argument: an int, or a list/tuple of ints.
    static func shape(_ value: Value, _ interpreter: Runtime) throws -> [Int] {
        if let i = value.asIndex { return [i] }
        if let t = value.object(as: TensorObject.self) {
            return try t.tensor.scalars.map { element in
                guard let extent = CheckedSize.int(Double(element)) else { throw PyError(.valueError, "shape must be finite integers, got \(element)") }
                return extent
            }
        }
        return try interpreter.collect(value).map { item in
            guard let i = item.asIndex else { throw PyError(.typeError, "shape must be a tuple of ints, got an element of type \(item.typeName)") }
            return i
        }
    }

    /// `shape` for a new tensor: negative, overflowing or larger-than-memory shapes refused
    /// before anything counts or allocates its elements.
    static func newShape(_ value: Value, _ interpreter: Runtime) throws -> [Int] {
        let extents = try shape(value, interpreter)
        try CheckedSize.reserve(extents, elementSize: MemoryLayout<Float>.stride)
        return extents
    }

    static func checkFloatDType(_ value: Value?, _ interpreter: Runtime) throws {
        guard let value else { return }
        let name: String
        if let d = value.object(as: TensorDTypeObject.self) { name = d.name } else { name = try interpreter.str(value) }
        guard ["float32", "float", "tf.float32", "float64", "tf.float64", "<class 'float'>", "<dtype: 'float32'>"].contains(name) else {
            throw PyError(.notImplementedError, "SwiftML tensors are float32; dtype=\(name) is not supported (convert integer labels with tf.cast(x, tf.float32) or keep them as NumPy arrays)")
        }
    }

    /// Adds the unary math functions, each recorded by tapes.
    static func addUnary(to module: Module) {
        let unary: [(String, String, (EagerContext, Tensor) -> Tensor)] = [
            ("exp", "e raised to each element.", { $0.exp($1) }),
            ("log", "Natural logarithm of each element.", { $0.log($1) }),
            ("log1p", "log(1 + x) of each element.", { $0.log1p($1) }),
            ("sqrt", "Square root of each element.", { $0.sqrt($1) }),
            ("square", "Each element squared.", { $0.square($1) }),
            ("abs", "Absolute value of each element.", { $0.abs($1) }),
            ("tanh", "Hyperbolic tangent of each element.", { $0.tanh($1) }),
            ("sigmoid", "The logistic function 1 / (1 + e^-x) of each element.", { $0.sigmoid($1) }),
            ("sin", "Sine of each element.", { $0.sin($1) }),
            ("cos", "Cosine of each element.", { $0.cos($1) }),
            ("negative", "-x, elementwise.", { $0.negative($1) }),
        ]
        for (name, doc, op) in unary {
            module.function("\(name)(x, name=None)", doc: doc) { args, interpreter in
                let eager = KerasState.of(interpreter).eager
                return TensorTypes.wrap(op(eager, try TensorTypes.tensor(args["x"], interpreter)))
            }
        }
    }

    /// Adds the binary math functions, broadcasting as NumPy does.
    static func addBinary(to module: Module) {
        let binary: [(String, String, (EagerContext, Tensor, Tensor) throws -> Tensor)] = [
            ("add", "x + y, elementwise with broadcasting.", { try $0.add($1, $2) }),
            ("subtract", "x - y, elementwise with broadcasting.", { try $0.subtract($1, $2) }),
            ("multiply", "x * y, elementwise with broadcasting.", { try $0.multiply($1, $2) }),
            ("divide", "x / y, elementwise with broadcasting.", { try $0.divide($1, $2) }),
            ("pow", "x ** y, elementwise with broadcasting.", { try $0.pow($1, $2) }),
            ("maximum", "The larger of x and y, elementwise.", { try $0.maximum($1, $2) }),
            ("minimum", "The smaller of x and y, elementwise.", { try $0.minimum($1, $2) }),
        ]
        for (name, doc, op) in binary {
            module.function("\(name)(x, y, name=None)", doc: doc) { args, interpreter in
                let eager = KerasState.of(interpreter).eager
                return TensorTypes.wrap(try op(eager, try TensorTypes.tensor(args["x"], interpreter), try TensorTypes.tensor(args["y"], interpreter)))
            }
        }
    }

    /// Adds the reductions (`reduce_sum`, …) with `axis` and `keepdims`.
    static func addReductions(to module: Module) {
        let reductions: [(String, String, (EagerContext, Tensor, [Int]?, Bool) throws -> Tensor)] = [
            ("reduce_sum", "Sum over `axis` (all elements when None).", { try $0.reduceSum($1, axes: $2, keepDims: $3) }),
            ("reduce_mean", "Mean over `axis` (all elements when None).", { try $0.reduceMean($1, axes: $2, keepDims: $3) }),
            ("reduce_max", "Maximum over `axis` (all elements when None).", { try $0.reduceMax($1, axes: $2, keepDims: $3) }),
            ("reduce_min", "Minimum over `axis` (all elements when None).", { try $0.reduceMin($1, axes: $2, keepDims: $3) }),
        ]
        for (name, doc, op) in reductions {
            module.function("\(name)(input_tensor, axis=None, keepdims=False, name=None)", doc: doc) { args, interpreter in
                let eager = KerasState.of(interpreter).eager
                let x = try TensorTypes.tensor(args["input_tensor"], interpreter)
                return TensorTypes.wrap(try op(eager, x, try axes(args["axis"], interpreter), try args.bool("keepdims")))
            }
        }
    }

    /// The functions that `tf` and `tf.math` share, and `tf`'s own.
    static func addCore(to tf: Module) {
        addUnary(to: tf)
        addBinary(to: tf)
        addReductions(to: tf)
        tf.function("constant(value, dtype=None, shape=None, name=None)", doc: "A tensor holding `value` (a number, nested lists, or a NumPy array), as float32.") { args, interpreter in
            try checkFloatDType(args.optional("dtype"), interpreter)
            var tensor = try TensorTypes.tensor(args["value"], interpreter)
            if let shapeValue = args.optional("shape") {
                let target = try shape(shapeValue, interpreter)
                if tensor.count == 1 { tensor = try Tensor(repeating: try tensor.scalarValue(), shape: target) } else { tensor = try tensor.reshaped(target) }
            }
            return TensorTypes.wrap(tensor)
        }
        tf.function("convert_to_tensor(value, dtype=None, name=None)", doc: "`value` as a tensor (tensors are returned as they are).") { args, interpreter in
            try checkFloatDType(args.optional("dtype"), interpreter)
            if let t = args["value"].object(as: TensorObject.self) { return .object(t) }
            return TensorTypes.wrap(try TensorTypes.tensor(args["value"], interpreter))
        }
        tf.function("cast(x, dtype, name=None)", doc: "`x` as a float32 tensor (the only element type SwiftML tensors have).") { args, interpreter in
            try checkFloatDType(args["dtype"], interpreter)
            return TensorTypes.wrap(try TensorTypes.tensor(args["x"], interpreter))
        }
        tf.function("zeros(shape, dtype=None, name=None)", doc: "A tensor of zeros.") { args, interpreter in
            TensorTypes.wrap(try Tensor.zeros(try shape(args["shape"], interpreter)))
        }
        tf.function("ones(shape, dtype=None, name=None)", doc: "A tensor of ones.") { args, interpreter in
            TensorTypes.wrap(try Tensor.ones(try shape(args["shape"], interpreter)))
        }
        tf.function("zeros_like(input, dtype=None, name=None)", doc: "Zeros of `input`'s shape.") { args, interpreter in
            TensorTypes.wrap(try Tensor.zeros(try TensorTypes.tensor(args["input"], interpreter).shape))
        }
        tf.function("ones_like(input, dtype=None, name=None)", doc: "Ones of `input`'s shape.") { args, interpreter in
            TensorTypes.wrap(try Tensor.ones(try TensorTypes.tensor(args["input"], interpreter).shape))
        }
        tf.function("matmul(a, b, transpose_a=False, transpose_b=False, name=None)", doc: "Matrix product a @ b.") { args, interpreter in
            let eager = KerasState.of(interpreter).eager
            var a = try TensorTypes.tensor(args["a"], interpreter), b = try TensorTypes.tensor(args["b"], interpreter)
            if try args.bool("transpose_a") { a = try eager.transpose(a) }
            if try args.bool("transpose_b") { b = try eager.transpose(b) }
            return TensorTypes.wrap(try eager.matmul(a, b))
        }
        tf.function("reshape(tensor, shape, name=None)", doc: "The same elements in another shape (one extent may be -1).") { args, interpreter in
            TensorTypes.wrap(try KerasState.of(interpreter).eager.reshape(try TensorTypes.tensor(args["tensor"], interpreter), try shape(args["shape"], interpreter)))
        }
        tf.function("transpose(a, perm=None, name=None)", doc: "Axes reversed, or permuted by `perm`.") { args, interpreter in
            let perm = try args.optional("perm").map { try shape($0, interpreter) }
            return TensorTypes.wrap(try KerasState.of(interpreter).eager.transpose(try TensorTypes.tensor(args["a"], interpreter), permutation: perm))
        }
        tf.function("clip_by_value(t, clip_value_min, clip_value_max, name=None)", doc: "Values clipped to [min, max].") { args, interpreter in
            TensorTypes.wrap(KerasState.of(interpreter).eager.clip(try TensorTypes.tensor(args["t"], interpreter),
                                                                   low: Float(try args.double("clip_value_min")), high: Float(try args.double("clip_value_max"))))
        }
        tf.function("shape(input, name=None)", doc: "The shape of `input` as a tensor.") { args, interpreter in
            let t = try TensorTypes.tensor(args["input"], interpreter)
            return TensorTypes.wrap(Tensor(t.shape.map { Float($0) }))
        }
        tf.function("linspace(start, stop, num, name=None)", doc: "`num` evenly spaced values from start to stop.") { args, _ in
            let start = try args.double("start"), stop = try args.double("stop"), num = try args.int("num")
            guard num >= 1 else { throw PyError(.valueError, "num must be positive, got \(num)") }
            try CheckedSize.reserve(count: num, elementSize: MemoryLayout<Float>.stride)
            return TensorTypes.wrap(Tensor((0..<num).map { Float(start + (stop - start) * Double($0) / Double(max(num - 1, 1))) }))
        }
    }

    static func addNN(to nn: Module) {
        for (name, activation) in [("relu", Activation.relu), ("sigmoid", .sigmoid), ("tanh", .tanh), ("softmax", .softmax),
                                   ("elu", .elu(alpha: 1)), ("leaky_relu", .leakyRelu(alpha: 0.2)), ("softplus", .softplus), ("selu", .selu)] {
            nn[name] = .object(ActivationFunctionObject(activation, module: nn.name))
        }
    }

    static func addRandom(to random: Module) {
        random.function("set_seed(seed)", doc: "Seeds weight initialisation, shuffling and dropout: the same seed gives the same training run, bit for bit.") { args, interpreter in
            let seed = try args.int("seed")
            KerasState.of(interpreter).random.reseed(UInt64(bitPattern: Int64(seed)))
            return .none
        }
        random.function("normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None, name=None)", doc: "Normally distributed values.") { args, interpreter in
            let shape = try newShape(args["shape"], interpreter)
            let mean = try args.double("mean"), stddev = try args.double("stddev")
            let source = KerasState.of(interpreter).random
            let count = shape.reduce(1, *)
            try interpreter.checkAllocation(count: count, elementSize: 4)
            return TensorTypes.wrap(try Tensor((0..<count).map { _ in Float(mean + stddev * source.stream.nextNormal()) }, shape: shape))
        }
        random.function("uniform(shape, minval=0, maxval=None, dtype=None, seed=None, name=None)", doc: "Uniformly distributed values in [minval, maxval) (maxval defaults to 1).") { args, interpreter in
            let shape = try newShape(args["shape"], interpreter)
            let low = try args.double("minval"), high = try args.optionalDouble("maxval") ?? 1
            let source = KerasState.of(interpreter).random
            let count = shape.reduce(1, *)
            try interpreter.checkAllocation(count: count, elementSize: 4)
            return TensorTypes.wrap(try Tensor((0..<count).map { _ in Float(low + (high - low) * source.stream.nextUnitDouble()) }, shape: shape))
        }
    }
}
