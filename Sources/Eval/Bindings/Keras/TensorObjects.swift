import ML

/// A TensorFlow eager tensor (`tf.constant(...)`, results of `tf.*` operations and of calling
/// a model): an immutable float32 `ML.Tensor`. Arithmetic on tensors goes through the
/// session's `EagerContext`, so a `GradientTape` records it.
final class TensorObject: PyObject {
    let tensor: Tensor

    init(_ tensor: Tensor) { self.tensor = tensor }

    var pyType: PyType { TensorTypes.tensor }

    func repr(_ interpreter: Runtime) throws -> String {
        let array = try tensor.ndarray(), options = NumPyPrintOptions.current(interpreter)
        let numpy = tensor.rank == 0 ? array.numpyStr(options: options) : "\n" + array.numpyRepr(options: options)
        return "<tf.Tensor: shape=\(TensorTypes.shapeText(tensor.shape)), dtype=float32, numpy=\(numpy)>"
    }

    func str(_ interpreter: Runtime) throws -> String {
        let text = try tensor.ndarray().numpyStr(options: NumPyPrintOptions.current(interpreter))
        return "tf.Tensor(\(tensor.rank == 0 ? "" : "\n")\(text), shape=\(TensorTypes.shapeText(tensor.shape)), dtype=float32)"
    }

    func length(_ interpreter: Runtime) throws -> Int? {
        guard let first = tensor.shape.first else { throw PyError(.typeError, "len() of unsized object (a scalar tensor)") }
        return first
    }

    func asDouble() -> Double? { (try? tensor.scalarValue()).map { Double($0) } }

    func truthiness(_ interpreter: Runtime) throws -> Bool {
        guard tensor.count == 1 else {
            throw PyError(.valueError, "The truth value of a tensor with more than one element is ambiguous. Use tf.reduce_any or tf.reduce_all")
        }
        return try tensor.scalarValue() != 0
    }

    func format(_ spec: String, _ interpreter: Runtime) throws -> String? {
        guard let value = asDouble() else { return nil }
        return try interpreter.format(.float(value), spec: spec)
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        let selected = try interpreter.item(ArrayConversion.wrap(try tensor.ndarray()), key)
        return .object(TensorObject(try Tensor(try ArrayConversion.array(selected, interpreter))))
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        try interpreter.makeIterator(.list(try (0..<(length(interpreter) ?? 0)).map { try item(.int($0), interpreter) }))
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard let operand = try TensorTypes.operand(other, interpreter) else { return nil }
        let (a, b) = reflected ? (operand, tensor) : (tensor, operand)
        return try TensorTypes.arithmetic(op, a, b, interpreter)
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .negate: return .object(TensorObject(KerasState.of(interpreter).eager.negative(tensor)))
        case .plus: return .object(self)
        default: return nil
        }
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        var rhs = other
        if let t = other.object(as: TensorObject.self) { rhs = ArrayConversion.wrap(try t.tensor.ndarray()) }
        return try interpreter.compare(op, ArrayConversion.wrap(try tensor.ndarray()), rhs)
    }

    func hashValue(_ interpreter: Runtime) throws -> Int? { ObjectIdentifier(self).hashValue }
}

/// A `tf.Variable`: a mutable, named float32 value that tapes watch and optimizers update.
final class VariableObject: PyObject {
    let variable: Variable

    init(_ variable: Variable) { self.variable = variable }

    var pyType: PyType { TensorTypes.variable }

    func repr(_ interpreter: Runtime) throws -> String {
        let array = try variable.value.ndarray(), options = NumPyPrintOptions.current(interpreter)
        let numpy = variable.shape.isEmpty ? array.numpyStr(options: options) : array.numpyRepr(options: options)
        return "<tf.Variable '\(variable.name):0' shape=\(TensorTypes.shapeText(variable.shape)) dtype=float32, numpy=\(numpy)>"
    }

    func asDouble() -> Double? { variable.count == 1 ? variable.scalars.first.map { Double($0) } : nil }

    func format(_ spec: String, _ interpreter: Runtime) throws -> String? {
        guard let value = asDouble() else { return nil }
        return try interpreter.format(.float(value), spec: spec)
    }

    func length(_ interpreter: Runtime) throws -> Int? { variable.shape.first }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard let operand = try TensorTypes.operand(other, interpreter) else { return nil }
        let value = KerasState.of(interpreter).eager.read(variable)
        let (a, b) = reflected ? (operand, value) : (value, operand)
        return try TensorTypes.arithmetic(op, a, b, interpreter)
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        guard op == .negate else { return nil }
        let eager = KerasState.of(interpreter).eager
        return .object(TensorObject(eager.negative(eager.read(variable))))
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        try TensorObject(variable.value).item(key, interpreter)
    }
}

/// `tf.float32` and friends: TensorFlow's dtype objects (`<dtype: 'float32'>`).
final class TensorDTypeObject: PyObject {
    let name: String
    init(_ name: String) { self.name = name }
    var pyType: PyType { TensorTypes.dtype }
    func repr(_ interpreter: Runtime) throws -> String { "tf.\(name)" }
    func str(_ interpreter: Runtime) throws -> String { "<dtype: '\(name)'>" }
}

/// The tensor types and the conversions every `tf` function shares.
enum TensorTypes {
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Any value TensorFlow would convert to a tensor: tensors, variables (read through the
    /// tapes), NumPy arrays and scalars, nested lists, Python numbers.
    static func tensor(_ value: Value, _ interpreter: Runtime) throws -> Tensor {
        if let t = value.object(as: TensorObject.self) { return t.tensor }
        if let v = value.object(as: VariableObject.self) { return KerasState.of(interpreter).eager.read(v.variable) }
        switch value {
        case .int(let i): return Tensor(scalar: Float(i))
        case .float(let d): return Tensor(scalar: Float(d))
        case .bool(let b): return Tensor(scalar: b ? 1 : 0)
        case .none: throw PyError(.valueError, "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) to a Tensor.")
        default: break
        }
        do {
            return try Tensor(try ArrayConversion.array(value, interpreter))
        } catch let error as PyError {
            throw PyError(.valueError, "Attempt to convert a value (\(try interpreter.repr(value))) with an unsupported type (<class '\(value.typeName)'>) to a Tensor. (\(error.message))")
        }
    }

    /// The other side of an operator, or nil when TensorFlow would not combine with it.
    static func operand(_ value: Value, _ interpreter: Runtime) throws -> Tensor? {
        switch value {
        case .string, .none: return nil
        case .object(let object):
            if object is TensorObject || object is VariableObject || object is any ArrayBacked
                || object is ListObject || object is TupleObject {
                return try tensor(value, interpreter)
            }
            return nil
        default: return try tensor(value, interpreter)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor, _ interpreter: Runtime) throws -> Value? {
        let eager = KerasState.of(interpreter).eager
        let result: Tensor
        switch op {
        case .add: result = try eager.add(a, b)
        case .subtract: result = try eager.subtract(a, b)
        case .multiply: result = try eager.multiply(a, b)
        case .trueDivide: result = try eager.divide(a, b)
        case .power: result = try eager.pow(a, b)
        case .matrixMultiply: result = try eager.matmul(a, b)
        default: return nil
        }
        return .object(TensorObject(result))
    }

    /// A tensor-valued result.
    static func wrap(_ tensor: Tensor) -> Value { .object(TensorObject(tensor)) }

    static let tensor = PyType("Tensor", module: "tensorflow", doc: "An immutable float32 tensor (TensorFlow's EagerTensor).") { t in
        t.method("numpy()", of: TensorObject.self, doc: "The value as a NumPy array (a NumPy scalar for a 0-d tensor).") { object, _, _ in
            ArrayConversion.result(try object.tensor.ndarray())
        }
        t.property("shape", of: TensorObject.self, doc: "The shape as a tuple.") { object, _ in .tuple(object.tensor.shape.map(Value.int)) }
        t.property("ndim", of: TensorObject.self, doc: "Number of dimensions.") { object, _ in .int(object.tensor.rank) }
        t.property("dtype", of: TensorObject.self, doc: "Always tf.float32.") { _, _ in .object(TensorDTypeObject("float32")) }
        t.property("T", of: TensorObject.self, doc: "The transpose.") { object, interpreter in
            wrap(try KerasState.of(interpreter).eager.transpose(object.tensor))
        }
        t.method("__float__()", of: TensorObject.self, doc: "The value of a one-element tensor.") { object, _, _ in
            .float(Double(try object.tensor.scalarValue()))
        }
    }

    static let variable = PyType("Variable", module: "tensorflow", doc: """
        A mutable tensor that GradientTape watches and optimizers update.

        tf.Variable(initial_value, trainable=True, name=None, dtype=None)
        """) { t in
        t.constructor("Variable(initial_value, trainable=True, name=None, dtype=None)") { args, interpreter in
            let value = try tensor(args["initial_value"], interpreter)
            let name = try args.optionalString("name") ?? "Variable"
            return .object(VariableObject(Variable(value, name: name, trainable: try args.bool("trainable"))))
        }
        t.method("numpy()", of: VariableObject.self, doc: "The current value as a NumPy array.") { object, _, _ in
            ArrayConversion.result(try object.variable.value.ndarray())
        }
        t.method("read_value()", of: VariableObject.self, doc: "The current value as a tensor.") { object, _, interpreter in
            wrap(KerasState.of(interpreter).eager.read(object.variable))
        }
        t.method("value()", of: VariableObject.self, doc: "The current value as a tensor.") { object, _, interpreter in
            wrap(KerasState.of(interpreter).eager.read(object.variable))
        }
        t.method("assign(value)", of: VariableObject.self, doc: "Replaces the value (same shape).") { object, args, interpreter in
            try object.variable.assign(try tensor(args["value"], interpreter))
            return .object(object)
        }
        t.method("assign_add(delta)", of: VariableObject.self, doc: "Adds `delta` to the value.") { object, args, interpreter in
            try object.variable.assignAdd(try tensor(args["delta"], interpreter))
            return .object(object)
        }
        t.method("assign_sub(delta)", of: VariableObject.self, doc: "Subtracts `delta` from the value.") { object, args, interpreter in
            try object.variable.assignSubtract(try tensor(args["delta"], interpreter))
            return .object(object)
        }
        t.property("shape", of: VariableObject.self, doc: "The shape as a tuple.") { object, _ in .tuple(object.variable.shape.map(Value.int)) }
        t.property("name", of: VariableObject.self, doc: "The variable's name.") { object, _ in .string(object.variable.name + ":0") }
        t.property("trainable", of: VariableObject.self, doc: "Whether optimizers and tapes use it.") { object, _ in .bool(object.variable.trainable) }
        t.property("dtype", of: VariableObject.self, doc: "Always tf.float32.") { _, _ in .object(TensorDTypeObject("float32")) }
        t.method("__float__()", of: VariableObject.self, doc: "The value of a one-element variable.") { object, _, _ in
            guard object.variable.count == 1, let value = object.variable.scalars.first else { throw PyError(.typeError, "only one-element variables can be converted to Python scalars") }
            return .float(Double(value))
        }
    }

    static let dtype = PyType("DType", module: "tensorflow", doc: "A TensorFlow element type.") { t in
        t.property("name", of: TensorDTypeObject.self, doc: "The type's name.") { object, _ in .string(object.name) }
    }
}
