/// Shape arithmetic shared by tensors, layers and models.
enum Shape {
    /// A shape written as Python writes a tuple: `(2, 3)`, `(5,)`, `()`.
    static func text(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// A shape with a leading unknown batch axis, as Keras prints it: `(None, 28, 28)`.
    static func batchText(_ sampleShape: [Int]) -> String {
        "(" + (["None"] + sampleShape.map(String.init)).joined(separator: ", ") + ")"
    }

    /// `shape` with its one `-1` extent (if any) replaced so the total is `count`.
    static func resolvingInferredAxis(_ shape: [Int], count: Int, from original: [Int]) throws -> [Int] {
        let inferred = shape.indices.filter { shape[$0] == -1 }
        guard inferred.count <= 1, !shape.contains(where: { $0 < -1 }) else {
            throw TensorError.invalidArgument("can only specify one unknown dimension (-1) in shape \(text(shape))")
        }
        let known = shape.filter { $0 != -1 }.reduce(1, *)
        var resolved = shape
        if let axis = inferred.first {
            guard known > 0, count % known == 0 else { throw TensorError.cannotReshape(from: original, to: shape) }
            resolved[axis] = count / known
        }
        guard resolved.reduce(1, *) == count else { throw TensorError.cannotReshape(from: original, to: shape) }
        return resolved
    }

    /// The broadcast of two shapes under NumPy's rules, or nil when they are incompatible.
    static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if x == y || y == 1 { result[i] = x } else if x == 1 { result[i] = y } else { return nil }
        }
        return result
    }

    /// Row-major strides of `shape`, with stride 0 on axes broadcast from extent 1 up to
    /// `target` (`shape` aligned to the right of `target`).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: target.count)
        var step = 1
        for i in (0..<shape.count).reversed() {
            let t = i + target.count - shape.count
            strides[t] = shape[i] == 1 ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// `axis` made non-negative, or an error when it is outside `0..<rank`.
    static func normalize(axis: Int, rank: Int) throws -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0, resolved < rank else { throw TensorError.axisOutOfRange(axis: axis, rank: rank) }
        return resolved
    }
}
