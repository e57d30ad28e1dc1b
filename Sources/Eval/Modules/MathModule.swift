import Foundation

/// The `math` module.
enum MathModule {
    static func domainError() -> PyError { PyError(.valueError, "math domain error") }

    static func checked(_ value: Double, input: Double) throws -> Value {
        if value.isNaN && !input.isNaN { throw domainError() }
        if value.isInfinite && input.isFinite { throw PyError(.overflowError, "math range error") }
        return .float(value)
    }

    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("math", doc: "Mathematical functions on floats (as in Python's math module).")
        module["pi"] = .float(.pi)
        module["e"] = .float(M_E)
        module["tau"] = .float(2 * .pi)
        module["inf"] = .float(.infinity)
        module["nan"] = .float(.nan)
        let unary: [(String, String, @Sendable (Double) -> Double)] = [
            ("sqrt", "Return the square root of x.", { $0.squareRoot() }),
            ("exp", "Return e raised to the power of x.", { Foundation.exp($0) }),
            ("expm1", "Return exp(x)-1, accurate for small x.", { Foundation.expm1($0) }),
            ("log10", "Return the base 10 logarithm of x.", { Foundation.log10($0) }),
            ("log2", "Return the base 2 logarithm of x.", { Foundation.log2($0) }),
            ("log1p", "Return the natural logarithm of 1+x, accurate for x near zero.", { Foundation.log1p($0) }),
            ("sin", "Return the sine of x (in radians).", { Foundation.sin($0) }),
            ("cos", "Return the cosine of x (in radians).", { Foundation.cos($0) }),
            ("tan", "Return the tangent of x (in radians).", { Foundation.tan($0) }),
            ("asin", "Return the arc sine (in radians) of x.", { Foundation.asin($0) }),
            ("acos", "Return the arc cosine (in radians) of x.", { Foundation.acos($0) }),
            ("atan", "Return the arc tangent (in radians) of x.", { Foundation.atan($0) }),
            ("sinh", "Return the hyperbolic sine of x.", { Foundation.sinh($0) }),
            ("cosh", "Return the hyperbolic cosine of x.", { Foundation.cosh($0) }),
            ("tanh", "Return the hyperbolic tangent of x.", { Foundation.tanh($0) }),
            ("asinh", "Return the inverse hyperbolic sine of x.", { Foundation.asinh($0) }),
            ("acosh", "Return the inverse hyperbolic cosine of x.", { Foundation.acosh($0) }),
            ("atanh", "Return the inverse hyperbolic tangent of x.", { Foundation.atanh($0) }),
            ("fabs", "Return the absolute value of the float x.", { Swift.abs($0) }),
            ("erf", "Error function at x.", { Foundation.erf($0) }),
            ("erfc", "Complementary error function at x.", { Foundation.erfc($0) }),
            ("gamma", "Gamma function at x.", { Foundation.tgamma($0) }),
            ("lgamma", "Natural logarithm of the absolute value of the Gamma function at x.", { Foundation.lgamma($0) }),
            ("degrees", "Convert angle x from radians to degrees.", { $0 * 180 / .pi }),
            ("radians", "Convert angle x from degrees to radians.", { $0 * .pi / 180 }),
        ]
        for (name, doc, function) in unary {
            module.function("\(name)(x, /)", doc: doc) { args, _ in
                let x = try args.double("x")
                if name == "sqrt" && x < 0 { throw domainError() }
                return try checked(function(x), input: x)
            }
        }
        module.function("log(x, base=<unset>, /)", doc: "Return the logarithm of x to the given base (natural logarithm by default).") { args, _ in
            let x = try args.double("x")
            guard x > 0 else { throw domainError() }
            if args.isGiven("base") {
                let base = try args.double("base")
                guard base > 0, base != 1 else { throw base == 1 ? PyError(.zeroDivisionError, "float division by zero") : domainError() }
                return .float(Foundation.log(x) / Foundation.log(base))
            }
            return .float(Foundation.log(x))
        }
        for (name, doc, rule) in [("floor", "Return the floor of x as an int.", FloatingPointRoundingRule.down),
                                  ("ceil", "Return the ceiling of x as an int.", .up),
                                  ("trunc", "Truncate x toward zero to an int.", .towardZero)] {
            module.function("\(name)(x, /)", doc: doc) { args, _ in
                if case .int = args.values[0] { return args.values[0] }
                if args.values[0].object(as: BigIntObject.self) != nil { return args.values[0] }
                let x = try args.double("x")
                guard x.isFinite else {
                    throw x.isNaN ? PyError(.valueError, "cannot convert float NaN to integer")
                                  : PyError(.overflowError, "cannot convert float infinity to integer")
                }
                return .integer(BigInt(exactly: x.rounded(rule)) ?? BigInt(0))
            }
        }
        module.function("pow(x, y, /)", doc: "Return x**y (x to the power of y) as a float.") { args, _ in
            let x = try args.double("x"), y = try args.double("y")
            if x == 0 && y < 0 { throw domainError() }
            if x < 0 && y != y.rounded() { throw domainError() }
            return try checked(Foundation.pow(x, y), input: x + y)
        }
        module.function("atan2(y, x, /)", doc: "Return the arc tangent (in radians) of y/x, using the signs of both.") { args, _ in
            .float(Foundation.atan2(try args.double("y"), try args.double("x")))
        }
        module.function("hypot(*coordinates)", doc: "Return the Euclidean norm, sqrt(sum(x**2 for x in coordinates)).") { args, interp in
            let values = try args.variadicPositional.map { v -> Double in
                guard let d = v.asDouble else { throw PyError(.typeError, "must be real number, not \(v.typeName)") }
                return d
            }
            return .float(values.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
        module.function("copysign(x, y, /)", doc: "Return a float with the magnitude of x and the sign of y.") { args, _ in
            .float(Foundation.copysign(try args.double("x"), try args.double("y")))
        }
        module.function("fmod(x, y, /)", doc: "Return fmod(x, y), as the C library computes it.") { args, _ in
            let y = try args.double("y")
            guard y != 0 else { throw domainError() }
            return .float(Foundation.fmod(try args.double("x"), y))
        }
        module.function("modf(x, /)", doc: "Return the fractional and integer parts of x, both floats with the sign of x.") { args, _ in
            let x = try args.double("x")
            let whole = x.rounded(.towardZero)
            return .tuple([.float(x - whole), .float(whole)])
        }
        let tests: [(String, @Sendable (Double) -> Bool)] = [("isnan", { $0.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })]
        for (name, test) in tests {
            module.function("\(name)(x, /)", doc: "Return True if x is \(name.dropFirst(2)).") { args, _ in .bool(test(try args.double("x"))) }
        }
        module.function("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", doc: "Return True if a and b are close: abs(a-b) <= max(rel_tol * max(abs(a), abs(b)), abs_tol).") { args, _ in
            let a = try args.double("a"), b = try args.double("b")
            if a == b { return .bool(true) }
            if a.isInfinite || b.isInfinite { return .bool(false) }
            let difference = Swift.abs(a - b)
            return .bool(difference <= Swift.max(try args.double("rel_tol") * Swift.max(Swift.abs(a), Swift.abs(b)), try args.double("abs_tol")))
        }
        module.function("factorial(n, /)", doc: "Return n!, for a non-negative integer n.") { args, interp in
            let n = try args.int("n")
            guard n >= 0 else { throw PyError(.valueError, "factorial() not defined for negative values") }
            var result = BigInt(1)
            for i in Swift.stride(from: 2, through: n, by: 1) {
                if i & 0xFF == 0 { try interp.checkCancellation() }
                guard result.bitWidth <= Arithmetic.maximumBits else { throw Arithmetic.overflow() }
                result = result * BigInt(i)
            }
            return .integer(result)
        }
        module.function("gcd(*integers)", doc: "Greatest common divisor of the integers.") { args, _ in
            // In magnitudes: gcd(-2**63, 0) is 2**63, one more than Int.max.
            var result: UInt = 0
            for value in args.variadicPositional {
                guard var b = value.asIndex?.magnitude else { throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer") }
                var a = result
                while b != 0 { (a, b) = (b, a % b) }
                result = a
            }
            // Magnitudes are at most 2^63, so only that one value does not fit in an Int.
            return result <= UInt(Int.max) ? .int(Int(result)) : .integer(BigInt(Int.max) + BigInt(1))
        }
        module.function("lcm(*integers)", doc: "Least common multiple of the integers.") { args, _ in
            var result = 1
            for value in args.variadicPositional {
                guard let v = value.asIndex else { throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer") }
                if v == 0 { return .int(0) }
                var a = result.magnitude, b = v.magnitude
                while b != 0 { (a, b) = (b, a % b) }
                result = try Arithmetic.multiply(result / Int(a), Int(v.magnitude))
            }
            return .int(result)
        }
        module.function("comb(n, k, /)", doc: "Number of ways to choose k items from n without order.") { args, _ in
            let n = try args.int("n"), k = try args.int("k")
            guard n >= 0, k >= 0 else { throw PyError(.valueError, "n must be a non-negative integer") }
            if k > n { return .int(0) }
            var result = 1
            for i in 0..<Swift.min(k, n - k) { result = try Arithmetic.multiply(result, n - i) / (i + 1) }
            return .int(result)
        }
        module.function("perm(n, k=None, /)", doc: "Number of ways to choose k items from n with order.") { args, _ in
            let n = try args.int("n"), k = try args.optionalInt("k") ?? n
            guard n >= 0, k >= 0 else { throw PyError(.valueError, "n must be a non-negative integer") }
            if k > n { return .int(0) }
            var result = 1
            for i in 0..<k { result = try Arithmetic.multiply(result, n - i) }
            return .int(result)
        }
        module.function("prod(iterable, /, *, start=1)", doc: "Return the product of start and the iterable's numbers.") { args, interp in
            var result = args["start"]
            for item in try interp.collect(args.values[0]) { result = try interp.binary(.multiply, result, item) }
            return result
        }
        module.function("fsum(iterable, /)", doc: "Return an accurate floating point sum of the values.") { args, interp in
            var partials: [Double] = []
            for item in try interp.collect(args.values[0]) {
                guard var x = item.asDouble else { throw PyError(.typeError, "must be real number, not \(item.typeName)") }
                var kept: [Double] = []
                for var y in partials {
                    if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                    let high = x + y
                    let low = y - (high - x)
                    if low != 0 { kept.append(low) }
                    x = high
                }
                kept.append(x)
                partials = kept
            }
            return .float(partials.reduce(0, +))
        }
        module.function("dist(p, q, /)", doc: "Euclidean distance between two points given as sequences of coordinates.") { args, interp in
            let p = try interp.collect(args.values[0]), q = try interp.collect(args.values[1])
            guard p.count == q.count else { throw PyError(.valueError, "both points must have the same number of dimensions") }
            var total = 0.0
            for (a, b) in zip(p, q) {
                guard let x = a.asDouble, let y = b.asDouble else { throw PyError(.typeError, "must be real number") }
                total += (x - y) * (x - y)
            }
            return .float(total.squareRoot())
        }
        return module
    }
}
