/// Records differentiable operations while it is active, then computes gradients of a
/// result with respect to the tensors and variables it watched (`tf.GradientTape`).
///
/// Define-by-run: each operation run through an `EagerContext` while this tape records is
/// appended with a closure that maps the gradient of its output to the gradients of its
/// inputs; `gradient` replays them backwards. Trainable variables are watched as soon as
/// an operation reads them (unless `watchAccessedVariables` is false); other tensors only
/// after `watch`.
public final class GradientTape {
    /// Whether `gradient` may be called more than once.
    public let persistent: Bool
    /// Whether reading a trainable variable watches it automatically.
    public let watchAccessedVariables: Bool

    struct Node {
        /// Identities of the inputs (tensors or variables), aligned with `backward`'s result.
        let inputs: [ObjectIdentifier]
        let output: Tensor
        /// d loss / d output -> d loss / d each input (nil where none flows).
        let backward: (Tensor) throws -> [Tensor?]
        /// Keeps every input alive while the tape lives, so identities stay unique.
        let retained: [AnyObject]
    }

    var nodes: [Node] = []
    /// Identities whose gradients are wanted or flow: watched tensors and variables, and
    /// outputs of recorded nodes.
    var tracked: Set<ObjectIdentifier> = []
    private var retainedWatched: [AnyObject] = []
    private var used = false

    public init(persistent: Bool = false, watchAccessedVariables: Bool = true) {
        self.persistent = persistent
        self.watchAccessedVariables = watchAccessedVariables
    }

    /// Watches `tensor`, so gradients with respect to it can be asked for.
    public func watch(_ tensor: Tensor) {
        tracked.insert(ObjectIdentifier(tensor))
        retainedWatched.append(tensor)
    }

    /// Watches `variable` (needed only when `watchAccessedVariables` is false, or the
    /// variable is not trainable).
    public func watch(_ variable: Variable) {
        tracked.insert(ObjectIdentifier(variable))
        retainedWatched.append(variable)
    }

    /// The variables this tape has watched, in the order first seen (`watched_variables()`).
    public var watchedVariables: [Variable] {
        var seen: Set<ObjectIdentifier> = []
        var result: [Variable] = []
        for object in retainedWatched {
            if let v = object as? Variable, seen.insert(ObjectIdentifier(v)).inserted { result.append(v) }
        }
        return result
    }

    /// Whether an operation over `inputs` must be recorded.
    func isTracking(_ inputs: [AnyObject]) -> Bool {
        inputs.contains { object in
            if tracked.contains(ObjectIdentifier(object)) { return true }
            if watchAccessedVariables, let v = object as? Variable, v.trainable {
                watch(v)
                return true
            }
            return false
        }
    }

    func record(inputs: [AnyObject], output: Tensor, backward: @escaping (Tensor) throws -> [Tensor?]) {
        nodes.append(Node(inputs: inputs.map(ObjectIdentifier.init), output: output, backward: backward, retained: inputs))
        tracked.insert(ObjectIdentifier(output))
    }

    /// What `gradient` is asked about: a tensor or a variable.
    public enum Source {
        case tensor(Tensor)
        case variable(Variable)

        public var identity: ObjectIdentifier {
            switch self {
            case let .tensor(t): ObjectIdentifier(t)
            case let .variable(v): ObjectIdentifier(v)
            }
        }

        public var shape: [Int] {
            switch self {
            case let .tensor(t): t.shape
            case let .variable(v): v.shape
            }
        }
    }

    /// The gradients of `target` (summed, if it is not a scalar) with respect to each source;
    /// nil for a source `target` does not depend on through recorded operations, as
    /// TensorFlow returns `None`. `outputGradient` seeds the backward pass (ones by default).
    /// - Throws: `AutodiffError.tapeUsed` on a second call to a non-persistent tape, or any
    ///   shape error from the backward computations.
    public func gradient(_ target: Tensor, sources: [Source], outputGradient: Tensor? = nil) throws -> [Tensor?] {
        if used && !persistent { throw AutodiffError.tapeUsed }
        used = true
        var gradients: [ObjectIdentifier: Tensor] = [:]
        let seed = try outputGradient ?? Tensor(repeating: 1, shape: target.shape)
        gradients[ObjectIdentifier(target)] = seed
        for node in nodes.reversed() {
            guard let upstream = gradients[ObjectIdentifier(node.output)] else { continue }
            let inputGradients = try node.backward(upstream)
            for (identity, gradient) in Swift.zip(node.inputs, inputGradients) {
                guard let gradient else { continue }
                if let existing = gradients[identity] {
                    gradients[identity] = try TensorMath.zip(existing, gradient, operation: "gradient accumulation") { $0 + $1 }
                } else {
                    gradients[identity] = gradient
                }
            }
        }
        if !persistent {
            nodes.removeAll()
        }
        return try sources.map { source in
            guard let found = gradients[source.identity] else { return nil }
            if found.shape == source.shape { return found }
            return try found.reshaped(source.shape)
        }
    }
}

/// Misuse of tapes and differentiable operations.
public enum AutodiffError: Error, CustomStringConvertible, Equatable, Sendable {
    case tapeUsed
    case notDifferentiable(String)

    public var description: String {
        switch self {
        case .tapeUsed:
            return "A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians); use tf.GradientTape(persistent=True) to call gradient() more than once"
        case let .notDifferentiable(what):
            return "\(what) is not differentiable"
        }
    }
}
