import Foundation

/// Runs one cell: magics, parsing, compiling, evaluation, the result, the errors, and the
/// hooks that run when the cell ends.
struct CellRunner {
    let interpreter: Runtime

    func run(_ code: String, executionCount: Int, silent: Bool) -> ExecutionOutcome {
        interpreter.cancellation.consume()
        interpreter.executionCount = executionCount
        interpreter.pages = []
        let location = "Cell In[\(executionCount)]"
        // A silent run (user_expressions, or a front end's own probe) leaves no trace: it does
        // not replace the cell's source used by tracebacks, nor set `_`.
        if !silent || interpreter.cellSources[location] == nil {
            interpreter.cellSources[location] = code.components(separatedBy: "\n")
        }
        var outcome: ExecutionOutcome
        do {
            let value = try runCell(code, location: location)
            var result: DisplayData?
            if let value, !value.isNone, !silent {
                interpreter.globals["_"] = value
                result = try interpreter.displayData(for: value)
            }
            outcome = .success(result: result, pages: interpreter.pages)
        } catch {
            outcome = .failure(TracebackFormatter.cellError(PyError(converting: error), interpreter: interpreter))
        }
        for (_, hook) in interpreter.cellEndHooks {
            do {
                try hook(interpreter)
            } catch {
                if case .success = outcome {
                    outcome = .failure(TracebackFormatter.cellError(PyError(converting: error), interpreter: interpreter))
                }
            }
        }
        interpreter.cancellation.consume()
        return outcome
    }

    /// Runs a cell's code (after its cell magic, if any) and returns the final expression's value.
    func runCell(_ code: String, location: String) throws -> Value? {
        if let magic = CellMagic(code) {
            return try magic.run(self, location: location)
        }
        return try runCode(code, location: location)
    }

    /// Parses, compiles and runs code in the notebook's global scope.
    func runCode(_ code: String, location: String, wantResult: Bool = true) throws -> Value? {
        let (unit, result) = try compile(code, location: location, wantResult: wantResult)
        return try execute(unit, result)
    }

    func compile(_ code: String, location: String, wantResult: Bool) throws -> (CodeUnit, ExprNode?) {
        let transformed = MagicTransform.transform(code)
        let statements: [Stmt]
        do {
            statements = try Parser.parse(transformed)
        } catch let info as SyntaxErrorInfo {
            throw TracebackFormatter.syntaxError(info, source: code, location: location)
        }
        do {
            return try Compiler.compileCell(statements, location: location, interpreter: interpreter,
                                            resultExpression: wantResult && !MagicTransform.endsWithSemicolon(code))
        } catch let info as SyntaxErrorInfo {
            throw TracebackFormatter.syntaxError(info, source: code, location: location)
        }
    }

    func execute(_ unit: CodeUnit, _ result: ExprNode?) throws -> Value? {
        let frame = Frame(code: unit, interpreter: interpreter, closure: [])
        do {
            _ = try unit.body.exec(frame)
            guard let result else { return nil }
            frame.line = result.line
            return try result.eval(frame)
        } catch {
            var error = PyError(converting: error)
            if error.location == nil { error.traceback.append(interpreter.traceEntry(for: frame)) }
            throw error
        }
    }
}

/// Turns Python errors into the protocol's `error` content: a name, a value and traceback lines.
enum TracebackFormatter {
    static func cellError(_ error: PyError, interpreter: Runtime) -> CellError {
        CellError(name: error.kind.name, value: error.message, traceback: lines(error))
    }

    static func lines(_ error: PyError) -> [String] {
        if let location = error.location {
            var lines: [String] = []
            let where_ = error.traceback.first?.location ?? "Cell"
            lines.append("  \(where_), line \(location.line)")
            let text = location.lineText
            let trimmed = text.drop { $0 == " " || $0 == "\t" }
            let removed = text.count - trimmed.count
            lines.append("    " + trimmed)
            lines.append("    " + String(repeating: " ", count: max(0, location.column - 1 - removed)) + "^")
            lines.append(error.description)
            return lines
        }
        var lines = ["---------------------------------------------------------------------------",
                     error.kind.name.padding(toLength: max(42, error.kind.name.count + 1), withPad: " ", startingAt: 0)
                        + "Traceback (most recent call last)"]
        // Like Python, a frame repeated more than three times in a row is shown three times
        // and then counted.
        var previous: TraceEntry?
        var repeats = 0
        func flushRepeats() {
            if repeats > 3 { lines.append("[... skipping similar frames: \(previous?.function ?? "<module>") at line \(previous?.line ?? 0) (\(repeats - 3) times)]\n") }
        }
        for entry in error.traceback.reversed() {
            if entry == previous {
                repeats += 1
                if repeats > 3 { continue }
            } else {
                flushRepeats()
                previous = entry
                repeats = 1
            }
            var frame = "\(entry.location), line \(entry.line)"
            if let function = entry.function { frame += ", in \(function)" }
            if let source = entry.sourceLine {
                frame += "\n----> \(entry.line) " + source
            }
            lines.append(frame + "\n")
        }
        flushRepeats()
        lines.append(error.description)
        return lines
    }

    /// A `SyntaxError` (or `IndentationError`, or `NotImplementedError` for an unsupported
    /// construct) with the line and a caret.
    static func syntaxError(_ info: SyntaxErrorInfo, source: String, location: String) -> PyError {
        let sourceLines = source.components(separatedBy: "\n")
        let lineText = info.position.line >= 1 && info.position.line <= sourceLines.count
            ? sourceLines[info.position.line - 1] : ""
        var error = PyError(info.kind, info.message)
        error.location = SourceLocation(line: info.position.line, column: info.position.column, lineText: lineText)
        error.traceback = [TraceEntry(location: location, line: info.position.line, function: nil, sourceLine: lineText)]
        return error
    }
}
