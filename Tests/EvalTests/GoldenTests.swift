import Foundation
import Testing
@testable import Eval

/// Golden files: one per error message and per repr, compared exactly. Each file holds a
/// cell, a line `# ---- expected ----`, and what the cell shows: its printed output, then
/// `Out: <text/plain>` or the error's traceback lines. Run with
/// `GOLDEN_UPDATE=$PWD/Tests/EvalTests/Golden` to rewrite the expectations (then review them).
@Suite struct GoldenTests {
    static let marker = "# ---- expected ----\n"

    static var cases: [URL] {
        guard let root = Bundle.module.url(forResource: "Golden", withExtension: nil),
              let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return files.compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
    }

    /// What a cell shows, as the golden files record it.
    static func render(_ code: String) -> String {
        let nb = Notebook()
        let outcome = nb.run(code)
        var text = nb.sink.stdout
        if !nb.sink.stderr.isEmpty { text += "[stderr] " + nb.sink.stderr }
        switch outcome {
        case .success(let result, _):
            if let result { text += "Out: " + (result.data["text/plain"] ?? "") + "\n" }
        case .failure(let error):
            text += error.traceback.joined(separator: "\n") + "\n"
        }
        return text
    }

    @Test func thereAreGoldenFiles() {
        #expect(GoldenTests.cases.count >= 90)
    }

    @Test(arguments: GoldenTests.cases)
    func golden(_ file: URL) throws {
        let content = try String(contentsOf: file, encoding: .utf8)
        let parts = content.components(separatedBy: GoldenTests.marker)
        try #require(parts.count == 2, "\(file.lastPathComponent) lacks the expected marker")
        let code = String(parts[0].dropLast())
        let actual = GoldenTests.render(code)
        if let updateRoot = ProcessInfo.processInfo.environment["GOLDEN_UPDATE"] {
            let relative = file.path.components(separatedBy: "/Golden/").last ?? file.lastPathComponent
            try (parts[0] + GoldenTests.marker + actual).write(toFile: updateRoot + "/" + relative, atomically: true, encoding: .utf8)
            // An update run never passes: review the rewritten files, then run without it.
            Issue.record("GOLDEN_UPDATE rewrote \(relative); review it and run again without GOLDEN_UPDATE")
            return
        }
        #expect(actual == parts[1], "\(file.lastPathComponent)")
    }
}
