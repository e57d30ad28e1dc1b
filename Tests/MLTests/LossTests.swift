import Testing
import Glibc
@testable import ML

@Suite struct LossTests {
    /// Loss value and gradient against an independent double-precision formula and central
    /// differences of our own value.
    func check(_ loss: Loss, prediction: [Float], target: [Float], classes: Int, expected: Double) throws {
        let rows = prediction.count / classes
        var gradient = [Float](repeating: 0, count: prediction.count)
        let value = try prediction.withUnsafeBufferPointer { p in
            try target.withUnsafeBufferPointer { t in
                try gradient.withUnsafeMutableBufferPointer { g in
                    try loss.evaluate(prediction: p.baseAddress!, target: t.baseAddress!, rows: rows, classes: classes, gradient: g.baseAddress!)
                }
            }
        }
        #expect(abs(value - expected) < 1e-5 * max(1, abs(expected)), "\(loss.name): \(value) vs \(expected)")
        let h: Float = 1e-3
        for i in prediction.indices {
            var plus = prediction, minus = prediction
            plus[i] += h
            minus[i] -= h
            func value(_ p: [Float]) throws -> Double {
                try p.withUnsafeBufferPointer { p in
                    try target.withUnsafeBufferPointer { t in
                        try loss.evaluate(prediction: p.baseAddress!, target: t.baseAddress!, rows: rows, classes: classes, gradient: nil)
                    }
                }
            }
            let numeric = (try value(plus) - value(minus)) / Double(2 * h)
            #expect(abs(Double(gradient[i]) - numeric) < 2e-3 * max(1, abs(numeric)), "\(loss.name) d/dp[\(i)]: \(gradient[i]) vs \(numeric)")
        }
    }

    let probabilities: [Float] = [0.2, 0.5, 0.3, 0.7, 0.1, 0.2]
    let logits: [Float] = [1.5, -0.3, 0.2, -1.0, 2.0, 0.4]
    let oneHot: [Float] = [0, 1, 0, 1, 0, 0]

    @Test func meanSquaredError() throws {
        let target: [Float] = [0.1, 0.4, 0.9, 0.2, 0.3, 0.5]
        let expected = zip(probabilities, target).map { Double($0 - $1) * Double($0 - $1) }.reduce(0, +) / 6
        try check(.meanSquaredError, prediction: probabilities, target: target, classes: 3, expected: expected)
    }

    @Test func meanAbsoluteError() throws {
        let target: [Float] = [0.1, 0.4, 0.9, 0.2, 0.3, 0.5]
        let expected = zip(probabilities, target).map { Double(abs($0 - $1)) }.reduce(0, +) / 6
        try check(.meanAbsoluteError, prediction: probabilities, target: target, classes: 3, expected: expected)
    }

    @Test func binaryCrossentropyOnProbabilitiesAndLogits() throws {
        let target: [Float] = [0, 1, 1, 0, 1, 0]
        let onProbabilities = zip(probabilities, target).map { p, y in -(Double(y) * log(Double(p)) + Double(1 - y) * log(Double(1 - p))) }.reduce(0, +) / 6
        try check(.binaryCrossentropy(fromLogits: false), prediction: probabilities, target: target, classes: 3, expected: onProbabilities)
        let onLogits = zip(logits, target).map { x, y -> Double in
            let p = 1 / (1 + exp(-Double(x)))
            return -(Double(y) * log(p) + Double(1 - y) * log(1 - p))
        }.reduce(0, +) / 6
        try check(.binaryCrossentropy(fromLogits: true), prediction: logits, target: target, classes: 3, expected: onLogits)
    }

    func softmax(_ row: ArraySlice<Float>) -> [Double] {
        let e = row.map { exp(Double($0)) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    @Test func categoricalCrossentropyOnProbabilitiesAndLogits() throws {
        // Rows are normalised to sum 1 first, as Keras does.
        let expected = (-log(0.5) - log(0.7 / 1.0)) / 2
        try check(.categoricalCrossentropy(fromLogits: false), prediction: probabilities, target: oneHot, classes: 3, expected: expected)
        let fromLogits = (-log(softmax(logits[0..<3])[1]) - log(softmax(logits[3..<6])[0])) / 2
        try check(.categoricalCrossentropy(fromLogits: true), prediction: logits, target: oneHot, classes: 3, expected: fromLogits)
    }

    @Test func sparseCategoricalCrossentropyOnProbabilitiesAndLogits() throws {
        let labels: [Float] = [1, 0]
        try check(.sparseCategoricalCrossentropy(fromLogits: false), prediction: probabilities, target: labels, classes: 3, expected: (-log(0.5) - log(0.7)) / 2)
        let fromLogits = (-log(softmax(logits[0..<3])[1]) - log(softmax(logits[3..<6])[0])) / 2
        try check(.sparseCategoricalCrossentropy(fromLogits: true), prediction: logits, target: labels, classes: 3, expected: fromLogits)
    }

    @Test func labelsOutsideTheClassesAreRejected() {
        let labels: [Float] = [3, 0]
        #expect(throws: LossError.labelOutOfRange(label: 3, classes: 3)) {
            try labels.withUnsafeBufferPointer { t in
                try probabilities.withUnsafeBufferPointer { p in
                    try Loss.sparseCategoricalCrossentropy(fromLogits: true).evaluate(prediction: p.baseAddress!, target: t.baseAddress!, rows: 2, classes: 3, gradient: nil)
                }
            }
        }
    }

    @Test func shapeMismatchSuggestsTheSparseLoss() {
        do {
            try Loss.categoricalCrossentropy(fromLogits: false).validate(targetShape: [], predictionShape: [10])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("sparse_categorical_crossentropy"))
            #expect("\(error)".contains("(None, 10)"))
        }
    }

    @Test func targetsWithATrailingOneAxisAreAccepted() throws {
        try Loss.meanSquaredError.validate(targetShape: [], predictionShape: [1])
        try Loss.sparseCategoricalCrossentropy(fromLogits: true).validate(targetShape: [1], predictionShape: [10])
    }

    @Test func namesResolveAsKerasSpellsThem() throws {
        #expect(try Loss(named: "mse") == .meanSquaredError)
        #expect(try Loss(named: "sparse_categorical_crossentropy") == .sparseCategoricalCrossentropy(fromLogits: false))
        #expect(throws: LossError.unknown("msee")) { try Loss(named: "msee") }
    }
}
