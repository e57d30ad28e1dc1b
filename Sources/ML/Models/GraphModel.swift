/// The layers of a functional model wired as a directed acyclic graph: the inputs, one node
/// per layer call (a layer called twice is two nodes sharing its weights), the outputs.
///
/// It is a `Layer` so that the training loop, inference and tapes run it as they run a
/// `Sequential`'s layers. Several inputs arrive packed side by side per sample (sample `s`
/// holds input 0's elements, then input 1's, ...), and several outputs leave packed the
/// same way; with one input and one output nothing is copied.
public final class GraphModel: Layer {
    /// One layer call: the values it reads and the value it writes, by index.
    struct Node {
        let layer: Layer
        let inputs: [Int]
        let output: Int
        /// The call's output tensor (for its shape and Keras's node index).
        let tensor: SymbolicTensor
    }

    /// The model's input placeholders, in the order given.
    public let inputTensors: [SymbolicTensor]
    /// The model's output placeholders, in the order given.
    public let outputTensors: [SymbolicTensor]
    let nodes: [Node]
    /// Value indices: inputs are 0..<inputCount, then one per node.
    let outputValues: [Int]
    let valueSizes: [Int]

    /// Traces the graph from `outputs` back to `inputs`.
    /// - Throws: `ModelError.invalidArgument` when an output depends on an input that is not
    ///   among `inputs` (Keras's "Graph disconnected").
    public init(inputs: [SymbolicTensor], outputs: [SymbolicTensor], name: String) throws {
        guard !inputs.isEmpty, !outputs.isEmpty else { throw ModelError.invalidArgument("a model needs at least one input and one output") }
        var index: [ObjectIdentifier: Int] = [:]
        var sizes: [Int] = []
        for input in inputs {
            guard index[ObjectIdentifier(input)] == nil else {
                throw ModelError.invalidArgument("The list of inputs passed to the model contains the same input multiple times: '\(input.name)'")
            }
            index[ObjectIdentifier(input)] = sizes.count
            sizes.append(input.shape.reduce(1, *))
        }
        var nodes: [Node] = []
        // Depth-first from each output, a node after everything it reads (no recursion, so a
        // deep graph cannot overflow the stack).
        for output in outputs {
            var stack: [(SymbolicTensor, Bool)] = [(output, false)]
            while let (tensor, expanded) = stack.popLast() {
                if index[ObjectIdentifier(tensor)] != nil { continue }
                guard let call = tensor.call else {
                    throw ModelError.invalidArgument("Graph disconnected: cannot find parent for tensor \(tensor.name) of shape \(tensor.batchShapeText), the output of layer '\(tensor.layer.name)', which is not among the model's inputs \(inputs.map(\.name)). Pass it in `inputs`.")
                }
                if expanded {
                    let reads = try call.inputs.map { input -> Int in
                        guard let i = index[ObjectIdentifier(input)] else { throw ModelError.invalidArgument("the graph of model '\(name)' has a cycle") }
                        return i
                    }
                    index[ObjectIdentifier(tensor)] = sizes.count
                    nodes.append(Node(layer: call.layer, inputs: reads, output: sizes.count, tensor: tensor))
                    sizes.append(tensor.shape.reduce(1, *))
                } else {
                    stack.append((tensor, true))
                    for input in call.inputs.reversed() where index[ObjectIdentifier(input)] == nil { stack.append((input, false)) }
                }
            }
        }
        self.inputTensors = inputs
        self.outputTensors = outputs
        self.nodes = nodes
        self.outputValues = outputs.compactMap { index[ObjectIdentifier($0)] }
        self.valueSizes = sizes
        super.init(name: name)
        inputShape = inputs.count == 1 ? inputs[0].shape : [inputs.reduce(0) { $0 + $1.shape.reduce(1, *) }]
        outputShape = outputs.count == 1 ? outputs[0].shape : [outputs.reduce(0) { $0 + $1.shape.reduce(1, *) }]
        weights = uniqueWeights(layers.flatMap(\.weights))
    }

    public override var typeName: String { "Functional" }

    public var inputCount: Int { inputTensors.count }
    public var outputCount: Int { outputTensors.count }

    /// Keras's `model.layers`, in Keras's order: by depth (the longest path to an output),
    /// deepest first, and within a depth in the order a depth-first walk from the outputs
    /// first reaches them.
    public var layers: [Layer] {
        var boundary = Set(inputTensors.map { ObjectIdentifier($0) })
        var firstSeen: [ObjectIdentifier: Int] = [:]
        var layerOf: [ObjectIdentifier: Layer] = [:]
        var postorder: [SymbolicTensor] = []
        var visited = Set<ObjectIdentifier>()
        for output in outputTensors {
            var stack: [(SymbolicTensor, Bool)] = [(output, false)]
            while let (tensor, expanded) = stack.popLast() {
                let id = ObjectIdentifier(tensor)
                if expanded { postorder.append(tensor); continue }
                guard visited.insert(id).inserted else { continue }
                let layer = tensor.layer
                if firstSeen[ObjectIdentifier(layer)] == nil { firstSeen[ObjectIdentifier(layer)] = firstSeen.count }
                layerOf[ObjectIdentifier(layer)] = layer
                stack.append((tensor, true))
                if let call = tensor.call, !boundary.contains(id) {
                    for input in call.inputs.reversed() { stack.append((input, false)) }
                }
            }
        }
        boundary.removeAll()
        var nodeDepth: [ObjectIdentifier: Int] = [:], layerDepth: [ObjectIdentifier: Int] = [:]
        for tensor in postorder.reversed() {
            let id = ObjectIdentifier(tensor), layerID = ObjectIdentifier(tensor.layer)
            let depth = Swift.max(nodeDepth[id, default: 0], layerDepth[layerID, default: 0])
            layerDepth[layerID] = depth
            nodeDepth[id] = depth
            guard let call = tensor.call, !inputTensors.contains(where: { $0 === tensor }) else { continue }
            for input in call.inputs {
                nodeDepth[ObjectIdentifier(input)] = Swift.max(depth + 1, nodeDepth[ObjectIdentifier(input), default: 0])
            }
        }
        return layerOf.values.sorted { a, b in
            let da = layerDepth[ObjectIdentifier(a), default: 0], db = layerDepth[ObjectIdentifier(b), default: 0]
            return da != db ? da > db : firstSeen[ObjectIdentifier(a), default: 0] < firstSeen[ObjectIdentifier(b), default: 0]
        }
    }

    /// The calls of `layer` inside this model, in order.
    func calls(of layer: Layer) -> [Node] { nodes.filter { $0.layer === layer } }

    private func uniqueWeights(_ all: [Variable]) -> [Variable] {
        var seen = Set<ObjectIdentifier>()
        return all.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    public override var trainableWeights: [Variable] {
        trainable ? uniqueWeights(layers.flatMap(\.trainableWeights)) : []
    }

    override var workPerSample: Int { nodes.reduce(0) { $0 + $1.layer.workPerSample } }

    override func makeContext() -> LayerContext {
        let context = LayerContext(parameterCount: 0)
        context.children = nodes.map { $0.layer.makeContext() }
        return context
    }

    /// Buffer indices in a context's scratch: one gradient accumulator per value, then one
    /// unpacked buffer per input.
    private func inputBuffer(_ i: Int) -> Int { valueSizes.count + i }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        var values = [UnsafeMutablePointer<Float>?](repeating: nil, count: valueSizes.count)
        if inputCount == 1 {
            values[0] = input
        } else {
            let width = valueSizes[0..<inputCount].reduce(0, +)
            var offset = 0
            for i in 0..<inputCount {
                let size = valueSizes[i], buffer = context.scratchBuffer(inputBuffer(i)).reserve(batch * size)
                for s in 0..<batch { (buffer + s * size).update(from: input + s * width + offset, count: size) }
                values[i] = buffer
                offset += size
            }
        }
        for (node, child) in zip(nodes, context.children) {
            let reads = try node.inputs.map { try value(values, $0) }
            if let merge = node.layer as? MergeLayer {
                values[node.output] = merge.forward(reads, batch: batch, context: child)
            } else {
                values[node.output] = try node.layer.forward(reads[0], batch: batch, context: child, training: training, random: &random)
            }
        }
        context.values = values
        if outputCount == 1 { return try value(values, outputValues[0]) }
        let width = outputValues.reduce(0) { $0 + valueSizes[$1] }
        let output = context.output.reserve(batch * width)
        var offset = 0
        for v in outputValues {
            let size = valueSizes[v], source = try value(values, v)
            for s in 0..<batch { (output + s * width + offset).update(from: source + s * size, count: size) }
            offset += size
        }
        return output
    }

    private func value(_ values: [UnsafeMutablePointer<Float>?], _ i: Int) throws -> UnsafeMutablePointer<Float> {
        guard let pointer = values[i] else { throw ModelError.invalidArgument("model '\(name)': value \(i) was read before it was computed") }
        return pointer
    }

    /// For each value, whether its gradient is wanted: it leads back to trainable weights,
    /// or to an input whose gradient the caller wants.
    private func gradientNeeds(inputs: Bool) -> [Bool] {
        var needs = [Bool](repeating: inputs, count: valueSizes.count)
        for node in nodes {
            needs[node.output] = !node.layer.trainableWeights.isEmpty || node.inputs.contains { needs[$0] }
        }
        return needs
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        let needs = gradientNeeds(inputs: needInputGradient)
        var gradients = [UnsafeMutablePointer<Float>?](repeating: nil, count: valueSizes.count)
        var owned = [Bool](repeating: false, count: valueSizes.count)
        // Adds a contribution to a value's gradient: the first is borrowed, a second one
        // copies into the value's own accumulator.
        func contribute(_ v: Int, _ gradient: UnsafeMutablePointer<Float>) {
            let count = batch * valueSizes[v]
            guard let existing = gradients[v] else { gradients[v] = gradient; return }
            if !owned[v] {
                let accumulator = context.scratchBuffer(v).reserve(count)
                if accumulator != existing { accumulator.update(from: existing, count: count) }
                gradients[v] = accumulator
                owned[v] = true
            }
            if let sum = gradients[v] { for j in 0..<count { sum[j] += gradient[j] } }
        }
        if outputCount == 1 {
            contribute(outputValues[0], gradOutput)
        } else {
            let width = outputValues.reduce(0) { $0 + valueSizes[$1] }
            var offset = 0
            for (k, v) in outputValues.enumerated() {
                let size = valueSizes[v]
                // Unpacked into the output's own buffer (the index after the inputs' ones).
                let buffer = context.scratchBuffer(inputBuffer(inputCount + k)).reserve(batch * size)
                for s in 0..<batch { (buffer + s * size).update(from: gradOutput + s * width + offset, count: size) }
                contribute(v, buffer)
                offset += size
            }
        }
        for (node, child) in zip(nodes, context.children).reversed() {
            guard needs[node.output], let gradient = gradients[node.output] else { continue }
            if let merge = node.layer as? MergeLayer {
                for (input, inputGradient) in zip(node.inputs, merge.backward(gradient, batch: batch, context: child)) where needs[input] {
                    contribute(input, inputGradient)
                }
            } else {
                let wanted = needs[node.inputs[0]]
                if let inputGradient = node.layer.backward(gradient, batch: batch, context: child, needInputGradient: wanted), wanted {
                    contribute(node.inputs[0], inputGradient)
                }
            }
        }
        guard needInputGradient else { return nil }
        if inputCount == 1 { return gradients[0] }
        let width = valueSizes[0..<inputCount].reduce(0, +)
        let packed = context.inputGradient.reserve(batch * width)
        var offset = 0
        for i in 0..<inputCount {
            let size = valueSizes[i]
            for s in 0..<batch {
                if let source = gradients[i] {
                    (packed + s * width + offset).update(from: source + s * size, count: size)
                } else {
                    (packed + s * width + offset).update(repeating: 0, count: size)
                }
            }
            offset += size
        }
        return packed
    }

    /// Each trainable weight with its gradient from the last backward through `context`; a
    /// weight used by several calls (a shared layer) appears once, its gradients summed.
    func gradients(context: LayerContext, into pairs: inout [(Variable, UnsafePointer<Float>)]) {
        var mine: [(Variable, UnsafePointer<Float>)] = []
        for (node, child) in zip(nodes, context.children) where node.layer.trainable {
            Sequential.gradients(layers: [node.layer], contexts: [child], into: &mine)
        }
        var first: [ObjectIdentifier: Int] = [:]
        var unique: [(Variable, UnsafePointer<Float>)] = []
        for (variable, gradient) in mine {
            if let i = first[ObjectIdentifier(variable)] {
                let sum = UnsafeMutablePointer(mutating: unique[i].1)
                for j in 0..<variable.count { sum[j] += gradient[j] }
            } else {
                first[ObjectIdentifier(variable)] = unique.count
                unique.append((variable, gradient))
            }
        }
        pairs += unique
    }
}

