import Foundation

/// `IPython.display`: `display`, `clear_output`, `update_display`, and the rich objects
/// `HTML`, `Markdown`, `Latex`, `Image`.
enum IPythonDisplay {
    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("IPython.display", doc: "Rich display in the notebook: display(), clear_output(), HTML, Markdown, Image.")
        module["display"] = interpreter.builtins["display"] ?? .none
        module.function("clear_output(wait=False)", doc: "Clear the cell's output; with wait=True, only when new output arrives.") { args, interp in
            interp.output.clearOutput(wait: try args.bool("wait"))
            return .none
        }
        module.function("update_display(obj, *, display_id)", doc: "Replace the output shown with display_id by obj.") { args, interp in
            try interp.display(args.values[0], displayID: try interp.str(args["display_id"]), update: true)
            return .none
        }
        module.add(RichContent.htmlType)
        module.add(RichContent.markdownType)
        module.add(RichContent.latexType)
        module.add(RichContent.imageType)
        module.add(DisplayHandle.type)
        return module
    }

    /// The `display` builtin (IPython makes it available without an import).
    static func displayFunction() -> BuiltinFunction? {
        guard let signature = try? Signature("display(*objs, display_id=None, clear=False)") else { return nil }
        return BuiltinFunction(signature, module: "IPython.display", doc: """
            Display objects with their richest representation (HTML, images, text).

            display_id: an id (or True for a new one); returns a DisplayHandle whose update()
            replaces the output in place.
            clear: clear the output first.
            """) { args, interp in
            if try args.bool("clear") { interp.output.clearOutput(wait: true) }
            var id: String?
            switch args["display_id"] {
            case .none, .bool(false): id = nil
            case .bool(true): id = UUID().uuidString.lowercased()
            case let other: id = try interp.str(other)
            }
            for object in args.variadicPositional { try interp.display(object, displayID: id) }
            return id.map { .object(DisplayHandle(id: $0)) } ?? .none
        }
    }
}

/// A piece of rich content: HTML, Markdown, LaTeX or an image.
final class RichContent: PyObject {
    let type: PyType
    let data: DisplayData

    init(type: PyType, data: DisplayData) {
        self.type = type
        self.data = data
    }

    var pyType: PyType { type }
    func richDisplay(_ interpreter: Runtime) throws -> DisplayData? { data }
    func repr(_ interpreter: Runtime) throws -> String { "<IPython.core.display.\(type.name) object>" }

    static func textType(_ name: String, mime: String, doc: String) -> PyType {
        PyType(name, module: "IPython.core.display", doc: doc) { t in
            t.constructor("\(name)(data=None, url=None, filename=None)") { args, interp in
                var text = try args.optionalString("data") ?? ""
                if let filename = try args.optionalPath("filename") {
                    guard let contents = try? String(contentsOfFile: filename, encoding: .utf8) else {
                        throw PyError(.fileNotFoundError, "[Errno 2] No such file or directory: \(StringRepr.repr(filename))")
                    }
                    text = contents
                }
                let type = try interp.importModule("IPython.display").members[name]?.object(as: PyType.self)
                return .object(RichContent(type: type ?? .object, data: DisplayData(data: [
                    "text/plain": "<IPython.core.display.\(name) object>", mime: text,
                ])))
            }
        }
    }

    static let htmlType = textType("HTML", mime: "text/html", doc: "HTML(data): show data as HTML.")
    static let markdownType = textType("Markdown", mime: "text/markdown", doc: "Markdown(data): show data as Markdown.")
    static let latexType = textType("Latex", mime: "text/latex", doc: "Latex(data): show data as LaTeX.")

    static let imageType = PyType("Image", module: "IPython.core.display", doc: "Image(filename=..., url=..., width=None, height=None): show a PNG or JPEG image.") { t in
        t.constructor("Image(data=None, url=None, filename=None, format=None, embed=None, width=None, height=None)") { args, interp in
            let type = try interp.importModule("IPython.display").members["Image"]?.object(as: PyType.self) ?? .object
            var metadata: [String: Int] = [:]
            if let width = try args.optionalInt("width") { metadata["width"] = width }
            if let height = try args.optionalInt("height") { metadata["height"] = height }
            var path = try args.optionalPath("filename")
            if path == nil, case .string(let text) = args["data"], FileManager.default.fileExists(atPath: text) { path = text }
            if let path {
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    throw PyError(.fileNotFoundError, "[Errno 2] No such file or directory: \(StringRepr.repr(path))")
                }
                let mime = path.lowercased().hasSuffix(".jpg") || path.lowercased().hasSuffix(".jpeg") ? "image/jpeg" : "image/png"
                return .object(RichContent(type: type, data: DisplayData(
                    data: ["text/plain": "<IPython.core.display.Image object>", mime: bytes.base64EncodedString()],
                    metadata: metadata.isEmpty ? [:] : [mime: metadata])))
            }
            if let url = try args.optionalString("url") ?? (try args.optionalString("data")) {
                var attributes = ""
                if let width = metadata["width"] { attributes += " width=\"\(width)\"" }
                if let height = metadata["height"] { attributes += " height=\"\(height)\"" }
                return .object(RichContent(type: type, data: DisplayData(data: [
                    "text/plain": "<IPython.core.display.Image object>", "text/html": "<img src=\"\(url)\"\(attributes)/>",
                ])))
            }
            throw PyError(.valueError, "No image data found. Expecting filename, url, or data.")
        }
    }
}

/// What `display(..., display_id=...)` returns: `update()` replaces that output.
final class DisplayHandle: PyObject {
    let id: String
    init(id: String) { self.id = id }
    var pyType: PyType { DisplayHandle.type }
    func repr(_ interpreter: Runtime) throws -> String { "<DisplayHandle display_id=\(id)>" }

    static let type = PyType("DisplayHandle", module: "IPython.core.display_functions", doc: "A handle on a displayed output.") { t in
        t.method("update(obj)", of: DisplayHandle.self, doc: "Replace the displayed output with obj.") { handle, args, interp in
            try interp.display(args.values[0], displayID: handle.id, update: true)
            return .none
        }
        t.method("display(obj)", of: DisplayHandle.self, doc: "Show obj as a new output with this handle's id.") { handle, args, interp in
            try interp.display(args.values[0], displayID: handle.id)
            return .none
        }
        t.property("display_id", of: DisplayHandle.self) { handle, _ in .string(handle.id) }
    }
}
