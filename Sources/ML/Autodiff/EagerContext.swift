/// Where differentiable operations run: the tapes currently recording them. One per
/// interpreter session (confined to its thread); `tf.GradientTape()` used as a context
/// manager starts and stops a tape here, and every `tf.*` operation goes through it.
public final class EagerContext {
    /// Tapes recording, innermost last.
    public private(set) var recording: [GradientTape] = []

    public init() {}

    /// Starts recording into `tape` (entering `with tf.GradientTape() as tape:`).
    public func begin(_ tape: GradientTape) {
        recording.append(tape)
    }

    /// Stops recording into `tape` (leaving the `with` block).
    public func end(_ tape: GradientTape) {
        recording.removeAll { $0 === tape }
    }

    /// Records an operation into every active tape that tracks one of its inputs.
    func record(inputs: [AnyObject], output: Tensor, backward: @escaping (Tensor) throws -> [Tensor?]) {
        guard !recording.isEmpty else { return }
        for tape in recording where tape.isTracking(inputs) {
            tape.record(inputs: inputs, output: output, backward: backward)
        }
    }

    /// The value of `variable` as a tensor, recorded so gradients flow back to the variable.
    public func read(_ variable: Variable) -> Tensor {
        let value = variable.value
        record(inputs: [variable], output: value) { [$0] }
        return value
    }

    // MARK: Elementwise arithmetic with broadcasting

    public func add(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "add") { $0 + $1 }
        record(inputs: [a, b], output: y) { g in [TensorMath.sumToShape(g, a.shape), TensorMath.sumToShape(g, b.shape)] }
        return y
    }

    public func subtract(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "subtract") { $0 - $1 }
        record(inputs: [a, b], output: y) { g in
            [TensorMath.sumToShape(g, a.shape), TensorMath.map(TensorMath.sumToShape(g, b.shape)) { -$0 }]
        }
        return y
    }

    public func multiply(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "multiply") { $0 * $1 }
        record(inputs: [a, b], output: y) { g in
            [TensorMath.sumToShape(try TensorMath.zip(g, b, operation: "multiply") { $0 * $1 }, a.shape),
             TensorMath.sumToShape(try TensorMath.zip(g, a, operation: "multiply") { $0 * $1 }, b.shape)]
        }
        return y
    }

    public func divide(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "divide") { $0 / $1 }
        record(inputs: [a, b], output: y) { g in
            let ga = try TensorMath.zip(g, b, operation: "divide") { $0 / $1 }
            let gy = try TensorMath.zip(g, y, operation: "divide") { $0 * $1 }
            let gb = try TensorMath.zip(gy, b, operation: "divide") { -$0 / $1 }
            return [TensorMath.sumToShape(ga, a.shape), TensorMath.sumToShape(gb, b.shape)]
        }
        return y
    }

    /// a ** b elementwise.
    public func pow(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "pow") { _powf($0, $1) }
        record(inputs: [a, b], output: y) { g in
            // d/da = b a^(b-1); d/db = a^b log a (taken as 0 where a <= 0, as TensorFlow does).
            let da = try TensorMath.zip(a, b, operation: "pow") { $1 == 0 ? 0 : $1 * _powf($0, $1 - 1) }
            let db = try TensorMath.zip(y, a, operation: "pow") { $1 > 0 ? $0 * _logf($1) : 0 }
            return [TensorMath.sumToShape(try TensorMath.zip(g, da, operation: "pow") { $0 * $1 }, a.shape),
                    TensorMath.sumToShape(try TensorMath.zip(g, db, operation: "pow") { $0 * $1 }, b.shape)]
        }
        return y
    }

    public func maximum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "maximum") { $0 >= $1 || $0.isNaN ? $0 : $1 }
        record(inputs: [a, b], output: y) { g in
            let pickA = try TensorMath.zip(a, b, operation: "maximum") { $0 >= $1 ? 1 : 0 }
            return [TensorMath.sumToShape(try TensorMath.zip(g, pickA, operation: "maximum") { $0 * $1 }, a.shape),
                    TensorMath.sumToShape(try TensorMath.zip(g, pickA, operation: "maximum") { $0 * (1 - $1) }, b.shape)]
        }
        return y
    }

    public func minimum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.zip(a, b, operation: "minimum") { $0 <= $1 || $0.isNaN ? $0 : $1 }
        record(inputs: [a, b], output: y) { g in
            let pickA = try TensorMath.zip(a, b, operation: "minimum") { $0 <= $1 ? 1 : 0 }
            return [TensorMath.sumToShape(try TensorMath.zip(g, pickA, operation: "minimum") { $0 * $1 }, a.shape),
                    TensorMath.sumToShape(try TensorMath.zip(g, pickA, operation: "minimum") { $0 * (1 - $1) }, b.shape)]
        }
        return y
    }

    public func negative(_ x: Tensor) -> Tensor {
        unary(x, { -$0 }) { g, _, _ in -g }
    }

    // MARK: Elementwise functions

    /// An elementwise function with its derivative given from (upstream, input, output).
    func unary(_ x: Tensor, _ f: (Float) -> Float, derivative: @escaping (Float, Float, Float) -> Float) -> Tensor {
        let y = TensorMath.map(x, f)
        record(inputs: [x], output: y) { g in
            let d = Tensor(uninitializedShape: x.shape)
            for i in 0..<x.count { d.storage[i] = derivative(g.storage[i], x.storage[i], y.storage[i]) }
            return [d]
        }
        return y
    }

    public func exp(_ x: Tensor) -> Tensor { unary(x, _expf) { g, _, y in g * y } }
    public func log(_ x: Tensor) -> Tensor { unary(x, _logf) { g, x, _ in g / x } }
    public func log1p(_ x: Tensor) -> Tensor { unary(x, _log1pf) { g, x, _ in g / (1 + x) } }
    public func sqrt(_ x: Tensor) -> Tensor { unary(x, { $0.squareRoot() }) { g, _, y in g / (2 * y) } }
    public func square(_ x: Tensor) -> Tensor { unary(x, { $0 * $0 }) { g, x, _ in 2 * x * g } }
    public func abs(_ x: Tensor) -> Tensor { unary(x, { $0.magnitude }) { g, x, _ in x > 0 ? g : (x < 0 ? -g : 0) } }
    public func tanh(_ x: Tensor) -> Tensor { unary(x, _tanhf) { g, _, y in g * (1 - y * y) } }
    public func sigmoid(_ x: Tensor) -> Tensor { unary(x, { 1 / (1 + _expf(-$0)) }) { g, _, y in g * y * (1 - y) } }
    public func relu(_ x: Tensor) -> Tensor { unary(x, { $0 > 0 ? $0 : 0 }) { g, x, _ in x > 0 ? g : 0 } }
    public func softplus(_ x: Tensor) -> Tensor {
        unary(x, { ($0 > 0 ? $0 : 0) + _log1pf(_expf(-$0.magnitude)) }) { g, x, _ in g / (1 + _expf(-x)) }
    }
    public func sin(_ x: Tensor) -> Tensor { unary(x, _sinf) { g, x, _ in g * _cosf(x) } }
    public func cos(_ x: Tensor) -> Tensor { unary(x, _cosf) { g, x, _ in -g * _sinf(x) } }

    /// Values clipped to [low, high]; the gradient passes where no clipping happened.
    public func clip(_ x: Tensor, low: Float, high: Float) -> Tensor {
        unary(x, { Swift.min(Swift.max($0, low), high) }) { g, x, _ in x >= low && x <= high ? g : 0 }
    }

    /// Softmax over the last axis.
    public func softmax(_ x: Tensor) -> Tensor {
        let y = Tensor(copying: x.storage, shape: x.shape)
        let columns = Swift.max(x.shape.last ?? 1, 1)
        Activation.softmaxRows(y.storage, rows: x.count / columns, columns: columns)
        record(inputs: [x], output: y) { g in
            let d = Tensor(uninitializedShape: x.shape)
            Activation.softmax.backward(gradOut: g.storage, output: y.storage, gradIn: d.storage, rows: x.count / columns, columns: columns, biasGradient: nil)
            return [d]
        }
        return y
    }

    // MARK: Reductions and shapes

    public func reduceSum(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let reduced = try TensorMath.reductionAxes(axes, rank: x.rank)
        let y = try TensorMath.sum(x, axes: axes, keepDims: keepDims)
        record(inputs: [x], output: y) { g in [TensorMath.broadcast(g, reducedFrom: x.shape, axes: reduced)] }
        return y
    }

    public func reduceMean(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        let reduced = try TensorMath.reductionAxes(axes, rank: x.rank)
        let n = Float(Swift.max(1, reduced.reduce(1) { $0 * x.shape[$1] }))
        let y = try TensorMath.mean(x, axes: axes, keepDims: keepDims)
        record(inputs: [x], output: y) { g in
            [TensorMath.map(TensorMath.broadcast(g, reducedFrom: x.shape, axes: reduced)) { $0 / n }]
        }
        return y
    }

    public func reduceMax(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        try extremum(x, axes: axes, keepDims: keepDims, TensorMath.max)
    }

    public func reduceMin(_ x: Tensor, axes: [Int]? = nil, keepDims: Bool = false) throws -> Tensor {
        try extremum(x, axes: axes, keepDims: keepDims, TensorMath.min)
    }

    private func extremum(_ x: Tensor, axes: [Int]?, keepDims: Bool, _ reduce: (Tensor, [Int]?, Bool) throws -> Tensor) throws -> Tensor {
        let reduced = try TensorMath.reductionAxes(axes, rank: x.rank)
        let y = try reduce(x, axes, keepDims)
        record(inputs: [x], output: y) { g in
            // The gradient goes to the elements equal to the extremum, shared between ties.
            let spreadY = TensorMath.broadcast(y, reducedFrom: x.shape, axes: reduced)
            let hits = try TensorMath.zip(x, spreadY, operation: "reduce") { $0 == $1 ? 1 : 0 }
            let counts = try TensorMath.sum(hits, axes: reduced, keepDims: keepDims)
            let spreadG = TensorMath.broadcast(g, reducedFrom: x.shape, axes: reduced)
            let spreadCounts = TensorMath.broadcast(counts, reducedFrom: x.shape, axes: reduced)
            let d = Tensor(uninitializedShape: x.shape)
            for i in 0..<x.count { d.storage[i] = hits.storage[i] * spreadG.storage[i] / Swift.max(spreadCounts.storage[i], 1) }
            return [d]
        }
        return y
    }

    public func reshape(_ x: Tensor, _ shape: [Int]) throws -> Tensor {
        let y = try x.reshaped(shape)
        record(inputs: [x], output: y) { g in [try g.reshaped(x.shape)] }
        return y
    }

    public func transpose(_ x: Tensor, permutation: [Int]? = nil) throws -> Tensor {
        let perm = permutation ?? Array((0..<x.rank).reversed())
        let y = try TensorMath.transpose(x, permutation: perm)
        var inverse = [Int](repeating: 0, count: perm.count)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        record(inputs: [x], output: y) { g in [try TensorMath.transpose(g, permutation: inverse)] }
        return y
    }

    /// Matrix product (`tf.matmul`, `@`), differentiable for 1-D and 2-D operands and for
    /// batches of matrices.
    public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try TensorMath.matmul(a, b)
        record(inputs: [a, b], output: y) { g in
            // Work in the promoted 2-D (or batched) shapes, then restore the operands'.
            let a2 = a.rank == 1 ? try a.reshaped([1, a.shape[0]]) : a
            let b2 = b.rank == 1 ? try b.reshaped([b.shape[0], 1]) : b
            let outShape = Array(y.shape.dropLast(b.rank == 1 ? 0 : 1).dropLast(a.rank == 1 ? 0 : 1))
            let rows = a2.shape[a2.rank - 2], columns = b2.shape[b2.rank - 1]
            let g2 = try g.reshaped(Array(outShape) + [rows, columns])
            var ga = try TensorMath.matmul(g2, b2, transposeB: true)
            var gb = try TensorMath.matmul(a2, g2, transposeA: true)
            if ga.rank > a2.rank { ga = try TensorMath.sum(ga, axes: Array(0..<(ga.rank - a2.rank)), keepDims: false) }
            if gb.rank > b2.rank { gb = try TensorMath.sum(gb, axes: Array(0..<(gb.rank - b2.rank)), keepDims: false) }
            return [try ga.reshaped(a.shape), try gb.reshaped(b.shape)]
        }
        return y
    }

    // MARK: Layers, models and losses

    /// `layer(x)`: runs a layer (or model) on a batch, building it for `x`'s sample shape if
    /// needed. Recorded so gradients flow to `x` and to the layer's trainable weights.
    /// - Throws: `LayerError` when `x` does not fit the layer.
    public func call(_ layer: Layer, _ x: Tensor, training: Bool, random: RandomSource) throws -> Tensor {
        guard x.rank >= 1 else { throw ModelError.invalidArgument("a layer needs a batch of inputs; got a scalar") }
        let sampleShape = Array(x.shape.dropFirst())
        if let model = layer as? Sequential {
            try model.prepare(sampleShape: sampleShape)
        } else {
            try layer.build(inputShape: sampleShape, random: &random.stream)
        }
        let batch = x.shape[0]
        let context = layer.makeContext()
        // The input is read, never written, by forward; backward writes only its own buffers.
        let output = try layer.forward(x.storage, batch: batch, context: context, training: training, random: &random.stream)
        let y = Tensor(copying: output, shape: [batch] + (layer.outputShape ?? []))
        let variables = layer.trainableWeights
        record(inputs: [x] + variables, output: y) { g in
            let upstream = Tensor(copying: g.storage, shape: g.shape)
            let inputGradient = layer.backward(upstream.storage, batch: batch, context: context, needInputGradient: true)
            var result: [Tensor?] = [inputGradient.map { Tensor(copying: $0, shape: x.shape) }]
            var pairs: [(Variable, UnsafePointer<Float>)] = []
            if let model = layer as? Sequential {
                Sequential.gradients(layers: model.layers, contexts: context.children, into: &pairs)
            } else {
                for (variable, buffer) in Swift.zip(layer.weights, context.parameterGradients) where variable.trainable {
                    pairs.append((variable, UnsafePointer(buffer.pointer)))
                }
            }
            let byVariable = Dictionary(pairs.map { (ObjectIdentifier($0.0), Tensor(copying: $0.1, shape: $0.0.shape)) }, uniquingKeysWith: { a, _ in a })
            result += variables.map { byVariable[ObjectIdentifier($0)] }
            return result
        }
        return y
    }

    /// `loss(y_true, y_pred)`: the mean loss, recorded so gradients flow to the predictions.
    /// - Throws: `LossError` for mismatched shapes or labels out of range.
    public func loss(_ loss: Loss, target: Tensor, prediction: Tensor) throws -> Tensor {
        let classes = Swift.max(prediction.shape.last ?? 1, 1)
        let samples = prediction.shape.first ?? 1
        try loss.validate(targetShape: Array(target.shape.dropFirst()), predictionShape: Array(prediction.shape.dropFirst()))
        let rows = prediction.count / classes
        let gradient = Tensor(uninitializedShape: prediction.shape)
        let value = try loss.evaluate(prediction: prediction.storage, target: target.storage, rows: rows, classes: classes, gradient: gradient.storage)
        _ = samples
        let y = Tensor(scalar: Float(value))
        record(inputs: [prediction], output: y) { g in
            let scale = g.storage[0]
            return [TensorMath.map(gradient) { $0 * scale }]
        }
        return y
    }
}

extension EagerContext {
    /// A Keras activation applied to a tensor (`tf.keras.activations.relu(x)`), softmax over
    /// the last axis; recorded with the derivative the layers use.
    public func activation(_ activation: Activation, _ x: Tensor) -> Tensor {
        let y = Tensor(copying: x.storage, shape: x.shape)
        let columns = Swift.max(x.shape.last ?? 1, 1)
        activation.apply(y.storage, rows: x.count / columns, columns: columns, bias: nil)
        record(inputs: [x], output: y) { g in
            let d = Tensor(uninitializedShape: x.shape)
            activation.backward(gradOut: g.storage, output: y.storage, gradIn: d.storage, rows: x.count / columns, columns: columns, biasGradient: nil)
            return [d]
        }
        return y
    }
}
