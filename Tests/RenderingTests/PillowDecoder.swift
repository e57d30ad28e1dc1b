import Foundation

/// Decodes PNG bytes with Pillow (the independent decoder in the test environment's venv)
/// and returns what it reads: the PNG mode Pillow reports and the pixels as RGBA bytes.
struct PillowDecoder {
    struct Decoded {
        var mode: String
        var width: Int
        var height: Int
        var rgba: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case noPython(String)
        case pillowFailed(String)
        var description: String {
            switch self {
            case let .noPython(path): return "no Python with Pillow at \(path): run scripts/setup (or set SWIFTML_PYTHON)"
            case let .pillowFailed(text): return "Pillow could not decode the PNG: \(text)"
            }
        }
    }

    /// `$SWIFTML_PYTHON`, else the repository's `.venv` that scripts/setup makes.
    static var python: String {
        if let p = ProcessInfo.processInfo.environment["SWIFTML_PYTHON"] { return p }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repo.appendingPathComponent(".venv/bin/python").path
    }

    static func decode(_ png: [UInt8]) throws -> Decoded {
        guard FileManager.default.isExecutableFile(atPath: python) else { throw Failure.noPython(python) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftml-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.png")
        let output = dir.appendingPathComponent("out.rgba")
        try Data(png).write(to: input)
        let info = dir.appendingPathComponent("info.txt")
        let errors = dir.appendingPathComponent("stderr.txt")
        let script = """
        import sys
        from PIL import Image
        im = Image.open(sys.argv[1]); im.load()
        open(sys.argv[3], 'w').write(f'{im.mode} {im.width} {im.height}')
        open(sys.argv[2], 'wb').write(im.convert('RGBA').tobytes())
        """
        // Files rather than pipes: reading pipes while other tests spawn processes can fail
        // with EINTR inside Foundation.
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, input.path, output.path, info.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.pillowFailed((try? String(contentsOf: errors, encoding: .utf8)) ?? "exit \(process.terminationStatus)")
        }
        let reply = (try? String(contentsOf: info, encoding: .utf8)) ?? ""
        let fields = reply.split(separator: " ")
        guard fields.count == 3, let w = Int(fields[1]), let h = Int(fields[2]) else {
            throw Failure.pillowFailed("unexpected reply \(reply)")
        }
        return Decoded(mode: String(fields[0]), width: w, height: h, rgba: [UInt8](try Data(contentsOf: output)))
    }
}
