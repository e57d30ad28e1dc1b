/// Stochastic gradient descent, with optional (Nesterov) momentum:
/// m = momentum m - lr g; w += m (Nesterov: w += momentum m - lr g).
public final class SGD: Optimizer {
    public let momentum: Float
    public let nesterov: Bool

    /// Keras's defaults: learning rate 0.01, no momentum.
    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
        self.momentum = momentum
        self.nesterov = nesterov
        super.init(learningRate: learningRate)
    }

    public override var typeName: String { "SGD" }
    override var slotsPerVariable: Int { momentum != 0 ? 1 : 0 }

    override func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int, slots: [UnsafeMutablePointer<Float>], constants: StepConstants) {
        let lr = learningRate, mu = momentum
        guard let m = slots.first else {
            for i in 0..<count { w[i] -= g[i] * lr }
            return
        }
        if nesterov {
            for i in 0..<count {
                let next = m[i] * mu - g[i] * lr
                m[i] = next
                w[i] += next * mu - g[i] * lr
            }
        } else {
            for i in 0..<count {
                let next = m[i] * mu - g[i] * lr
                m[i] = next
                w[i] += next
            }
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["momentum"] = .number(Double(momentum))
        result["nesterov"] = .bool(nesterov)
        return result
    }
}

/// Adam: m += (g - m)(1 - β1); v += (g² - v)(1 - β2);
/// w -= m α / (√v + ε) with α = lr √(1 - β2^t) / (1 - β1^t).
public final class Adam: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float

    /// Keras's defaults: learning rate 0.001, β1 0.9, β2 0.999, ε 1e-7.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        super.init(learningRate: learningRate)
    }

    public override var typeName: String { "Adam" }
    override var slotsPerVariable: Int { 2 }

    override func stepConstants(step: Int) -> StepConstants {
        // Powers in float, as Keras computes them in the variable's dtype.
        let t = Float(step)
        let b1 = _powf(beta1, t), b2 = _powf(beta2, t)
        return StepConstants(first: learningRate * (1 - b2).squareRoot() / (1 - b1))
    }

    override func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int, slots: [UnsafeMutablePointer<Float>], constants: StepConstants) {
        let m = slots[0], v = slots[1]
        let alpha = constants.first, oneMinusB1 = 1 - beta1, oneMinusB2 = 1 - beta2, eps = epsilon
        // Eight lanes at a time: a scalar `squareRoot()` keeps a libm fallback call that
        // stops the loop from vectorising; the vector square root has none.
        var i = 0
        while i + 8 <= count {
            let gi = Lanes.load(g, i), mOld = Lanes.load(m, i), vOld = Lanes.load(v, i)
            let mi = mOld + (gi - mOld) * oneMinusB1
            let vi = vOld + (gi * gi - vOld) * oneMinusB2
            Lanes.store(mi, m, i)
            Lanes.store(vi, v, i)
            Lanes.store(Lanes.load(w, i) - (mi * alpha) / (vi.squareRoot() + eps), w, i)
            i += 8
        }
        while i < count {
            let gi = g[i]
            let mi = m[i] + (gi - m[i]) * oneMinusB1
            let vi = v[i] + (gi * gi - v[i]) * oneMinusB2
            m[i] = mi
            v[i] = vi
            w[i] -= (mi * alpha) / (vi.squareRoot() + eps)
            i += 1
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["beta_1"] = .number(Double(beta1))
        result["beta_2"] = .number(Double(beta2))
        result["epsilon"] = .number(Double(epsilon))
        result["amsgrad"] = .bool(false)
        return result
    }
}

/// Adamax: m += (g - m)(1 - β1); u = max(β2 u, |g|); w -= lr m / ((1 - β1^t)(u + ε)).
public final class Adamax: Optimizer {
    public let beta1: Float, beta2: Float, epsilon: Float

    /// Keras's defaults: learning rate 0.001, β1 0.9, β2 0.999, ε 1e-7.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        super.init(learningRate: learningRate)
    }

    public override var typeName: String { "Adamax" }
    override var slotsPerVariable: Int { 2 }

    override func stepConstants(step: Int) -> StepConstants { StepConstants(first: 1 - _powf(beta1, Float(step))) }

    override func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int, slots: [UnsafeMutablePointer<Float>], constants: StepConstants) {
        let m = slots[0], u = slots[1]
        let lr = learningRate, correction = constants.first, oneMinusB1 = 1 - beta1, b2 = beta2, eps = epsilon
        for i in 0..<count {
            let gi = g[i]
            let mi = m[i] + (gi - m[i]) * oneMinusB1
            let decayed = b2 * u[i], magnitude = gi.magnitude
            let ui = decayed > magnitude ? decayed : magnitude
            m[i] = mi
            u[i] = ui
            w[i] -= (lr * mi) / (correction * (ui + eps))
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["beta_1"] = .number(Double(beta1))
        result["beta_2"] = .number(Double(beta2))
        result["epsilon"] = .number(Double(epsilon))
        return result
    }
}

/// RMSprop: v = ρ v + (1 - ρ) g²; step = lr g / √(v + ε) (centred: √(v - ḡ² + ε));
/// with momentum, mom = momentum mom + step and w -= mom, else w -= step.
public final class RMSprop: Optimizer {
    public let rho: Float, momentum: Float, epsilon: Float, centered: Bool

    /// Keras's defaults: learning rate 0.001, ρ 0.9, no momentum, ε 1e-7, not centred.
    public init(learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7, centered: Bool = false) {
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered
        super.init(learningRate: learningRate)
    }

    public override var typeName: String { "RMSprop" }
    override var slotsPerVariable: Int { 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0) }

    override func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int, slots: [UnsafeMutablePointer<Float>], constants: StepConstants) {
        let v = slots[0]
        let lr = learningRate, r = rho, oneMinusRho = 1 - rho, eps = epsilon, mu = momentum
        let mom: UnsafeMutablePointer<Float>? = momentum > 0 ? slots[1] : nil
        let average: UnsafeMutablePointer<Float>? = centered ? slots[slots.count - 1] : nil
        for i in 0..<count {
            let gi = g[i]
            let vi = r * v[i] + oneMinusRho * gi * gi
            v[i] = vi
            var denominator = vi + eps
            if let average {
                let ai = r * average[i] + oneMinusRho * gi
                average[i] = ai
                denominator = vi - ai * ai + eps
            }
            let increment = lr * gi / denominator.squareRoot()
            if let mom {
                let next = mu * mom[i] + increment
                mom[i] = next
                w[i] -= next
            } else {
                w[i] -= increment
            }
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["rho"] = .number(Double(rho))
        result["momentum"] = .number(Double(momentum))
        result["epsilon"] = .number(Double(epsilon))
        result["centered"] = .bool(centered)
        return result
    }
}

/// Adagrad: a += g²; w -= lr g / √(a + ε), accumulators starting at 0.1.
public final class Adagrad: Optimizer {
    public let initialAccumulatorValue: Float, epsilon: Float

    /// Keras's defaults: learning rate 0.001, accumulators from 0.1, ε 1e-7.
    public init(learningRate: Float = 0.001, initialAccumulatorValue: Float = 0.1, epsilon: Float = 1e-7) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        super.init(learningRate: learningRate)
    }

    public override var typeName: String { "Adagrad" }
    override var slotsPerVariable: Int { 1 }

    override func update(_ w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int, slots: [UnsafeMutablePointer<Float>], constants: StepConstants) {
        let a = slots[0], lr = learningRate, eps = epsilon
        // The accumulator starts at the initial value rather than zero: record it as an
        // offset, since slots are created zeroed.
        let start = initialAccumulatorValue
        for i in 0..<count {
            let gi = g[i]
            let ai = a[i] + gi * gi
            a[i] = ai
            w[i] -= lr * gi / (ai + start + eps).squareRoot()
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["initial_accumulator_value"] = .number(Double(initialAccumulatorValue))
        result["epsilon"] = .number(Double(epsilon))
        return result
    }
}

/// Eight-float vector loads and stores at an element offset.
enum Lanes {
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Float>, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ value: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: value, as: SIMD8<Float>.self)
    }
}
