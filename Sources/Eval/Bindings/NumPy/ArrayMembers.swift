import ML

/// The properties and methods of `ndarray`, shared by the NumPy scalar types (`x.item()`,
/// `x.astype(...)`, `a.sum(axis=0)` ...).
enum ArrayMembers {
    /// The array behind a receiver (an ndarray or a NumPy scalar).
    static func array(_ receiver: Value) throws -> NDArray {
        if case .object(let object) = receiver, let backed = object as? any ArrayBacked { return backed.array }
        throw PyError(.typeError, "descriptor requires a 'numpy.ndarray' object but received a '\(receiver.typeName)'")
    }

    static func register(_ t: inout PyTypeBuilder) {
        t.valueProperty("shape", doc: "Tuple of array dimensions.") { receiver, _ in
            .tuple(try array(receiver).shape.map { .int($0) })
        }
        t.valueProperty("ndim", doc: "Number of array dimensions.") { receiver, _ in .int(try array(receiver).ndim) }
        t.valueProperty("size", doc: "Number of elements in the array.") { receiver, _ in .int(try array(receiver).size) }
        t.valueProperty("dtype", doc: "Data-type of the array's elements.") { receiver, _ in .object(DTypeObject(try array(receiver).dtype)) }
        t.valueProperty("itemsize", doc: "Length of one array element in bytes.") { receiver, _ in .int(try array(receiver).dtype.itemSize) }
        t.valueProperty("nbytes", doc: "Total bytes consumed by the elements of the array.") { receiver, _ in .int(try array(receiver).byteCount) }
        t.valueProperty("T", doc: "View of the transposed array.") { receiver, _ in ArrayConversion.result(try array(receiver).T) }

        t.valueMethod("astype(dtype, copy=True)", doc: "Copy of the array, cast to a specified type.") { receiver, args, _ in
            let source = try array(receiver)
            guard let dtype = try ArrayConversion.dtype(args["dtype"]) else { return ArrayConversion.result(try source.copy()) }
            if !(try args.bool("copy")) && dtype == source.dtype { return receiver }
            return ArrayConversion.result(try source.astype(dtype))
        }
        t.valueMethod("copy()", doc: "Return a copy of the array.") { receiver, _, _ in
            ArrayConversion.result(try array(receiver).copy())
        }
        t.valueMethod("reshape(*shape, order='C')", doc: "Gives a new shape to an array without changing its data; one dimension may be -1.") { receiver, args, interp in
            try checkOrder(args)
            return ArrayConversion.wrap(try array(receiver).reshaped(ArrayConversion.shape(variadic: args.variadicPositional, interp)))
        }
        t.valueMethod("transpose(*axes)", doc: "Returns a view of the array with axes transposed (reversed by default).") { receiver, args, interp in
            let axes = args.variadicPositional.isEmpty ? nil : try ArrayConversion.shape(variadic: args.variadicPositional, interp)
            return ArrayConversion.wrap(try array(receiver).transposed(axes))
        }
        t.valueMethod("swapaxes(axis1, axis2)", doc: "Return a view of the array with axis1 and axis2 interchanged.") { receiver, args, _ in
            ArrayConversion.wrap(try array(receiver).swappingAxes(args.int("axis1"), args.int("axis2")))
        }
        t.valueMethod("flatten(order='C')", doc: "Return a copy of the array collapsed into one dimension.") { receiver, args, _ in
            try checkOrder(args)
            return ArrayConversion.wrap(try array(receiver).flattened())
        }
        t.valueMethod("ravel(order='C')", doc: "Return a flattened array (a view when possible).") { receiver, args, _ in
            try checkOrder(args)
            return ArrayConversion.wrap(try array(receiver).raveled())
        }
        t.valueMethod("squeeze(axis=None)", doc: "Remove axes of length one.") { receiver, args, interp in
            ArrayConversion.result(try array(receiver).squeezed(axes: ArrayConversion.axes(args["axis"], interp)))
        }
        t.valueMethod("tolist()", doc: "Return the array as nested Python lists of Python numbers.") { receiver, _, _ in
            try ArrayConversion.list(array(receiver))
        }
        t.valueMethod("item(*args)", doc: "Copy an element of an array to a standard Python scalar.") { receiver, args, interp in
            let source = try array(receiver)
            if args.variadicPositional.isEmpty { return try ArrayConversion.pythonScalar(source) }
            if args.variadicPositional.count == 1, let flat = args.variadicPositional[0].asIndex {
                return try ArrayConversion.pythonScalar(source.reshaped([-1]).subscripted([.int(flat)]))
            }
            let index = try args.variadicPositional.map { value -> ArrayIndex in
                guard let position = value.asIndex else { throw PyError(.typeError, "an integer is required") }
                return .int(position)
            }
            return try ArrayConversion.pythonScalar(source.subscripted(index))
        }
        t.valueMethod("fill(value)", doc: "Fill the array with a scalar value.") { receiver, args, interp in
            let target = try array(receiver)
            try target.assign(ArrayConversion.operand(args["value"], interp), at: [.ellipsis])
            return .none
        }
        t.valueMethod("__abs__()", doc: "abs(self)") { receiver, _, _ in
            ArrayConversion.result(try array(receiver).apply(.absolute))
        }
        t.valueMethod("__round__(ndigits=None)", doc: "round(self, ndigits)") { receiver, args, _ in
            let source = try array(receiver)
            guard let digits = try args.optionalInt("ndigits") else {
                if source.ndim == 0 {
                    let value = try source.doubles()[0]
                    if value.isNaN { throw PyError(.valueError, "cannot convert float NaN to integer") }
                    // A Python int, however large (round(np.float64(1e19)) is 10**19).
                    guard let rounded = BigInt(exactly: value.rounded(.toNearestOrEven)) else {
                        throw PyError(.overflowError, "cannot convert float infinity to integer")
                    }
                    return .integer(rounded)
                }
                return ArrayConversion.result(try source.rounded())
            }
            return ArrayConversion.result(try source.rounded(decimals: digits))
        }
        t.valueMethod("round(decimals=0)", doc: "Return the array with each element rounded to the given number of decimals (halves to even).") { receiver, args, _ in
            ArrayConversion.result(try array(receiver).rounded(decimals: args.int("decimals")))
        }
        t.valueMethod("clip(min=None, max=None)", doc: "Return an array whose values are limited to [min, max].") { receiver, args, interp in
            ArrayConversion.result(try NumPyFunctions.clip(array(receiver), args["min"], args["max"], interp))
        }
        t.valueMethod("dot(b)", doc: "Dot product of two arrays.") { receiver, args, interp in
            ArrayConversion.result(try NDArray.dot(array(receiver), ArrayConversion.array(args["b"], interp)))
        }
        t.valueMethod("nonzero()", doc: "Return the indices of the elements that are non-zero, one array per dimension.") { receiver, _, _ in
            .tuple(try array(receiver).nonzero().map(ArrayConversion.wrap))
        }
        t.valueMethod("sort(axis=-1)", doc: "Sort an array in place along an axis.") { receiver, args, _ in
            let target = try array(receiver)
            try target.assign(from: target.sorted(axis: ArrayConversion.axis(args["axis"])))
            return .none
        }
        t.valueMethod("argsort(axis=-1)", doc: "Returns the indices that would sort this array.") { receiver, args, _ in
            ArrayConversion.wrap(try array(receiver).argsorted(axis: ArrayConversion.axis(args["axis"])))
        }
        t.valueMethod("cumsum(axis=None)", doc: "Return the cumulative sum of the elements along the given axis.") { receiver, args, _ in
            ArrayConversion.wrap(try array(receiver).cumulativeSum(axis: ArrayConversion.axis(args["axis"])))
        }
        t.valueMethod("cumprod(axis=None)", doc: "Return the cumulative product of the elements along the given axis.") { receiver, args, _ in
            ArrayConversion.wrap(try array(receiver).cumulativeProduct(axis: ArrayConversion.axis(args["axis"])))
        }
        for reduction in Reduction.allCases {
            t.valueMethod(reduction.methodSignature, doc: reduction.doc) { receiver, args, interp in
                try reduction.apply(array(receiver), args, interp)
            }
        }
    }

    static func checkOrder(_ args: BoundArguments) throws {
        if case .string(let order) = args["order"], order != "C" && order != "A" && order != "K" {
            throw PyError(.notImplementedError, "order='\(order)' is not supported; SwiftML arrays use C order")
        }
    }
}

/// The reductions, bound both as methods (`a.sum(axis=0)`) and functions (`np.sum(a, axis=0)`).
enum Reduction: String, CaseIterable {
    case sum, mean, std, `var`, min, max, argmax, argmin, prod, all, any

    var methodSignature: String {
        switch self {
        case .sum, .mean: "\(rawValue)(axis=None, dtype=None, keepdims=False)"
        case .std, .var: "\(rawValue)(axis=None, dtype=None, ddof=0, keepdims=False)"
        case .min, .max, .argmax, .argmin, .prod, .all, .any: "\(rawValue)(axis=None, keepdims=False)"
        }
    }

    var functionSignature: String {
        switch self {
        case .sum, .mean: "\(rawValue)(a, axis=None, dtype=None, keepdims=False)"
        case .std, .var: "\(rawValue)(a, axis=None, dtype=None, ddof=0, keepdims=False)"
        case .min, .max, .argmax, .argmin, .prod, .all, .any: "\(rawValue)(a, axis=None, keepdims=False)"
        }
    }

    var doc: String {
        switch self {
        case .sum: "Sum of array elements over a given axis (all axes when None)."
        case .mean: "Arithmetic mean along the specified axis; float64 for integer input."
        case .std: "Standard deviation along the specified axis (ddof: delta degrees of freedom)."
        case .var: "Variance along the specified axis (ddof: delta degrees of freedom)."
        case .min: "Minimum along an axis; NaN propagates."
        case .max: "Maximum along an axis; NaN propagates."
        case .argmax: "Indices of the maximum values along an axis (of the flattened array when None)."
        case .argmin: "Indices of the minimum values along an axis (of the flattened array when None)."
        case .prod: "Product of array elements over a given axis."
        case .all: "Test whether all array elements along a given axis evaluate to True."
        case .any: "Test whether any array element along a given axis evaluates to True."
        }
    }

    func apply(_ array: NDArray, _ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let keepdims = try args.bool("keepdims")
        let result: NDArray
        switch self {
        case .argmax, .argmin:
            guard let axes = try ArrayConversion.axes(args["axis"], interp) else {
                result = self == .argmax ? try array.argmax(keepdims: keepdims) : try array.argmin(keepdims: keepdims)
                break
            }
            guard axes.count == 1 else { throw PyError(.typeError, "'tuple' object cannot be interpreted as an integer") }
            result = self == .argmax ? try array.argmax(axis: axes[0], keepdims: keepdims) : try array.argmin(axis: axes[0], keepdims: keepdims)
        default:
            let axes = try ArrayConversion.axes(args["axis"], interp)
            switch self {
            case .sum: result = try array.sum(axes: axes, keepdims: keepdims, dtype: ArrayConversion.dtype(args["dtype"]))
            case .mean: result = try array.mean(axes: axes, keepdims: keepdims, dtype: ArrayConversion.dtype(args["dtype"]))
            case .std: result = try array.standardDeviation(axes: axes, ddof: args.int("ddof"), keepdims: keepdims)
            case .var: result = try array.variance(axes: axes, ddof: args.int("ddof"), keepdims: keepdims)
            case .min: result = try array.min(axes: axes, keepdims: keepdims)
            case .max: result = try array.max(axes: axes, keepdims: keepdims)
            case .prod: result = try array.product(axes: axes, keepdims: keepdims)
            case .all: result = try array.all(axes: axes, keepdims: keepdims)
            case .any: result = try array.any(axes: axes, keepdims: keepdims)
            case .argmax, .argmin: result = array
            }
        }
        return ArrayConversion.result(result)
    }
}
