import Foundation

/// `pathlib`: `Path` (a `PosixPath`) with the everyday operations.
enum PathlibModule {
    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("pathlib", doc: "Object-oriented filesystem paths.")
        module["Path"] = .object(PathObject.type)
        module["PosixPath"] = .object(PathObject.type)
        module["PurePath"] = .object(PathObject.type)
        return module
    }
}

/// A filesystem path, normalised as pathlib does (`a//b/./c` is `a/b/c`).
final class PathObject: PyObject {
    let path: String

    init(_ text: String) { path = PathObject.normalize(text) }

    static func normalize(_ text: String) -> String {
        let absolute = text.hasPrefix("/")
        let parts = text.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The path text of a `str` or `Path` argument.
    static func text(_ value: Value) throws -> String {
        switch value {
        case .string(let text): return text
        case .object(let path as PathObject): return path.path
        default: throw PyError(.typeError, "expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
    }

    func joining(_ other: String) -> PathObject {
        if other.hasPrefix("/") { return PathObject(other) }
        return PathObject(path == "." ? other : path + "/" + other)
    }

    var name: String { path == "/" || path == "." ? "" : String(path.split(separator: "/").last ?? "") }
    var suffix: String {
        let name = self.name
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return "" }
        return String(name[dot...])
    }
    var stem: String { suffix.isEmpty ? name : String(name.dropLast(suffix.count)) }
    var parent: PathObject {
        guard let slash = path.lastIndex(of: "/") else { return PathObject(".") }
        if slash == path.startIndex { return PathObject("/") }
        return PathObject(String(path[..<slash]))
    }

    var pyType: PyType { PathObject.type }

    func str(_ interpreter: Runtime) throws -> String { path }
    func repr(_ interpreter: Runtime) throws -> String { "PosixPath(\(StringRepr.repr(path)))" }
    func hashValue(_ interpreter: Runtime) throws -> Int? { path.hashValue }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let other = other.object(as: PathObject.self) else { return nil }
        return .bool(Arithmetic.compare(op, CodePointOrder(path), CodePointOrder(other.path)))
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard op == .trueDivide, let text = try? PathObject.text(other) else { return nil }
        return .object(reflected ? PathObject(text).joining(path) : joining(text))
    }

    private static func fileError(_ kind: PyErrorKind, _ number: Int, _ text: String, _ path: String) -> PyError {
        FileObject.osError(kind, number, text, path)
    }

    static let type = PyType("PosixPath", module: "pathlib", doc: "PurePath subclass that can make system calls: a path on the local filesystem.") { t in
        t.constructor("Path(*pathsegments)") { args, _ in
            var result = PathObject(".")
            for segment in args.variadicPositional { result = result.joining(try text(segment)) }
            return .object(result)
        }
        t.property("name", of: PathObject.self) { path, _ in .string(path.name) }
        t.property("stem", of: PathObject.self) { path, _ in .string(path.stem) }
        t.property("suffix", of: PathObject.self) { path, _ in .string(path.suffix) }
        t.property("suffixes", of: PathObject.self) { path, _ in
            let parts = path.name.split(separator: ".", omittingEmptySubsequences: false).dropFirst()
            return .list(parts.map { .string("." + $0) })
        }
        t.property("parent", of: PathObject.self) { path, _ in .object(path.parent) }
        t.property("parts", of: PathObject.self) { path, _ in
            var parts = path.path.split(separator: "/").map { Value.string(String($0)) }
            if path.path.hasPrefix("/") { parts.insert(.string("/"), at: 0) }
            return .tuple(path.path == "." ? [] : parts)
        }
        t.method("exists()", of: PathObject.self, doc: "Whether this path exists.") { path, _, _ in
            .bool(FileManager.default.fileExists(atPath: path.path))
        }
        t.method("is_file()", of: PathObject.self, doc: "Whether this path is a regular file.") { path, _, _ in
            var directory: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: path.path, isDirectory: &directory) && !directory.boolValue)
        }
        t.method("is_dir()", of: PathObject.self, doc: "Whether this path is a directory.") { path, _, _ in
            var directory: ObjCBool = false
            return .bool(FileManager.default.fileExists(atPath: path.path, isDirectory: &directory) && directory.boolValue)
        }
        t.method("is_absolute()", of: PathObject.self) { path, _, _ in .bool(path.path.hasPrefix("/")) }
        t.method("mkdir(mode=511, parents=False, exist_ok=False)", of: PathObject.self, doc: "Create a new directory at this given path.") { path, args, _ in
            let manager = FileManager.default
            var directory: ObjCBool = false
            if manager.fileExists(atPath: path.path, isDirectory: &directory) {
                if try args.bool("exist_ok") && directory.boolValue { return .none }
                throw fileError(.init("FileExistsError"), 17, "File exists", path.path)
            }
            let parents = try args.bool("parents")
            if !parents && !manager.fileExists(atPath: path.parent.path) {
                throw fileError(.fileNotFoundError, 2, "No such file or directory", path.path)
            }
            do {
                try manager.createDirectory(atPath: path.path, withIntermediateDirectories: parents)
            } catch {
                throw fileError(.init("PermissionError"), 13, "Permission denied", path.path)
            }
            return .none
        }
        t.method("read_text(encoding=None, errors=None)", of: PathObject.self, doc: "Open the file in text mode, read it, and close the file.") { path, args, _ in
            let file = try FileObject(path: path.path, name: .string(path.path), mode: "r", encoding: try args.optionalString("encoding"))
            defer { file.close() }
            return try file.read(nil)
        }
        t.method("read_bytes()", of: PathObject.self, doc: "Open the file in bytes mode, read it, and close the file.") { path, _, _ in
            let file = try FileObject(path: path.path, name: .string(path.path), mode: "rb", encoding: nil)
            defer { file.close() }
            return try file.read(nil)
        }
        t.method("write_text(data, encoding=None, errors=None, newline=None)", of: PathObject.self, doc: "Open the file in text mode, write to it, and close the file.") { path, args, _ in
            guard case .string = args["data"] else { throw PyError(.typeError, "data must be str, not \(args["data"].typeName)") }
            let file = try FileObject(path: path.path, name: .string(path.path), mode: "w", encoding: try args.optionalString("encoding"))
            defer { file.close() }
            return .int(try file.write(args["data"]))
        }
        t.method("write_bytes(data)", of: PathObject.self, doc: "Open the file in bytes mode, write to it, and close the file.") { path, args, _ in
            let file = try FileObject(path: path.path, name: .string(path.path), mode: "wb", encoding: nil)
            defer { file.close() }
            return .int(try file.write(args["data"]))
        }
        t.method("open(mode='r', buffering=-1, encoding=None, errors=None, newline=None)", of: PathObject.self, doc: "Open the file pointed to by this path and return a file object.") { path, args, _ in
            .object(try FileObject(path: path.path, name: .string(path.path), mode: try args.string("mode"), encoding: try args.optionalString("encoding")))
        }
        t.method("iterdir()", of: PathObject.self, doc: "Yield path objects of the directory contents.") { path, _, _ in
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path.path) else {
                throw fileError(.fileNotFoundError, 2, "No such file or directory", path.path)
            }
            return .object(IteratorObject(typeName: "generator", ArrayIterator(names.map { .object(path.joining($0)) })))
        }
        t.method("glob(pattern)", of: PathObject.self, doc: "Iterate over this subtree and yield all existing files (of any kind, including directories) matching the given relative pattern.") { path, args, _ in
            .object(IteratorObject(typeName: "generator", ArrayIterator(try glob(path, try args.string("pattern"), recursive: false))))
        }
        t.method("rglob(pattern)", of: PathObject.self, doc: "Recursively yield all existing files matching the given relative pattern, anywhere in this subtree.") { path, args, _ in
            .object(IteratorObject(typeName: "generator", ArrayIterator(try glob(path, try args.string("pattern"), recursive: true))))
        }
        t.method("unlink(missing_ok=False)", of: PathObject.self, doc: "Remove this file or link.") { path, args, _ in
            if !FileManager.default.fileExists(atPath: path.path) {
                if try args.bool("missing_ok") { return .none }
                throw fileError(.fileNotFoundError, 2, "No such file or directory", path.path)
            }
            do { try FileManager.default.removeItem(atPath: path.path) } catch {
                throw fileError(.init("PermissionError"), 13, "Permission denied", path.path)
            }
            return .none
        }
        t.method("rmdir()", of: PathObject.self, doc: "Remove this directory. The directory must be empty.") { path, _, _ in
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: path.path) else {
                throw fileError(.fileNotFoundError, 2, "No such file or directory", path.path)
            }
            guard contents.isEmpty else { throw fileError(.osError, 39, "Directory not empty", path.path) }
            do { try FileManager.default.removeItem(atPath: path.path) } catch {
                throw fileError(.init("PermissionError"), 13, "Permission denied", path.path)
            }
            return .none
        }
        t.method("joinpath(*pathsegments)", of: PathObject.self, doc: "Combine this path with one or several arguments.") { path, args, _ in
            var result = path
            for segment in args.variadicPositional { result = result.joining(try text(segment)) }
            return .object(result)
        }
        t.method("with_suffix(suffix)", of: PathObject.self, doc: "Return a new path with the file suffix changed.") { path, args, _ in
            let suffix = try args.string("suffix")
            guard suffix.isEmpty || (suffix.hasPrefix(".") && suffix.count > 1) else { throw PyError(.valueError, "Invalid suffix \(StringRepr.repr(suffix))") }
            return .object(path.parent.joining(path.stem + suffix))
        }
        t.method("with_name(name)", of: PathObject.self, doc: "Return a new path with the file name changed.") { path, args, _ in
            .object(path.parent.joining(try args.string("name")))
        }
        t.method("with_stem(stem)", of: PathObject.self, doc: "Return a new path with the stem changed.") { path, args, _ in
            .object(path.parent.joining(try args.string("stem") + path.suffix))
        }
        t.method("resolve(strict=False)", of: PathObject.self, doc: "Make the path absolute, resolving all symlinks on the way and also normalizing it.") { path, _, _ in
            .object(PathObject(URL(fileURLWithPath: path.path).standardizedFileURL.resolvingSymlinksInPath().path))
        }
        t.method("absolute()", of: PathObject.self, doc: "Return an absolute version of this path.") { path, _, _ in
            .object(path.path.hasPrefix("/") ? path : PathObject(FileManager.default.currentDirectoryPath).joining(path.path))
        }
        t.method("expanduser()", of: PathObject.self) { path, _, _ in
            .object(path.path.hasPrefix("~") ? PathObject(NSHomeDirectory() + path.path.dropFirst()) : path)
        }
        t.method("as_posix()", of: PathObject.self) { path, _, _ in .string(path.path) }
        t.method("__fspath__()", of: PathObject.self) { path, _, _ in .string(path.path) }
        t.classAttribute("cwd") {
            .object(BuiltinFunction(Signature(name: "cwd", parameters: []), module: "pathlib", doc: "Return a new path pointing to the current working directory.") { _, _ in
                .object(PathObject(FileManager.default.currentDirectoryPath))
            })
        }
        t.classAttribute("home") {
            .object(BuiltinFunction(Signature(name: "home", parameters: []), module: "pathlib", doc: "Return a new path pointing to the user's home directory.") { _, _ in
                .object(PathObject(NSHomeDirectory()))
            })
        }
    }

    /// Paths under `root` whose relative path matches `pattern` (`*`, `?`, `[...]` within a
    /// name; `**` or `rglob` for any depth), sorted.
    static func glob(_ root: PathObject, _ pattern: String, recursive: Bool) throws -> [Value] {
        let manager = FileManager.default
        var candidates: [String] = []
        if recursive || pattern.contains("**") {
            guard let enumerator = manager.enumerator(atPath: root.path) else { return [] }
            while let next = enumerator.nextObject() as? String { candidates.append(next) }
        } else {
            var level = [""]
            for _ in pattern.split(separator: "/") {
                var nextLevel: [String] = []
                for prefix in level {
                    let directory = prefix.isEmpty ? root.path : root.joining(prefix).path
                    for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] {
                        nextLevel.append(prefix.isEmpty ? name : prefix + "/" + name)
                    }
                }
                level = nextLevel
            }
            candidates = level
        }
        let effective = recursive ? "**/" + pattern : pattern
        let matched = candidates.filter { matches(Array($0.split(separator: "/").map(String.init)), Array(effective.split(separator: "/").map(String.init))) }
        return matched.sorted().map { .object(root.joining($0)) }
    }

    private static func matches(_ parts: [String], _ pattern: [String]) -> Bool {
        guard let first = pattern.first else { return parts.isEmpty }
        if first == "**" {
            for skip in 0...parts.count where matches(Array(parts.dropFirst(skip)), Array(pattern.dropFirst())) { return true }
            return false
        }
        guard let part = parts.first, fnmatch(first, part, 0) == 0 else { return false }
        return matches(Array(parts.dropFirst()), Array(pattern.dropFirst()))
    }
}
