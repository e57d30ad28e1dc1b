import Foundation
import Synchronization

/// A dedicated thread with a large stack on which every cell (and every request that reads
/// the interpreter) runs, one at a time. Deep user recursion therefore ends in a
/// `RecursionError` from the depth count long before the stack runs out.
final class CellThread: Sendable {
    /// A unit of work handed to the thread. The submitting thread blocks until the job has run,
    /// so whatever the closure captures is used by one thread at a time (a hand-off, not
    /// sharing); that is why the closure need not be `Sendable`.
    private struct Job: @unchecked Sendable {
        let body: () -> Void
        let done: DispatchSemaphore
    }

    /// Jobs waiting for the thread; nil asks it to end.
    private final class JobQueue: Sendable {
        let jobs = Mutex<[Job?]>([])
        let available = DispatchSemaphore(value: 0)

        func push(_ job: Job?) {
            jobs.withLock { $0.append(job) }
            available.signal()
        }

        /// Waits for the next job; nil when the thread should end.
        func pop() -> Job? {
            while true {
                available.wait()
                let next: Job?? = jobs.withLock { queue -> Job?? in queue.isEmpty ? .none : .some(queue.removeFirst()) }
                if let entry = next { return entry }
            }
        }
    }

    private let queue = JobQueue()

    /// Starts the thread. `stackSize` is reserved address space; pages are used as touched.
    init(stackSize: Int = 512 << 20) {
        let queue = self.queue
        let thread = Thread {
            // The job is released before its caller is woken, so `run`'s closure never
            // outlives the call (as `withoutActuallyEscaping` requires).
            func runNext() -> DispatchSemaphore? {
                guard let job = queue.pop() else { return nil }
                job.body()
                return job.done
            }
            while let done = runNext() { done.signal() }
        }
        thread.name = "swiftml-cell"
        thread.stackSize = stackSize
        thread.start()
    }

    /// Runs `body` on the cell thread and waits for its result.
    func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { body in
            var result: T?
            let done = DispatchSemaphore(value: 0)
            queue.push(Job(body: { result = body() }, done: done))
            done.wait()
            // The job has run (it signals after assigning), so the result is set.
            return result ?? body()
        }
    }

    /// Ends the thread after the jobs already queued.
    func stop() { queue.push(nil) }
}
