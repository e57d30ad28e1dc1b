/// A layer that combines several tensors into one (`Concatenate`, `Add`, ...). It runs only
/// inside a functional model's graph, which hands it every input at once.
public class MergeLayer: Layer {
    /// The per-sample shapes of the inputs, once built.
    public internal(set) var inputShapes: [[Int]] = []

    public override init(name: String) {
        super.init(name: name)
    }

    /// The output shape for these input shapes.
    /// - Throws: `LayerError.invalidArgument` when the shapes cannot be merged.
    func mergedShape(_ shapes: [[Int]]) throws -> [Int] {
        guard let first = shapes.first, shapes.count >= 2 else {
            throw LayerError.invalidArgument(layer: name, message: "A merge layer should be called on a list of at least 2 inputs. Got \(shapes.count) input\(shapes.count == 1 ? "" : "s").")
        }
        for shape in shapes where shape != first {
            throw LayerError.invalidArgument(layer: name, message: "Inputs must have the same shape; got shapes \(shapes.map(Shape.batchText).joined(separator: ", ")) (SwiftML does not broadcast merge inputs)")
        }
        return first
    }

    /// Fixes the input shapes. Building again with the same shapes does nothing.
    /// - Throws: `LayerError` for shapes that cannot be merged or differ from the built ones.
    func build(inputShapes shapes: [[Int]]) throws {
        if isBuilt {
            guard shapes == inputShapes else {
                throw LayerError.invalidArgument(layer: name, message: "layer was built for inputs of shapes \(inputShapes.map(Shape.batchText).joined(separator: ", ")), got \(shapes.map(Shape.batchText).joined(separator: ", "))")
            }
            return
        }
        let output = try mergedShape(shapes)
        inputShapes = shapes
        inputShape = shapes.first
        outputShape = output
    }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        throw LayerError.invalidArgument(layer: name, message: "A merge layer should be called on a list of at least 2 inputs. Got 1 input.")
    }

    /// Elements per sample of the output.
    var outputSize: Int { (outputShape ?? []).reduce(1, *) }

    /// Computes the output of `batch` samples from every input.
    func forward(_ inputs: [UnsafeMutablePointer<Float>], batch: Int, context: LayerContext) -> UnsafeMutablePointer<Float> {
        let count = batch * outputSize
        let output = context.output.reserve(count)
        combine(inputs, into: output, count: count)
        context.children = []
        context.values = inputs
        context.lastOutput = output
        return output
    }

    /// The gradient of every input, each in its own buffer (never `gradOutput` itself, since
    /// the graph hands each to a different producer, which may overwrite it).
    func backward(_ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext) -> [UnsafeMutablePointer<Float>] {
        let count = batch * outputSize
        return context.values.indices.map { i in
            let gradient = context.scratchBuffer(i).reserve(count)
            inputGradient(i, gradOutput: gradOutput, into: gradient, count: count, context: context)
            return gradient
        }
    }

    /// The elementwise combination (for the merges of equal shapes).
    func combine(_ inputs: [UnsafeMutablePointer<Float>], into output: UnsafeMutablePointer<Float>, count: Int) {}

    /// d loss / d input `i` from d loss / d output.
    func inputGradient(_ i: Int, gradOutput: UnsafeMutablePointer<Float>, into gradient: UnsafeMutablePointer<Float>, count: Int, context: LayerContext) {}

    override var workPerSample: Int { outputSize * (inputShapes.count + 1) * 2 }
}

/// `keras.layers.Add`: the elementwise sum.
public final class AddLayer: MergeLayer {
    public override var typeName: String { "Add" }
    override func combine(_ inputs: [UnsafeMutablePointer<Float>], into output: UnsafeMutablePointer<Float>, count: Int) {
        output.update(from: inputs[0], count: count)
        for input in inputs.dropFirst() { for j in 0..<count { output[j] += input[j] } }
    }
    override func inputGradient(_ i: Int, gradOutput: UnsafeMutablePointer<Float>, into gradient: UnsafeMutablePointer<Float>, count: Int, context: LayerContext) {
        gradient.update(from: gradOutput, count: count)
    }
}

/// `keras.layers.Subtract`: the first input minus the second.
public final class SubtractLayer: MergeLayer {
    public override var typeName: String { "Subtract" }
    override func mergedShape(_ shapes: [[Int]]) throws -> [Int] {
        guard shapes.count == 2 else {
            throw LayerError.invalidArgument(layer: name, message: "A `Subtract` layer should be called on exactly 2 inputs. Received: inputs=\(shapes.count) tensors")
        }
        return try super.mergedShape(shapes)
    }
    override func combine(_ inputs: [UnsafeMutablePointer<Float>], into output: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count { output[j] = inputs[0][j] - inputs[1][j] }
    }
    override func inputGradient(_ i: Int, gradOutput: UnsafeMutablePointer<Float>, into gradient: UnsafeMutablePointer<Float>, count: Int, context: LayerContext) {
        if i == 0 { gradient.update(from: gradOutput, count: count) } else { for j in 0..<count { gradient[j] = -gradOutput[j] } }
    }
}

/// `keras.layers.Average`: the elementwise mean.
public final class AverageLayer: MergeLayer {
    public override var typeName: String { "Average" }
    override func combine(_ inputs: [UnsafeMutablePointer<Float>], into output: UnsafeMutablePointer<Float>, count: Int) {
        output.update(from: inputs[0], count: count)
        for input in inputs.dropFirst() { for j in 0..<count { output[j] += input[j] } }
        let scale = 1 / Float(inputs.count)
        for j in 0..<count { output[j] *= scale }
    }
    override func inputGradient(_ i: Int, gradOutput: UnsafeMutablePointer<Float>, into gradient: UnsafeMutablePointer<Float>, count: Int, context: LayerContext) {
        let scale = 1 / Float(context.values.count)
        for j in 0..<count { gradient[j] = gradOutput[j] * scale }
    }
}

/// `keras.layers.Multiply`: the elementwise product.
public final class MultiplyLayer: MergeLayer {
    public override var typeName: String { "Multiply" }
    override func combine(_ inputs: [UnsafeMutablePointer<Float>], into output: UnsafeMutablePointer<Float>, count: Int) {
        output.update(from: inputs[0], count: count)
        for input in inputs.dropFirst() { for j in 0..<count { output[j] *= input[j] } }
    }
    override func inputGradient(_ i: Int, gradOutput: UnsafeMutablePointer<Float>, into gradient: UnsafeMutablePointer<Float>, count: Int, context: LayerContext) {
        // The product of the other inputs, computed directly (dividing the output by this
        // input would fail where it is zero).
        gradient.update(from: gradOutput, count: count)
        for (k, input) in context.values.enumerated() where k != i {
            guard let input else { continue }
            for j in 0..<count { gradient[j] *= input[j] }
        }
    }
}

/// `keras.layers.Concatenate`: the inputs joined along `axis` (default the last).
public final class ConcatenateLayer: MergeLayer {
    /// Keras's axis, counting the batch axis as 0; negative from the end.
    public let axis: Int

    public init(axis: Int = -1, name: String) {
        self.axis = axis
        super.init(name: name)
    }

    public override var typeName: String { "Concatenate" }

    /// The per-sample axis joined, for inputs of per-sample rank `rank`.
    private func sampleAxis(rank: Int) throws -> Int {
        let resolved = axis < 0 ? axis + rank + 1 : axis
        guard resolved >= 1, resolved <= rank else {
            throw LayerError.invalidArgument(layer: name, message: "axis \(axis) is out of range for inputs of rank \(rank + 1) (axis 0, the batch, cannot be joined)")
        }
        return resolved - 1
    }

    override func mergedShape(_ shapes: [[Int]]) throws -> [Int] {
        guard let first = shapes.first, shapes.count >= 2 else {
            throw LayerError.invalidArgument(layer: name, message: "A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=\(shapes.map(Shape.batchText))")
        }
        let axis = try sampleAxis(rank: first.count)
        joinedAxis = axis
        var output = first
        for shape in shapes.dropFirst() {
            var a = shape, b = first
            guard a.count == b.count else {
                throw LayerError.invalidArgument(layer: name, message: "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=\(shapes.map(Shape.batchText).joined(separator: ", "))")
            }
            a.remove(at: axis); b.remove(at: axis)
            guard a == b else {
                throw LayerError.invalidArgument(layer: name, message: "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=\(shapes.map(Shape.batchText).joined(separator: ", "))")
            }
            output[axis] += shape[axis]
        }
        return output
    }

    /// The per-sample axis joined, fixed when built.
    private var joinedAxis = 0

    /// For each input, the contiguous run it contributes to each outer row.
    private var runs: [Int] { inputShapes.map { $0[joinedAxis...].reduce(1, *) } }

    /// Rows (per sample) before the joined axis.
    private var outerRows: Int { (inputShapes.first ?? [])[..<joinedAxis].reduce(1, *) }

    override func forward(_ inputs: [UnsafeMutablePointer<Float>], batch: Int, context: LayerContext) -> UnsafeMutablePointer<Float> {
        let runs = self.runs, rows = batch * outerRows, width = runs.reduce(0, +)
        let output = context.output.reserve(rows * width)
        var offset = 0
        for (input, run) in zip(inputs, runs) {
            for r in 0..<rows { (output + r * width + offset).update(from: input + r * run, count: run) }
            offset += run
        }
        context.values = inputs
        context.lastOutput = output
        return output
    }

    override func backward(_ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext) -> [UnsafeMutablePointer<Float>] {
        let runs = self.runs, rows = batch * outerRows, width = runs.reduce(0, +)
        var offset = 0
        return runs.enumerated().map { i, run in
            let gradient = context.scratchBuffer(i).reserve(rows * run)
            for r in 0..<rows { (gradient + r * run).update(from: gradOutput + r * width + offset, count: run) }
            offset += run
            return gradient
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["axis"] = .int(axis)
        return result
    }
}
