import ML

/// `keras.Model(inputs, outputs)`: a functional model. Its objects are `ModelObject`s (the
/// model is a `Sequential` underneath), so compile, fit, evaluate, callbacks and progress are
/// `Sequential`'s; this type adds what differs: the graph's layers, inputs and outputs, the
/// summary with "Connected to", and data given as lists or dicts.
enum FunctionalTypes {
    static let model = PyType("Model", module: "keras", doc: """
        A model built from a graph of layer calls (the functional API).

            inputs = keras.Input(shape=(784,))
            x = keras.layers.Dense(64, activation='relu')(inputs)
            outputs = keras.layers.Dense(10, activation='softmax')(x)
            model = keras.Model(inputs, outputs, name='mnist_model')
        """, base: ModelTypes.sequential) { t in
        t.constructor("Model(inputs=None, outputs=None, name=None, trainable=True)") { args, interpreter in
            try make(args, interpreter)
        }
        t.property("layers", of: ModelObject.self, doc: "The layers: the input layers, then each layer once, in call order.") { o, interpreter in
            let state = KerasState.of(interpreter)
            return .list(layers(o).map { .object(state.wrapper(for: $0)) })
        }
        t.method("get_layer(name=None, index=None)", of: ModelObject.self, doc: "A layer by name or index (in model.layers).") { o, args, interpreter in
            let state = KerasState.of(interpreter), all = layers(o)
            if let index = try args.optionalInt("index") {
                guard index >= 0, index < all.count else { throw PyError(.valueError, "Was asked to retrieve layer at index \(index) but model only has \(all.count) layers.") }
                return .object(state.wrapper(for: all[index]))
            }
            let name = try args.string("name")
            guard let found = all.first(where: { $0.name == name }) else {
                throw PyError(.valueError, "No such layer: \(name). Existing layers are: \(all.map(\.name)).")
            }
            return .object(state.wrapper(for: found))
        }
        t.property("inputs", of: ModelObject.self, doc: "The input tensors, as a list.") { o, _ in
            .list(try functional(o).graph.inputTensors.map { .object(SymbolicTensorObject($0)) })
        }
        t.property("outputs", of: ModelObject.self, doc: "The output tensors, as a list.") { o, _ in
            .list(try functional(o).graph.outputTensors.map { .object(SymbolicTensorObject($0)) })
        }
        t.property("input", of: ModelObject.self, doc: "The input tensor (a list when there are several).") { o, _ in
            let tensors = try functional(o).graph.inputTensors.map { Value.object(SymbolicTensorObject($0)) }
            return tensors.count == 1 ? tensors[0] : .list(tensors)
        }
        t.property("output", of: ModelObject.self, doc: "The output tensor (a list when there are several).") { o, _ in
            let tensors = try functional(o).graph.outputTensors.map { Value.object(SymbolicTensorObject($0)) }
            return tensors.count == 1 ? tensors[0] : .list(tensors)
        }
        t.property("input_names", of: ModelObject.self, doc: "The inputs' names (the keys of dict inputs).") { o, _ in
            .list(try functional(o).inputNames.map(Value.string))
        }
        t.property("output_names", of: ModelObject.self, doc: "The outputs' names (the keys of dict targets and losses).") { o, _ in
            .list(try functional(o).outputNames.map(Value.string))
        }
        t.property("input_shape", of: ModelObject.self, doc: "The input's shape with its batch entry.") { o, _ in
            let tensors = try functional(o).graph.inputTensors.map(shapeValue)
            return tensors.count == 1 ? tensors[0] : .list(tensors)
        }
        t.property("output_shape", of: ModelObject.self, doc: "The output's shape with its batch entry.") { o, _ in
            let tensors = try functional(o).graph.outputTensors.map(shapeValue)
            return tensors.count == 1 ? tensors[0] : .list(tensors)
        }
        t.method("summary(line_length=None, positions=None, print_fn=None, expand_nested=False, show_trainable=False, layer_range=None)", of: ModelObject.self,
                 doc: "Prints the table of layers, output shapes, parameter counts and what each layer is connected to.") { o, args, interpreter in
            let text = try functional(o).graphSummary()
            if let printer = args.optional("print_fn") {
                _ = try interpreter.call(printer, .string(text))
            } else {
                interpreter.write(text + "\n")
            }
            return .none
        }
        t.method("compile(optimizer='rmsprop', loss=None, metrics=None, loss_weights=None, weighted_metrics=None, run_eagerly=False, steps_per_execution=1, jit_compile='auto')", of: ModelObject.self,
                 doc: "Chooses the optimizer, the loss (one for all outputs, or a list or dict with one per output) with optional loss_weights, and the metrics.") { o, args, interpreter in
            try compile(try functional(o), args, interpreter)
            return .none
        }
        t.method("save(filepath, overwrite=True)", of: ModelObject.self, doc: "Not yet available for functional models; save_weights/load_weights work.") { _, _, _ in
            // The model file's config describes Sequential stacks only; writing a graph
            // there would load back as something else.
            throw PyError(.notImplementedError, "model.save of a functional model (keras.Model) is not supported by SwiftML yet; use model.save_weights(...) and rebuild the model with the same code before load_weights")
        }
        t.method("add(layer)", of: ModelObject.self, doc: "Not available on a functional model.") { _, _, _ in
            throw PyError(.attributeError, "'Functional' object has no attribute 'add'")
        }
        t.method("pop()", of: ModelObject.self, doc: "Not available on a functional model.") { _, _, _ in
            throw PyError(.attributeError, "'Functional' object has no attribute 'pop'")
        }
    }

    static func functional(_ o: ModelObject) throws -> FunctionalModel {
        guard let model = o.layer as? FunctionalModel else { throw PyError(.typeError, "'\(o.layer.typeName)' is not a functional model") }
        return model
    }

    static func layers(_ o: ModelObject) -> [Layer] {
        (o.layer as? FunctionalModel)?.graphLayers ?? o.model.layers
    }

    static func shapeValue(_ tensor: SymbolicTensor) -> Value {
        .tuple([tensor.batchSize.map(Value.int) ?? .none] + tensor.shape.map(Value.int))
    }

    /// `keras.Model(inputs, outputs, name=)`.
    static func make(_ args: BoundArguments, _ interpreter: Runtime) throws -> Value {
        guard let inputsValue = args.optional("inputs"), let outputsValue = args.optional("outputs") else {
            throw PyError(.notImplementedError, "keras.Model without inputs and outputs (subclassing Model) is not supported by SwiftML; use keras.Model(inputs, outputs) or keras.Sequential")
        }
        let (inputs, inputKeys) = try structure(inputsValue, argument: "inputs", interpreter)
        let (outputs, outputKeys) = try structure(outputsValue, argument: "outputs", interpreter)
        let state = KerasState.of(interpreter)
        let model = try FunctionalModel(inputs: inputs, outputs: outputs, name: try LayerTypes.name(args, prefix: "functional", interpreter), random: state.random)
        if let inputKeys { model.inputNames = inputKeys }
        if let outputKeys { model.outputNames = outputKeys }
        model.trainable = try args.bool("trainable")
        return .object(state.wrapper(for: model))
    }

    /// The symbolic tensors of `inputs=`/`outputs=`: one, a list or tuple, or a dict (whose
    /// keys are returned as names).
    static func structure(_ value: Value, argument: String, _ interpreter: Runtime) throws -> ([SymbolicTensor], [String]?) {
        if let dict = value.object(as: DictObject.self) {
            var tensors: [SymbolicTensor] = [], keys: [String] = []
            for key in try interpreter.collect(value) {
                guard case .string(let name) = key, let tensor = try dict.item(key, interpreter).object(as: SymbolicTensorObject.self) else {
                    throw PyError(.valueError, "\(argument) as a dict must map names to Keras tensors")
                }
                keys.append(name)
                tensors.append(tensor.tensor)
            }
            return (tensors, keys)
        }
        guard let tensors = try SymbolicTensorObject.tensors(value, interpreter) else {
            throw PyError(.valueError, "\(argument) must be Keras tensors (from keras.Input and calling layers), got \(try interpreter.repr(value))")
        }
        return (tensors, nil)
    }

    /// `compile` of a functional model: with several outputs, a loss per output (one given
    /// loss applies to each) weighted by `loss_weights`.
    static func compile(_ model: FunctionalModel, _ args: BoundArguments, _ interpreter: Runtime) throws {
        guard let lossValue = args.optional("loss") else { throw PyError(.valueError, "compile() needs a loss, e.g. loss='mse' or loss='sparse_categorical_crossentropy'") }
        let optimizer = try TrainingTypes.makeOptimizer(args["optimizer"], interpreter)
        let metrics = try TrainingTypes.metrics(args.optional("metrics"), interpreter)
        let names = model.outputNames
        guard names.count > 1 else {
            let loss = try perOutput(lossValue, names: names, argument: "loss", interpreter) { try TrainingTypes.makeLoss($0, interpreter) }[0]
            if args.optional("loss_weights") != nil { throw PyError(.notImplementedError, "compile(loss_weights=...) with one output is not supported by SwiftML") }
            model.compile(optimizer: optimizer, loss: loss, metrics: metrics)
            return
        }
        if !metrics.isEmpty {
            throw PyError(.notImplementedError, "compile(metrics=...) on a model with several outputs is not supported by SwiftML; the loss of each output is logged as <output>_loss")
        }
        let losses = try perOutput(lossValue, names: names, argument: "loss", interpreter) { try TrainingTypes.makeLoss($0, interpreter) }
        let weights = try args.optional("loss_weights").map { value in
            try perOutput(value, names: names, argument: "loss_weights", interpreter) { item -> Double in
                guard let number = item.asDouble else { throw PyError(.typeError, "loss_weights must be numbers, got \(try interpreter.repr(item))") }
                return number
            }
        } ?? names.map { _ in 1.0 }
        let outputs = zip(names, zip(losses, weights)).map { OutputLoss(name: $0, loss: $1.0, weight: $1.1) }
        model.compiled = CompiledState(optimizer: optimizer, loss: losses[0], metrics: [], outputLosses: outputs)
    }

    /// A per-output setting: one value for every output, a list in output order, or a dict
    /// by output name.
    static func perOutput<T>(_ value: Value, names: [String], argument: String, _ interpreter: Runtime, _ make: (Value) throws -> T) throws -> [T] {
        if let dict = value.object(as: DictObject.self) {
            let keys = try interpreter.collect(value).map { try interpreter.str($0) }
            for key in keys where !names.contains(key) {
                throw PyError(.valueError, "\(argument) has a key '\(key)' that matches none of the model's outputs \(names)")
            }
            return try names.map { name in
                guard keys.contains(name) else { throw PyError(.valueError, "\(argument) has no entry for the output '\(name)'") }
                return try make(try dict.item(.string(name), interpreter))
            }
        }
        if value.object(as: ListObject.self) != nil || value.object(as: TupleObject.self) != nil {
            let items = try interpreter.collect(value)
            guard items.count == names.count else {
                throw PyError(.valueError, "\(argument) has \(items.count) entries, but the model has \(names.count) outputs \(names)")
            }
            return try items.map(make)
        }
        let one = try make(value)
        return names.map { _ in one }
    }

    // MARK: Data with several inputs or outputs

    /// `x` for `model`: one array, or for a functional model a list or dict of arrays packed
    /// per sample in the model's input order.
    static func inputs(_ model: Sequential, _ value: Value, argument: String, _ interpreter: Runtime) throws -> Tensor {
        guard let functional = model as? FunctionalModel, let parts = try arrays(value, names: functional.inputNames, argument: argument, interpreter) else {
            return try ModelTypes.data(value, argument: argument, interpreter)
        }
        return try FunctionalModel.pack(parts, shapes: functional.inputShapes, what: "input", model: functional.name)
    }

    /// `y` for `model`: one array, or for a functional model with several outputs a list or
    /// dict of arrays packed per sample in the model's output order.
    static func targets(_ model: Sequential, _ value: Value, argument: String, _ interpreter: Runtime) throws -> Tensor {
        guard let functional = model as? FunctionalModel, let parts = try arrays(value, names: functional.outputNames, argument: argument, interpreter) else {
            return try ModelTypes.data(value, argument: argument, interpreter)
        }
        return try FunctionalModel.pack(parts, shapes: nil, what: "target", model: functional.name)
    }

    /// The arrays of a list, tuple or dict (dicts in `names`' order); nil for anything else.
    static func arrays(_ value: Value, names: [String], argument: String, _ interpreter: Runtime) throws -> [Tensor]? {
        if let dict = value.object(as: DictObject.self) {
            let keys = try interpreter.collect(value).map { try interpreter.str($0) }
            for key in keys where !names.contains(key) {
                throw PyError(.valueError, "\(argument) has a key '\(key)' that matches none of the model's names \(names)")
            }
            return try names.map { name in
                guard keys.contains(name) else { throw PyError(.valueError, "\(argument) is missing the key '\(name)'; the model's names are \(names)") }
                return try ModelTypes.data(try dict.item(.string(name), interpreter), argument: "\(argument)['\(name)']", interpreter)
            }
        }
        guard value.object(as: ListObject.self) != nil || value.object(as: TupleObject.self) != nil else { return nil }
        let items = try interpreter.collect(value)
        // A list of numbers is one array, not one array per input.
        guard items.count == names.count, items.allSatisfy({ $0.object(as: NDArrayObject.self) != nil || $0.object(as: TensorObject.self) != nil }) else { return nil }
        return try items.enumerated().map { try ModelTypes.data($0.element, argument: "\(argument)[\($0.offset)]", interpreter) }
    }

    /// `predict`'s result: one array, or a list of arrays for several outputs.
    static func predictions(_ model: Sequential, _ output: NDArray) throws -> Value {
        guard let functional = model as? FunctionalModel, functional.graph.outputCount > 1 else { return ArrayConversion.wrap(output) }
        return .list(try functional.unpackOutputs(try Tensor.viewing(output)).map { ArrayConversion.wrap(try $0.ndarray()) })
    }
}
