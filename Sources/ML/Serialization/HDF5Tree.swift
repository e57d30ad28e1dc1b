/// An HDF5 file as plain values: groups holding attributes, sub-groups and datasets. Keras
/// weight files are small trees of float arrays, so they are read whole and written whole
/// (see `HDF5Reader`, `HDF5Writer`); everything else works on these values.
public struct HDF5Group: Equatable, Sendable {
    public var attributes: [String: HDF5Attribute] = [:]
    public var children: [String: HDF5Node] = [:]

    public init(attributes: [String: HDF5Attribute] = [:], children: [String: HDF5Node] = [:]) {
        self.attributes = attributes
        self.children = children
    }

    /// The node at a slash-separated path below this group, if there is one.
    public func node(at path: String) -> HDF5Node? {
        var current = HDF5Node.group(self)
        for component in path.split(separator: "/") {
            guard case let .group(group) = current, let child = group.children[String(component)] else { return nil }
            current = child
        }
        return current
    }

    public func group(at path: String) -> HDF5Group? {
        if case let .group(group)? = node(at: path) { return group }
        return nil
    }

    public func dataset(at path: String) -> HDF5Dataset? {
        if case let .dataset(dataset)? = node(at: path) { return dataset }
        return nil
    }

    /// Children's names in the order HDF5 lists them (byte order of the names).
    public var sortedNames: [String] { children.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    /// Puts `node` at `path`, making the groups on the way.
    public mutating func insert(_ node: HDF5Node, at path: String) {
        var components = path.split(separator: "/").map(String.init)
        guard let last = components.popLast() else { return }
        insert(node, named: last, under: components[...])
    }

    /// Makes (or keeps) a group at `path`.
    public mutating func ensureGroup(at path: String) {
        if group(at: path) == nil { insert(.group(HDF5Group()), at: path) }
    }

    /// Sets an attribute of the group at `path` (made if absent).
    public mutating func setAttribute(_ name: String, _ value: HDF5Attribute, at path: String) {
        if path.isEmpty { attributes[name] = value; return }
        ensureGroup(at: path)
        var group = self.group(at: path) ?? HDF5Group()
        group.attributes[name] = value
        insert(.group(group), at: path)
    }

    private mutating func insert(_ node: HDF5Node, named name: String, under path: ArraySlice<String>) {
        guard let first = path.first else {
            // Replacing a group by a group keeps what was already in it.
            if case var .group(existing)? = children[name], case let .group(new) = node {
                existing.attributes.merge(new.attributes) { $1 }
                existing.children.merge(new.children) { $1 }
                children[name] = .group(existing)
            } else {
                children[name] = node
            }
            return
        }
        var child: HDF5Group
        if case let .group(existing)? = children[first] { child = existing } else { child = HDF5Group() }
        child.insert(node, named: name, under: path.dropFirst())
        children[first] = .group(child)
    }
}

/// A group or a dataset.
public indirect enum HDF5Node: Equatable, Sendable {
    case group(HDF5Group)
    case dataset(HDF5Dataset)
}

/// An n-dimensional array in a file (shape `[]` is a scalar).
public struct HDF5Dataset: Equatable, Sendable {
    public var shape: [Int]
    public var values: HDF5Values

    public init(shape: [Int], values: HDF5Values) {
        self.shape = shape
        self.values = values
    }

    /// A float32 dataset.
    public init(shape: [Int], floats: [Float]) {
        self.init(shape: shape, values: .float32(floats))
    }

    /// The elements as `Float`, whatever their stored type.
    public var floats: [Float] {
        switch values {
        case let .float32(values): return values
        case let .float64(values): return values.map { Float($0) }
        case let .int64(values): return values.map { Float($0) }
        case let .int32(values): return values.map { Float($0) }
        }
    }
}

/// A dataset's elements: HDF5 floats are read as float32 or float64 by their size, integers
/// as int64 (int32 is only written, as Keras writes step counters).
public enum HDF5Values: Equatable, Sendable {
    case float32([Float])
    case float64([Double])
    case int64([Int64])
    case int32([Int32])

    var count: Int {
        switch self {
        case let .float32(v): v.count
        case let .float64(v): v.count
        case let .int64(v): v.count
        case let .int32(v): v.count
        }
    }
}

/// An attribute: text (h5py writes Python `str` as variable-length UTF-8, Keras 2 wrote
/// fixed-length bytes; both read as `String`), arrays of text, or numbers.
public enum HDF5Attribute: Equatable, Sendable {
    case string(String)
    case strings([String])
    case numbers([Double])
    /// A type this reader does not convert, described (so that code needing it can say why).
    case unsupported(String)

    public var stringValue: String? { if case let .string(s) = self { return s }; return nil }

    /// One string or a list of them as a list (Keras stores `layer_names` either way).
    public var stringList: [String]? {
        switch self {
        case let .string(s): return [s]
        case let .strings(list): return list
        default: return nil
        }
    }
}

/// What can go wrong reading or writing an HDF5 file.
public enum HDF5Error: Error, CustomStringConvertible, Equatable, Sendable {
    /// The bytes are not an HDF5 file libhdf5 can open.
    case notHDF5(name: String)
    /// A call into libhdf5 failed; `operation` says on what.
    case failed(name: String, operation: String)
    /// The file holds something this reader does not convert.
    case unsupported(name: String, what: String)
    /// The file's structure is damaged or absurd (too deep, too many objects, sizes beyond it).
    case corrupt(name: String, reason: String)

    public var description: String {
        switch self {
        case let .notHDF5(name): return "'\(name)' is not an HDF5 file"
        case let .failed(name, operation): return "HDF5 error in '\(name)': \(operation) failed"
        case let .unsupported(name, what): return "'\(name)': \(what) is not supported"
        case let .corrupt(name, reason): return "'\(name)' is a damaged HDF5 file: \(reason)"
        }
    }
}
