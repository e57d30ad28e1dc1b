/// The per-element work of each loss: value and gradient in one pass over the batch.
/// Sums run in float within a row and in double across rows, so a large batch keeps its
/// precision without giving up vectorised inner loops.
enum LossKernels {
    static func squaredError(
        _ p: UnsafePointer<Float>, _ t: UnsafePointer<Float>, rows: Int, columns: Int, gradient: UnsafeMutablePointer<Float>?, totalRows: Int
    ) -> Double {
        let count = totalRows * columns
        let scale = Float(2 / Double(count))
        var total = 0.0
        for row in 0..<rows {
            let offset = row * columns
            if let gradient {
                total += Double(squaredDifferenceRow(p + offset, t + offset, columns, gradient + offset, scale))
            } else {
                total += Double(squaredDifferenceRow(p + offset, t + offset, columns, nil, scale))
            }
        }
        return total / Double(count)
    }

    /// Σ (p - t)², and g = scale * (p - t) when g is given; eight lanes at a time.
    @inline(__always)
    private static func squaredDifferenceRow(
        _ p: UnsafePointer<Float>, _ t: UnsafePointer<Float>, _ n: Int, _ g: UnsafeMutablePointer<Float>?, _ scale: Float
    ) -> Float {
        var lanes = SIMD8<Float>()
        var i = 0
        let rp = UnsafeRawPointer(p), rt = UnsafeRawPointer(t)
        while i + 8 <= n {
            let d = rp.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - rt.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            lanes += d * d
            if let g { UnsafeMutableRawPointer(g).storeBytes(of: d * scale, toByteOffset: i * 4, as: SIMD8<Float>.self) }
            i += 8
        }
        var sum = lanes.sum()
        while i < n {
            let d = p[i] - t[i]
            sum += d * d
            g?[i] = d * scale
            i += 1
        }
        return sum
    }

    static func absoluteError(
        _ p: UnsafePointer<Float>, _ t: UnsafePointer<Float>, count: Int, gradient: UnsafeMutablePointer<Float>?, totalCount: Int
    ) -> Double {
        let scale = Float(1 / Double(totalCount))
        var total = 0.0
        for i in 0..<count {
            let d = p[i] - t[i]
            total += Double(d.magnitude)
            gradient?[i] = d > 0 ? scale : (d < 0 ? -scale : 0)
        }
        return total / Double(totalCount)
    }

    static func binaryCrossentropy(
        _ p: UnsafePointer<Float>, _ t: UnsafePointer<Float>, count: Int, fromLogits: Bool, gradient: UnsafeMutablePointer<Float>?, totalCount: Int
    ) -> Double {
        let scale = Float(1 / Double(totalCount))
        var total = 0.0
        let eps = Loss.epsilon
        for i in 0..<count {
            let y = t[i]
            if fromLogits {
                // max(x, 0) - x y + log(1 + e^-|x|), the stable form.
                let x = p[i]
                total += Double((x > 0 ? x : 0) - x * y + _log1pf(_expf(-x.magnitude)))
                gradient?[i] = (1 / (1 + _expf(-x)) - y) * scale
            } else {
                let raw = p[i]
                let q = Swift.min(Swift.max(raw, eps), 1 - eps)
                total -= Double(y * _logf(q) + (1 - y) * _logf(1 - q))
                // The clip passes no gradient where it is active, as in Keras.
                let inside = raw > eps && raw < 1 - eps
                gradient?[i] = inside ? (-(y / q) + (1 - y) / (1 - q)) * scale : 0
            }
        }
        return total / Double(totalCount)
    }

    /// Categorical crossentropy over `rows` rows of `classes`; `targetRow` gives each row's
    /// target distribution.
    static func categoricalCrossentropy(
        _ p: UnsafePointer<Float>, rows: Int, classes: Int, fromLogits: Bool, gradient: UnsafeMutablePointer<Float>?, totalRows: Int,
        targetRow: (Int, Int) -> UnsafeBufferPointer<Float>
    ) -> Double {
        let scale = Float(1 / Double(totalRows))
        var total = 0.0
        for row in 0..<rows {
            let y = targetRow(row, classes)
            let x = p + row * classes
            let g = gradient.map { $0 + row * classes }
            total += rowCrossentropy(x, classes: classes, fromLogits: fromLogits, scale: scale, g: g) { y[$0] }
        }
        return total / Double(totalRows)
    }

    static func sparseCrossentropy(
        _ p: UnsafePointer<Float>, labels: UnsafePointer<Float>, rows: Int, classes: Int, fromLogits: Bool,
        gradient: UnsafeMutablePointer<Float>?, totalRows: Int
    ) throws -> Double {
        let scale = Float(1 / Double(totalRows))
        var total = 0.0
        for row in 0..<rows {
            let label = Int(labels[row])
            let x = p + row * classes
            let g = gradient.map { $0 + row * classes }
            total += rowCrossentropy(x, classes: classes, fromLogits: fromLogits, scale: scale, g: g) { $0 == label ? 1 : 0 }
        }
        return total / Double(totalRows)
    }

    /// -Σ y log q for one row, where q = softmax(x) (logits) or x normalised to sum 1 and
    /// clipped to [eps, 1 - eps] (probabilities); writes scale * d/dx into g.
    @inline(__always)
    private static func rowCrossentropy(
        _ x: UnsafePointer<Float>, classes: Int, fromLogits: Bool, scale: Float, g: UnsafeMutablePointer<Float>?,
        target y: (Int) -> Float
    ) -> Double {
        var loss = 0.0
        if fromLogits {
            var largest = x[0]
            for c in 1..<Swift.max(classes, 1) where x[c] > largest { largest = x[c] }
            var sum: Float = 0
            for c in 0..<classes { sum += _expf(x[c] - largest) }
            let logSum = _logf(sum) + largest
            var targetTotal: Float = 0
            for c in 0..<classes {
                let yc = y(c)
                targetTotal += yc
                loss -= Double(yc * (x[c] - logSum))
            }
            if let g {
                for c in 0..<classes { g[c] = (targetTotal * _expf(x[c] - logSum) - y(c)) * scale }
            }
        } else {
            let eps = Loss.epsilon
            var sum: Float = 0
            for c in 0..<classes { sum += x[c] }
            let inverse = 1 / sum
            // d loss / d q_c, then back through the normalisation q = x / sum.
            var weighted: Float = 0
            for c in 0..<classes {
                let raw = x[c] * inverse
                let q = Swift.min(Swift.max(raw, eps), 1 - eps)
                let yc = y(c)
                if yc != 0 { loss -= Double(yc * _logf(q)) }
                let dq: Float = (raw > eps && raw < 1 - eps) ? -yc / q : 0
                g?[c] = dq
                weighted += dq * raw
            }
            if let g {
                for c in 0..<classes { g[c] = (g[c] - weighted) * inverse * scale }
            }
        }
        return loss
    }
}
