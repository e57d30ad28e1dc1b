import Foundation

/// The `random` module, with CPython's generator so seeded sequences match Python's.
enum RandomModule {
    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("random", doc: "Pseudo-random numbers (Mersenne Twister, as in Python).")
        module.function("seed(a=None)", doc: "Initialize the generator from an integer (or from the time when a is None).") { args, interp in
            if let value = args.optional("a") {
                switch value {
                case .string(let text):
                    var hasher = Hasher()
                    hasher.combine(text)
                    interp.randomState.seed(hasher.finalize())
                default:
                    guard let int = value.asIndex ?? value.asDouble.map({ Int($0.bitPattern) }) else {
                        throw PyError(.typeError, "The only supported seed types are: None, int, float and str")
                    }
                    interp.randomState.seed(int)
                }
            } else {
                interp.randomState.seed(Int(Date().timeIntervalSince1970 * 1_000_000))
            }
            return .none
        }
        module.function("random()", doc: "Return a random float in [0.0, 1.0).") { _, interp in .float(interp.randomState.random()) }
        module.function("uniform(a, b)", doc: "Return a random float N with a <= N <= b.") { args, interp in
            let a = try args.double("a"), b = try args.double("b")
            return .float(a + (b - a) * interp.randomState.random())
        }
        module.function("randint(a, b)", doc: "Return a random integer N with a <= N <= b.") { args, interp in
            let a = try args.int("a"), b = try args.int("b")
            guard b >= a else { throw PyError(.valueError, "empty range in randrange(\(a), \(b &+ 1))") }
            let (width, overflow) = b.subtractingReportingOverflow(a)
            guard !overflow, width < Int.max else { throw PyError(.overflowError, "randint() range too large (integers here are 64-bit)") }
            return .int(a &+ interp.randomState.below(width + 1))
        }
        module.function("randrange(start, stop=None, step=1)", doc: "Return a random item from range(start, stop, step).") { args, interp in
            var start = try args.int("start")
            var stop = try args.optionalInt("stop")
            if stop == nil { stop = start; start = 0 }
            let end = stop ?? 0
            let step = try args.int("step")
            guard step != 0 else { throw PyError(.valueError, "zero step for randrange()") }
            let range = RangeObject(start: start, stop: end, step: step)
            guard let count = range.exactCount else { throw PyError(.overflowError, "randrange() range too large") }
            let width = count
            guard count > 0 else { throw PyError(.valueError, "empty range in randrange(\(start), \(end), \(step))") }
            if step == 1 { return .int(start &+ interp.randomState.below(width)) }
            return .int(start &+ step &* interp.randomState.below(count))
        }
        module.function("choice(seq)", doc: "Return a random element of a non-empty sequence.") { args, interp in
            let items = try interp.collect(args.values[0])
            guard !items.isEmpty else { throw PyError(.indexError, "Cannot choose from an empty sequence") }
            return items[interp.randomState.below(items.count)]
        }
        module.function("choices(population, weights=None, *, cum_weights=None, k=1)", doc: "Return a k-sized list of elements chosen with replacement, optionally weighted.") { args, interp in
            let population = try interp.collect(args.values[0])
            let k = try args.int("k")
            guard !population.isEmpty else { throw PyError(.indexError, "Cannot choose from an empty population") }
            // The result is a list of k values: refuse what cannot fit, as CPython's MemoryError.
            try interp.checkAllocation(count: Swift.max(k, 0), elementSize: MemoryLayout<Value>.stride)
            var cumulative: [Double]?
            if let weights = args.optional("weights") {
                var total = 0.0
                cumulative = try interp.collect(weights).map { w in
                    guard let d = w.asDouble else { throw PyError(.typeError, "weights must be numbers") }
                    total += d
                    return total
                }
            } else if let given = args.optional("cum_weights") {
                cumulative = try interp.collect(given).map { $0.asDouble ?? 0 }
            }
            guard let cumulative else {
                return .list((0..<Swift.max(k, 0)).map { _ in population[Int(interp.randomState.random() * Double(population.count))] })
            }
            guard cumulative.count == population.count else { throw PyError(.valueError, "The number of weights does not match the population") }
            let total = cumulative.last ?? 0
            return .list((0..<Swift.max(k, 0)).map { _ in
                let target = interp.randomState.random() * total
                var low = 0, high = population.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if target < cumulative[middle] { high = middle } else { low = middle + 1 }
                }
                return population[low]
            })
        }
        module.function("shuffle(x)", doc: "Shuffle the list x in place.") { args, interp in
            guard let list = args.values[0].object(as: ListObject.self) else {
                throw PyError(.typeError, "shuffle() argument must be a mutable sequence, not \(args.values[0].typeName)")
            }
            var i = list.items.count - 1
            while i > 0 {
                let j = interp.randomState.below(i + 1)
                list.items.swapAt(i, j)
                i -= 1
            }
            return .none
        }
        module.function("sample(population, k)", doc: "Return a k-length list of unique elements chosen from the population.") { args, interp in
            let population = try interp.collect(args.values[0])
            let k = try args.int("k")
            let n = population.count
            guard k >= 0, k <= n else { throw PyError(.valueError, "Sample larger than population or is negative") }
            var setSize = 21
            if k > 5 { setSize += Int(Foundation.pow(4, Foundation.ceil(Foundation.log(Double(k * 3)) / Foundation.log(4)))) }
            var result: [Value] = []
            if n <= setSize {
                var pool = population
                for i in 0..<k {
                    let j = interp.randomState.below(n - i)
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for _ in 0..<k {
                    var j = interp.randomState.below(n)
                    while selected.contains(j) { j = interp.randomState.below(n) }
                    selected.insert(j)
                    result.append(population[j])
                }
            }
            return .list(result)
        }
        module.function("gauss(mu=0.0, sigma=1.0)", doc: "Gaussian distribution with mean mu and standard deviation sigma.") { args, interp in
            .float(interp.randomState.gauss(try args.double("mu"), try args.double("sigma")))
        }
        module.function("normalvariate(mu=0.0, sigma=1.0)", doc: "Normal distribution with mean mu and standard deviation sigma.") { args, interp in
            .float(interp.randomState.normal(try args.double("mu"), try args.double("sigma")))
        }
        module.function("getrandbits(k, /)", doc: "Return a non-negative int with k random bits (k <= 63 here).") { args, interp in
            let k = try args.int("k")
            guard k >= 0, k <= 63 else { throw PyError(.valueError, "getrandbits() supports 0 <= k <= 63 here") }
            return .int(k == 0 ? 0 : Int(interp.randomState.bits(k)))
        }
        return module
    }
}
