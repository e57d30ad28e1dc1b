import ML

/// `np.random`: NumPy's legacy global generator (seed, rand, randn, ...), which after
/// `np.random.seed(n)` draws exactly the numbers NumPy draws, and `default_rng` Generators.
enum NumPyRandomModule {
    /// The session's global generator, unseeded (from system entropy) until `seed` is called.
    final class GlobalState {
        var random = ML.RandomState()
    }

    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("numpy.random", doc: "Random sampling with NumPy's legacy global generator (MT19937), seeded by np.random.seed.")
        RandomFunctions.register(module, state: { interp in interp.state(GlobalState.self) { GlobalState() } })
        module.function("default_rng(seed=None)", doc: """
            Construct a new Generator. SwiftML's Generator is seeded MT19937 with the legacy
            algorithms: reproducible for a seed, but not the PCG64 stream NumPy's Generator draws.
            """) { args, _ in
            let generator = RandomGeneratorObject()
            if let seed = try args.optionalInt("seed") { generator.state.random = try ML.RandomState(seed: seed) }
            return .object(generator)
        }
        module.add(RandomGeneratorObject.type)
        module.add(RandomStateObject.type)
        return module
    }
}

/// `np.random.default_rng(seed)`: a generator object with its own state.
final class RandomGeneratorObject: PyObject {
    let state = NumPyRandomModule.GlobalState()
    var pyType: PyType { RandomGeneratorObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "Generator(MT19937)" }

    static let type = PyType("Generator", module: "numpy.random", doc: "A random number generator with its own state (see default_rng).") { t in
        RandomFunctions.registerGenerator(&t)
    }
}

/// `np.random.RandomState(seed)`: the legacy generator as an object.
final class RandomStateObject: PyObject {
    let state = NumPyRandomModule.GlobalState()
    var pyType: PyType { RandomStateObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "RandomState(MT19937)" }

    static let type = PyType("RandomState", module: "numpy.random", doc: "NumPy's legacy generator as an object: RandomState(seed).") { t in
        t.constructor("RandomState(seed=None)") { args, _ in
            let object = RandomStateObject()
            if let seed = try args.optionalInt("seed") { object.state.random = try ML.RandomState(seed: seed) }
            return .object(object)
        }
        RandomFunctions.registerLegacyMethods(&t)
    }
}

/// The sampling functions, written once over a state getter so that `np.random.rand`,
/// `RandomState(...).rand` and `Generator.random` share them.
enum RandomFunctions {
    typealias StateGetter = (Runtime) -> NumPyRandomModule.GlobalState

    /// `size=None` means one Python float; otherwise an array of that shape.
    static func sized(_ size: Value, _ interp: Runtime, _ draw: ([Int]) throws -> NDArray) throws -> Value {
        if size.isNone {
            return try ArrayConversion.pythonScalar(draw([]))
        }
        return ArrayConversion.wrap(try draw(ArrayConversion.shape(size, interp, name: "size")))
    }

    static func register(_ module: Module, state: @escaping StateGetter) {
        module.function("seed(seed=None)", doc: "Reseed the global generator (an integer from 0 to 2**32 - 1).") { args, interp in
            if let seed = try args.optionalInt("seed") {
                state(interp).random = try ML.RandomState(seed: seed)
            } else {
                state(interp).random = ML.RandomState()
            }
            return .none
        }
        for entry in legacyFunctions {
            let body = entry.body
            module.function(entry.signature, doc: entry.doc) { args, interp in try body(state(interp), args, interp) }
        }
    }

    static func registerLegacyMethods(_ t: inout PyTypeBuilder) {
        t.method("seed(seed=None)", of: RandomStateObject.self, doc: "Reseed the generator.") { object, args, _ in
            object.state.random = try args.optionalInt("seed").map { try ML.RandomState(seed: $0) } ?? ML.RandomState()
            return .none
        }
        for entry in legacyFunctions {
            let body = entry.body
            t.method(entry.signature, of: RandomStateObject.self, doc: entry.doc) { object, args, interp in try body(object.state, args, interp) }
        }
    }

    typealias Body = @Sendable (NumPyRandomModule.GlobalState, BoundArguments, Runtime) throws -> Value

    static let legacyFunctions: [(signature: String, doc: String, body: Body)] = [
        ("rand(*shape)", "Random values in [0, 1) of the given shape (a Python float with no arguments).", { state, args, interp in
            let shape = try args.variadicPositional.map { value -> Int in
                guard let size = value.asIndex else { throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer") }
                return size
            }
            if shape.isEmpty { return .float(state.random.nextDouble()) }
            return ArrayConversion.wrap(try state.random.uniform(shape: shape))
        }),
        ("randn(*shape)", "Samples from the standard normal distribution, of the given shape.", { state, args, interp in
            let shape = try args.variadicPositional.map { value -> Int in
                guard let size = value.asIndex else { throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer") }
                return size
            }
            if shape.isEmpty { return .float(state.random.nextGaussian()) }
            return ArrayConversion.wrap(try state.random.normal(shape: shape))
        }),
        ("random(size=None)", "Random floats in the half-open interval [0.0, 1.0).", { state, args, interp in
            try sized(args["size"], interp) { try state.random.uniform(shape: $0) }
        }),
        ("random_sample(size=None)", "Random floats in the half-open interval [0.0, 1.0).", { state, args, interp in
            try sized(args["size"], interp) { try state.random.uniform(shape: $0) }
        }),
        ("standard_normal(size=None)", "Draw samples from a standard Normal distribution (mean=0, stdev=1).", { state, args, interp in
            try sized(args["size"], interp) { try state.random.normal(shape: $0) }
        }),
        ("normal(loc=0.0, scale=1.0, size=None)", "Draw random samples from a normal (Gaussian) distribution.", { state, args, interp in
            let mean = try args.double("loc"), deviation = try args.double("scale")
            return try sized(args["size"], interp) { try state.random.normal(shape: $0, mean: mean, standardDeviation: deviation) }
        }),
        ("uniform(low=0.0, high=1.0, size=None)", "Draw samples from a uniform distribution over [low, high).", { state, args, interp in
            let low = try args.double("low"), high = try args.double("high")
            return try sized(args["size"], interp) { try state.random.uniform(shape: $0, low: low, high: high) }
        }),
        ("randint(low, high=None, size=None, dtype=int)", "Return random integers from low (inclusive) to high (exclusive); from 0 to low when high is None.", { state, args, interp in
            var low = try args.int("low")
            var high = try args.optionalInt("high")
            if high == nil { high = low; low = 0 }
            let dtype = try ArrayConversion.dtype(args["dtype"]) ?? .int64
            if args["size"].isNone {
                return .int(Int(try state.random.integers(low: low, high: high ?? 0, shape: []).scalars(as: Int64.self)[0]))
            }
            let values = try state.random.integers(low: low, high: high ?? 0, shape: ArrayConversion.shape(args["size"], interp, name: "size"))
            return ArrayConversion.wrap(dtype == .int64 ? values : try values.astype(dtype))
        }),
        ("shuffle(x)", "Modify an array in place by shuffling its contents along the first axis.", { state, args, interp in
            if let list = args["x"].object(as: ListObject.self) {
                for i in stride(from: list.items.count - 1, through: 1, by: -1) {
                    let j = Int(state.random.nextBounded(UInt64(i)))
                    list.items.swapAt(i, j)
                }
                return .none
            }
            guard case .object(let object) = args["x"], let backed = object as? NDArrayObject else {
                throw PyError(.typeError, "shuffle() argument 'x' must be ndarray or list, not \(args["x"].typeName)")
            }
            try state.random.shuffle(backed.array)
            return .none
        }),
        ("permutation(x)", "Randomly permute a sequence, or return a permuted range for an integer.", { state, args, interp in
            if let count = args["x"].asIndex, args["x"].object(as: NDArrayObject.self) == nil {
                return ArrayConversion.wrap(try state.random.permutation(count))
            }
            return ArrayConversion.wrap(try state.random.permutation(of: ArrayConversion.array(args["x"], interp)))
        }),
        ("multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8)", "Draw samples from a multivariate normal distribution (NumPy's SVD method, so seeded draws match NumPy's).", { state, args, interp in
            let mean = try ArrayConversion.array(args["mean"], interp).astype(.float64)
            let cov = try ArrayConversion.array(args["cov"], interp).astype(.float64)
            guard mean.ndim == 1 else { throw PyError(.valueError, "mean must be 1 dimensional") }
            let n = mean.shape[0]
            guard cov.ndim == 2, cov.shape == [n, n] else { throw PyError(.valueError, "cov must be 2 dimensional and square") }
            let shape = args["size"].isNone ? [] : try ArrayConversion.shape(args["size"], interp, name: "size")
            let draws = try state.random.normal(shape: shape + [n]).reshaped([-1, n])
            let (_, singular, vt) = try LinearAlgebra.singularValueDecomposition(cov)
            let factor = try NDArray.apply(.multiply, singular.apply(.sqrt).reshaped([-1, 1]), vt)
            let samples = try NDArray.apply(.add, NDArray.matmul(draws, factor), mean)
            return ArrayConversion.wrap(try samples.reshaped(shape + [n]))
        }),
        ("choice(a, size=None, replace=True, p=None)", "Generates a random sample from a given 1-D array, or from arange(a) for an integer.", { state, args, interp in
            let source: NDArray?
            let population: Int
            if let count = args["a"].asIndex, args["a"].object(as: NDArrayObject.self) == nil {
                source = nil
                population = count
            } else {
                let array = try ArrayConversion.array(args["a"], interp)
                guard array.ndim == 1 else { throw PyError(.valueError, "a must be 1-dimensional") }
                source = array
                population = array.shape[0]
                if population == 0 && !args["size"].isNone { throw PyError(.valueError, "'a' cannot be empty unless no samples are taken") }
            }
            let probabilities = args["p"].isNone ? nil : try ArrayConversion.array(args["p"], interp).doubles()
            let shape = args["size"].isNone ? [] : try ArrayConversion.shape(args["size"], interp, name: "size")
            let indices = try state.random.choiceIndices(population: population, shape: shape, replace: args.bool("replace"), probabilities: probabilities)
            guard let source else {
                // choice(n) with no size is a Python int, as in NumPy's legacy generator.
                return shape.isEmpty ? .int(Int(try indices.scalars(as: Int64.self)[0])) : ArrayConversion.wrap(indices)
            }
            let picked = try source.subscripted([.array(indices)])
            return shape.isEmpty ? ArrayConversion.result(picked) : ArrayConversion.wrap(picked)
        }),
    ]

    static func registerGenerator(_ t: inout PyTypeBuilder) {
        t.method("random(size=None)", of: RandomGeneratorObject.self, doc: "Random floats in [0.0, 1.0).") { g, args, interp in
            try sized(args["size"], interp) { try g.state.random.uniform(shape: $0) }
        }
        t.method("standard_normal(size=None)", of: RandomGeneratorObject.self, doc: "Samples from the standard normal distribution.") { g, args, interp in
            try sized(args["size"], interp) { try g.state.random.normal(shape: $0) }
        }
        t.method("normal(loc=0.0, scale=1.0, size=None)", of: RandomGeneratorObject.self, doc: "Samples from a normal distribution.") { g, args, interp in
            let mean = try args.double("loc"), deviation = try args.double("scale")
            return try sized(args["size"], interp) { try g.state.random.normal(shape: $0, mean: mean, standardDeviation: deviation) }
        }
        t.method("uniform(low=0.0, high=1.0, size=None)", of: RandomGeneratorObject.self, doc: "Samples from a uniform distribution over [low, high).") { g, args, interp in
            let low = try args.double("low"), high = try args.double("high")
            return try sized(args["size"], interp) { try g.state.random.uniform(shape: $0, low: low, high: high) }
        }
        t.method("integers(low, high=None, size=None, endpoint=False)", of: RandomGeneratorObject.self, doc: "Random integers from low (inclusive) to high (exclusive, or inclusive with endpoint).") { g, args, interp in
            var low = try args.int("low")
            var high = try args.optionalInt("high")
            if high == nil { high = low; low = 0 }
            let upper = (high ?? 0) + (try args.bool("endpoint") ? 1 : 0)
            if args["size"].isNone {
                return .object(NumPyScalarObject(try g.state.random.integers(low: low, high: upper, shape: [])))
            }
            return ArrayConversion.wrap(try g.state.random.integers(low: low, high: upper, shape: ArrayConversion.shape(args["size"], interp, name: "size")))
        }
        t.method("shuffle(x)", of: RandomGeneratorObject.self, doc: "Shuffle an array in place along its first axis.") { g, args, _ in
            guard let backed = args["x"].object(as: NDArrayObject.self) else {
                throw PyError(.typeError, "shuffle() argument 'x' must be ndarray, not \(args["x"].typeName)")
            }
            try g.state.random.shuffle(backed.array)
            return .none
        }
        t.method("permutation(x)", of: RandomGeneratorObject.self, doc: "A permuted range, or a permuted copy of an array.") { g, args, interp in
            if let count = args["x"].asIndex, args["x"].object(as: NDArrayObject.self) == nil {
                return ArrayConversion.wrap(try g.state.random.permutation(count))
            }
            return ArrayConversion.wrap(try g.state.random.permutation(of: ArrayConversion.array(args["x"], interp)))
        }
        t.method("choice(a, size=None, replace=True, p=None)", of: RandomGeneratorObject.self, doc: "A random sample from a 1-D array, or from arange(a).") { g, args, interp in
            let body = legacyFunctions.first { $0.signature.hasPrefix("choice(") }?.body
            guard let body else { return .none }
            return try body(g.state, args, interp)
        }
    }
}
