import ML

/// `tf.keras.optimizers.Adam(...)` and friends.
final class OptimizerObject: PyObject {
    let optimizer: Optimizer
    init(_ optimizer: Optimizer) { self.optimizer = optimizer }
    var pyType: PyType { TrainingTypes.optimizer }
    func repr(_ interpreter: Runtime) throws -> String { "<keras.optimizers.\(optimizer.typeName) object>" }
}

/// A loss as a value: a class instance (`SparseCategoricalCrossentropy(from_logits=True)`) or
/// a loss function (`tf.keras.losses.mse`). Calling it gives the mean loss as a tensor.
final class LossObject: PyObject, CallableObject {
    let loss: Loss
    init(_ loss: Loss) { self.loss = loss }
    var pyType: PyType { TrainingTypes.loss }
    func repr(_ interpreter: Runtime) throws -> String { "<keras.losses.\(loss.className) object>" }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        let args = try Signature("__call__(y_true, y_pred, sample_weight=None)").bind(arguments)
        guard args.optional("sample_weight") == nil else { throw PyError(.notImplementedError, "sample_weight is not supported") }
        let eager = KerasState.of(interpreter).eager
        let target = try TensorTypes.tensor(args["y_true"], interpreter), prediction = try TensorTypes.tensor(args["y_pred"], interpreter)
        return TensorTypes.wrap(try eager.loss(loss, target: target, prediction: prediction))
    }
}

/// `keras.callbacks.EarlyStopping(...)`.
final class EarlyStoppingObject: PyObject {
    let callback: EarlyStopping
    init(_ callback: EarlyStopping) { self.callback = callback }
    var pyType: PyType { TrainingTypes.earlyStopping }
}

/// `keras.callbacks.LambdaCallback(on_epoch_end=...)`: the Python functions to call.
final class LambdaCallbackObject: PyObject {
    let functions: [String: Value]
    init(_ functions: [String: Value]) { self.functions = functions }
    var pyType: PyType { TrainingTypes.lambdaCallback }

    /// The library callback calling the Python functions; `logs` arrive as dicts.
    func callback(_ interpreter: Runtime) -> LambdaCallback {
        let callback = LambdaCallback()
        func logsValue(_ logs: Logs?) -> Value { .dict((logs?.entries ?? []).map { ($0.name, .float($0.value)) }) }
        if let f = functions["on_epoch_begin"] { callback.onEpochBegin = { epoch in _ = try interpreter.call(f, .int(epoch), .dict([])) } }
        if let f = functions["on_epoch_end"] { callback.onEpochEnd = { epoch, logs in _ = try interpreter.call(f, .int(epoch), logsValue(logs)) } }
        if let f = functions["on_batch_begin"] { callback.onBatchBegin = { batch in _ = try interpreter.call(f, .int(batch), .dict([])) } }
        if let f = functions["on_batch_end"] { callback.onBatchEnd = { batch, logs in _ = try interpreter.call(f, .int(batch), logsValue(logs)) } }
        if let f = functions["on_train_begin"] { callback.onTrainBegin = { _ = try interpreter.call(f, .dict([])) } }
        if let f = functions["on_train_end"] { callback.onTrainEnd = { logs in _ = try interpreter.call(f, logsValue(logs)) } }
        return callback
    }
}

/// What `fit` returns: `history.history` is a dict of per-epoch lists.
final class HistoryObject: PyObject {
    let history: History
    let model: Value
    init(_ history: History, model: Value) {
        self.history = history
        self.model = model
    }
    var pyType: PyType { TrainingTypes.history }
    func repr(_ interpreter: Runtime) throws -> String { "<keras.src.callbacks.history.History object>" }
}

enum TrainingTypes {
    static let optimizer = PyType("Optimizer", module: "keras.optimizers", doc: "Updates weights from gradients.") { t in
        t.property("learning_rate", of: OptimizerObject.self, doc: "The step size (settable).",
                   get: { o, _ in .float(Double(o.optimizer.learningRate)) },
                   set: { o, v, _ in
                       guard let lr = v.asDouble ?? v.object(as: TensorObject.self)?.asDouble() else { throw PyError(.typeError, "learning_rate must be a number") }
                       o.optimizer.learningRate = Float(lr)
                   })
        t.property("lr", of: OptimizerObject.self, doc: "The step size (Keras 2's name).") { o, _ in .float(Double(o.optimizer.learningRate)) }
        t.property("iterations", of: OptimizerObject.self, doc: "Steps applied so far.") { o, _ in .int(o.optimizer.iterations) }
        t.property("name", of: OptimizerObject.self, doc: "The optimizer's name.") { o, _ in .string(o.optimizer.typeName.lowercased()) }
        t.method("apply_gradients(grads_and_vars)", of: OptimizerObject.self, doc: "One step: each variable moves by its gradient. Takes zip(grads, variables); pairs whose gradient is None are skipped.") { o, args, interpreter in
            var pairs: [(gradient: Tensor, variable: Variable)] = []
            for pair in try interpreter.collect(args["grads_and_vars"]) {
                let items = try interpreter.collect(pair)
                guard items.count == 2, let variable = items[1].object(as: VariableObject.self)?.variable else {
                    throw PyError(.valueError, "apply_gradients expects (gradient, variable) pairs, e.g. zip(grads, model.trainable_variables)")
                }
                if items[0].isNone { continue }
                pairs.append((try TensorTypes.tensor(items[0], interpreter), variable))
            }
            guard !pairs.isEmpty else { throw PyError(.valueError, "No gradients provided for any variable.") }
            try o.optimizer.applyGradients(pairs)
            return .none
        }
        t.method("get_config()", of: OptimizerObject.self, doc: "The hyperparameters.") { o, _, _ in
            LayerTypes.configValue(o.optimizer.configJSON)
        }
    }

    static let loss = PyType("Loss", module: "keras.losses", doc: "A loss: call it as loss(y_true, y_pred) for the mean loss.") { t in
        t.property("name", of: LossObject.self, doc: "The loss's name.") { o, _ in .string(o.loss.name) }
        t.method("get_config()", of: LossObject.self, doc: "The loss's settings.") { o, _, _ in
            .dict([("name", .string(o.loss.name)), ("from_logits", .bool(o.loss.fromLogits))])
        }
    }

    static let earlyStopping = PyType("EarlyStopping", module: "keras.callbacks", doc: """
        Stops training when a monitored value stops improving.

        EarlyStopping(monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto',
                      baseline=None, restore_best_weights=False, start_from_epoch=0)
        """) { t in
        t.constructor("EarlyStopping(monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto', baseline=None, restore_best_weights=False, start_from_epoch=0)") { args, _ in
            guard let mode = EarlyStopping.Mode(rawValue: try args.string("mode")) else {
                throw PyError(.valueError, "mode must be 'auto', 'min' or 'max'")
            }
            return .object(EarlyStoppingObject(EarlyStopping(
                monitor: try args.string("monitor"), minDelta: try args.double("min_delta"), patience: try args.int("patience"),
                verbose: try args.int("verbose"), mode: mode, baseline: try args.optionalDouble("baseline"),
                restoreBestWeights: try args.bool("restore_best_weights"), startFromEpoch: try args.int("start_from_epoch"))))
        }
        t.property("stopped_epoch", of: EarlyStoppingObject.self, doc: "The epoch training stopped at (0 if it did not).") { o, _ in .int(o.callback.stoppedEpoch) }
        t.property("best", of: EarlyStoppingObject.self, doc: "The best monitored value.") { o, _ in o.callback.best.map(Value.float) ?? .none }
        t.property("best_epoch", of: EarlyStoppingObject.self, doc: "The epoch of the best value.") { o, _ in .int(o.callback.bestEpoch) }
    }

    static let lambdaCallback = PyType("LambdaCallback", module: "keras.callbacks", doc: """
        Calls your functions during training.

        LambdaCallback(on_epoch_begin=None, on_epoch_end=None, on_batch_begin=None,
                       on_batch_end=None, on_train_begin=None, on_train_end=None)
        The epoch and batch functions take (index, logs); the train ones take (logs).
        """) { t in
        t.constructor("LambdaCallback(on_epoch_begin=None, on_epoch_end=None, on_batch_begin=None, on_batch_end=None, on_train_begin=None, on_train_end=None)") { args, _ in
            var functions: [String: Value] = [:]
            for name in ["on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end", "on_train_begin", "on_train_end"] {
                if let f = args.optional(name) { functions[name] = f }
            }
            return .object(LambdaCallbackObject(functions))
        }
    }

    static let history = PyType("History", module: "keras.callbacks", doc: "The record of a fit: history.history maps each loss and metric to its per-epoch values.") { t in
        t.property("history", of: HistoryObject.self, doc: "A dict of per-epoch lists (loss, metrics, val_...).") { o, _ in
            .dict(o.history.keys.map { ($0, .list((o.history[$0] ?? []).map(Value.float))) })
        }
        t.property("epoch", of: HistoryObject.self, doc: "The epochs run (0-based).") { o, _ in .list(o.history.epochs.map(Value.int)) }
        t.property("params", of: HistoryObject.self, doc: "verbose, epochs and steps of the fit.") { o, _ in
            .dict([("verbose", .int(o.history.parameters.verbose)), ("epochs", .int(o.history.parameters.epochs)), ("steps", .int(o.history.parameters.steps))])
        }
        t.property("model", of: HistoryObject.self, doc: "The model trained.") { o, _ in o.model }
    }

    /// An optimizer argument: a name or an optimizer object.
    static func makeOptimizer(_ value: Value, _ interpreter: Runtime) throws -> Optimizer {
        if case .string(let name) = value { return try ML.makeOptimizer(named: name) }
        if let object = value.object(as: OptimizerObject.self) { return object.optimizer }
        throw PyError(.valueError, "Could not interpret optimizer identifier: \(try interpreter.repr(value)). Use a name such as 'adam' or an object such as tf.keras.optimizers.Adam(learning_rate=0.01)")
    }

    /// A loss argument: a name, a loss object or a loss function.
    static func makeLoss(_ value: Value, _ interpreter: Runtime) throws -> Loss {
        if case .string(let name) = value { return try Loss(named: name) }
        if let object = value.object(as: LossObject.self) { return object.loss }
        throw PyError(.valueError, "Could not interpret loss identifier: \(try interpreter.repr(value)). Use a name such as 'mse' or an object such as tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)")
    }

    /// The `metrics=` list: names or metric objects.
    static func metrics(_ value: Value?, _ interpreter: Runtime) throws -> [MetricSpec] {
        guard let value else { return [] }
        let items: [Value]
        if case .string = value { items = [value] } else { items = try interpreter.collect(value) }
        return try items.map { item in
            if case .string(let name) = item { return try MetricSpec(named: name) }
            if let object = item.object(as: MetricObject.self) { return object.spec }
            if let loss = item.object(as: LossObject.self) {
                switch loss.loss {
                case .meanSquaredError: return MetricSpec(name: "mean_squared_error", metric: .meanSquaredError)
                case .meanAbsoluteError: return MetricSpec(name: "mean_absolute_error", metric: .meanAbsoluteError)
                default: break
                }
            }
            throw PyError(.valueError, "Could not interpret metric identifier: \(try interpreter.repr(item)). Use names such as 'accuracy', 'mae', 'mse'")
        }
    }

    /// `callbacks=[...]` as library callbacks.
    static func callbacks(_ value: Value?, _ interpreter: Runtime) throws -> [TrainingCallback] {
        guard let value else { return [] }
        return try interpreter.collect(value).map { item in
            if let stopper = item.object(as: EarlyStoppingObject.self) {
                stopper.callback.report = { interpreter.write($0 + "\n") }
                return stopper.callback
            }
            if let lambda = item.object(as: LambdaCallbackObject.self) { return lambda.callback(interpreter) }
            throw PyError(.notImplementedError, "callback \(item.typeName) is not supported; SwiftML supports EarlyStopping and LambdaCallback")
        }
    }
}

/// A metric object (`tf.keras.metrics.SparseCategoricalAccuracy()`), usable in `compile`.
final class MetricObject: PyObject {
    let spec: MetricSpec
    init(_ spec: MetricSpec) { self.spec = spec }
    var pyType: PyType { MetricObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<keras.metrics.\(spec.name) object>" }

    static let type = PyType("Metric", module: "keras.metrics", doc: "A metric for compile(metrics=[...]).") { t in
        t.property("name", of: MetricObject.self, doc: "The name in logs and history.") { o, _ in .string(o.spec.name) }
    }
}
