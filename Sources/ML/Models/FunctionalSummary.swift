/// `summary()` of a functional model: Keras 3's table, with the "Connected to" column
/// unless the graph is a plain chain (Keras's "sequential-like": one input, every call on
/// one tensor, no tensor read twice, no layer called twice).
extension FunctionalModel {
    /// Whether Keras prints this model's summary without the "Connected to" column.
    var isSequentialLike: Bool {
        guard graph.inputCount == 1 else { return false }
        var reads = [Int](repeating: 0, count: graph.valueSizes.count)
        var seen = Set<ObjectIdentifier>()
        for node in graph.nodes {
            guard node.inputs.count == 1, seen.insert(ObjectIdentifier(node.layer)).inserted else { return false }
            reads[node.inputs[0]] += 1
        }
        return reads.allSatisfy { $0 <= 1 }
    }

    /// The summary text, lines separated by newlines (no trailing newline).
    public func graphSummary() -> String {
        let chain = isSequentialLike
        // The widths rich gives Keras's columns in an 80-column console (Keras asks for 88 or
        // 108 characters, capped at the console width minus 4).
        let widths = chain ? [31, 22, 13] : [19, 17, 10, 17]
        let right = chain ? [false, false, true] : [false, false, true, false]
        var header = ["Layer (type)", "Output Shape", "Param #"]
        if !chain { header.append("Connected to") }
        var lines = ["Model: \"\(name)\""]
        lines.append("┏" + widths.map { String(repeating: "━", count: $0 + 2) }.joined(separator: "┳") + "┓")
        lines += Self.row(header, widths: widths, border: "┃", right: right)
        lines.append("┡" + widths.map { String(repeating: "━", count: $0 + 2) }.joined(separator: "╇") + "┩")
        let layers = graphLayers
        for (i, layer) in layers.enumerated() {
            let calls = graph.calls(of: layer)
            let shape: String
            if let last = calls.last {
                shape = last.tensor.batchShapeText
            } else if let input = graph.inputTensors.first(where: { $0.layer === layer }) {
                shape = input.batchShapeText
            } else {
                shape = layer.outputShape.map(Shape.batchText) ?? "?"
            }
            var cells = ["\(layer.name) (\(layer.typeName))", shape, layer.isBuilt ? Self.grouped(layer.parameterCount) : "0 (unbuilt)"]
            if !chain {
                let sources = calls.flatMap { node in
                    node.inputs.map { value -> String in
                        let tensor = value < graph.inputCount ? graph.inputTensors[value] : graph.nodes[value - graph.inputCount].tensor
                        return "\(tensor.layer.name)[\(tensor.nodeIndex)][0]"
                    }
                }
                cells.append(sources.isEmpty ? "-" : sources.joined(separator: ", "))
            }
            lines += Self.row(cells, widths: widths, border: "│", right: right)
            if i < layers.count - 1 {
                lines.append("├" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼") + "┤")
            }
        }
        lines.append("└" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┴") + "┘")
        lines += summaryFooter()
        return lines.joined(separator: "\n")
    }
}
