/// Keras's rank adjustment of model inputs: data one axis short of what the model takes,
/// where the missing axis is a trailing 1, gets that axis (1,000 sin(x) samples of shape
/// (1000,) feed a model built for (None, 1)). Keras does this in `Functional`'s input
/// standardisation, so `fit`, `evaluate` and `predict` all see it; so do ours.
enum InputRank {
    /// `x` viewed with a trailing axis of 1 when the model's per-sample input is
    /// `sampleShape` and `x` lacks exactly that axis; `x` itself otherwise (a mismatch is
    /// reported later, by the shape check, with both shapes).
    static func adjusted(_ x: Tensor, sampleShape: [Int]?) -> Tensor {
        guard let sampleShape, sampleShape.last == 1, x.rank == sampleShape.count,
              Array(x.shape.dropFirst()) == Array(sampleShape.dropLast()) else { return x }
        // A view over the same memory: the sample layout is unchanged.
        return Tensor(borrowing: x.storage, shape: x.shape + [1], owner: x)
    }
}
