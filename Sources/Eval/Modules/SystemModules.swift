import Foundation

/// `time`, `sys`, `os` and `os.path`.
enum SystemModules {
    static func makeTime(_ interpreter: Runtime) throws -> Module {
        let module = Module("time", doc: "Time access: clocks and sleep.")
        module.function("time()", doc: "Seconds since the Epoch, as a float.") { _, _ in .float(Date().timeIntervalSince1970) }
        module.function("time_ns()", doc: "Nanoseconds since the Epoch, as an int.") { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        module.function("perf_counter()", doc: "A monotonic clock with the highest resolution, in seconds.") { _, _ in .float(monotonicSeconds()) }
        module.function("perf_counter_ns()", doc: "perf_counter() in nanoseconds.") { _, _ in .int(Int(DispatchTime.now().uptimeNanoseconds)) }
        module.function("monotonic()", doc: "A clock that cannot go backwards, in seconds.") { _, _ in .float(monotonicSeconds()) }
        module.function("process_time()", doc: "CPU time of the process, in seconds.") { _, _ in .float(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        module.function("sleep(secs, /)", doc: "Wait for the given number of seconds (interruptible).") { args, interp in
            let seconds = try args.double("secs")
            guard seconds >= 0 else { throw PyError(.valueError, "sleep length must be non-negative") }
            let end = monotonicSeconds() + seconds
            while true {
                try interp.checkCancellation()
                let left = end - monotonicSeconds()
                if left <= 0 { break }
                usleep(UInt32(min(left, 0.02) * 1_000_000))
            }
            return .none
        }
        module.function("ctime(secs=None)", doc: "A string for the local time.") { args, _ in
            let date = try args.optionalDouble("secs").map { Date(timeIntervalSince1970: $0) } ?? Date()
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
            return .string(formatter.string(from: date))
        }
        module.function("strftime(format, /)", doc: "Format the current local time (%Y %m %d %H %M %S are supported).") { args, _ in
            var text = try args.string("format")
            let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
            func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
            for (code, value) in [("%Y", String(parts.year ?? 0)), ("%m", two(parts.month)), ("%d", two(parts.day)),
                                  ("%H", two(parts.hour)), ("%M", two(parts.minute)), ("%S", two(parts.second))] {
                text = text.replacingOccurrences(of: code, with: value)
            }
            return .string(text)
        }
        return module
    }

    static func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func makeSys(_ interpreter: Runtime) throws -> Module {
        let module = Module("sys", doc: "System parameters: streams, version, recursion limit.")
        module["stdout"] = .object(StreamObject(.stdout))
        module["stderr"] = .object(StreamObject(.stderr))
        module["version"] = .string("3.11.0 (SwiftML cell language)")
        module["version_info"] = .tuple([.int(3), .int(11), .int(0), .string("final"), .int(0)])
        module["platform"] = .string("linux")
        module["argv"] = .list([.string("")])
        module["path"] = .list([])
        module["maxsize"] = .int(Int.max)
        module.function("getrecursionlimit()", doc: "The maximum depth of nested calls.") { _, interp in .int(interp.recursionLimit) }
        module.function("setrecursionlimit(limit, /)", doc: "Set the maximum depth of nested calls (at most 20000 here).") { args, interp in
            let limit = try args.int("limit")
            guard limit >= 1 else { throw PyError(.valueError, "recursion limit must be greater or equal than 1") }
            interp.recursionLimit = min(limit, 20_000)
            return .none
        }
        module.function("get_int_max_str_digits()", doc: "The most digits int(text) converts (0: no limit).") { _, interp in
            .int(IntDigitLimit.of(interp).maxDigits)
        }
        module.function("set_int_max_str_digits(maxdigits)", doc: "Set the most digits int(text) converts (0: no limit).") { args, interp in
            let digits = try args.int("maxdigits")
            guard digits == 0 || digits >= IntDigitLimit.threshold else {
                throw PyError(.valueError, "maxdigits must be 0 or larger than \(IntDigitLimit.threshold)")
            }
            IntDigitLimit.of(interp).maxDigits = digits
            return .none
        }
        module.function("exit(status=None, /)", doc: "Raise SystemExit.") { args, interp in
            throw PyError(.systemExit, try args.optional("status").map { try interp.str($0) } ?? "")
        }
        module.function("getsizeof(obj, default=0, /)", doc: "An estimate of the object's size in bytes.") { _, _ in
            .int(MemoryLayout<Value>.stride)
        }
        return module
    }

    static func makeOS(_ interpreter: Runtime) throws -> Module {
        let module = Module("os", doc: "Operating-system interfaces: os.path, the working directory, files.")
        module["sep"] = .string("/")
        // A snapshot of the environment; tutorials set variables here (TF_CPP_MIN_LOG_LEVEL).
        module["environ"] = .dict(ProcessInfo.processInfo.environment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        module["name"] = .string("posix")
        module.function("getcwd()", doc: "The current working directory.") { _, _ in .string(FileManager.default.currentDirectoryPath) }
        module.function("listdir(path='.')", doc: "The names of the entries in a directory.") { args, _ in
            let path = try args.path("path")
            do {
                return .list(try FileManager.default.contentsOfDirectory(atPath: path).sorted().map(Value.string))
            } catch {
                throw PyError(.fileNotFoundError, "[Errno 2] No such file or directory: \(StringRepr.repr(path))")
            }
        }
        module.function("makedirs(name, exist_ok=False)", doc: "Create a directory and its parents.") { args, _ in
            let path = try args.string("name")
            let existOK = try args.bool("exist_ok")
            if FileManager.default.fileExists(atPath: path) && !existOK {
                throw PyError(PyErrorKind("FileExistsError"), "[Errno 17] File exists: \(StringRepr.repr(path))")
            }
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw PyError(.osError, String(describing: error))
            }
            return .none
        }
        module.function("getenv(key, default=None)", doc: "An environment variable, or default.") { args, _ in
            ProcessInfo.processInfo.environment[try args.string("key")].map(Value.string) ?? args["default"]
        }
        return module
    }

    static func makeWarnings(_ interpreter: Runtime) throws -> Module {
        let module = Module("warnings", doc: "Warnings: warn() writes to stderr; filters are accepted.")
        module.function("warn(message, category=None, stacklevel=1)", doc: "Write a warning to stderr (unless warnings are ignored).") { args, interp in
            let state = interp.state(WarningFilter.self) { WarningFilter() }
            guard !state.ignoreAll else { return .none }
            let category = args.optional("category").flatMap { $0.object(as: PyType.self)?.name } ?? "UserWarning"
            interp.write("\(category): \(try interp.str(args["message"]))\n", to: .stderr)
            return .none
        }
        module.function("filterwarnings(action, message='', category=None, module='', lineno=0, append=False)", doc: "Add a warnings filter ('ignore' silences warn()).") { args, interp in
            let state = interp.state(WarningFilter.self) { WarningFilter() }
            state.ignoreAll = try args.string("action") == "ignore" && (try args.string("message")).isEmpty
            return .none
        }
        module.function("simplefilter(action, category=None, lineno=0, append=False)", doc: "Set a simple warnings filter ('ignore' silences warn()).") { args, interp in
            let state = interp.state(WarningFilter.self) { WarningFilter() }
            state.ignoreAll = try args.string("action") == "ignore"
            return .none
        }
        module.function("resetwarnings()", doc: "Clear the warnings filters.") { _, interp in
            interp.state(WarningFilter.self) { WarningFilter() }.ignoreAll = false
            return .none
        }
        return module
    }

    static func makeOSPath(_ interpreter: Runtime) throws -> Module {
        let module = Module("os.path", doc: "Pathname manipulations.")
        module.function("join(a, *p)", doc: "Join path components with '/'.") { args, _ in
            var result = try args.string("a")
            for part in args.variadicPositional {
                guard case .string(let text) = part else { throw PyError(.typeError, "join() argument must be str, not '\(part.typeName)'") }
                if text.hasPrefix("/") { result = text } else if result.isEmpty || result.hasSuffix("/") { result += text } else { result += "/" + text }
            }
            return .string(result)
        }
        module.function("exists(path)", doc: "Whether the path exists.") { args, _ in .bool(FileManager.default.fileExists(atPath: try args.path("path"))) }
        module.function("isfile(path)", doc: "Whether the path is a regular file.") { args, _ in
            var directory: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: try args.path("path"), isDirectory: &directory) && !directory.boolValue)
        }
        module.function("isdir(path)", doc: "Whether the path is a directory.") { args, _ in
            var directory: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: try args.path("path"), isDirectory: &directory) && directory.boolValue)
        }
        module.function("basename(p)", doc: "The final component of a path.") { args, _ in
            let path = try args.string("p")
            return .string(path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "")
        }
        module.function("dirname(p)", doc: "The directory part of a path.") { args, _ in
            let path = try args.string("p")
            guard let slash = path.lastIndex(of: "/") else { return .string("") }
            let head = String(path[..<slash])
            return .string(head.isEmpty ? "/" : head)
        }
        module.function("split(p)", doc: "Split a path into (head, tail).") { args, _ in
            let path = try args.string("p")
            guard let slash = path.lastIndex(of: "/") else { return .tuple([.string(""), .string(path)]) }
            let head = String(path[..<slash])
            return .tuple([.string(head.isEmpty ? "/" : head), .string(String(path[path.index(after: slash)...]))])
        }
        module.function("splitext(p)", doc: "Split a path into (root, extension).") { args, _ in
            let path = try args.string("p")
            let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .tuple([.string(path), .string("")]) }
            let extensionText = String(name[dot...])
            return .tuple([.string(String(path.dropLast(extensionText.count))), .string(extensionText)])
        }
        module.function("abspath(path)", doc: "An absolute version of the path.") { args, _ in
            let path = try args.path("path")
            if path.hasPrefix("/") { return .string(path) }
            return .string(URL(fileURLWithPath: path).standardizedFileURL.path)
        }
        module.function("expanduser(path)", doc: "Replace a leading ~ with the home directory.") { args, _ in
            let path = try args.path("path")
            guard path.hasPrefix("~") else { return .string(path) }
            return .string(FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst())
        }
        module.function("getsize(filename)", doc: "The size of a file in bytes.") { args, _ in
            let path = try args.path("filename")
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
                throw PyError(.fileNotFoundError, "[Errno 2] No such file or directory: \(StringRepr.repr(path))")
            }
            return .int(size)
        }
        return module
    }
}

/// The `warnings` module's filter state for a session.
final class WarningFilter {
    var ignoreAll = false
}
