import Testing
import Glibc
@testable import ML

/// Each optimizer's first steps against the update rule worked out by hand in double
/// precision, for a two-element variable and fixed gradients.
@Suite struct OptimizerTests {
    let start: [Double] = [0.5, -1.0]
    let gradients: [[Double]] = [[0.1, -0.2], [0.3, 0.05], [-0.2, 0.4]]

    func run(_ optimizer: Optimizer) throws -> [[Float]] {
        let variable = Variable(try Tensor(start.map { Float($0) }, shape: [2]))
        return try gradients.map { g in
            try optimizer.applyGradients([(Tensor(g.map { Float($0) }, shape: [2]), variable)])
            return variable.scalars
        }
    }

    func expectClose(_ actual: [[Float]], _ expected: [[Double]], _ name: String) {
        for (a, e) in zip(actual, expected) {
            for (x, y) in zip(a, e) { #expect(abs(Double(x) - y) < 1e-6 * max(1, abs(y)), "\(name): \(x) vs \(y)") }
        }
    }

    @Test func plainSGD() throws {
        var w = start
        let expected = gradients.map { g in w = zip(w, g).map { $0 - 0.01 * $1 }; return w }
        expectClose(try run(SGD()), expected, "sgd")
    }

    @Test func sgdWithMomentumAndNesterov() throws {
        for nesterov in [false, true] {
            var w = start, m = [0.0, 0.0]
            let expected = gradients.map { g -> [Double] in
                for i in 0..<2 {
                    m[i] = 0.9 * m[i] - 0.1 * g[i]
                    w[i] += nesterov ? 0.9 * m[i] - 0.1 * g[i] : m[i]
                }
                return w
            }
            expectClose(try run(SGD(learningRate: 0.1, momentum: 0.9, nesterov: nesterov)), expected, "sgd nesterov=\(nesterov)")
        }
    }

    @Test func adamWithKerasDefaults() throws {
        var w = start, m = [0.0, 0.0], v = [0.0, 0.0]
        let expected = gradients.enumerated().map { step, g -> [Double] in
            let t = Double(step + 1)
            let alpha = 0.001 * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
            for i in 0..<2 {
                m[i] += (g[i] - m[i]) * 0.1
                v[i] += (g[i] * g[i] - v[i]) * 0.001
                w[i] -= m[i] * alpha / (v[i].squareRoot() + 1e-7)
            }
            return w
        }
        let adam = Adam()
        #expect(adam.learningRate == 0.001 && adam.epsilon == 1e-7)
        expectClose(try run(adam), expected, "adam")
    }

    @Test func adamaxWithKerasDefaults() throws {
        var w = start, m = [0.0, 0.0], u = [0.0, 0.0]
        let expected = gradients.enumerated().map { step, g -> [Double] in
            let correction = 1 - pow(0.9, Double(step + 1))
            for i in 0..<2 {
                m[i] += (g[i] - m[i]) * 0.1
                u[i] = max(0.999 * u[i], abs(g[i]))
                w[i] -= 0.001 * m[i] / (correction * (u[i] + 1e-7))
            }
            return w
        }
        expectClose(try run(Adamax()), expected, "adamax")
    }

    @Test func rmspropPlainMomentumAndCentered() throws {
        for (momentum, centered) in [(0.0, false), (0.5, false), (0.0, true)] {
            var w = start, v = [0.0, 0.0], mom = [0.0, 0.0], average = [0.0, 0.0]
            let expected = gradients.map { g -> [Double] in
                for i in 0..<2 {
                    v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i]
                    var denominator = v[i] + 1e-7
                    if centered {
                        average[i] = 0.9 * average[i] + 0.1 * g[i]
                        denominator = v[i] - average[i] * average[i] + 1e-7
                    }
                    let increment = 0.001 * g[i] / denominator.squareRoot()
                    if momentum > 0 {
                        mom[i] = momentum * mom[i] + increment
                        w[i] -= mom[i]
                    } else {
                        w[i] -= increment
                    }
                }
                return w
            }
            expectClose(try run(RMSprop(momentum: Float(momentum), centered: centered)), expected, "rmsprop m=\(momentum) c=\(centered)")
        }
    }

    @Test func adagradWithKerasDefaults() throws {
        // Keras: the accumulator starts at 0.1 and gathers g²; w -= lr·g / √(accumulator + ε).
        var w = start, accumulator = [0.1, 0.1]
        let expected = gradients.map { g -> [Double] in
            for i in 0..<2 {
                accumulator[i] += g[i] * g[i]
                w[i] -= 0.001 * g[i] / (accumulator[i] + 1e-7).squareRoot()
            }
            return w
        }
        expectClose(try run(Adagrad()), expected, "adagrad")
        var fast = start, fastAccumulator = [0.5, 0.5]
        let withOptions = gradients.map { g -> [Double] in
            for i in 0..<2 {
                fastAccumulator[i] += g[i] * g[i]
                fast[i] -= 0.1 * g[i] / (fastAccumulator[i] + 1e-7).squareRoot()
            }
            return fast
        }
        expectClose(try run(Adagrad(learningRate: 0.1, initialAccumulatorValue: 0.5)), withOptions, "adagrad lr=0.1 initial=0.5")
    }

    @Test func iterationsCountSteps() throws {
        let adam = Adam()
        _ = try run(adam)
        #expect(adam.iterations == 3)
    }

    @Test func clipValueAndClipNormBoundTheGradient() throws {
        let sgd = SGD(learningRate: 1)
        sgd.clipValue = 0.05
        let clipped = try run(sgd)
        #expect(abs(Double(clipped[0][0]) - 0.45) < 1e-6 && abs(Double(clipped[0][1]) - (-0.95)) < 1e-6)
        let byNorm = SGD(learningRate: 1)
        byNorm.clipNorm = 0.1
        let step = try run(byNorm)[0]
        let moved = ((Double(step[0]) - 0.5) * (Double(step[0]) - 0.5) + (Double(step[1]) + 1) * (Double(step[1]) + 1)).squareRoot()
        #expect(abs(moved - 0.1) < 1e-6)
    }

    @Test func unknownOptimizerNamesAreRejected() throws {
        #expect(throws: OptimizerError.unknown("adamw2")) { try makeOptimizer(named: "adamw2") }
        #expect(try makeOptimizer(named: "Adamax") is Adamax)
    }
}

extension OptimizerTests {
    /// Adam updates eight elements at a time; the vector lanes and the scalar tail follow
    /// the same rule.
    @Test func adamOnALongVariableFollowsTheRule() throws {
        let count = 19
        let start = (0..<count).map { Double($0) / 10 - 0.9 }
        let gradient = (0..<count).map { Double($0 % 5) / 7 - 0.3 }
        let variable = Variable(try Tensor(start.map { Float($0) }, shape: [count]))
        let adam = Adam(learningRate: 0.01)
        var w = start, m = [Double](repeating: 0, count: count), v = m
        for step in 1...3 {
            try adam.applyGradients([(try Tensor(gradient.map { Float($0) }, shape: [count]), variable)])
            let alpha = 0.01 * (1 - pow(0.999, Double(step))).squareRoot() / (1 - pow(0.9, Double(step)))
            for i in 0..<count {
                m[i] += (gradient[i] - m[i]) * 0.1
                v[i] += (gradient[i] * gradient[i] - v[i]) * 0.001
                w[i] -= m[i] * alpha / (v[i].squareRoot() + 1e-7)
            }
        }
        for (actual, expected) in zip(variable.scalars, w) { #expect(abs(Double(actual) - expected) < 1e-5) }
    }
}
