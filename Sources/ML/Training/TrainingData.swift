/// A run of samples inside a tensor whose first axis counts samples: the whole tensor, or
/// the part a validation split leaves for training or validation. Never copies.
struct SampleRange {
    let tensor: Tensor
    let first: Int
    let count: Int
    /// Elements per sample.
    let sampleSize: Int
    /// The shape of one sample.
    let sampleShape: [Int]

    init(_ tensor: Tensor, first: Int = 0, count: Int? = nil) {
        self.tensor = tensor
        self.first = first
        let total = tensor.shape.first ?? 1
        self.count = count ?? (total - first)
        self.sampleShape = Array(tensor.shape.dropFirst())
        self.sampleSize = sampleShape.reduce(1, *)
    }

    /// Pointer to sample `index` (relative to `first`).
    @inline(__always)
    func sample(_ index: Int) -> UnsafeMutablePointer<Float> {
        tensor.storage + (first + index) * sampleSize
    }

    /// The samples `range` of `order` (or of the natural order), contiguous: a pointer into
    /// the tensor itself when they already are, else copied into `buffer`.
    @inline(__always)
    func batch(_ range: Range<Int>, order: [Int]?, buffer: ScratchBuffer) -> UnsafeMutablePointer<Float> {
        guard let order else { return sample(range.lowerBound) }
        let out = buffer.reserve(range.count * sampleSize)
        var cursor = out
        for position in range {
            cursor.update(from: sample(order[position]), count: sampleSize)
            cursor += sampleSize
        }
        return out
    }

    /// The two parts of a validation split: Keras keeps the first floor(n (1 - split))
    /// samples for training and the rest for validation, before any shuffling.
    func split(validationFraction: Double) -> (SampleRange, SampleRange) {
        let trainCount = Int((Double(count) * (1 - validationFraction)).rounded(.down))
        return (SampleRange(tensor, first: first, count: trainCount), SampleRange(tensor, first: first + trainCount, count: count - trainCount))
    }
}
