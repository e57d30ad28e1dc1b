import ML

/// Keras's progress in a notebook: finished lines go to stdout; the live bar is one
/// `display_data` per epoch, replaced in place by `update_display_data` while the epoch runs
/// (the reporter already limits updates to ten a second).
final class NotebookProgress: ProgressOutput {
    private let interpreter: Runtime
    private var displayID: String?

    init(_ interpreter: Runtime) { self.interpreter = interpreter }

    func printLine(_ line: String) {
        interpreter.write(line + "\n")
    }

    /// The bar that ends an epoch is printed as a line on stdout, and the live display
    /// emptied: front ends that do not apply `update_display_data` (`jupyter console`,
    /// `nbconvert`'s saved outputs taken mid-update) then still show every epoch's final
    /// line, and JupyterLab shows it once.
    func updateLive(_ text: String, begin: Bool, final: Bool) {
        if final {
            if let displayID {
                interpreter.display(DisplayData(data: ["text/plain": "", "text/html": ""]), displayID: displayID, update: true)
            }
            displayID = nil
            printLine(text)
            return
        }
        let data = DisplayData(data: ["text/plain": text, "text/html": Self.html(text)])
        if begin || displayID == nil {
            let id = KerasState.of(interpreter).nextDisplayID()
            displayID = id
            interpreter.display(data, displayID: id, update: false)
        } else if let displayID {
            interpreter.display(data, displayID: displayID, update: true)
        }
    }

    /// The text in a `<pre>`, with the bar's done part green and the rest grey, as Keras
    /// colours it in a terminal.
    static func html(_ text: String) -> String {
        var out = "<pre style=\"margin:0;line-height:1.3\">"
        var run = "", runKind: Character = " "
        func flush() {
            guard !run.isEmpty else { return }
            switch runKind {
            case "━": out += "<span style=\"color:#5cb85c\">\(run)</span>"
            case "─": out += "<span style=\"color:#bbb\">\(String(repeating: "━", count: run.count))</span>"
            default: out += run
            }
            run = ""
        }
        for ch in text {
            let kind: Character = ch == "━" || ch == "─" ? ch : " "
            if kind != runKind { flush(); runKind = kind }
            switch ch {
            case "<": run += "&lt;"
            case ">": run += "&gt;"
            case "&": run += "&amp;"
            default: run.append(ch)
            }
        }
        flush()
        return out + "</pre>"
    }
}
