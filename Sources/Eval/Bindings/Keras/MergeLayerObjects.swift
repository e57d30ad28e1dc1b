import ML

/// The merge layers (`Concatenate`, `Add`, `Subtract`, `Multiply`, `Average`) and their
/// function forms (`layers.concatenate([a, b])`), which make the layer and call it.
enum MergeLayerTypes {
    static func type(for layer: Layer) -> PyType {
        switch layer {
        case is ConcatenateLayer: concatenate
        case is AddLayer: add
        case is SubtractLayer: subtract
        case is MultiplyLayer: multiply
        default: average
        }
    }

    static func register(in module: Module) {
        for type in [concatenate, add, subtract, multiply, average] { module.add(type) }
        module.function("concatenate(inputs, axis=-1, **kwargs)", doc: "Concatenate(axis=axis)(inputs).") { args, interpreter in
            try call(try ConcatenateLayer(axis: args.int("axis"), name: name(args, prefix: "concatenate", interpreter)), args["inputs"], interpreter)
        }
        let functions: [(String, String, @Sendable (String) -> MergeLayer)] = [
            ("add", "Add", { AddLayer(name: $0) }), ("subtract", "Subtract", { SubtractLayer(name: $0) }),
            ("multiply", "Multiply", { MultiplyLayer(name: $0) }), ("average", "Average", { AverageLayer(name: $0) }),
        ]
        for (function, className, make) in functions {
            module.function("\(function)(inputs, **kwargs)", doc: "\(className)()(inputs).") { args, interpreter in
                try call(make(try name(args, prefix: function, interpreter)), args["inputs"], interpreter)
            }
        }
    }

    /// `name=` from `**kwargs`, else the next automatic name.
    private static func name(_ args: BoundArguments, prefix: String, _ interpreter: Runtime) throws -> String {
        for (key, value) in args.variadicKeywords {
            guard key == "name" else { throw PyError(.typeError, "\(prefix)() got an unexpected keyword argument '\(key)'") }
            return try interpreter.str(value)
        }
        return KerasState.of(interpreter).uniqueName(prefix)
    }

    private static func call(_ layer: Layer, _ inputs: Value, _ interpreter: Runtime) throws -> Value {
        guard let tensors = try SymbolicTensorObject.tensors(inputs, interpreter) else {
            throw PyError(.notImplementedError, "\(layer.typeName) on data (outside a functional model) is not supported by SwiftML; call it on keras.Input tensors")
        }
        return try SymbolicTensorObject.apply(layer, to: tensors, interpreter)
    }

    private static func simple(_ className: String, doc: String, make: @escaping @Sendable (String) -> MergeLayer) -> PyType {
        PyType(className, module: "keras.layers", doc: doc, base: LayerTypes.base) { t in
            t.constructor("\(className)(name=None, trainable=True, dtype=None)") { args, interpreter in
                let prefix = LayerTypes.namePrefix(className)
                return try LayerTypes.applyCommon(args, to: make(try LayerTypes.name(args, prefix: prefix, interpreter)), interpreter)
            }
        }
    }

    static let concatenate = PyType("Concatenate", module: "keras.layers", doc: "Joins a list of tensors along `axis` (default the last).", base: LayerTypes.base) { t in
        t.constructor("Concatenate(axis=-1, name=None, trainable=True, dtype=None)") { args, interpreter in
            try LayerTypes.applyCommon(args, to: ConcatenateLayer(axis: try args.int("axis"), name: try LayerTypes.name(args, prefix: "concatenate", interpreter)), interpreter)
        }
        t.property("axis", of: LayerObject.self, doc: "The axis joined.") { o, _ in .int((o.layer as? ConcatenateLayer)?.axis ?? -1) }
    }
    static let add = simple("Add", doc: "The elementwise sum of a list of tensors of one shape.") { AddLayer(name: $0) }
    static let subtract = simple("Subtract", doc: "The first of two tensors minus the second.") { SubtractLayer(name: $0) }
    static let multiply = simple("Multiply", doc: "The elementwise product of a list of tensors of one shape.") { MultiplyLayer(name: $0) }
    static let average = simple("Average", doc: "The elementwise mean of a list of tensors of one shape.") { AverageLayer(name: $0) }
}
