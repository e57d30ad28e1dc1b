/// Element loops for reductions over contiguous runs, specialised per element type.

/// NumPy's pairwise summation (`pairwise_sum` in its loops): runs of up to 128 elements are
/// summed in eight interleaved accumulators, longer runs are split in halves. Following its
/// order exactly makes float32 sums agree with NumPy's to the last bit; the eight
/// accumulators are one SIMD8 value.
@inline(__always)
func pairwiseSum<T: FloatElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    if count < 8 {
        var result: T = 0
        for index in 0..<count { result += values[index] }
        return result
    }
    if count <= 128 {
        let raw = UnsafeRawPointer(values)
        var r = raw.loadUnaligned(as: SIMD8<T>.self)
        var index = 8
        let end = count - count % 8
        while index < end {
            r += raw.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.stride, as: SIMD8<T>.self)
            index += 8
        }
        var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
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

/// Largest value; NaN if any element is NaN (NumPy propagates NaN in `max`). Eight lanes at
/// a time with a NaN mask, so the loop is vector compares and selects.
@inline(__always)
func maximumElement<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    extremeElement(values, count, largest: true)
}

/// Smallest value; NaN if any element is NaN.
@inline(__always)
func minimumElement<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int) -> T {
    extremeElement(values, count, largest: false)
}

/// Eight independent running extremes, so the compiler packs them into vector max/min
/// instructions. NaN is detected through `v - v` sums (zero unless a value is NaN or
/// infinite; a vector add), and only when such a value exists is the run rescanned for NaN.
@inline(__always)
private func extremeElement<T: NumericElement>(_ values: UnsafePointer<T>, _ count: Int, largest: Bool) -> T {
    @inline(__always) func pick(_ current: T, _ value: T) -> T {
        largest ? (value > current ? value : current) : (value < current ? value : current)
    }
    var result = values[0]
    var index = 1
    var unusual = T.canBeNaN && result != result
    if count >= 16 {
        var m0 = values[0], m1 = values[1], m2 = values[2], m3 = values[3]
        var m4 = values[4], m5 = values[5], m6 = values[6], m7 = values[7]
        var s0 = T.zero, s1 = T.zero, s2 = T.zero, s3 = T.zero, s4 = T.zero, s5 = T.zero, s6 = T.zero, s7 = T.zero
        index = 8
        let end = count - count % 8
        while index < end {
            let v0 = values[index], v1 = values[index + 1], v2 = values[index + 2], v3 = values[index + 3]
            let v4 = values[index + 4], v5 = values[index + 5], v6 = values[index + 6], v7 = values[index + 7]
            m0 = pick(m0, v0); m1 = pick(m1, v1); m2 = pick(m2, v2); m3 = pick(m3, v3)
            m4 = pick(m4, v4); m5 = pick(m5, v5); m6 = pick(m6, v6); m7 = pick(m7, v7)
            if T.canBeNaN {
                s0 = T.add(s0, T.subtract(v0, v0)); s1 = T.add(s1, T.subtract(v1, v1))
                s2 = T.add(s2, T.subtract(v2, v2)); s3 = T.add(s3, T.subtract(v3, v3))
                s4 = T.add(s4, T.subtract(v4, v4)); s5 = T.add(s5, T.subtract(v5, v5))
                s6 = T.add(s6, T.subtract(v6, v6)); s7 = T.add(s7, T.subtract(v7, v7))
            }
            index += 8
        }
        result = pick(pick(pick(m0, m1), pick(m2, m3)), pick(pick(m4, m5), pick(m6, m7)))
        if T.canBeNaN {
            let total = T.add(T.add(T.add(s0, s1), T.add(s2, s3)), T.add(T.add(s4, s5), T.add(s6, s7)))
            unusual = unusual || total != total || result != result
                || m0 != m0 || m1 != m1 || m2 != m2 || m3 != m3 || m4 != m4 || m5 != m5 || m6 != m6 || m7 != m7
        }
    }
    while index < count {
        let value = values[index]
        result = pick(result, value)
        if T.canBeNaN && value != value { unusual = true }
        index += 1
    }
    if unusual {
        // An infinity or a NaN was seen: look for a NaN exactly.
        for position in 0..<count where values[position] != values[position] { return T.nanOrZero }
    }
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
