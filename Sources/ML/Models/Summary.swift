/// `model.summary()`: Keras 3's table of layers, output shapes and parameter counts, drawn
/// with the same box characters and column widths Keras prints in a notebook.
extension Sequential {
    /// The summary text, lines separated by newlines (no trailing newline).
    public func summary() -> String {
        let widths = [31, 22, 13]
        var lines = ["Model: \"\(name)\""]
        lines.append("┏" + widths.map { String(repeating: "━", count: $0 + 2) }.joined(separator: "┳") + "┓")
        lines += Self.row(["Layer (type)", "Output Shape", "Param #"], widths: widths, border: "┃", right: [false, false, true])
        lines.append("┡" + widths.map { String(repeating: "━", count: $0 + 2) }.joined(separator: "╇") + "┩")
        for (i, layer) in layers.enumerated() {
            let shape = layer.outputShape.map(Shape.batchText) ?? "?"
            let params = layer.isBuilt ? Self.grouped(layer.parameterCount) : "0 (unbuilt)"
            lines += Self.row(["\(layer.name) (\(layer.typeName))", shape, params], widths: widths, border: "│", right: [false, false, true])
            if i < layers.count - 1 {
                lines.append("├" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼") + "┤")
            }
        }
        lines.append("└" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┴") + "┘")
        lines += summaryFooter()
        return lines.joined(separator: "\n")
    }

    /// The parameter counts under the table.
    func summaryFooter() -> [String] {
        var lines: [String] = []
        let trainable = trainableWeights.reduce(0) { $0 + $1.count }
        let nonTrainable = parameterCount - trainable
        let optimizerCount = compiled.map { $0.optimizer.stateParameterCount > 0 ? $0.optimizer.stateParameterCount + 1 : 0 } ?? 0
        let total = trainable + nonTrainable + optimizerCount
        lines.append(" Total params: \(Self.grouped(total)) (\(Self.memory(total * 4)))")
        lines.append(" Trainable params: \(Self.grouped(trainable)) (\(Self.memory(trainable * 4)))")
        lines.append(" Non-trainable params: \(Self.grouped(nonTrainable)) (\(Self.memory(nonTrainable * 4)))")
        if optimizerCount > 0 {
            lines.append(" Optimizer params: \(Self.grouped(optimizerCount)) (\(Self.memory(optimizerCount * 4)))")
        }
        return lines
    }

    /// One table row, wrapping cells that are too long onto further lines.
    static func row(_ cells: [String], widths: [Int], border: String, right: [Bool]) -> [String] {
        let wrapped = zip(cells, widths).map { wrap($0, width: $1) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            border + zip(wrapped.indices, wrapped).map { column, pieces in
                let text = line < pieces.count ? pieces[line] : ""
                let pad = String(repeating: " ", count: max(0, widths[column] - text.count))
                return " " + (right[column] ? pad + text : text + pad) + " "
            }.joined(separator: border) + border
        }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var pieces: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = String(word)
            if !current.isEmpty, current.count + 1 + word.count <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { pieces.append(current); current = "" }
            while word.count > width {
                pieces.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            current = word
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Bytes as Keras words them: `268.00 B`, `855.31 KB`, `1.67 MB`.
    static func memory(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return Logs.fixed(value, decimals: 2) + " " + units[unit]
    }
}
