import Testing
import Glibc
@testable import ML

@Suite struct ActivationTests {
    @Test func fastExpIsWithinAFewUlpOfLibm() {
        var worst: Float = 0
        var x: Float = -80
        while x < 80 {
            let exact = Float(Glibc.exp(Double(x)))
            worst = max(worst, (VectorMath.exp(x) - exact).magnitude / exact)
            x += 0.0137
        }
        #expect(worst < 4e-7)
    }

    @Test func fastTanhAndSigmoidAreAccurate() {
        var worstTanh: Float = 0, worstSigmoid: Float = 0
        var x: Float = -20
        while x < 20 {
            worstTanh = max(worstTanh, (VectorMath.tanh(x) - Float(Glibc.tanh(Double(x)))).magnitude)
            worstSigmoid = max(worstSigmoid, (VectorMath.sigmoid(x) - Float(1 / (1 + Glibc.exp(-Double(x))))).magnitude)
            x += 0.00731
        }
        #expect(worstTanh < 3e-7)
        #expect(worstSigmoid < 2e-7)
    }

    @Test func nanPropagatesThroughFastFunctions() {
        #expect(VectorMath.exp(.nan).isNaN)
        #expect(VectorMath.tanh(.nan).isNaN)
        #expect(VectorMath.sigmoid(.nan).isNaN)
    }

    @Test func activationsSaturateInsteadOfOverflowing() {
        #expect(VectorMath.sigmoid(200) == 1)
        #expect(VectorMath.sigmoid(-200) < 1e-30)
        #expect(VectorMath.tanh(50) == 1 && VectorMath.tanh(-50) == -1)
    }

    @Test func namedActivationsMatchKerasNames() throws {
        for name in Activation.names {
            #expect(try Activation(named: name).name == name)
        }
        #expect(throws: LayerError.self) { try Activation(named: "relu6x") }
    }

    @Test func softmaxRowsSumToOneAndAreStableForLargeInputs() {
        var values: [Float] = [1000, 1001, 1002, -5, 0, 5]
        values.withUnsafeMutableBufferPointer { Activation.softmaxRows($0.baseAddress!, rows: 2, columns: 3) }
        #expect(abs(values[0...2].reduce(0, +) - 1) < 1e-6)
        #expect(abs(values[2] - 0.66524096) < 1e-5)
        #expect(abs(values[3...5].reduce(0, +) - 1) < 1e-6)
    }

    /// Each activation's forward against its definition, and its output-based derivative
    /// against a finite difference of the definition.
    @Test(arguments: [Activation.relu, .sigmoid, .tanh, .elu(alpha: 1), .leakyRelu(alpha: 0.2), .softplus, .selu, .linear])
    func derivativeFromOutputMatchesDefinition(activation: Activation) {
        func reference(_ x: Double) -> Double {
            switch activation {
            case .relu: return max(x, 0)
            case .sigmoid: return 1 / (1 + Glibc.exp(-x))
            case .tanh: return Glibc.tanh(x)
            case .elu: return x > 0 ? x : Glibc.exp(x) - 1
            case .leakyRelu: return x > 0 ? x : 0.2 * x
            case .softplus: return Glibc.log1p(Glibc.exp(x))
            case .selu: return x > 0 ? 1.0507009873554805 * x : 1.0507009873554805 * 1.6732632423543772 * (Glibc.exp(x) - 1)
            default: return x
            }
        }
        var x: Double = -3.05
        while x < 3 {
            var value = [Float(x)]
            value.withUnsafeMutableBufferPointer { activation.apply($0.baseAddress!, rows: 1, columns: 1, bias: nil) }
            #expect(abs(Double(value[0]) - reference(x)) < 1e-5)
            let h = 1e-4
            let slope = (reference(x + h) - reference(x - h)) / (2 * h)
            var gradient: [Float] = [1], result: [Float] = [0]
            gradient.withUnsafeMutableBufferPointer { g in
                value.withUnsafeMutableBufferPointer { y in
                    result.withUnsafeMutableBufferPointer { d in
                        activation.backward(gradOut: g.baseAddress!, output: y.baseAddress!, gradIn: d.baseAddress!, rows: 1, columns: 1, biasGradient: nil)
                    }
                }
            }
            #expect(abs(Double(result[0]) - slope) < 1e-3, "\(activation.name)'(\(x))")
            x += 0.1
        }
    }
}
