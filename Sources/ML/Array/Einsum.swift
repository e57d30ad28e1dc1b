/// Einstein summation (`np.einsum`) over explicit subscripts such as `"ij,jk->ik"`,
/// `"ii->i"`, `"ij->"`, `"bi,bi->b"` or implicit ones (`"ij,jk"`: the letters seen once, in
/// alphabetical order). NumPy words an operand-count mismatch the other way round ("more
/// operands provided" when too few are given); the messages follow it. A direct loop over every combination of letters: exact and general,
/// meant for the small arrays einsum appears with in course notebooks; `...` is refused.
public enum Einsum {
    public static func evaluate(_ subscripts: String, _ operands: [NDArray]) throws -> NDArray {
        let spec = subscripts.filter { !$0.isWhitespace }
        guard !spec.contains(".") else { throw ArrayError(.notImplementedError, "einsum with '...' (broadcast dimensions) is not supported") }
        let sides = spec.components(separatedBy: "->")
        guard sides.count <= 2 else { throw ArrayError.value("einstein sum subscript string does not contain proper '->' output specified") }
        let inputs = sides[0].split(separator: ",", omittingEmptySubsequences: false).map { Array($0) }
        guard inputs.count == operands.count else {
            throw ArrayError.value("\(inputs.count > operands.count ? "more" : "fewer") operands provided to einstein sum function than specified in the subscripts string")
        }
        for letter in spec where !(letter.isLetter && letter.isASCII) && letter != "," && letter != "-" && letter != ">" {
            throw ArrayError.value("invalid subscript '\(letter)' in einstein sum subscripts string, subscripts must be letters")
        }
        var sizes: [Character: Int] = [:]
        for (letters, operand) in zip(inputs, operands) {
            guard letters.count == operand.ndim else {
                throw ArrayError.value("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.")
            }
            for (letter, size) in zip(letters, operand.shape) {
                if let known = sizes[letter], known != size {
                    if known == 1 { sizes[letter] = size; continue }
                    if size == 1 { continue }
                    throw ArrayError.value("operands could not be broadcast together with remapped shapes [original->remapped]: size of label '\(letter)' is \(known) and \(size)")
                }
                sizes[letter] = size
            }
        }
        let output: [Character]
        if sides.count == 2 {
            output = Array(sides[1])
            for letter in output where sizes[letter] == nil {
                throw ArrayError.value("einstein sum subscripts string included output subscript '\(letter)' which never appeared in an input")
            }
            guard Set(output).count == output.count else {
                throw ArrayError.value("einstein sum subscripts string includes output subscript '\(output.first { l in output.filter { $0 == l }.count > 1 }.map(String.init) ?? "")' multiple times")
            }
        } else {
            let all = inputs.flatMap { $0 }
            output = Set(all).filter { l in all.filter { $0 == l }.count == 1 }.sorted()
        }
        let summed = Array(Set(inputs.flatMap { $0 }).subtracting(output)).sorted()
        let letters = output + summed
        let extents = letters.map { sizes[$0] ?? 1 }
        let outputShape = Array(extents.prefix(output.count))
        let total = try elementCount(extents)
        let floating = operands.contains { $0.dtype.isFloatingPoint }
        let resultType: DType = operands.map(\.dtype).reduce(operands.first?.dtype ?? .float64) { DType.promote($0, $1) }
        // Each operand's stride for each letter (0 where it lacks the letter; summed for a
        // repeated letter, which is how "ii" walks the diagonal). Size-1 axes broadcast.
        let values = try operands.map { try $0.astype(floating ? .float64 : .int64).contiguous() }
        let strides = zip(inputs, values).map { letters_, array -> [Int] in
            let own = contiguousStrides(array.shape)
            return letters.map { letter in
                zip(letters_, zip(own, array.shape)).reduce(0) { $0 + ($1.0 == letter && $1.1.1 != 1 ? $1.1.0 : 0) }
            }
        }
        let outputCount = try elementCount(outputShape)
        let inner = outputCount == 0 ? 0 : total / Swift.max(outputCount, 1)
        var counters = [Int](repeating: 0, count: letters.count)
        var offsets = [Int](repeating: 0, count: operands.count)
        func advance() {
            var axis = letters.count - 1
            while axis >= 0 {
                counters[axis] += 1
                for k in 0..<offsets.count { offsets[k] += strides[k][axis] }
                if counters[axis] < extents[axis] { return }
                for k in 0..<offsets.count { offsets[k] -= strides[k][axis] * extents[axis] }
                counters[axis] = 0
                axis -= 1
            }
        }
        if floating {
            let pointers = values.map { $0.basePointer(Double.self) }
            var result = [Double](repeating: 0, count: outputCount)
            if total > 0 {
                for slot in 0..<outputCount {
                    var sum = 0.0
                    for _ in 0..<inner {
                        var product = 1.0
                        for k in 0..<pointers.count { product *= pointers[k][offsets[k]] }
                        sum += product
                        advance()
                    }
                    result[slot] = sum
                }
            }
            withExtendedLifetime(values) {}
            return try NDArray(result, shape: outputShape).astype(resultType)
        }
        let pointers = values.map { $0.basePointer(Int64.self) }
        var result = [Int64](repeating: 0, count: outputCount)
        if total > 0 {
            for slot in 0..<outputCount {
                var sum: Int64 = 0
                for _ in 0..<inner {
                    var product: Int64 = 1
                    for k in 0..<pointers.count { product = product &* pointers[k][offsets[k]] }
                    sum = sum &+ product
                    advance()
                }
                result[slot] = sum
            }
        }
        withExtendedLifetime(values) {}
        return try NDArray(result, shape: outputShape).astype(resultType == .bool ? .bool : (resultType == .uint8 ? .uint8 : .int64))
    }
}
