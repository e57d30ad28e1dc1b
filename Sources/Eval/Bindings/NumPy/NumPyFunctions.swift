import ML

/// The functions of the `numpy` module, grouped by what they do. Each is registered with its
/// NumPy signature and a docstring (shown by `help`, `np.f?` and completion).
enum NumPyFunctions {
    // MARK: - Creation

    static func registerCreation(_ np: Module) {
        np.function("array(object, dtype=None, copy=True, ndmin=0)", doc: """
            Create an array from nested lists or tuples of numbers, or from another array
            (copied unless copy=False). The dtype is inferred (bool, int64 or float64) unless given.
            """) { args, interp in
            var result = try ArrayConversion.array(args["object"], interp, dtype: ArrayConversion.dtype(args["dtype"]))
            if try args.bool("copy"), case .object(let object) = args["object"], let backed = object as? any ArrayBacked,
               result.sharesStorage(with: backed.array) {
                result = try result.copy()
            }
            let minimum = try args.int("ndmin")
            while result.ndim < minimum { result = try result.expandingDimensions(at: 0) }
            return ArrayConversion.wrap(result)
        }
        np.function("asarray(a, dtype=None)", doc: "Convert the input to an array, without copying when it already is one.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp, dtype: ArrayConversion.dtype(args["dtype"])))
        }
        np.function("copy(a)", doc: "Return an array copy of the given object.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).copy())
        }
        np.function("zeros(shape, dtype=float)", doc: "Return a new array of given shape and type, filled with zeros.") { args, interp in
            ArrayConversion.wrap(try NDArray.zeros(ArrayConversion.shape(args["shape"], interp), dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64))
        }
        np.function("ones(shape, dtype=None)", doc: "Return a new array of given shape and type, filled with ones.") { args, interp in
            ArrayConversion.wrap(try NDArray.ones(ArrayConversion.shape(args["shape"], interp), dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64))
        }
        np.function("empty(shape, dtype=float)", doc: "Return a new array of given shape and type (SwiftML fills it with zeros).") { args, interp in
            ArrayConversion.wrap(try NDArray.zeros(ArrayConversion.shape(args["shape"], interp), dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64))
        }
        np.function("full(shape, fill_value, dtype=None)", doc: "Return a new array of given shape and type, filled with fill_value.") { args, interp in
            let shape = try ArrayConversion.shape(args["shape"], interp)
            let dtype = try ArrayConversion.dtype(args["dtype"])
            switch try ArrayConversion.operand(args["fill_value"], interp) {
            case .scalar(let value): return ArrayConversion.wrap(try NDArray.full(shape, value: value, dtype: dtype))
            case .array(let value):
                let result = try NDArray.zeros(shape, dtype: dtype ?? value.dtype)
                try result.assign(from: value)
                return ArrayConversion.wrap(result)
            }
        }
        for (name, fill, doc) in [("zeros_like", ScalarValue.int(0), "Return an array of zeros with the same shape and type as a given array."),
                                  ("ones_like", ScalarValue.int(1), "Return an array of ones with the same shape and type as a given array."),
                                  ("empty_like", ScalarValue.int(0), "Return a new array with the same shape and type as a given array (zero-filled).")] {
            np.function("\(name)(a, dtype=None)", doc: doc) { args, interp in
                let source = try ArrayConversion.array(args["a"], interp)
                return ArrayConversion.wrap(try source.full(like: fill, dtype: ArrayConversion.dtype(args["dtype"])))
            }
        }
        np.function("full_like(a, fill_value, dtype=None)", doc: "Return a full array with the same shape and type as a given array.") { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let result = try NDArray.zeros(source.shape, dtype: ArrayConversion.dtype(args["dtype"]) ?? source.dtype)
            try result.assign(from: ArrayConversion.array(args["fill_value"], interp))
            return ArrayConversion.wrap(result)
        }
        np.function("arange(start, stop=None, step=None, dtype=None)", doc: """
            Return evenly spaced values within [start, stop): arange(stop), arange(start, stop)
            or arange(start, stop, step). int64 for integer arguments, float64 otherwise.
            """) { args, interp in
            func number(_ value: Value) throws -> ScalarValue {
                switch value {
                case .int(let v): return .int(v)
                case .bool(let v): return .int(v ? 1 : 0)
                case .float(let v): return .float(v)
                default:
                    if let index = value.asIndex { return .int(index) }
                    if let double = value.asDouble { return .float(double) }
                    throw PyError(.typeError, "unsupported type for arange: '\(value.typeName)'")
                }
            }
            let first = try number(args["start"])
            let dtype = try ArrayConversion.dtype(args["dtype"])
            let step = args["step"].isNone ? ScalarValue.int(1) : try number(args["step"])
            if args["stop"].isNone {
                return ArrayConversion.wrap(try NDArray.arange(stop: first, step: step, dtype: dtype))
            }
            return ArrayConversion.wrap(try NDArray.arange(start: first, stop: number(args["stop"]), step: step, dtype: dtype))
        }
        np.function("linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None)", doc: """
            Return num evenly spaced numbers over [start, stop] (stop excluded when endpoint is
            False). With retstep, also return the spacing.
            """) { args, _ in
            let (values, step) = try NDArray.linspace(start: args.double("start"), stop: args.double("stop"), count: args.int("num"),
                                                      endpoint: args.bool("endpoint"), dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64)
            if try args.bool("retstep") { return .tuple([ArrayConversion.wrap(values), .object(NumPyScalarObject(NDArray(scalar: step)))]) }
            return ArrayConversion.wrap(values)
        }
        np.function("eye(N, M=None, k=0, dtype=float)", doc: "Return a 2-D array with ones on the k-th diagonal and zeros elsewhere.") { args, _ in
            ArrayConversion.wrap(try NDArray.eye(args.int("N"), columns: args.optionalInt("M"), k: args.int("k"),
                                                 dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64))
        }
        np.function("identity(n, dtype=None)", doc: "Return the identity array of size n.") { args, _ in
            ArrayConversion.wrap(try NDArray.eye(args.int("n"), dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64))
        }
        np.function("meshgrid(*xi, indexing='xy')", doc: "Return coordinate matrices from coordinate vectors (for plotting surfaces and decision boundaries).") { args, interp in
            let vectors = try args.variadicPositional.map { try ArrayConversion.array($0, interp).reshaped([-1]) }
            let cartesian = try args.string("indexing") == "xy"
            var shape = vectors.map { $0.size }
            if cartesian && shape.count >= 2 { shape.swapAt(0, 1) }
            let grids = try vectors.enumerated().map { position, vector -> Value in
                var axis = position
                if cartesian && vectors.count >= 2 && position < 2 { axis = 1 - position }
                var viewShape = [Int](repeating: 1, count: shape.count)
                viewShape[axis] = vector.size
                return ArrayConversion.wrap(try vector.reshaped(viewShape).broadcast(to: shape).copy())
            }
            return .tuple(grids)
        }
    }

    // MARK: - Shape

    static func registerShape(_ np: Module) {
        np.function("reshape(a, shape, order='C')", doc: "Gives a new shape to an array without changing its data; one dimension may be -1.") { args, interp in
            try ArrayMembers.checkOrder(args)
            return ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).reshaped(ArrayConversion.shape(args["shape"], interp)))
        }
        np.function("transpose(a, axes=None)", doc: "Returns an array with axes transposed (reversed by default).") { args, interp in
            let axes = args["axes"].isNone ? nil : try ArrayConversion.shape(args["axes"], interp)
            return ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).transposed(axes))
        }
        np.function("swapaxes(a, axis1, axis2)", doc: "Interchange two axes of an array.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).swappingAxes(args.int("axis1"), args.int("axis2")))
        }
        np.function("ravel(a, order='C')", doc: "Return a contiguous flattened array.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).raveled())
        }
        np.function("squeeze(a, axis=None)", doc: "Remove axes of length one.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).squeezed(axes: ArrayConversion.axes(args["axis"], interp)))
        }
        np.function("expand_dims(a, axis)", doc: "Insert a new axis of length one at position axis.") { args, interp in
            var result = try ArrayConversion.array(args["a"], interp)
            guard let axes = try ArrayConversion.axes(args["axis"], interp) else {
                throw PyError(.typeError, "'NoneType' object cannot be interpreted as an integer")
            }
            let finalDimensions = result.ndim + axes.count
            for axis in try axes.map({ try NDArray.normalizeAxis($0, ndim: finalDimensions) }).sorted() {
                result = try result.expandingDimensions(at: axis)
            }
            return ArrayConversion.wrap(result)
        }
        np.function("concatenate(arrays, axis=0)", doc: "Join a sequence of arrays along an existing axis (flattened first when axis is None).") { args, interp in
            let arrays = try sequence(args["arrays"], interp)
            return ArrayConversion.wrap(try NDArray.concatenate(arrays, axis: ArrayConversion.axis(args["axis"])))
        }
        np.function("stack(arrays, axis=0)", doc: "Join a sequence of arrays of the same shape along a new axis.") { args, interp in
            ArrayConversion.wrap(try NDArray.stack(sequence(args["arrays"], interp), axis: args.int("axis")))
        }
        np.function("vstack(tup)", doc: "Stack arrays in sequence vertically (row wise).") { args, interp in
            ArrayConversion.wrap(try NDArray.vstack(sequence(args["tup"], interp)))
        }
        np.function("hstack(tup)", doc: "Stack arrays in sequence horizontally (column wise).") { args, interp in
            ArrayConversion.wrap(try NDArray.hstack(sequence(args["tup"], interp)))
        }
        np.function("column_stack(tup)", doc: "Stack 1-D arrays as columns into a 2-D array.") { args, interp in
            let columns = try sequence(args["tup"], interp).map { $0.ndim < 2 ? try $0.reshaped([-1, 1]) : $0 }
            return ArrayConversion.wrap(try NDArray.concatenate(columns, axis: 1))
        }
        np.function("flip(m, axis=None)", doc: "Reverse the order of elements along the given axis (all axes when None).") { args, interp in
            let source = try ArrayConversion.array(args["m"], interp)
            let axes = try ArrayConversion.axes(args["axis"], interp)?.map { try NDArray.normalizeAxis($0, ndim: source.ndim) } ?? Array(0..<source.ndim)
            let index = (0..<source.ndim).map { axes.contains($0) ? ArrayIndex.slice(start: nil, stop: nil, step: -1) : .all }
            return ArrayConversion.wrap(try source.subscripted(index))
        }
        np.function("tile(A, reps)", doc: "Construct an array by repeating A the number of times given by reps.") { args, interp in
            let source = try ArrayConversion.array(args["A"], interp)
            var reps = try ArrayConversion.shape(args["reps"], interp, name: "reps")
            var view = source
            while view.ndim < reps.count { view = try view.expandingDimensions(at: 0) }
            while reps.count < view.ndim { reps.insert(1, at: 0) }
            guard reps.allSatisfy({ $0 >= 0 }) else { throw PyError(.valueError, "negative dimensions are not allowed") }
            var total = view.size
            for count in reps {
                let (product, overflow) = total.multipliedReportingOverflow(by: count)
                guard !overflow else { throw PyError(.memoryError, "tile result is too large") }
                total = product
            }
            try interp.checkAllocation(count: total, elementSize: view.dtype.itemSize)
            var result = try view.copy()
            for (axis, count) in reps.enumerated() where count != 1 {
                result = try NDArray.concatenate(Array(repeating: result, count: count), axis: axis)
            }
            return ArrayConversion.wrap(result)
        }
        np.function("repeat(a, repeats, axis=None)", doc: "Repeat each element of an array after themselves.") { args, interp in
            var source = try ArrayConversion.array(args["a"], interp)
            let repeats = try args.int("repeats")
            guard repeats >= 0 else { throw PyError(.valueError, "negative dimensions are not allowed") }
            try interp.checkAllocation(count: source.size, times: repeats, elementSize: 8)
            var axis = try ArrayConversion.axis(args["axis"]) ?? 0
            if args["axis"].isNone { source = try source.reshaped([-1]); axis = 0 }
            axis = try NDArray.normalizeAxis(axis, ndim: source.ndim)
            let positions = (0..<source.shape[axis]).flatMap { Array(repeating: $0, count: repeats) }
            var index = [ArrayIndex](repeating: .all, count: source.ndim)
            index[axis] = .array(NDArray(positions.map { Int64($0) }))
            return ArrayConversion.wrap(try source.subscripted(index))
        }
        np.function("atleast_2d(a)", doc: "View inputs as arrays with at least two dimensions.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).atLeast2D())
        }
    }

    /// A list or tuple of array-likes, as the joining functions take.
    static func sequence(_ value: Value, _ interpreter: Runtime) throws -> [NDArray] {
        if case .object(let object) = value, let backed = object as? NDArrayObject {
            return try (0..<(backed.array.shape.first ?? 0)).map { try backed.array.subscripted([.int($0)]) }
        }
        return try interpreter.collect(value).map { try ArrayConversion.array($0, interpreter) }
    }

    // MARK: - Math

    static let unaryFunctions: [(String, UnaryOperation, String)] = [
        ("sin", .sin, "Trigonometric sine, element-wise."), ("cos", .cos, "Cosine element-wise."),
        ("tan", .tan, "Compute tangent element-wise."), ("arcsin", .arcsin, "Inverse sine, element-wise."),
        ("arccos", .arccos, "Trigonometric inverse cosine, element-wise."), ("arctan", .arctan, "Trigonometric inverse tangent, element-wise."),
        ("sinh", .sinh, "Hyperbolic sine, element-wise."), ("cosh", .cosh, "Hyperbolic cosine, element-wise."),
        ("tanh", .tanh, "Compute hyperbolic tangent element-wise."), ("exp", .exp, "Calculate the exponential of all elements in the input array."),
        ("expm1", .expm1, "Calculate exp(x) - 1 for all elements in the array."), ("log", .log, "Natural logarithm, element-wise."),
        ("log2", .log2, "Base-2 logarithm of x."), ("log10", .log10, "Return the base 10 logarithm of the input array, element-wise."),
        ("log1p", .log1p, "Return the natural logarithm of one plus the input array, element-wise."),
        ("sqrt", .sqrt, "Return the non-negative square-root of an array, element-wise."),
        ("square", .square, "Return the element-wise square of the input."), ("abs", .absolute, "Calculate the absolute value element-wise."),
        ("absolute", .absolute, "Calculate the absolute value element-wise."), ("fabs", .absolute, "Compute the absolute values element-wise."),
        ("sign", .sign, "Returns an element-wise indication of the sign of a number."),
        ("floor", .floor, "Return the floor of the input, element-wise."), ("ceil", .ceil, "Return the ceiling of the input, element-wise."),
        ("trunc", .trunc, "Return the truncated value of the input, element-wise."), ("rint", .rint, "Round elements of the array to the nearest integer."),
        ("negative", .negative, "Numerical negative, element-wise."), ("positive", .positive, "Numerical positive, element-wise."),
        ("reciprocal", .reciprocal, "Return the reciprocal of the argument, element-wise."),
        ("isnan", .isnan, "Test element-wise for NaN and return result as a boolean array."),
        ("isinf", .isinf, "Test element-wise for positive or negative infinity."),
        ("isfinite", .isfinite, "Test element-wise for finiteness (not infinity and not NaN)."),
        ("logical_not", .logicalNot, "Compute the truth value of NOT x element-wise."),
        ("invert", .invert, "Compute bit-wise inversion, or bit-wise NOT, element-wise."),
    ]

    static let binaryFunctions: [(String, BinaryOperation, String)] = [
        ("add", .add, "Add arguments element-wise."), ("subtract", .subtract, "Subtract arguments, element-wise."),
        ("multiply", .multiply, "Multiply arguments element-wise."), ("divide", .divide, "Divide arguments element-wise."),
        ("true_divide", .divide, "Divide arguments element-wise."), ("floor_divide", .floorDivide, "Return the largest integer smaller or equal to the division of the inputs."),
        ("mod", .remainder, "Returns the element-wise remainder of division."), ("remainder", .remainder, "Returns the element-wise remainder of division."),
        ("power", .power, "First array elements raised to powers from second array, element-wise."),
        ("maximum", .maximum, "Element-wise maximum of array elements (NaN propagates)."),
        ("minimum", .minimum, "Element-wise minimum of array elements (NaN propagates)."),
        ("arctan2", .arctan2, "Element-wise arc tangent of x1/x2 choosing the quadrant correctly."),
        ("equal", .equal, "Return (x1 == x2) element-wise."), ("not_equal", .notEqual, "Return (x1 != x2) element-wise."),
        ("less", .less, "Return the truth value of (x1 < x2) element-wise."), ("less_equal", .lessEqual, "Return the truth value of (x1 <= x2) element-wise."),
        ("greater", .greater, "Return the truth value of (x1 > x2) element-wise."),
        ("greater_equal", .greaterEqual, "Return the truth value of (x1 >= x2) element-wise."),
        ("logical_and", .logicalAnd, "Compute the truth value of x1 AND x2 element-wise."),
        ("logical_or", .logicalOr, "Compute the truth value of x1 OR x2 element-wise."),
        ("logical_xor", .logicalXor, "Compute the truth value of x1 XOR x2, element-wise."),
        ("bitwise_and", .bitwiseAnd, "Compute the bit-wise AND of two arrays element-wise."),
        ("bitwise_or", .bitwiseOr, "Compute the bit-wise OR of two arrays element-wise."),
        ("bitwise_xor", .bitwiseXor, "Compute the bit-wise XOR of two arrays element-wise."),
    ]

    static func registerMath(_ np: Module) {
        for (name, operation, doc) in unaryFunctions {
            np.function("\(name)(x, /)", doc: doc) { args, interp in
                ArrayConversion.result(try ArrayConversion.array(args["x"], interp).apply(operation))
            }
        }
        for (name, operation, doc) in binaryFunctions {
            np.function("\(name)(x1, x2, /)", doc: doc) { args, interp in
                ArrayConversion.result(try NDArray.apply(operation, ArrayConversion.operand(args["x1"], interp),
                                                         ArrayConversion.operand(args["x2"], interp)))
            }
        }
        np.function("round(a, decimals=0)", doc: "Evenly round to the given number of decimals (halves to even).") { args, interp in
            ArrayConversion.result(try ArrayConversion.array(args["a"], interp).rounded(decimals: args.int("decimals")))
        }
        np.function("around(a, decimals=0)", doc: "Evenly round to the given number of decimals (halves to even).") { args, interp in
            ArrayConversion.result(try ArrayConversion.array(args["a"], interp).rounded(decimals: args.int("decimals")))
        }
        np.function("clip(a, a_min, a_max)", doc: "Clip (limit) the values in an array to [a_min, a_max]; either bound may be None.") { args, interp in
            ArrayConversion.result(try clip(ArrayConversion.array(args["a"], interp), args["a_min"], args["a_max"], interp))
        }
        np.function("where(condition, x=None, y=None)", doc: """
            Return elements chosen from x or y depending on condition. With only condition,
            return the indices where it is true (as np.nonzero).
            """) { args, interp in
            let condition = try ArrayConversion.array(args["condition"], interp)
            if args["x"].isNone && args["y"].isNone && !args.isGiven("x") {
                return .tuple(try condition.nonzero().map(ArrayConversion.wrap))
            }
            guard args.isGiven("x") && args.isGiven("y") else {
                throw PyError(.valueError, "either both or neither of x and y should be given")
            }
            return ArrayConversion.result(try NDArray.select(condition, ArrayConversion.operand(args["x"], interp),
                                                             ArrayConversion.operand(args["y"], interp)))
        }
        np.function("nonzero(a)", doc: "Return the indices of the elements that are non-zero, one array per dimension.") { args, interp in
            .tuple(try ArrayConversion.array(args["a"], interp).nonzero().map(ArrayConversion.wrap))
        }
        np.function("dot(a, b)", doc: "Dot product of two arrays (matrix product for 2-D arrays).") { args, interp in
            ArrayConversion.result(try NDArray.dot(ArrayConversion.array(args["a"], interp), ArrayConversion.array(args["b"], interp)))
        }
        np.function("matmul(x1, x2, /)", doc: "Matrix product of two arrays (the @ operator).") { args, interp in
            ArrayConversion.result(try NDArray.matmul(ArrayConversion.array(args["x1"], interp), ArrayConversion.array(args["x2"], interp)))
        }
        np.function("outer(a, b)", doc: "Compute the outer product of two vectors.") { args, interp in
            let a = try ArrayConversion.array(args["a"], interp).reshaped([-1, 1])
            let b = try ArrayConversion.array(args["b"], interp).reshaped([1, -1])
            return ArrayConversion.wrap(try NDArray.apply(.multiply, a, b))
        }
        np.function("allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", doc: """
            Returns True if two arrays are element-wise equal within a tolerance:
            absolute(a - b) <= (atol + rtol * absolute(b)).
            """) { args, interp in
            .bool(try NDArray.allClose(ArrayConversion.array(args["a"], interp), ArrayConversion.array(args["b"], interp),
                                       rtol: args.double("rtol"), atol: args.double("atol"), equalNaN: args.bool("equal_nan")))
        }
        np.function("isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", doc: "Returns a boolean array where two arrays are element-wise equal within a tolerance.") { args, interp in
            ArrayConversion.result(try NDArray.isClose(ArrayConversion.array(args["a"], interp), ArrayConversion.array(args["b"], interp),
                                                       rtol: args.double("rtol"), atol: args.double("atol"), equalNaN: args.bool("equal_nan")))
        }
        np.function("array_equal(a1, a2)", doc: "True if two arrays have the same shape and elements, False otherwise.") { args, interp in
            let a = try ArrayConversion.array(args["a1"], interp), b = try ArrayConversion.array(args["a2"], interp)
            guard a.shape == b.shape else { return .bool(false) }
            return .bool(try NDArray.apply(.equal, a, b).all().element(asBool: ()))
        }
    }

    static func clip(_ array: NDArray, _ low: Value, _ high: Value, _ interp: Runtime) throws -> NDArray {
        let lower = low.isNone ? nil : try ArrayConversion.operand(low, interp)
        let upper = high.isNone ? nil : try ArrayConversion.operand(high, interp)
        return try array.clipped(low: lower, high: upper)
    }

    // MARK: - Reductions, sorting

    static func registerReductions(_ np: Module) {
        for reduction in Reduction.allCases {
            np.function(reduction.functionSignature, doc: reduction.doc) { args, interp in
                try reduction.apply(ArrayConversion.array(args["a"], interp), args, interp)
            }
        }
        for (alias, reduction) in [("amax", Reduction.max), ("amin", .min), ("product", .prod)] {
            np.function(reduction.functionSignature.replacingFirstName(with: alias), doc: reduction.doc) { args, interp in
                try reduction.apply(ArrayConversion.array(args["a"], interp), args, interp)
            }
        }
        np.function("cumsum(a, axis=None)", doc: "Return the cumulative sum of the elements along a given axis.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).cumulativeSum(axis: ArrayConversion.axis(args["axis"])))
        }
        np.function("cumprod(a, axis=None)", doc: "Return the cumulative product of elements along a given axis.") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).cumulativeProduct(axis: ArrayConversion.axis(args["axis"])))
        }
        np.function("count_nonzero(a, axis=None, keepdims=False)", doc: "Counts the number of non-zero values in the array.") { args, interp in
            let counts = try ArrayConversion.array(args["a"], interp).countNonzero(axes: ArrayConversion.axes(args["axis"], interp), keepdims: args.bool("keepdims"))
            return ArrayConversion.result(counts)
        }
        np.function("sort(a, axis=-1)", doc: "Return a sorted copy of an array (NaN last).") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).sorted(axis: ArrayConversion.axis(args["axis"])))
        }
        np.function("argsort(a, axis=-1)", doc: "Returns the indices that would sort an array (stable for ties).") { args, interp in
            ArrayConversion.wrap(try ArrayConversion.array(args["a"], interp).argsorted(axis: ArrayConversion.axis(args["axis"])))
        }
        np.function("unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None)", doc: """
            Find the sorted unique elements of an array; optionally the index of the first
            occurrence of each, the indices that rebuild the input, and the count of each.
            """) { args, interp in
            guard args["axis"].isNone else { throw PyError(.notImplementedError, "unique with axis is not supported") }
            let source = try ArrayConversion.array(args["ar"], interp)
            let (values, firsts, inverse, counts) = try source.unique()
            var results = [ArrayConversion.wrap(values)]
            if try args.bool("return_index") { results.append(ArrayConversion.wrap(firsts)) }
            if try args.bool("return_inverse") { results.append(ArrayConversion.wrap(try inverse.reshaped(source.ndim == 0 ? [1] : source.shape))) }
            if try args.bool("return_counts") { results.append(ArrayConversion.wrap(counts)) }
            return results.count == 1 ? results[0] : .tuple(results)
        }
        np.function("diff(a, n=1, axis=-1)", doc: "Calculate the n-th discrete difference along the given axis.") { args, interp in
            var result = try ArrayConversion.array(args["a"], interp)
            let axis = try NDArray.normalizeAxis(args.int("axis"), ndim: result.ndim)
            let order = try args.int("n")
            guard order >= 0 else { throw PyError(.valueError, "order must be non-negative but got \(order)") }
            for _ in 0..<order {
                var upper = [ArrayIndex](repeating: .all, count: result.ndim), lower = upper
                upper[axis] = .slice(start: 1, stop: nil, step: nil)
                lower[axis] = .slice(start: nil, stop: -1, step: nil)
                result = try NDArray.apply(result.dtype == .bool ? .notEqual : .subtract, result.subscripted(upper), result.subscripted(lower))
            }
            return ArrayConversion.wrap(result)
        }
    }
}

private extension String {
    /// `max(a, ...)` with the name replaced: `amax(a, ...)`.
    func replacingFirstName(with name: String) -> String {
        guard let parenthesis = firstIndex(of: "(") else { return name }
        return name + self[parenthesis...]
    }
}
