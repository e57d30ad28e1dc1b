import Testing
@testable import ML

/// Metrics on small batches worked out by hand, and `"accuracy"` resolved as Keras resolves it.
@Suite struct MetricTests {
    func sum(_ metric: Metric, _ prediction: [Float], _ target: [Float], rows: Int, columns: Int) -> Double {
        prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in metric.sum(prediction: p.baseAddress!, target: t.baseAddress!, rows: rows, columns: columns) }
        }
    }

    let probabilities: [Float] = [0.1, 0.7, 0.2,   0.5, 0.3, 0.2,   0.2, 0.2, 0.6,   0.4, 0.4, 0.2]

    @Test func sparseCategoricalAccuracyCountsRowsWhoseArgmaxIsTheLabel() {
        // Argmaxes 1, 0, 2 and 0 (the first of a tie, as NumPy): three of four right.
        #expect(sum(.sparseCategoricalAccuracy, probabilities, [1, 0, 1, 0], rows: 4, columns: 3) == 3)
    }

    @Test func categoricalAccuracyComparesArgmaxes() {
        let oneHot: [Float] = [0, 1, 0,   0, 0, 1,   0, 0, 1,   0, 1, 0]
        #expect(sum(.categoricalAccuracy, probabilities, oneHot, rows: 4, columns: 3) == 2)
    }

    @Test func binaryAccuracyThresholdsEachOutput() {
        let p: [Float] = [0.9, 0.4, 0.6, 0.2], t: [Float] = [1, 1, 0, 0]
        #expect(sum(.binaryAccuracy(threshold: 0.5), p, t, rows: 4, columns: 1) == 2)
        #expect(sum(.binaryAccuracy(threshold: 0.3), p, t, rows: 4, columns: 1) == 3)
        // Two outputs per row: each row scores the fraction it got right.
        #expect(sum(.binaryAccuracy(threshold: 0.5), p, t, rows: 2, columns: 2) == 1)
    }

    @Test func errorsAreMeansPerRow() {
        let p: [Float] = [1, 2, 3, 5], t: [Float] = [1, 1, 1, 1]
        #expect(sum(.meanAbsoluteError, p, t, rows: 2, columns: 2) == 0.5 + 3)
        #expect(sum(.meanSquaredError, p, t, rows: 2, columns: 2) == 0.5 + 10)
    }

    @Test func accuracyResolvesFromTheLossAndShapes() {
        #expect(Metric.accuracy.resolved(loss: .sparseCategoricalCrossentropy(fromLogits: false), outputShape: [10], targetShape: []) == .sparseCategoricalAccuracy)
        #expect(Metric.accuracy.resolved(loss: .categoricalCrossentropy(fromLogits: false), outputShape: [10], targetShape: [10]) == .categoricalAccuracy)
        #expect(Metric.accuracy.resolved(loss: .binaryCrossentropy(fromLogits: false), outputShape: [1], targetShape: [1]) == .binaryAccuracy(threshold: 0.5))
        #expect(Metric.accuracy.resolved(loss: .meanSquaredError, outputShape: [1], targetShape: [1]) == .binaryAccuracy(threshold: 0.5))
        #expect(Metric.accuracy.resolved(loss: .meanSquaredError, outputShape: [3], targetShape: []) == .sparseCategoricalAccuracy)
        #expect(Metric.meanAbsoluteError.resolved(loss: .meanSquaredError, outputShape: [3], targetShape: [3]) == .meanAbsoluteError)
    }

    @Test func namesResolveAsKerasSpellsThem() throws {
        for name in Metric.names { _ = try Metric(named: name) }
        #expect(try Metric(named: "acc") == .accuracy)
        #expect(try Metric(named: "mse") == .meanSquaredError)
        #expect(throws: (any Error).self) { try Metric(named: "accuracyy") }
    }
}
