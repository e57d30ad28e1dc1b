/// The random state a session's models draw from (initial weights, shuffling, dropout).
/// `tf.random.set_seed` reseeds it, after which everything built and trained is the same
/// bit for bit on every run. Confined to the thread that runs the session.
public final class RandomSource {
    /// The stream draws come from.
    public var stream: RandomStream
    /// The seed last set, if any.
    public private(set) var seed: UInt64?

    /// A source seeded from `seed`, or from the system's entropy when nil.
    public init(seed: UInt64? = nil) {
        self.seed = seed
        stream = seed.map(RandomStream.init(seed:)) ?? .unseeded()
    }

    /// Restarts the stream from `seed` (`tf.random.set_seed`).
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        stream = RandomStream(seed: seed)
    }
}
