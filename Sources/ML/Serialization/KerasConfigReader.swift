/// Reads one Keras `config` object strictly: every key is either used, known not to change
/// the computation, or at its "off" value (null or false). Anything else is a feature this
/// library does not have, and `finish` raises `SerializationError.notImplemented` naming it,
/// so a file never loads as something other than what was saved.
struct KerasConfigReader {
    let className: String
    private let pairs: [(String, JSONValue)]
    private var used: Set<String> = []

    init(className: String, config: JSONValue?) throws {
        guard let pairs = config?.objectValue else { throw SerializationError.badConfig("\(className) has no config object") }
        self.className = className
        self.pairs = pairs
    }

    /// The value under `key`, marking it used; nil when absent or null.
    mutating func value(_ key: String) -> JSONValue? {
        used.insert(key)
        guard let value = pairs.first(where: { $0.0 == key })?.1, !value.isNull else { return nil }
        return value
    }

    /// Marks keys whose values do not change what the layer computes (seeds, names of
    /// defaults already applied).
    mutating func ignore(_ keys: String...) { used.formUnion(keys) }

    /// Accepts `key` only at `expected` (or absent/null).
    mutating func expect(_ key: String, _ expected: JSONValue...) throws {
        guard let found = value(key) else { return }
        guard expected.contains(found) else { throw unsupported(key, found) }
    }

    mutating func int(_ key: String, default fallback: Int? = nil) throws -> Int {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw SerializationError.badConfig("\(className) config has no '\(key)'")
        }
        guard let int = found.intValue else { throw SerializationError.badConfig("\(className) '\(key)' is not an integer: \(found.text)") }
        return int
    }

    mutating func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let found = value(key) else { return fallback }
        guard let bool = found.boolValue else { throw SerializationError.badConfig("\(className) '\(key)' is not a boolean: \(found.text)") }
        return bool
    }

    mutating func double(_ key: String, default fallback: Double) throws -> Double {
        guard let found = value(key) else { return fallback }
        guard let number = found.doubleValue else { throw SerializationError.badConfig("\(className) '\(key)' is not a number: \(found.text)") }
        return number
    }

    mutating func string(_ key: String, default fallback: String) throws -> String {
        guard let found = value(key) else { return fallback }
        guard let text = found.stringValue else { throw unsupported(key, found) }
        return text
    }

    /// A list of integers (a tuple in Python).
    mutating func ints(_ key: String) throws -> [Int]? {
        guard let found = value(key) else { return nil }
        if let single = found.intValue { return [single] }
        guard let items = found.arrayValue else { throw SerializationError.badConfig("\(className) '\(key)' is not a list: \(found.text)") }
        let ints = items.compactMap(\.intValue)
        guard ints.count == items.count else { throw SerializationError.badConfig("\(className) '\(key)' is not a list of integers: \(found.text)") }
        return ints
    }

    /// A shape with its batch axis first (`[null, 28, 28]`), without that axis.
    mutating func batchShape(_ key: String) throws -> [Int]? {
        guard let found = value(key) else { return nil }
        guard let items = found.arrayValue, !items.isEmpty else { throw SerializationError.badConfig("\(className) '\(key)' is not a shape: \(found.text)") }
        let rest = items.dropFirst()
        let ints = rest.compactMap(\.intValue)
        guard ints.count == rest.count else { throw SerializationError.notImplemented("\(className) with \(key)=\(found.text) (unknown sizes) is not supported") }
        return ints
    }

    /// Two integers, given as one (`3`) or a pair (`[3, 3]`).
    mutating func pair(_ key: String, default fallback: (Int, Int)?) throws -> (Int, Int)? {
        guard let ints = try ints(key) else { return fallback }
        if ints.count == 1 { return (ints[0], ints[0]) }
        guard ints.count == 2 else { throw SerializationError.badConfig("\(className) '\(key)' needs two integers, got \(ints)") }
        return (ints[0], ints[1])
    }

    /// Only float32 computation exists here.
    mutating func checkDType() throws {
        guard let dtype = value("dtype") else { return }
        let name = dtype.stringValue ?? dtype["config"]?["name"]?.stringValue
        guard name == "float32" else { throw unsupported("dtype", dtype) }
    }

    /// Throws for the first key neither read nor off.
    func finish() throws {
        for (key, value) in pairs where !used.contains(key) {
            if value.isNull || value == .bool(false) { continue }
            throw unsupported(key, value)
        }
    }

    func unsupported(_ key: String, _ value: JSONValue) -> SerializationError {
        .notImplemented("\(className) with \(key)=\(value.text) is not supported")
    }
}
