/// `@tf.function`: TensorFlow traces the function into a graph; SwiftML runs eagerly, so the
/// decorator returns the function unchanged (same results, no graph).
enum TensorFlowFunctionDecorator {
    static func add(to tf: Module) {
        tf.function("function(func=None, input_signature=None, autograph=True, jit_compile=None, reduce_retracing=False, experimental_implements=None, experimental_autograph_options=None, experimental_attributes=None, experimental_relax_shapes=None, experimental_compile=None, experimental_follow_type_hints=None)",
                    doc: "Compiles a function into a callable TensorFlow graph. SwiftML runs functions eagerly: the function is returned unchanged.") { args, _ in
            if let function = args.optional("func") { return function }
            return .object(BuiltinFunction(Signature(name: "decorator", parameters: [.init(name: "func", kind: .positionalOnly)]), module: "tensorflow") { inner, _ in
                inner.values[0]
            })
        }
    }
}
