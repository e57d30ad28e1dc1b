/// Updates variables from their gradients, one pass over each variable per step, keeping
/// per-variable state (momenta) between steps. Formulas follow Keras 3 exactly.
public class Optimizer {
    /// The step size; can be changed between steps.
    public var learningRate: Float
    /// Number of steps applied so far (Keras's `iterations`).
    public internal(set) var iterations: Int = 0
    /// If set, each gradient is clipped elementwise to [-clipValue, clipValue].
    public var clipValue: Float?
    /// If set, each gradient is scaled down so its L2 norm is at most `clipNorm`.
    public var clipNorm: Float?

    /// State kept per variable, in the order the variables were first seen.
    private var slotIndex: [ObjectIdentifier: Int] = [:]
    private(set) var tracked: [(variable: Variable, slots: [UnsafeMutablePointer<Float>])] = []
    private let clipped = ScratchBuffer()

    init(learningRate: Float) {
        self.learningRate = learningRate
    }

    deinit {
        for entry in tracked { for slot in entry.slots { slot.deallocate() } }
    }

    /// Keras's class name (`Adam`).
    public var typeName: String { "Optimizer" }

    /// Number of state arrays kept per variable.
    var slotsPerVariable: Int { 0 }

    /// Applies one step: every variable moves by its gradient (given as raw storage of the
    /// variable's element count). Increments `iterations` once.
    func apply(_ updates: [(Variable, UnsafePointer<Float>)]) {
        let step = iterations + 1
        let hyper = stepConstants(step: step)
        for (variable, gradient) in updates {
            let slots = slots(for: variable)
            let g = clip(gradient, count: variable.count)
            update(variable.storage, gradient: g, count: variable.count, slots: slots, constants: hyper)
        }
        iterations = step
    }

    /// Applies one step from tensors (`optimizer.apply_gradients(zip(grads, vars))`).
    /// - Throws: `TensorError.incompatibleShapes` when a gradient's size differs from its
    ///   variable's.
    public func applyGradients(_ pairs: [(gradient: Tensor, variable: Variable)]) throws {
        for (gradient, variable) in pairs where gradient.count != variable.count {
            throw TensorError.incompatibleShapes(gradient.shape, variable.shape, operation: "apply_gradients to '\(variable.name)'")
        }
        apply(pairs.map { ($0.variable, UnsafePointer($0.gradient.storage)) })
    }

    private func clip(_ gradient: UnsafePointer<Float>, count: Int) -> UnsafePointer<Float> {
        guard clipValue != nil || clipNorm != nil else { return gradient }
        let out = clipped.reserve(count)
        out.update(from: gradient, count: count)
        if let limit = clipValue {
            for i in 0..<count { out[i] = Swift.min(Swift.max(out[i], -limit), limit) }
        }
        if let limit = clipNorm {
            var squares = 0.0
            for i in 0..<count { squares += Double(out[i] * out[i]) }
            let norm = squares.squareRoot()
            if norm > Double(limit) {
                let scale = Float(Double(limit) / norm)
                for i in 0..<count { out[i] *= scale }
            }
        }
        return UnsafePointer(out)
    }

    private func slots(for variable: Variable) -> [UnsafeMutablePointer<Float>] {
        if let index = slotIndex[ObjectIdentifier(variable)] { return tracked[index].slots }
        let slots = (0..<slotsPerVariable).map { _ -> UnsafeMutablePointer<Float> in
            let slot = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(variable.count, 1))
            slot.initialize(repeating: 0, count: Swift.max(variable.count, 1))
            return slot
        }
        slotIndex[ObjectIdentifier(variable)] = tracked.count
        tracked.append((variable, slots))
        return slots
    }

    /// Per-step scalars (bias corrections), computed once per step.
    func stepConstants(step: Int) -> StepConstants { StepConstants() }

    /// The update of one variable, in place, with its state.
    func update(
        _ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: [UnsafeMutablePointer<Float>], constants: StepConstants
    ) {}

    /// The number of state elements (Keras's "optimizer params", plus the step counter).
    public var stateParameterCount: Int {
        tracked.reduce(0) { $0 + $1.variable.count * slotsPerVariable } + (tracked.isEmpty ? 0 : 1)
    }

    /// The hyperparameters Keras saves (`get_config()`).
    public var config: [String: JSONValue] {
        var result: [String: JSONValue] = ["name": .string(typeName.lowercased()), "learning_rate": .number(Double(learningRate))]
        result["clipvalue"] = clipValue.map { .number(Double($0)) } ?? .null
        result["clipnorm"] = clipNorm.map { .number(Double($0)) } ?? .null
        return result
    }

    /// `config` as a JSON object with sorted keys.
    public var configJSON: JSONValue { LayerConfig.object(config) }

    /// The state arrays of every tracked variable, in order (for saving).
    var stateArrays: [(name: String, values: [Float])] {
        var result: [(String, [Float])] = []
        for (index, entry) in tracked.enumerated() {
            for (s, slot) in entry.slots.enumerated() {
                result.append(("\(index)/\(s)", Array(UnsafeBufferPointer(start: slot, count: entry.variable.count))))
            }
        }
        return result
    }

    /// Restores state saved by `stateArrays` for `variables` in the same order.
    func restoreState(variables: [Variable], arrays: [String: [Float]], iterations: Int) {
        for (index, variable) in variables.enumerated() {
            let slots = slots(for: variable)
            for (s, slot) in slots.enumerated() {
                if let values = arrays["\(index)/\(s)"], values.count == variable.count {
                    values.withUnsafeBufferPointer { if let base = $0.baseAddress { slot.update(from: base, count: values.count) } }
                }
            }
        }
        self.iterations = iterations
    }
}

/// Scalars an optimizer computes once per step and uses for every variable.
struct StepConstants {
    var first: Float = 0
}

/// What can go wrong choosing an optimizer.
public enum OptimizerError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknown(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .unknown(name):
            return "Could not interpret optimizer identifier: '\(name)'. Use one of: sgd, adam, adamax, rmsprop, adagrad"
        case let .invalidArgument(message):
            return message
        }
    }
}

/// Makes an optimizer from Keras's string name with Keras's default hyperparameters.
public func makeOptimizer(named name: String) throws -> Optimizer {
    switch name.lowercased() {
    case "sgd": return SGD()
    case "adam": return Adam()
    case "adamax": return Adamax()
    case "rmsprop": return RMSprop()
    case "adagrad": return Adagrad()
    default: throw OptimizerError.unknown(name)
    }
}
