/// An elementwise (or, for softmax, row-wise) activation function, by Keras's names.
///
/// Every derivative here is computed from the activation's *output*, so layers keep only
/// their output for the backward pass, and the forward kernel can add the bias and apply
/// the activation in the same pass over the matrix product's result.
public enum Activation: Equatable, Sendable {
    case linear
    case relu
    case sigmoid
    case tanh
    case softmax
    /// x for x > 0, alpha * (e^x - 1) otherwise (Keras's default alpha is 1).
    case elu(alpha: Float)
    /// x for x > 0, alpha * x otherwise (Keras's `leaky_relu` default alpha is 0.2).
    case leakyRelu(alpha: Float)
    /// log(1 + e^x).
    case softplus
    /// Scaled ELU with the constants of Klambauer et al.
    case selu

    static let seluAlpha: Float = 1.673_263_242_354_377_3
    static let seluScale: Float = 1.050_700_987_355_480_5

    /// The activation Keras calls `name` (`"relu"`, `"leaky_relu"`, …; `nil` and `"linear"`
    /// both mean none).
    /// - Throws: `LayerError.unknownActivation` naming the accepted names.
    public init(named name: String?) throws {
        switch name?.lowercased() {
        case nil, "linear", "none": self = .linear
        case "relu": self = .relu
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        case "softmax": self = .softmax
        case "elu": self = .elu(alpha: 1)
        case "leaky_relu", "leakyrelu": self = .leakyRelu(alpha: 0.2)
        case "softplus": self = .softplus
        case "selu": self = .selu
        case let other?: throw LayerError.unknownActivation(other)
        }
    }

    /// The names `init(named:)` accepts.
    public static let names = ["linear", "relu", "sigmoid", "tanh", "softmax", "elu", "leaky_relu", "softplus", "selu"]

    /// Keras's name for this activation.
    public var name: String {
        switch self {
        case .linear: "linear"
        case .relu: "relu"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .softmax: "softmax"
        case .elu: "elu"
        case .leakyRelu: "leaky_relu"
        case .softplus: "softplus"
        case .selu: "selu"
        }
    }

    // MARK: Forward
    //
    // Comparisons are written so NaN passes through (`x < 0 ? 0 : x`, not `x > 0 ? x : 0`):
    // a diverged model must produce a NaN loss, not have its NaNs hidden by an activation.

    /// values[r, c] = f(values[r, c] + bias[c]) in place, for a `rows` x `columns` matrix.
    /// With `bias` nil, only the activation.
    func apply(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>?) {
        if let bias {
            for row in 0..<rows {
                let line = values + row * columns
                switch self {
                case .softmax:
                    for c in 0..<columns { line[c] += bias[c] }
                default:
                    applyElementwise(line, count: columns, bias: bias)
                }
            }
        } else if self != .softmax {
            applyElementwise(values, count: rows * columns, bias: nil)
        }
        if self == .softmax { Self.softmaxRows(values, rows: rows, columns: columns) }
    }

    @inline(__always)
    private func applyElementwise(_ v: UnsafeMutablePointer<Float>, count: Int, bias: UnsafePointer<Float>?) {
        // One specialised loop per case and per bias/no-bias, so each vectorises.
        if let b = bias {
            switch self {
            case .linear: for i in 0..<count { v[i] = v[i] + b[i] }
            case .relu: for i in 0..<count { let x = v[i] + b[i]; v[i] = x < 0 ? 0 : x }
            case .sigmoid: for i in 0..<count { v[i] = VectorMath.sigmoid(v[i] + b[i]) }
            case .tanh: for i in 0..<count { v[i] = VectorMath.tanh(v[i] + b[i]) }
            case let .elu(alpha): for i in 0..<count { let x = v[i] + b[i]; v[i] = x > 0 ? x : alpha * (VectorMath.exp(x) - 1) }
            case let .leakyRelu(alpha): for i in 0..<count { let x = v[i] + b[i]; v[i] = x < 0 ? alpha * x : x }
            case .softplus: for i in 0..<count { v[i] = Self.softplus(v[i] + b[i]) }
            case .selu: for i in 0..<count { v[i] = Self.selu(v[i] + b[i]) }
            case .softmax: break
            }
        } else {
            switch self {
            case .linear: break
            case .relu: for i in 0..<count { let x = v[i]; v[i] = x < 0 ? 0 : x }
            case .sigmoid: for i in 0..<count { v[i] = VectorMath.sigmoid(v[i]) }
            case .tanh: for i in 0..<count { v[i] = VectorMath.tanh(v[i]) }
            case let .elu(alpha): for i in 0..<count { let x = v[i]; v[i] = x > 0 ? x : alpha * (VectorMath.exp(x) - 1) }
            case let .leakyRelu(alpha): for i in 0..<count { let x = v[i]; v[i] = x < 0 ? alpha * x : x }
            case .softplus: for i in 0..<count { v[i] = Self.softplus(v[i]) }
            case .selu: for i in 0..<count { v[i] = Self.selu(v[i]) }
            case .softmax: break
            }
        }
    }

    @inline(__always)
    private static func softplus(_ x: Float) -> Float {
        // log(1 + e^x) = max(x, 0) + log(1 + e^-|x|), stable for large |x|.
        (x > 0 ? x : 0) + _log1pf(VectorMath.exp(-x.magnitude))
    }

    @inline(__always)
    private static func selu(_ x: Float) -> Float {
        x > 0 ? seluScale * x : seluScale * seluAlpha * (VectorMath.exp(x) - 1)
    }

    /// Row-wise softmax in place, with the row maximum subtracted first.
    static func softmaxRows(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        guard columns > 0 else { return }
        for row in 0..<rows {
            let line = values + row * columns
            var largest = line[0]
            for c in 1..<max(columns, 1) where line[c] > largest || line[c].isNaN { largest = line[c] }
            var total: Float = 0
            for c in 0..<columns {
                let e = VectorMath.exp(line[c] - largest)
                line[c] = e
                total += e
            }
            let inverse = 1 / total
            for c in 0..<columns { line[c] *= inverse }
        }
    }

    // MARK: Backward

    /// gradIn = gradOut * f'(x), with f' recovered from `output` = f(x), for a `rows` x
    /// `columns` matrix. When `biasGradient` is given, also writes its column sums there
    /// (the bias's gradient) in the same pass. `gradIn` may be `gradOut`.
    func backward(
        gradOut: UnsafePointer<Float>, output: UnsafePointer<Float>, gradIn: UnsafeMutablePointer<Float>,
        rows: Int, columns: Int, biasGradient: UnsafeMutablePointer<Float>?
    ) {
        if let biasGradient { biasGradient.initialize(repeating: 0, count: columns) }
        if self == .softmax {
            for row in 0..<rows {
                let g = gradOut + row * columns, y = output + row * columns, d = gradIn + row * columns
                var dot: Float = 0
                for c in 0..<columns { dot += g[c] * y[c] }
                for c in 0..<columns { d[c] = y[c] * (g[c] - dot) }
                if let biasGradient { for c in 0..<columns { biasGradient[c] += d[c] } }
            }
            return
        }
        if let biasGradient {
            for row in 0..<rows {
                let offset = row * columns
                derivative(gradOut + offset, output + offset, gradIn + offset, count: columns)
                let d = gradIn + offset
                for c in 0..<columns { biasGradient[c] += d[c] }
            }
        } else {
            derivative(gradOut, output, gradIn, count: rows * columns)
        }
    }

    @inline(__always)
    private func derivative(_ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ d: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .linear: if UnsafePointer(d) != g { d.update(from: g, count: count) }
        case .relu: for i in 0..<count { d[i] = y[i] > 0 ? g[i] : 0 }
        case .sigmoid: for i in 0..<count { d[i] = g[i] * y[i] * (1 - y[i]) }
        case .tanh: for i in 0..<count { d[i] = g[i] * (1 - y[i] * y[i]) }
        case let .elu(alpha): for i in 0..<count { d[i] = y[i] > 0 ? g[i] : g[i] * (y[i] + alpha) }
        case let .leakyRelu(alpha): for i in 0..<count { d[i] = y[i] > 0 ? g[i] : g[i] * alpha }
        case .softplus: for i in 0..<count { d[i] = g[i] * (1 - VectorMath.exp(-y[i])) }
        case .selu:
            let scaledAlpha = Self.seluScale * Self.seluAlpha
            for i in 0..<count { d[i] = y[i] > 0 ? g[i] * Self.seluScale : g[i] * (y[i] + scaledAlpha) }
        case .softmax: break
        }
    }
}
