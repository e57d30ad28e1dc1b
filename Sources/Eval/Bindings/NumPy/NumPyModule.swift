import ML

/// The modules the NumPy binding provides to `import`: `numpy` (as `np`), with `np.random`
/// and `np.linalg`.
enum NumPyBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("numpy", make: makeNumPy),
        ModuleDefinition("numpy.random", make: NumPyRandomModule.make),
        ModuleDefinition("numpy.linalg", make: NumPyLinalgModule.make),
    ]

    static func makeNumPy(_ interpreter: Runtime) throws -> Module {
        let np = Module("numpy", doc: """
            NumPy-style n-dimensional arrays for SwiftML, over the ML library's NDArray: dtypes
            float32, float64, int64, uint8 and bool; broadcasting; views; integer and boolean
            indexing; reductions; np.random (NumPy's legacy seeded stream) and np.linalg.
            """)
        np["pi"] = .float(Double.pi)
        np["e"] = .float(2.718281828459045)
        np["inf"] = .float(Double.infinity)
        np["nan"] = .float(Double.nan)
        np.members["newaxis"] = Value.none  // (the subscript setter would read .none as "remove")
        np["__version__"] = .string("2.4.6")

        np.add(NumPyTypes.ndarray)
        np.add(NumPyTypes.dtype)
        for type in [NumPyTypes.generic, NumPyTypes.number, NumPyTypes.integer, NumPyTypes.signedInteger,
                     NumPyTypes.unsignedInteger, NumPyTypes.floating,
                     NumPyTypes.float32, NumPyTypes.float64, NumPyTypes.int64, NumPyTypes.uint8, NumPyTypes.bool] {
            np.add(type)
        }
        // NumPy's other names for the same types.
        np["bool_"] = .object(NumPyTypes.bool)
        np["double"] = .object(NumPyTypes.float64)
        np["single"] = .object(NumPyTypes.float32)
        np["int_"] = .object(NumPyTypes.int64)
        np["intp"] = .object(NumPyTypes.int64)
        np["ubyte"] = .object(NumPyTypes.uint8)
        for name in ["int8", "int16", "int32", "uint16", "uint32", "uint64", "float16", "complex64", "complex128"] {
            np[name] = .object(NumPyTypes.unsupportedType(name))
        }

        NumPyFunctions.registerCreation(np)
        NumPyFunctions.registerShape(np)
        NumPyFunctions.registerMath(np)
        NumPyFunctions.registerReductions(np)
        NumPyPrintOptions.register(np)
        NumPyExtras.register(np)
        NumPyStatistics.register(np)
        NumPyRearranging.register(np)
        NumPyFiles.register(np)
        NumPyContexts.register(np)
        return np
    }
}
