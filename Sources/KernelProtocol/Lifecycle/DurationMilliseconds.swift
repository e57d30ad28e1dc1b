extension Duration {
    /// Whole milliseconds, rounded down; what ZeroMQ and Dispatch timeouts take.
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
