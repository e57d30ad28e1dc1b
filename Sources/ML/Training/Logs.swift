/// Named numbers reported for a batch or an epoch (`loss`, `accuracy`, `val_loss`, …), in
/// Keras 3's order: sorted by name.
public struct Logs: Equatable, Sendable {
    public private(set) var entries: [(name: String, value: Double)]

    public init(_ entries: [(name: String, value: Double)] = []) {
        self.entries = entries.sorted { $0.name < $1.name }
    }

    public static func == (lhs: Logs, rhs: Logs) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// The value called `name`, if reported.
    public subscript(name: String) -> Double? {
        entries.first(where: { $0.name == name })?.value
    }

    /// The names, in order.
    public var names: [String] { entries.map(\.name) }

    /// Adds or replaces a value, keeping the order sorted.
    public mutating func set(_ name: String, _ value: Double) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index].value = value
        } else {
            entries.append((name, value))
            entries.sort { $0.name < $1.name }
        }
    }

    /// These logs with every name prefixed (`val_`).
    func prefixed(_ prefix: String) -> Logs {
        Logs(entries.map { (prefix + $0.name, $0.value) })
    }

    /// Keras's rendering of the values: ` - loss: 0.0241 - val_loss: 0.0229` (4 decimals, or
    /// scientific notation below 1e-3).
    public var keras: String {
        entries.map { " - \($0.name): \(Self.format($0.value))" }.joined()
    }

    /// One value as Keras's progress bar prints it.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return value.magnitude > 1e-3 ? fixed(value, decimals: 4) : scientific(value)
    }

    /// `%.{decimals}f` as Python's f-string prints it, through the C library (correctly
    /// rounded, any magnitude: a loss of 1e24 from unnormalised targets must print, not trap
    /// in an `Int(...)` of the whole part).
    static func fixed(_ value: Double, decimals: Int) -> String {
        formatC("%.\(decimals)f", value)
    }

    static func scientific(_ value: Double) -> String {
        if value == 0 { return "0.0000e+00" }
        var exponent = Int((_log(value.magnitude) / _log(10)).rounded(.down))
        var mantissa = value.magnitude / _pow(10, Double(exponent))
        if (mantissa * 10_000).rounded() >= 100_000 { mantissa /= 10; exponent += 1 }
        if mantissa < 1 { mantissa *= 10; exponent -= 1 }
        let sign = exponent < 0 ? "-" : "+"
        let e = String(exponent.magnitude)
        return (value < 0 ? "-" : "") + fixed(mantissa, decimals: 4) + "e" + sign + (e.count < 2 ? "0" + e : e)
    }
}

/// The per-epoch record `fit` returns (`History.history` in Keras): for each reported name,
/// one value per completed epoch.
public final class History {
    /// Epoch indices recorded (0-based, as Keras's `history.epoch`).
    public private(set) var epochs: [Int] = []
    /// Names in Keras 3's order (sorted; `val_` names after the others).
    public private(set) var keys: [String] = []
    /// Values per name, one per recorded epoch.
    public private(set) var values: [String: [Double]] = [:]
    /// `fit`'s parameters: verbose, epochs and steps per epoch.
    public internal(set) var parameters: (verbose: Int, epochs: Int, steps: Int) = (1, 1, 0)
    /// Set when an interrupt ended training early: where it stopped.
    public internal(set) var interruption: (epoch: Int, batch: Int)?

    public init() {}

    func record(epoch: Int, logs: Logs) {
        epochs.append(epoch)
        for (name, value) in logs.entries {
            if values[name] == nil {
                keys.append(name)
                values[name] = []
            }
            values[name, default: []].append(value)
        }
    }

    /// The values recorded for `name`, if any.
    public subscript(name: String) -> [Double]? { values[name] }
}
