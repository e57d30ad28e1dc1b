import Eval
import Foundation

/// Discards output (the benchmark programs print nothing while timed).
final class NullSink: OutputSink {
    func writeStream(_ stream: OutputStreamName, text: String) {}
    func display(_ output: DisplayData, displayID: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func readInput(prompt: String, password: Bool) throws -> String { throw InputUnavailable("no input") }
}

// Usage: interpreter-bench PROGRAMS_FILE RUNS
// PROGRAMS_FILE holds programs separated by lines "#---"; for each, prints the median wall
// time in milliseconds over RUNS executions, one number per line.
let arguments = CommandLine.arguments
guard arguments.count == 3, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8),
      let runs = Int(arguments[2]), runs > 0 else {
    FileHandle.standardError.write("usage: interpreter-bench PROGRAMS_FILE RUNS\n".data(using: .utf8) ?? Data())
    exit(2)
}
let session = Session(sink: NullSink())
var count = 0
for program in text.components(separatedBy: "\n#---\n") {
    var times: [Double] = []
    for _ in 0..<runs {
        count += 1
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome = session.execute(program, executionCount: count, silent: true)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if case .failure(let error) = outcome {
            FileHandle.standardError.write("\(error.name): \(error.value)\n".data(using: .utf8) ?? Data())
            exit(1)
        }
    }
    times.sort()
    print(times[times.count / 2])
}
