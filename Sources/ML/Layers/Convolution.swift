/// How a convolution or pooling window treats the borders.
public enum Padding: String, Equatable, Sendable {
    /// Only windows that fit entirely inside the input.
    case valid
    /// Zero padding so the output has ceil(input / stride) positions.
    case same

    /// - Throws: `LayerError.invalidArgument` for anything but "valid" or "same".
    public init(named name: String) throws {
        guard let value = Padding(rawValue: name.lowercased()) else {
            throw LayerError.invalidArgument(layer: "padding", message: "padding must be 'valid' or 'same', got '\(name)'")
        }
        self = value
    }

    /// Output extent and the padding before the first position, for one axis.
    func geometry(input: Int, window: Int, stride: Int) -> (output: Int, before: Int) {
        switch self {
        case .valid:
            return (input >= window ? (input - window) / stride + 1 : 0, 0)
        case .same:
            let output = (input + stride - 1) / stride
            let total = Swift.max((output - 1) * stride + window - input, 0)
            return (output, total / 2)
        }
    }
}

/// A 2-D convolution over channels-last images (batch, height, width, channels), as Keras's
/// `Conv2D`: the windows are unrolled into rows (im2col) and multiplied by the kernel in
/// one `sgemm`, which yields the channels-last output directly.
public final class Conv2D: Layer {
    public let filters: Int
    public let kernelSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer

    /// - Throws: `LayerError.invalidArgument` for non-positive filters, sizes or strides.
    public init(
        filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1), padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        name: String = "conv2d"
    ) throws {
        guard filters > 0, kernelSize.0 > 0, kernelSize.1 > 0, strides.0 > 0, strides.1 > 0 else {
            throw LayerError.invalidArgument(layer: name, message: "filters, kernel_size and strides must be positive integers")
        }
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        super.init(name: name)
    }

    public override var typeName: String { "Conv2D" }

    private struct Geometry {
        let height, width, channels, outHeight, outWidth, padTop, padLeft: Int
        var windowLength: Int
        var outputPositions: Int { outHeight * outWidth }
    }

    private func geometry(_ shape: [Int]) throws -> Geometry {
        guard shape.count == 3 else {
            throw LayerError.inputRank(layer: name, expected: "ndim=4 (batch, height, width, channels)", got: shape)
        }
        let (oh, top) = padding.geometry(input: shape[0], window: kernelSize.0, stride: strides.0)
        let (ow, left) = padding.geometry(input: shape[1], window: kernelSize.1, stride: strides.1)
        guard oh > 0, ow > 0 else {
            throw LayerError.invalidArgument(layer: name, message: "the \(kernelSize.0)x\(kernelSize.1) kernel does not fit in an input of shape \(Shape.batchText(shape)) with padding='valid'")
        }
        return Geometry(height: shape[0], width: shape[1], channels: shape[2], outHeight: oh, outWidth: ow,
                        padTop: top, padLeft: left, windowLength: kernelSize.0 * kernelSize.1 * shape[2])
    }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        let g = try geometry(inputShape)
        return [g.outHeight, g.outWidth, filters]
    }

    override func createWeights(inputShape: [Int], random: inout RandomStream) throws {
        let kernelShape = [kernelSize.0, kernelSize.1, inputShape[2], filters]
        var created = [try Variable(shape: kernelShape, name: "kernel") { kernelInitializer.fill($0, shape: kernelShape, random: &random) }]
        if useBias {
            created.append(try Variable(shape: [filters], name: "bias") { biasInitializer.fill($0, shape: [filters], random: &random) })
        }
        weights = created
    }

    /// Whether the windows are the input itself (1x1, stride 1), so no unrolling is needed.
    private var isPointwise: Bool { kernelSize == (1, 1) && strides == (1, 1) }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        let g = try geometry(inputShape ?? [])
        let rows = batch * g.outputPositions
        let columns: UnsafeMutablePointer<Float>
        if isPointwise {
            columns = input
        } else {
            columns = context.scratchBuffer(0).reserve(rows * g.windowLength)
            unroll(input, into: columns, batch: batch, g)
        }
        let output = context.output.reserve(rows * filters)
        BLAS.gemm(m: rows, n: filters, k: g.windowLength, a: columns, lda: g.windowLength,
                  b: weights[0].storage, ldb: filters, c: output, ldc: filters)
        activation.apply(output, rows: rows, columns: filters, bias: useBias ? UnsafePointer(weights[1].storage) : nil)
        context.input = columns
        context.lastOutput = output
        return output
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        guard let columns = context.input, let output = context.lastOutput, let g = try? geometry(inputShape ?? []) else { return nil }
        let rows = batch * g.outputPositions
        let biasGradient = useBias ? context.parameterGradients[1].reserve(filters) : nil
        activation.backward(gradOut: gradOutput, output: output, gradIn: gradOutput, rows: rows, columns: filters, biasGradient: biasGradient)
        let kernelGradient = context.parameterGradients[0].reserve(g.windowLength * filters)
        BLAS.gemm(transposeA: true, m: g.windowLength, n: filters, k: rows, a: columns, lda: g.windowLength,
                  b: gradOutput, ldb: filters, c: kernelGradient, ldc: filters)
        guard needInputGradient else { return nil }
        let inputCount = batch * g.height * g.width * g.channels
        let inputGradient = context.inputGradient.reserve(inputCount)
        if isPointwise {
            BLAS.gemm(transposeB: true, m: rows, n: g.windowLength, k: filters, a: gradOutput, lda: filters,
                      b: weights[0].storage, ldb: filters, c: inputGradient, ldc: g.windowLength)
            return inputGradient
        }
        let columnGradient = context.scratchBuffer(1).reserve(rows * g.windowLength)
        BLAS.gemm(transposeB: true, m: rows, n: g.windowLength, k: filters, a: gradOutput, lda: filters,
                  b: weights[0].storage, ldb: filters, c: columnGradient, ldc: g.windowLength)
        inputGradient.initialize(repeating: 0, count: inputCount)
        fold(columnGradient, into: inputGradient, batch: batch, g)
        return inputGradient
    }

    /// im2col: one row per output position, holding its window (rows of the window, then
    /// columns, then channels), zeros where the window hangs over the border.
    private func unroll(_ input: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, batch: Int, _ g: Geometry) {
        let c = g.channels
        var row = columns
        for b in 0..<batch {
            let image = input + b * g.height * g.width * c
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    var cursor = row
                    for ky in 0..<kernelSize.0 {
                        let iy = oy * strides.0 + ky - g.padTop
                        let rowInside = iy >= 0 && iy < g.height
                        for kx in 0..<kernelSize.1 {
                            let ix = ox * strides.1 + kx - g.padLeft
                            if rowInside && ix >= 0 && ix < g.width {
                                cursor.update(from: image + (iy * g.width + ix) * c, count: c)
                            } else {
                                cursor.update(repeating: 0, count: c)
                            }
                            cursor += c
                        }
                    }
                    row += g.windowLength
                }
            }
        }
    }

    /// col2im: adds each window row's gradient back onto the input positions it came from.
    private func fold(_ columns: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, batch: Int, _ g: Geometry) {
        let c = g.channels
        var row = columns
        for b in 0..<batch {
            let image = gradient + b * g.height * g.width * c
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    var cursor = row
                    for ky in 0..<kernelSize.0 {
                        let iy = oy * strides.0 + ky - g.padTop
                        for kx in 0..<kernelSize.1 {
                            let ix = ox * strides.1 + kx - g.padLeft
                            if iy >= 0 && iy < g.height && ix >= 0 && ix < g.width {
                                let target = image + (iy * g.width + ix) * c
                                for ch in 0..<c { target[ch] += cursor[ch] }
                            }
                            cursor += c
                        }
                    }
                    row += g.windowLength
                }
            }
        }
    }

    override var workPerSample: Int {
        guard let shape = inputShape, let g = try? geometry(shape) else { return 0 }
        return 6 * g.outputPositions * g.windowLength * filters
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["filters"] = .int(filters)
        result["kernel_size"] = .array([.int(kernelSize.0), .int(kernelSize.1)])
        result["strides"] = .array([.int(strides.0), .int(strides.1)])
        result["padding"] = .string(padding.rawValue)
        result["activation"] = .string(activation.name)
        result["use_bias"] = .bool(useBias)
        result["kernel_initializer"] = .string(kernelInitializer.name)
        result["bias_initializer"] = .string(biasInitializer.name)
        return result
    }
}

/// Max pooling over channels-last images: the largest value of each window, per channel.
public final class MaxPooling2D: Layer {
    public let poolSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding

    /// Strides default to the pool size, as in Keras.
    /// - Throws: `LayerError.invalidArgument` for non-positive sizes or strides.
    public init(poolSize: (Int, Int) = (2, 2), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String = "max_pooling2d") throws {
        let s = strides ?? poolSize
        guard poolSize.0 > 0, poolSize.1 > 0, s.0 > 0, s.1 > 0 else {
            throw LayerError.invalidArgument(layer: name, message: "pool_size and strides must be positive integers")
        }
        self.poolSize = poolSize
        self.strides = s
        self.padding = padding
        super.init(name: name)
    }

    public override var typeName: String { "MaxPooling2D" }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 3 else {
            throw LayerError.inputRank(layer: name, expected: "ndim=4 (batch, height, width, channels)", got: inputShape)
        }
        let (oh, _) = padding.geometry(input: inputShape[0], window: poolSize.0, stride: strides.0)
        let (ow, _) = padding.geometry(input: inputShape[1], window: poolSize.1, stride: strides.1)
        guard oh > 0, ow > 0 else {
            throw LayerError.invalidArgument(layer: name, message: "the \(poolSize.0)x\(poolSize.1) pool does not fit in an input of shape \(Shape.batchText(inputShape))")
        }
        return [oh, ow, inputShape[2]]
    }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        guard let shape = inputShape, let out = outputShape else { return input }
        let (h, w, c) = (shape[0], shape[1], shape[2])
        let (oh, ow) = (out[0], out[1])
        let top = padding.geometry(input: h, window: poolSize.0, stride: strides.0).before
        let left = padding.geometry(input: w, window: poolSize.1, stride: strides.1).before
        let outputCount = batch * oh * ow * c
        let output = context.output.reserve(outputCount)
        let winners = context.indices.reserve(outputCount)
        for b in 0..<batch {
            let image = input + b * h * w * c
            for oy in 0..<oh {
                for ox in 0..<ow {
                    let o = ((b * oh + oy) * ow + ox) * c
                    for ch in 0..<c {
                        var best = -Float.infinity
                        var bestIndex: Int32 = -1
                        for ky in 0..<poolSize.0 {
                            let iy = oy * strides.0 + ky - top
                            guard iy >= 0, iy < h else { continue }
                            for kx in 0..<poolSize.1 {
                                let ix = ox * strides.1 + kx - left
                                guard ix >= 0, ix < w else { continue }
                                let index = (iy * w + ix) * c + ch
                                let value = image[index]
                                if value > best || bestIndex < 0 || value.isNaN { best = value; bestIndex = Int32(index) }
                            }
                        }
                        output[o + ch] = best
                        winners[o + ch] = bestIndex
                    }
                }
            }
        }
        return output
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        guard needInputGradient, let shape = inputShape, let out = outputShape else { return nil }
        let perInput = shape.reduce(1, *), perOutput = out.reduce(1, *)
        let gradient = context.inputGradient.reserve(batch * perInput)
        gradient.initialize(repeating: 0, count: batch * perInput)
        let winners = context.indices.pointer
        for b in 0..<batch {
            let image = gradient + b * perInput
            for i in 0..<perOutput {
                let index = winners[b * perOutput + i]
                if index >= 0 { image[Int(index)] += gradOutput[b * perOutput + i] }
            }
        }
        return gradient
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["pool_size"] = .array([.int(poolSize.0), .int(poolSize.1)])
        result["strides"] = .array([.int(strides.0), .int(strides.1)])
        result["padding"] = .string(padding.rawValue)
        return result
    }
}
