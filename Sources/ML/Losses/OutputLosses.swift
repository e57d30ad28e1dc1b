/// The loss of one output of a model with several (`compile(loss=[...], loss_weights=[...])`).
public struct OutputLoss {
    /// The output's name; its loss is logged as `<name>_loss`, as Keras does.
    public var name: String
    public var loss: Loss
    public var weight: Double

    public init(name: String, loss: Loss, weight: Double = 1) {
        self.name = name
        self.loss = loss
        self.weight = weight
    }
}

/// The weighted sum of per-output losses over outputs and targets packed per sample (see
/// `GraphModel`): each output's slice is gathered into contiguous buffers, its loss and
/// gradient computed by its own `Loss`, and the gradient, scaled by the weight, scattered
/// back.
struct OutputLossSet {
    struct Slot {
        let output: OutputLoss
        let predictionOffset: Int
        let predictionSize: Int
        let targetOffset: Int
        let targetSize: Int
        let classes: Int
        var rowsPerSample: Int { predictionSize / classes }
    }

    let slots: [Slot]
    let predictionWidth: Int
    let targetWidth: Int

    /// - Throws: `ModelError.invalidArgument` when the counts differ.
    init(_ outputs: [OutputLoss], outputShapes: [[Int]]) throws {
        guard outputs.count == outputShapes.count else {
            throw ModelError.invalidArgument("the model has \(outputShapes.count) outputs, but compile was given \(outputs.count) losses")
        }
        var slots: [Slot] = [], p = 0, t = 0
        for (output, shape) in zip(outputs, outputShapes) {
            let size = shape.reduce(1, *), targetSize = output.loss.expectedTargetShape(prediction: shape).reduce(1, *)
            slots.append(Slot(output: output, predictionOffset: p, predictionSize: size, targetOffset: t, targetSize: targetSize, classes: Swift.max(shape.last ?? 1, 1)))
            p += size
            t += targetSize
        }
        self.slots = slots
        predictionWidth = p
        targetWidth = t
    }

    /// Names of the per-output entries in the logs.
    var logNames: [String] { slots.map { $0.output.name + "_loss" } }

    /// The buffers one thread gathers slices into.
    final class Buffers {
        let prediction = ScratchBuffer(), target = ScratchBuffer(), gradient = ScratchBuffer()
    }

    /// The weighted total over `samples` samples (each output's loss a mean over
    /// `meanOverSamples`), writing the packed gradient when asked and each output's own
    /// loss into `perOutput`.
    func evaluate(prediction: UnsafePointer<Float>, target: UnsafePointer<Float>, samples: Int, gradient: UnsafeMutablePointer<Float>?,
                  meanOverSamples: Int, buffers: Buffers, perOutput: inout [Double]) throws -> Double {
        var total = 0.0
        for (k, slot) in slots.enumerated() {
            let p = buffers.prediction.reserve(samples * slot.predictionSize), t = buffers.target.reserve(samples * slot.targetSize)
            for s in 0..<samples {
                (p + s * slot.predictionSize).update(from: prediction + s * predictionWidth + slot.predictionOffset, count: slot.predictionSize)
                (t + s * slot.targetSize).update(from: target + s * targetWidth + slot.targetOffset, count: slot.targetSize)
            }
            let g = gradient.map { _ in buffers.gradient.reserve(samples * slot.predictionSize) }
            let loss = try slot.output.loss.evaluate(prediction: p, target: t, rows: samples * slot.rowsPerSample, classes: slot.classes,
                                                     gradient: g, meanOverRows: meanOverSamples * slot.rowsPerSample)
            perOutput[k] = loss
            total += slot.output.weight * loss
            if let gradient, let g {
                let weight = Float(slot.output.weight)
                for s in 0..<samples {
                    let row = gradient + s * predictionWidth + slot.predictionOffset, source = g + s * slot.predictionSize
                    for j in 0..<slot.predictionSize { row[j] = weight * source[j] }
                }
            }
        }
        return total
    }
}
