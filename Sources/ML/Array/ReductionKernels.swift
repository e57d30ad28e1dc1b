/// Element loops for reductions over contiguous runs, specialised per element type.

/// NumPy's pairwise summation (`pairwise_sum` in its loops): runs of up to 128 elements are
/// summed in eight interleaved accumulators, longer runs are split in halves. Following its
/// order exactly makes float32 sums agree with NumPy's to the last bit, and the eight
/// independent accumulators let the compiler use one vector register for them.
@inline(__always)
func pairwiseSum<T: FloatElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    if count < 8 {
        var result: T = 0
        for index in 0..<count { result += values[index] }
        return result
    }
    if count <= 128 {
        var r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3]
        var r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7]
        var index = 8
        let end = count - count % 8
        while index < end {
            r0 += values[index]; r1 += values[index + 1]; r2 += values[index + 2]; r3 += values[index + 3]
            r4 += values[index + 4]; r5 += values[index + 5]; r6 += values[index + 6]; r7 += values[index + 7]
            index += 8
        }
        var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while index < count {
            result += values[index]
            index += 1
        }
        return result
    }
    var half = count / 2
    half -= half % 8
    return pairwiseSum(values, half) + pairwiseSum(values + half, count - half)
}

/// Wrapping integer sum.
@inline(__always)
func integerSum<T: IntegerElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    var result: T = 0
    for index in 0..<count { result = result &+ values[index] }
    return result
}

/// Largest value; NaN if any element is NaN (NumPy propagates NaN in `max`).
@inline(__always)
func maximumElement<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    var result = values[0]
    var sawNaN = false
    for index in 1..<max(count, 1) {
        let value = values[index]
        result = value > result ? value : result
        sawNaN = sawNaN || value != value
    }
    if sawNaN || result != result { return T.nanOrZero }
    return result
}

/// Smallest value; NaN if any element is NaN.
@inline(__always)
func minimumElement<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    var result = values[0]
    var sawNaN = false
    for index in 1..<max(count, 1) {
        let value = values[index]
        result = value < result ? value : result
        sawNaN = sawNaN || value != value
    }
    if sawNaN || result != result { return T.nanOrZero }
    return result
}

/// Index of the first largest value; the first NaN wins, as in NumPy.
@inline(__always)
func indexOfMaximum<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int) -> Int {
    var best = values[0], position = 0
    if best != best { return 0 }
    for index in 1..<max(count, 1) {
        let value = values[index]
        if value > best || value != value {
            best = value
            position = index
            if value != value { return index }
        }
    }
    return position
}

/// Index of the first smallest value; the first NaN wins.
@inline(__always)
func indexOfMinimum<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int) -> Int {
    var best = values[0], position = 0
    if best != best { return 0 }
    for index in 1..<max(count, 1) {
        let value = values[index]
        if value < best || value != value {
            best = value
            position = index
            if value != value { return index }
        }
    }
    return position
}
