import Foundation

/// IPython's line-level conveniences, rewritten line for line (so line numbers stay the same)
/// into calls of hidden builtins: `%time x` → `__magic__('time', 'x')`, `name?` →
/// `__help_page__('name', 0)`, `!pip install x` → `__shell__('pip install x')`.
enum MagicTransform {
    static func transform(_ code: String) -> String {
        var lines = code.components(separatedBy: "\n")
        var insideTripleString = false
        for index in lines.indices {
            let line = lines[index]
            let quotes = line.components(separatedBy: "\"\"\"").count - 1 + line.components(separatedBy: "'''").count - 1
            defer { if quotes % 2 == 1 { insideTripleString.toggle() } }
            if insideTripleString { continue }
            if index > 0, lines[index - 1].hasSuffix("\\") { continue }
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            let body = line.dropFirst(indent.count)
            let trimmed = body.trimmingSpaces
            if body.hasPrefix("%%") { continue }
            if body.hasPrefix("%") {
                let text = body.dropFirst()
                let name = String(text.prefix { !$0.isWhitespace })
                let arguments = text.dropFirst(name.count).trimmingSpaces
                lines[index] = indent + "__magic__(\(StringRepr.repr(name)), \(StringRepr.repr(arguments)))"
            } else if body.hasPrefix("!") {
                lines[index] = indent + "__shell__(\(StringRepr.repr(String(body.dropFirst()))))"
            } else if let (name, level) = helpRequest(trimmed) {
                lines[index] = indent + "__help_page__(\(StringRepr.repr(name)), \(level))"
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `name?`, `name??`, `?name`: the dotted name and the detail level.
    static func helpRequest(_ text: String) -> (String, Int)? {
        var name = Substring(text)
        var level = 0
        if name.hasSuffix("??") { name = name.dropLast(2); level = 1 } else if name.hasSuffix("?") { name = name.dropLast() } else if name.hasPrefix("??") { name = name.dropFirst(2); level = 1 } else if name.hasPrefix("?") { name = name.dropFirst() } else { return nil }
        guard !name.isEmpty, name.allSatisfy({ $0 == "." || $0 == "_" || $0.isLetter || $0.isNumber }),
              let first = name.first, !first.isNumber, first != "." else { return nil }
        return (String(name), level)
    }

    /// Whether the cell's last line of code ends with `;` (which hides the result).
    static func endsWithSemicolon(_ code: String) -> Bool {
        for line in code.components(separatedBy: "\n").reversed() {
            var text = Substring(line)
            if let hash = text.firstIndex(of: "#"), !text[..<hash].contains("'") && !text[..<hash].contains("\"") {
                text = text[..<hash]
            }
            let trimmed = String(text).trimmingSpaces
            if trimmed.isEmpty { continue }
            return trimmed.hasSuffix(";")
        }
        return false
    }
}

/// A cell that starts with `%%name`.
struct CellMagic {
    let name: String
    let arguments: String
    let body: String
    let bodyOffset: Int

    init?(_ code: String) {
        let lines = code.components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }),
              lines[first].hasPrefix("%%") else { return nil }
        let header = lines[first].dropFirst(2)
        name = String(header.prefix { !$0.isWhitespace })
        arguments = header.dropFirst(name.count).trimmingSpaces
        // Keep the line count so tracebacks point at the right cell lines.
        body = Array(repeating: "", count: first + 1).joined(separator: "\n") + "\n" + lines[(first + 1)...].joined(separator: "\n")
        bodyOffset = first + 1
    }

    func run(_ runner: CellRunner, location: String) throws -> Value? {
        let interpreter = runner.interpreter
        switch name {
        case "time":
            let clock = CPUClock()
            defer { interpreter.write(clock.report()) }
            return try runner.runCode(body, location: location)
        case "timeit":
            let (unit, result) = try runner.compile(body, location: location, wantResult: false)
            try Timeit(arguments: arguments).run(interpreter) { _ = try runner.execute(unit, result) }
            return nil
        case "capture", "html", "HTML", "markdown", "javascript", "writefile", "bash", "sh", "script":
            throw PyError(PyErrorKind("UsageError"), "Cell magic `%%\(name)` is not supported in SwiftML.")
        default:
            throw PyError(PyErrorKind("UsageError"), "Cell magic `%%\(name)` not found.")
        }
    }
}

/// CPU and wall time since creation, reported as IPython's `%time` does.
struct CPUClock {
    let startWall = DispatchTime.now().uptimeNanoseconds
    let startUsage = CPUClock.usage()

    static func usage() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(0, &usage) // 0 is RUSAGE_SELF
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }

    func report() -> String {
        let wall = Double(DispatchTime.now().uptimeNanoseconds - startWall) / 1e9
        let now = CPUClock.usage()
        let user = now.user - startUsage.user, system = now.system - startUsage.system
        return "CPU times: user \(formatTime(user)), sys: \(formatTime(system)), total: \(formatTime(user + system))\n"
            + "Wall time: \(formatTime(wall))\n"
    }
}

/// IPython's `_format_time`: three significant digits in s, ms, µs or ns (or `1min 5s`).
func formatTime(_ seconds: Double, precision: Int = 3) -> String {
    if seconds >= 60 {
        var parts: [String] = []
        var leftover = seconds
        for (suffix, length) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
            let value = Int(leftover / length)
            if value > 0 {
                leftover = leftover.truncatingRemainder(dividingBy: length)
                parts.append("\(value)\(suffix)")
            }
            if leftover < 1 { break }
        }
        return parts.joined(separator: " ")
    }
    let units = ["s", "ms", "\u{B5}s", "ns"]
    let scaling = [1.0, 1e3, 1e6, 1e9]
    var order = 3
    if seconds > 0 {
        let exponent = Int(Foundation.floor(Foundation.log10(seconds)))
        order = min(-floorDivide(exponent, 3), 3)
        order = max(order, 0)
    }
    return String(format: "%.*g", precision, seconds * scaling[order]) + " " + units[order]
}

private func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// `%timeit`: an adaptive loop count (powers of ten until a run takes 0.2 s), then 7 runs.
struct Timeit {
    var number = 0
    var repeatCount = 7

    init(arguments: String) {
        let words = arguments.split(separator: " ").map(String.init)
        var index = 0
        while index < words.count {
            if words[index] == "-n", index + 1 < words.count, let n = Int(words[index + 1]) { number = n; index += 1 }
            if words[index] == "-r", index + 1 < words.count, let r = Int(words[index + 1]) { repeatCount = r; index += 1 }
            index += 1
        }
    }

    /// The statement text after the options.
    static func statement(_ arguments: String) -> String {
        var words = Substring(arguments)
        while words.hasPrefix("-n") || words.hasPrefix("-r") || words.hasPrefix("-q") || words.hasPrefix("-o") {
            let flag = words.prefix(2)
            words = words.dropFirst(2).drop { $0 == " " }
            if flag == "-n" || flag == "-r" { words = words.drop { $0 != " " }.drop { $0 == " " } }
        }
        return String(words)
    }

    func run(_ interpreter: Runtime, _ body: () throws -> Void) throws {
        func time(_ loops: Int) throws -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            // IPython runs `range(number)`: a negative -n runs nothing rather than trapping.
            for _ in 0..<Swift.max(loops, 0) {
                try body()
                if interpreter.cancellation.isRaised { try interpreter.checkCancellation() }
            }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        // IPython takes min() of the repeats: `-r 0` or a negative count raises its ValueError.
        guard repeatCount > 0 else { throw PyError(.valueError, "min() arg is an empty sequence") }
        var loops = number
        if loops == 0 {
            for exponent in 0..<10 {
                loops = Int(Foundation.pow(10, Double(exponent)))
                if try time(loops) >= 0.2 { break }
            }
        }
        var timings: [Double] = []
        for _ in 0..<repeatCount { timings.append(try time(loops) / Double(loops)) }
        let mean = timings.reduce(0, +) / Double(timings.count)
        let deviation = (timings.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(timings.count)).squareRoot()
        let grouped = FormatSpec.group(String(loops), separator: ",")
        interpreter.write("\(formatTime(mean)) \u{B1} \(formatTime(deviation)) per loop (mean \u{B1} std. dev. of \(repeatCount) run\(repeatCount == 1 ? "" : "s"), \(grouped) loop\(loops == 1 ? "" : "s") each)\n")
    }
}

/// The hidden builtins the magic rewriting calls.
enum SessionBuiltins {
    static func make() -> [String: Value] {
        let table = Module("session")
        table.function("__magic__(name, line)", doc: "Run an IPython line magic.") { args, interp in
            try runLineMagic(try args.string("name"), try args.string("line"), interp)
        }
        table.function("__shell__(command)", doc: "Shell commands are not available.") { args, interp in
            interp.write("SwiftML runs no shell commands; skipped: !\(try args.string("command"))\n", to: .stderr)
            return .none
        }
        table.function("__help_page__(name, level)", doc: "Show an object's documentation in the pager.") { args, interp in
            let name = try args.string("name")
            guard let value = try? Completer(interpreter: interp).lookup(name) else {
                interp.write("Object `\(name)` not found.\n")
                return .none
            }
            interp.pages.append(DisplayData(data: ["text/plain": try interp.inspectionText(name: name, value: value)]))
            return .none
        }
        return table.members
    }

    static func runLineMagic(_ name: String, _ line: String, _ interp: Runtime) throws -> Value {
        let runner = CellRunner(interpreter: interp)
        let location = "Cell In[\(interp.executionCount)]"
        switch name {
        case "time":
            let clock = CPUClock()
            defer { interp.write(clock.report()) }
            return try runner.runCode(line, location: location) ?? .none
        case "timeit":
            let (unit, result) = try runner.compile(Timeit.statement(line), location: location, wantResult: false)
            try Timeit(arguments: line).run(interp) { _ = try runner.execute(unit, result) }
            return .none
        case "who":
            let filter = Set(line.split(separator: " ").map(String.init))
            let names = interp.globals.bound.filter { name, value in
                !name.hasPrefix("_") && (filter.isEmpty || filter.contains(value.typeName))
            }.map(\.0).sorted()
            if names.isEmpty {
                interp.write(filter.isEmpty ? "Interactive namespace is empty.\n" : "No variables match your requested type.\n")
                return .none
            }
            var text = ""
            for (index, name) in names.enumerated() {
                text += name + "\t "
                if index % 9 == 8 { text += "\n" }
            }
            interp.write(text + "\n")
            return .none
        case "matplotlib", "config", "load_ext", "reload_ext", "autoreload", "precision":
            return .none
        case "tensorflow_version":
            // Colab's magic: today's Colab has only TensorFlow 2.x and says so.
            interp.write("Colab only includes TensorFlow 2.x; %tensorflow_version has no effect.\n")
            return .none
        case "pip", "conda":
            interp.write("SwiftML installs no packages; skipped: %\(name) \(line)\n", to: .stderr)
            return .none
        default:
            throw PyError(PyErrorKind("UsageError"), "Line magic function `%\(name)` not found.")
        }
    }
}
