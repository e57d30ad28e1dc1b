import ML

/// `tf` functions that rearrange whole tensors (`tf.concat`, `tf.stack`, `tf.unstack`,
/// `tf.split`, `tf.tile`, `tf.gather`, `tf.where`, `tf.squeeze`, `tf.expand_dims`,
/// `tf.one_hot`, `tf.random.shuffle`, `tf.newaxis`), computed with the NumPy kernels on the
/// tensors' values. They are for data handling: a GradientTape does not record them.
enum TensorFlowArrayFunctions {
    static func register(_ tf: Module) {
        tf.members["newaxis"] = Value.none  // (the subscript setter would read .none as "remove")
        tf.function("concat(values, axis, name=None)", doc: "Tensors joined along an existing axis.") { args, interp in
            try wrap(NDArray.concatenate(arrays(args["values"], interp), axis: args.int("axis")))
        }
        tf.function("stack(values, axis=0, name=None)", doc: "Tensors of one shape joined along a new axis.") { args, interp in
            try wrap(NDArray.stack(arrays(args["values"], interp), axis: args.int("axis")))
        }
        tf.function("unstack(value, num=None, axis=0, name=None)", doc: "The tensors along an axis, as a list.") { args, interp in
            let source = try array(args["value"], interp)
            let axis = try NDArray.normalizeAxis(args.int("axis"), ndim: source.ndim)
            return .list(try (0..<source.shape[axis]).map { position in
                var index = [ArrayIndex](repeating: .all, count: source.ndim)
                index[axis] = .int(position)
                return try wrap(source.subscripted(index))
            })
        }
        tf.function("split(value, num_or_size_splits, axis=0, num=None, name=None)", doc: "Equal parts (a count) or parts of the given sizes along an axis, as a list.") { args, interp in
            let source = try array(args["value"], interp)
            let axis = try NDArray.normalizeAxis(args.int("axis"), ndim: source.ndim)
            let length = source.shape[axis]
            var sizes: [Int]
            if let count = args["num_or_size_splits"].asIndex {
                guard count > 0, length % count == 0 else {
                    throw PyError(.valueError, "Dimension size must be evenly divisible by \(count) but is \(length) for 'Split' (axis \(axis))")
                }
                sizes = Array(repeating: length / count, count: count)
            } else {
                sizes = try ArrayConversion.shape(args["num_or_size_splits"], interp, name: "num_or_size_splits")
                if let unknown = sizes.firstIndex(of: -1) { sizes[unknown] = length - sizes.reduce(0, +) - 1 }
                guard sizes.reduce(0, +) == length, sizes.allSatisfy({ $0 >= 0 }) else {
                    throw PyError(.valueError, "Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified. Got: \(sizes.reduce(0, +)) vs. \(length)")
                }
            }
            var start = 0
            return .list(try sizes.map { size in
                var index = [ArrayIndex](repeating: .all, count: source.ndim)
                index[axis] = .slice(start: start, stop: start + size, step: nil)
                start += size
                return try wrap(source.subscripted(index))
            })
        }
        tf.function("tile(input, multiples, name=None)", doc: "The tensor repeated multiples[i] times along each axis.") { args, interp in
            let source = try array(args["input"], interp)
            let multiples = try ArrayConversion.shape(args["multiples"], interp, name: "multiples")
            guard multiples.count == source.ndim else {
                throw PyError(.valueError, "Expected multiples argument to be a vector of length \(source.ndim) but got length \(multiples.count)")
            }
            guard multiples.allSatisfy({ $0 >= 0 }) else { throw PyError(.valueError, "Expected multiples[i] >= 0") }
            try interp.checkAllocation(count: source.size, times: multiples.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }, elementSize: 4)
            var result = source
            for (axis, count) in multiples.enumerated() where count != 1 {
                result = try NDArray.concatenate(Array(repeating: result, count: count), axis: axis)
            }
            return try wrap(result)
        }
        tf.function("gather(params, indices, axis=None, batch_dims=0, name=None)", doc: "Slices of params at the given indices along an axis (0 by default).") { args, interp in
            guard try args.int("batch_dims") == 0 else { throw PyError(.notImplementedError, "tf.gather with batch_dims is not supported") }
            let source = try array(args["params"], interp)
            let indices = try ArrayConversion.array(args["indices"], interp)
            guard indices.dtype.isInteger || indices.size == 0 else { throw PyError(.typeError, "indices must be integers, got \(indices.dtype.name)") }
            return try wrap(source.taking(indices, axis: ArrayConversion.axis(args["axis"]) ?? 0))
        }
        tf.function("where(condition, x=None, y=None, name=None)", doc: "Elements of x where condition is true and of y elsewhere (broadcast). With condition only, SwiftML refuses: it returns int64 coordinates, which SwiftML tensors cannot hold.") { args, interp in
            guard !args["x"].isNone, !args["y"].isNone else {
                throw PyError(.notImplementedError, "tf.where(condition) (the coordinates of true elements, int64) is not supported: SwiftML tensors are float32; use np.argwhere on the NumPy values")
            }
            let condition = try ArrayConversion.array(args["condition"], interp).astype(.bool)
            return try wrap(NDArray.select(condition, .array(array(args["x"], interp)), .array(array(args["y"], interp))))
        }
        tf.function("squeeze(input, axis=None, name=None)", doc: "Axes of length 1 removed (only those in axis when given).") { args, interp in
            try wrap(array(args["input"], interp).squeezed(axes: ArrayConversion.axes(args["axis"], interp)))
        }
        tf.function("expand_dims(input, axis, name=None)", doc: "A new axis of length 1 inserted at axis.") { args, interp in
            let source = try array(args["input"], interp)
            let axis = try args.int("axis")
            return try wrap(source.expandingDimensions(at: NDArray.normalizeAxis(axis, ndim: source.ndim + 1)))
        }
        tf.function("one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None)", doc: "One-hot rows of length depth (float32); indices outside [0, depth) give all-off rows.") { args, interp in
            try TensorFlowFunctions.checkFloatDType(args.optional("dtype"), interp)
            let axis = try args.optionalInt("axis")
            guard axis == nil || axis == -1 else { throw PyError(.notImplementedError, "tf.one_hot with an axis other than -1 is not supported") }
            let indices = try ArrayConversion.array(args["indices"], interp)
            let depth = try args.int("depth")
            guard depth >= 0 else { throw PyError(.valueError, "depth must be non-negative, got: \(depth)") }
            try interp.checkAllocation(count: indices.size, times: depth, elementSize: 4)
            let on = Float(try args.optionalDouble("on_value") ?? 1), off = Float(try args.optionalDouble("off_value") ?? 0)
            let positions = try indices.astype(.int64).scalars(as: Int64.self)
            var values = [Float](repeating: off, count: positions.count * depth)
            for (row, position) in positions.enumerated() where position >= 0 && position < Int64(depth) {
                values[row * depth + Int(position)] = on
            }
            return try wrap(NDArray(values, shape: indices.shape + [depth]))
        }
    }

    static func registerRandom(_ random: Module) {
        random.function("shuffle(value, seed=None, name=None)", doc: "The tensor's rows in a random order (from the session's seeded generator, so tf.random.set_seed makes it repeatable).") { args, interp in
            let source = try array(args["value"], interp)
            guard source.ndim >= 1 else { throw PyError(.valueError, "tf.random.shuffle needs a tensor of at least one dimension") }
            let order: [Int]
            if let seed = try args.optionalInt("seed") {
                var stream = RandomStream(seed: UInt64(bitPattern: Int64(seed)))
                order = stream.permutation(source.shape[0])
            } else {
                order = KerasState.of(interp).random.stream.permutation(source.shape[0])
            }
            return try wrap(source.subscripted([.array(NDArray(order.map { Int64($0) }))]))
        }
    }

    static func array(_ value: Value, _ interp: Runtime) throws -> NDArray {
        if let tensor = value.object(as: TensorObject.self) { return try tensor.tensor.ndarray() }
        return try ArrayConversion.array(value, interp, dtype: .float32)
    }

    static func arrays(_ value: Value, _ interp: Runtime) throws -> [NDArray] {
        try interp.collect(value).map { try array($0, interp) }
    }

    static func wrap(_ array: NDArray) throws -> Value {
        TensorTypes.wrap(try Tensor(array.astype(.float32)))
    }
}
