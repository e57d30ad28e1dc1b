import Dispatch

/// How a batch is split across threads: each part runs the whole forward and backward pass
/// on its rows with single-threaded BLAS, and the parts' gradients are summed. Two joins
/// per step instead of a barrier inside every matrix product, and the elementwise work is
/// split too. Results depend only on the part count, so a seeded run is reproducible for a
/// given thread count.
struct Sharding {
    /// Threads available (OpenBLAS's thread count when training starts: `OPENBLAS_NUM_THREADS`
    /// or the number of cores).
    let threads: Int
    /// Rows below which a part is not worth a thread (about 4 MFLOP of work).
    let minimumRows: Int

    init(workPerSample: Int, threads: Int = BLAS.threadCount) {
        self.threads = Swift.max(1, threads)
        minimumRows = Swift.max(1, 4_000_000 / Swift.max(workPerSample, 1))
    }

    /// Parts for a batch of `rows`.
    func parts(rows: Int) -> Int {
        guard threads > 1 else { return 1 }
        return Swift.max(1, Swift.min(threads, rows / minimumRows))
    }

    /// The rows of part `index` of `parts`.
    static func range(_ index: Int, of parts: Int, rows: Int) -> Range<Int> {
        (index * rows / parts)..<((index + 1) * rows / parts)
    }

    /// Runs `body(i)` for every part, in parallel when there is more than one, and returns
    /// when all have finished.
    static func run(_ parts: Int, _ body: @escaping (Int) -> Void) {
        if parts == 1 {
            body(0)
        } else {
            let work = PartWork(body: body)
            DispatchQueue.concurrentPerform(iterations: parts) { work.body($0) }
        }
    }

    /// Runs `body` with OpenBLAS on one thread when parts run in parallel (each part's
    /// products are then single-threaded), restoring the thread count after.
    func withSingleThreadedBLAS<R>(_ body: () throws -> R) rethrows -> R {
        guard threads > 1 else { return try body() }
        let previous = BLAS.threadCount
        BLAS.threadCount = 1
        defer { BLAS.threadCount = previous }
        return try body()
    }
}

/// A part's work handed to the worker threads.
///
/// `@unchecked Sendable` because the callers uphold the rule that makes it safe: iteration
/// `i` writes only part `i`'s own buffers (its `ShardPass`), everything shared (weights,
/// layer definitions, the input batch) is only read while the parts run, and
/// `concurrentPerform` returns only after every iteration has finished, so the caller sees
/// all writes afterwards.
private struct PartWork: @unchecked Sendable {
    let body: (Int) -> Void
}
