/// How a layer's weights start, by Keras's names.
public enum Initializer: Equatable, Sendable {
    /// Uniform on ±sqrt(6 / (fan_in + fan_out)): Keras's default for kernels.
    case glorotUniform
    /// Normal with stddev sqrt(2 / (fan_in + fan_out)), truncated at two deviations.
    case glorotNormal
    /// Truncated normal with stddev sqrt(2 / fan_in).
    case heNormal
    /// Uniform on ±sqrt(6 / fan_in).
    case heUniform
    /// Truncated normal with stddev sqrt(1 / fan_in).
    case lecunNormal
    /// Uniform on ±sqrt(3 / fan_in).
    case lecunUniform
    case zeros
    case ones
    /// Every element `value`.
    case constant(Float)
    /// Uniform on [minval, maxval) (Keras's defaults are -0.05 and 0.05).
    case randomUniform(minval: Float, maxval: Float)
    /// Normal with the given mean and stddev (Keras's defaults 0 and 0.05).
    case randomNormal(mean: Float, stddev: Float)

    /// The initialiser Keras calls `name`.
    /// - Throws: `LayerError.unknownInitializer` naming the accepted names.
    public init(named name: String) throws {
        switch name.lowercased() {
        case "glorot_uniform", "glorotuniform": self = .glorotUniform
        case "glorot_normal", "glorotnormal": self = .glorotNormal
        case "he_normal", "henormal": self = .heNormal
        case "he_uniform", "heuniform": self = .heUniform
        case "lecun_normal", "lecunnormal": self = .lecunNormal
        case "lecun_uniform", "lecununiform": self = .lecunUniform
        case "zeros", "zero": self = .zeros
        case "ones", "one": self = .ones
        case "random_uniform", "randomuniform", "uniform": self = .randomUniform(minval: -0.05, maxval: 0.05)
        case "random_normal", "randomnormal", "normal": self = .randomNormal(mean: 0, stddev: 0.05)
        default: throw LayerError.unknownInitializer(name)
        }
    }

    /// The names `init(named:)` accepts.
    public static let names = ["glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal",
                               "lecun_uniform", "zeros", "ones", "random_uniform", "random_normal"]

    /// Keras's name for this initialiser.
    public var name: String {
        switch self {
        case .glorotUniform: "glorot_uniform"
        case .glorotNormal: "glorot_normal"
        case .heNormal: "he_normal"
        case .heUniform: "he_uniform"
        case .lecunNormal: "lecun_normal"
        case .lecunUniform: "lecun_uniform"
        case .zeros: "zeros"
        case .ones: "ones"
        case .constant: "constant"
        case .randomUniform: "random_uniform"
        case .randomNormal: "random_normal"
        }
    }

    /// Fills `values`, a weight of `shape`, drawing from `random`. Fans follow Keras: for a
    /// kernel (..., in, out), fan_in = in * receptive field, fan_out = out * receptive field.
    func fill(_ values: UnsafeMutableBufferPointer<Float>, shape: [Int], random: inout RandomStream) {
        let (fanIn, fanOut) = Self.fans(shape)
        switch self {
        case .zeros: values.update(repeating: 0)
        case .ones: values.update(repeating: 1)
        case let .constant(c): values.update(repeating: c)
        case .glorotUniform: uniform(values, limit: _sqrt(6 / Double(fanIn + fanOut)), &random)
        case .heUniform: uniform(values, limit: _sqrt(6 / Double(fanIn)), &random)
        case .lecunUniform: uniform(values, limit: _sqrt(3 / Double(fanIn)), &random)
        // Keras divides by 0.8796…, the stddev of a unit normal truncated at ±2, so the
        // truncated samples have the intended variance.
        case .glorotNormal: truncated(values, stddev: _sqrt(2 / Double(fanIn + fanOut)) / 0.879_625_661_034_239_78, &random)
        case .heNormal: truncated(values, stddev: _sqrt(2 / Double(fanIn)) / 0.879_625_661_034_239_78, &random)
        case .lecunNormal: truncated(values, stddev: _sqrt(1 / Double(fanIn)) / 0.879_625_661_034_239_78, &random)
        case let .randomUniform(low, high):
            for i in values.indices { values[i] = low + (high - low) * random.nextUnitFloat() }
        case let .randomNormal(mean, stddev):
            for i in values.indices { values[i] = mean + stddev * Float(random.nextNormal()) }
        }
    }

    private func uniform(_ values: UnsafeMutableBufferPointer<Float>, limit: Double, _ random: inout RandomStream) {
        for i in values.indices { values[i] = Float((2 * random.nextUnitDouble() - 1) * limit) }
    }

    private func truncated(_ values: UnsafeMutableBufferPointer<Float>, stddev: Double, _ random: inout RandomStream) {
        for i in values.indices { values[i] = Float(random.nextTruncatedNormal() * stddev) }
    }

    /// A new tensor of `shape` filled by this initialiser.
    public func makeTensor(shape: [Int], random: inout RandomStream) throws -> Tensor {
        try Tensor.validate(shape: shape)
        let tensor = Tensor(uninitializedShape: shape)
        fill(UnsafeMutableBufferPointer(start: tensor.storage, count: tensor.count), shape: shape, random: &random)
        return tensor
    }

    static func fans(_ shape: [Int]) -> (Int, Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        case 2: return (shape[0], shape[1])
        default:
            let receptive = shape.dropLast(2).reduce(1, *)
            return (Swift.max(1, shape[shape.count - 2] * receptive), Swift.max(1, shape[shape.count - 1] * receptive))
        }
    }
}
