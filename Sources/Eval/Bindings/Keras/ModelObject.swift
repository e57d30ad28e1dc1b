import ML

/// `tf.keras.Sequential` as a value: the layer methods plus compile, fit, evaluate, predict,
/// summary and saving.
final class ModelObject: LayerObject {
    var model: Sequential { layer as! Sequential }   // a ModelObject is only ever made for a Sequential
    /// Keras's `model.history`: the History of the last `fit`, kept when an interrupt ends it.
    var lastHistory: Value = .none
}

enum ModelTypes {
    /// `verbose=` as Keras takes it: 'auto' (1), or 0, 1, 2.
    static func verbosity(_ value: Value) throws -> Int {
        if case .string(let s) = value {
            guard s == "auto" else { throw PyError(.valueError, "verbose must be 'auto', 0, 1 or 2, got '\(s)'") }
            return 1
        }
        guard let level = value.asIndex, (0...2).contains(level) else { throw PyError(.valueError, "verbose must be 'auto', 0, 1 or 2") }
        return level
    }

    /// Model inputs: a contiguous float32 array read in place when it is one, else converted.
    static func data(_ value: Value, argument: String, _ interpreter: Runtime) throws -> Tensor {
        if value.isNone { throw PyError(.valueError, "\(argument) is required (None was given)") }
        if let t = value.object(as: TensorObject.self) { return t.tensor }
        if let v = value.object(as: VariableObject.self) { return v.variable.value }
        let array = try ArrayConversion.array(value, interpreter)
        try interpreter.checkAllocation(count: array.size, elementSize: 4)
        return try Tensor.viewing(array)
    }

    /// The model or the error Keras gives before `compile`.
    static func compiled(_ model: Sequential) throws -> CompiledState {
        guard let compiled = model.compiled else { throw ModelError.notCompiled(model: model.name) }
        return compiled
    }

    static let sequential = PyType("Sequential", module: "keras", doc: """
        A linear stack of layers.

            model = tf.keras.Sequential([
                tf.keras.layers.Input(shape=(28, 28)),
                tf.keras.layers.Flatten(),
                tf.keras.layers.Dense(128, activation='relu'),
                tf.keras.layers.Dense(10),
            ])
            model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            history = model.fit(x_train, y_train, epochs=5, validation_split=0.1)
        """, base: LayerTypes.base) { t in
        t.constructor("Sequential(layers=None, trainable=True, name=None)") { args, interpreter in
            let state = KerasState.of(interpreter)
            let model = try Sequential(name: try LayerTypes.name(args, prefix: "sequential", interpreter), random: state.random)
            if let layers = args.optional("layers") {
                for item in try interpreter.collect(layers) { try model.add(try layer(item, interpreter)) }
            }
            model.trainable = try args.bool("trainable")
            return .object(state.wrapper(for: model))
        }
        t.method("add(layer)", of: ModelObject.self, doc: "Appends a layer (or a model) to the stack.") { o, args, interpreter in
            try o.model.add(try layer(args["layer"], interpreter))
            return .none
        }
        t.method("pop()", of: ModelObject.self, doc: "Removes and returns the last layer.") { o, _, interpreter in
            .object(KerasState.of(interpreter).wrapper(for: try o.model.pop()))
        }
        t.method("build(input_shape=None)", of: ModelObject.self, doc: "Creates the weights for inputs of `input_shape` (with its batch entry, e.g. (None, 784)).") { o, args, interpreter in
            if let value = args.optional("input_shape") {
                let items = try interpreter.collect(value)
                let shape = try items.dropFirst().map { item -> Int in
                    guard let n = item.asIndex else { throw PyError(.valueError, "input_shape must be (None, ...ints)") }
                    return n
                }
                try o.model.build(inputShape: shape)
            } else if let shape = o.model.modelInputShape {
                try o.model.build(inputShape: shape)
            } else {
                throw ModelError.notBuilt(model: o.model.name)
            }
            return .none
        }
        t.property("layers", of: ModelObject.self, doc: "The layers, in order (without the input layer).") { o, interpreter in
            let state = KerasState.of(interpreter)
            return .list(o.model.layers.map { .object(state.wrapper(for: $0)) })
        }
        t.method("get_layer(name=None, index=None)", of: ModelObject.self, doc: "A layer by name or index.") { o, args, interpreter in
            let state = KerasState.of(interpreter)
            if let index = try args.optionalInt("index") {
                guard index >= 0, index < o.model.layers.count else { throw PyError(.valueError, "Was asked to retrieve layer at index \(index) but model only has \(o.model.layers.count) layers.") }
                return .object(state.wrapper(for: o.model.layers[index]))
            }
            let name = try args.string("name")
            guard let found = o.model.layers.first(where: { $0.name == name }) else { throw PyError(.valueError, "No such layer: \(name). Existing layers are: \(o.model.layers.map(\.name)).") }
            return .object(state.wrapper(for: found))
        }
        t.property("stop_training", of: ModelObject.self, doc: "Set True (from a callback) to end fit after this epoch.",
                   get: { o, _ in .bool(o.model.stopTraining) }, set: { o, v, interpreter in o.model.stopTraining = try interpreter.truthiness(v) })
        t.property("optimizer", of: ModelObject.self, doc: "The compiled optimizer.") { o, _ in
            o.model.compiled.map { .object(OptimizerObject($0.optimizer)) } ?? .none
        }
        t.property("loss", of: ModelObject.self, doc: "The compiled loss.") { o, _ in
            o.model.compiled.map { .object(LossObject($0.loss)) } ?? .none
        }
        t.property("history", of: ModelObject.self, doc: "The History of the last fit (also after an interrupt).") { o, _ in o.lastHistory }
        t.property("metrics_names", of: ModelObject.self, doc: "Names of evaluate()'s results.") { o, _ in
            .list(o.model.evaluationNames.map(Value.string))
        }
        t.method("compile(optimizer='rmsprop', loss=None, metrics=None, loss_weights=None, weighted_metrics=None, run_eagerly=False, steps_per_execution=1, jit_compile='auto')", of: ModelObject.self,
                 doc: "Chooses the optimizer (a name such as 'adam' or an optimizer object), the loss (a name such as 'mse' or a loss object) and the metrics ('accuracy', 'mae', 'mse').") { o, args, interpreter in
            guard let lossValue = args.optional("loss") else { throw PyError(.valueError, "compile() needs a loss, e.g. loss='mse' or loss='sparse_categorical_crossentropy'") }
            o.model.compile(optimizer: try TrainingTypes.makeOptimizer(args["optimizer"], interpreter), loss: try TrainingTypes.makeLoss(lossValue, interpreter),
                            metrics: try TrainingTypes.metrics(args.optional("metrics"), interpreter))
            return .none
        }
        t.method("fit(x=None, y=None, batch_size=None, epochs=1, verbose='auto', callbacks=None, validation_split=0.0, validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None, validation_batch_size=None, validation_freq=1)", of: ModelObject.self,
                 doc: "Trains for `epochs` passes over the data in batches of `batch_size` (32), validating on `validation_data` or the last `validation_split` of the data after each epoch. Returns a History. verbose=1 shows a live progress bar, 2 one line per epoch, 0 nothing. An interrupt stops after the current batch and raises KeyboardInterrupt, as Keras does; the weights and model.history (the epochs so far) are kept.") { o, args, interpreter in
            try fit(o, args, interpreter)
        }
        t.method("evaluate(x=None, y=None, batch_size=None, verbose='auto', sample_weight=None, steps=None, callbacks=None, return_dict=False)", of: ModelObject.self,
                 doc: "The loss (and metrics) on the data: a float, or [loss, metric, ...] when compiled with metrics.") { o, args, interpreter in
            _ = try compiled(o.model)
            let x = try FunctionalTypes.inputs(o.model, args["x"], argument: "x", interpreter)
            let y = try FunctionalTypes.targets(o.model, args["y"], argument: "y", interpreter)
            let verbose = try verbosity(args["verbose"])
            let reporter = ProgressReporter(verbose: verbose, output: NotebookProgress(interpreter))
            let logs = try o.model.evaluate(x: x, y: y, batchSize: try args.optionalInt("batch_size") ?? 32,
                                            callbacks: verbose > 0 ? [reporter] : [], cancellation: interpreter.cancellation)
            if try args.bool("return_dict") { return .dict(logs.entries.map { ($0.name, .float($0.value)) }) }
            let values = o.model.evaluationNames.map { Value.float(logs[$0] ?? .nan) }
            return values.count == 1 ? values[0] : .list(values)
        }
        t.method("predict(x, batch_size=None, verbose='auto', steps=None, callbacks=None)", of: ModelObject.self,
                 doc: "The model's outputs for `x`, as a float32 NumPy array of shape (samples, ...).") { o, args, interpreter in
            let x = try FunctionalTypes.inputs(o.model, args["x"], argument: "x", interpreter)
            let verbose = try verbosity(args["verbose"])
            let reporter = ProgressReporter(verbose: verbose, output: NotebookProgress(interpreter))
            let output = try o.model.predictArray(x, batchSize: try args.optionalInt("batch_size") ?? 32,
                                                  callbacks: verbose > 0 ? [reporter] : [], cancellation: interpreter.cancellation)
            return try FunctionalTypes.predictions(o.model, output)
        }
        t.method("predict_on_batch(x)", of: ModelObject.self, doc: "The outputs for one batch, without progress.") { o, args, interpreter in
            try FunctionalTypes.predictions(o.model, try o.model.predictArray(try FunctionalTypes.inputs(o.model, args["x"], argument: "x", interpreter), batchSize: 32, callbacks: [], cancellation: nil))
        }
        t.method("summary(line_length=None, positions=None, print_fn=None, expand_nested=False, show_trainable=False, layer_range=None)", of: ModelObject.self,
                 doc: "Prints the table of layers, output shapes and parameter counts.") { o, args, interpreter in
            let text = o.model.summary()
            if let printer = args.optional("print_fn") {
                _ = try interpreter.call(printer, .string(text))
            } else {
                interpreter.write(text + "\n")
            }
            return .none
        }
        t.method("save(filepath, overwrite=True)", of: ModelObject.self, doc: "Saves the architecture, weights, compile settings and optimizer state to a .keras (or .h5) file; see load_model.") { o, args, interpreter in
            let path = try args.string("filepath")
            guard path.hasSuffix(".keras") || path.hasSuffix(".h5") else {
                throw PyError(.valueError, "Invalid filepath extension for saving. Please add either a `.keras` extension for the native Keras format (recommended) or a `.h5` extension. Received: filepath=\(path)")
            }
            try ModelFile.save(o.model, to: path)
            return .none
        }
        t.method("save_weights(filepath, overwrite=True)", of: ModelObject.self, doc: "Saves the weights to `filepath`: Keras 3's HDF5 layout for a .weights.h5 name, safetensors otherwise.") { o, args, _ in
            try ModelFile.saveWeights(o.model, to: try args.string("filepath"))
            return .none
        }
        t.method("load_weights(filepath)", of: ModelObject.self, doc: "Loads weights from a Keras .weights.h5, .keras or .h5 file (or SwiftML safetensors) into this model.") { o, args, _ in
            try ModelFile.loadWeights(o.model, from: try args.string("filepath"))
            return .none
        }
    }

    /// A layer argument of `Sequential([...])` / `add`: layers and models, and `Input(...)`.
    static func layer(_ value: Value, _ interpreter: Runtime) throws -> Layer {
        if let object = value.object(as: LayerObject.self) { return object.layer }
        // keras.Input(...) as a Sequential's first entry stands for its input layer.
        if let tensor = value.object(as: SymbolicTensorObject.self)?.tensor, tensor.call == nil, let input = tensor.layer as? InputLayer { return input }
        throw PyError(.typeError, "The added layer must be an instance of class Layer. Received: layer=\(try interpreter.repr(value)) of type \(value.typeName).")
    }

    static func isSameObject(_ a: Value, _ b: Value) -> Bool {
        if case .object(let first) = a, case .object(let second) = b { return first === second }
        return false
    }

    static func fit(_ o: ModelObject, _ args: BoundArguments, _ interpreter: Runtime) throws -> Value {
        _ = try compiled(o.model)
        for unsupported in ["class_weight", "sample_weight", "steps_per_epoch", "validation_steps"] where args.optional(unsupported) != nil {
            throw PyError(.notImplementedError, "fit(\(unsupported)=...) is not supported by SwiftML")
        }
        let xValue = args["x"], yValue = args["y"]
        let x = try FunctionalTypes.inputs(o.model, xValue, argument: "x", interpreter)
        // The same array for inputs and targets (an autoencoder) is converted once.
        let sameArray = isSameObject(xValue, yValue)
        let y = sameArray ? x : try FunctionalTypes.targets(o.model, yValue, argument: "y", interpreter)
        var options = FitOptions()
        options.epochs = try args.int("epochs")
        options.batchSize = try args.optionalInt("batch_size") ?? 32
        options.shuffle = try args.bool("shuffle")
        options.validationSplit = try args.double("validation_split")
        options.initialEpoch = try args.int("initial_epoch")
        options.verbose = try verbosity(args["verbose"])
        options.cancellation = interpreter.cancellation
        if let validation = args.optional("validation_data") {
            let parts = try interpreter.collect(validation)
            guard parts.count >= 2 else { throw PyError(.valueError, "validation_data must be a tuple (x_val, y_val)") }
            if parts.count > 2 { throw PyError(.notImplementedError, "validation sample weights are not supported") }
            let vx = try FunctionalTypes.inputs(o.model, parts[0], argument: "validation_data[0]", interpreter)
            options.validationData = (vx, isSameObject(parts[0], parts[1]) ? vx : try FunctionalTypes.targets(o.model, parts[1], argument: "validation_data[1]", interpreter))
        }
        var callbacks = try TrainingTypes.callbacks(args.optional("callbacks"), interpreter)
        if options.verbose > 0 { callbacks.insert(ProgressReporter(verbose: options.verbose, output: NotebookProgress(interpreter)), at: 0) }
        options.callbacks = callbacks
        let history = try o.model.fit(x: x, y: y, options: options)
        o.lastHistory = .object(HistoryObject(history, model: .object(o)))
        if let stop = history.interruption {
            interpreter.write("Training interrupted during epoch \(stop.epoch + 1)/\(options.epochs), after batch \(stop.batch + 1)/\(history.parameters.steps): the weights are kept, and model.history holds the \(history.epochs.count) completed epoch\(history.epochs.count == 1 ? "" : "s").\n", to: .stderr)
            // Keras lets the KeyboardInterrupt through: the rest of the cell (a save, more
            // training) must not run after the user pressed stop.
            throw PyError(.keyboardInterrupt, "")
        }
        return o.lastHistory
    }
}
