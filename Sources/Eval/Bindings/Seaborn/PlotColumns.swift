import Rendering

/// One variable of a seaborn plot: numbers (NaN where missing) or category labels.
struct PlotColumn {
    enum Values {
        case numeric([Double], integers: Bool)
        case categorical([String])
    }
    var values: Values
    /// The axis / legend label: the column name, or a Series' name.
    var label: String?

    var count: Int {
        switch values {
        case let .numeric(v, _): return v.count
        case let .categorical(v): return v.count
        }
    }

    /// The numbers, or a TypeError naming the variable for category labels.
    func numbers(_ role: String) throws -> [Double] {
        guard case let .numeric(v, _) = values else {
            throw PyError(.typeError, "seaborn: '\(label ?? role)' holds strings; \(role) must be numeric here")
        }
        return v
    }

    /// Levels in seaborn's `categorical_order`: strings in order of appearance, numbers sorted.
    func levels(_ interp: Runtime) throws -> [String] {
        switch values {
        case let .categorical(v):
            var seen = Set<String>(), order: [String] = []
            for s in v where !seen.contains(s) { seen.insert(s); order.append(s) }
            return order
        case let .numeric(v, integers):
            return try Array(Set(v.filter { !$0.isNaN })).sorted().map { try Self.text($0, integers: integers, interp) }
        }
    }

    /// Each row's level label (nil for a missing value).
    func labels(_ interp: Runtime) throws -> [String?] {
        switch values {
        case let .categorical(v): return v
        case let .numeric(v, integers): return try v.map { $0.isNaN ? nil : try Self.text($0, integers: integers, interp) }
        }
    }

    /// How Python prints the number (`1`, `1.5`), as seaborn's legends show levels.
    static func text(_ v: Double, integers: Bool, _ interp: Runtime) throws -> String {
        if integers, let i = Int(exactly: v) { return String(i) }
        return try interp.repr(.float(v))
    }
}

/// Variables of a plot looked up the way seaborn does: a name is a column of `data` (a dict
/// of columns or a DataFrame), anything else is a vector (list, array, tensor, Series).
struct PlotSource {
    let data: Value?

    /// The variable `value` for the parameter `role`; nil when None / not given.
    func column(_ value: Value?, role: String, _ interp: Runtime) throws -> PlotColumn? {
        guard let value, !value.isNone else { return nil }
        if case .string(let name) = value {
            guard let data, let column = try lookup(name, in: data, interp) else {
                throw PyError(.valueError, "Could not interpret value `\(name)` for `\(role)`. " +
                    (data == nil ? "Value is a string, but `data` was not passed." : "An entry with this name does not appear in `data`."))
            }
            return try Self.vector(column, label: name, interp)
        }
        let label = try interp.lookupAttribute(value, "name").flatMap { v -> String? in
            if case .string(let s) = v { return s } else { return nil }
        }
        return try Self.vector(value, label: label, interp)
    }

    private func lookup(_ name: String, in data: Value, _ interp: Runtime) throws -> Value? {
        do {
            return try interp.item(data, .string(name))
        } catch let error as PyError where error.kind == .keyError || error.kind == .indexError || error.kind == .typeError {
            return nil
        }
    }

    /// The column names of `data`, in order (dict keys or a DataFrame's columns).
    func columnNames(_ interp: Runtime) throws -> [String] {
        guard let data else { return [] }
        let names: [Value]
        if let columns = try interp.lookupAttribute(data, "columns"), !(data.object(as: DictObject.self) != nil) {
            names = try interp.collect(columns)
        } else {
            names = try interp.collect(data)
        }
        return try names.map { try interp.str($0) }
    }

    /// A vector's values: numbers when every item is a number (None / NaN missing), labels otherwise.
    static func vector(_ value: Value, label: String?, _ interp: Runtime) throws -> PlotColumn {
        if let array = PlotValues.ndarray(in: value) {
            let values = try array.doubles()
            return PlotColumn(values: .numeric(values, integers: array.dtype.isInteger || array.dtype == .bool), label: label)
        }
        let items: [Value]
        do { items = try interp.collect(value) } catch {
            throw PyError(.typeError, "seaborn: '\(label ?? "data")' must be a list, array or column, not '\(value.typeName)'")
        }
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        var integers = true
        var numeric = true
        for item in items {
            switch item {
            case .int, .bool: numbers.append(item.asDouble ?? .nan)
            case .float(let d): numbers.append(d); integers = false
            case .none: numbers.append(.nan); integers = false
            case .string: numeric = false
            case .object:
                if let i = item.asIndex { numbers.append(Double(i)) }
                else if let d = item.asDouble { numbers.append(d); integers = false }
                else { numeric = false }
            }
            if !numeric { break }
        }
        if numeric { return PlotColumn(values: .numeric(numbers, integers: integers), label: label) }
        return PlotColumn(values: .categorical(try items.map { try interp.str($0) }), label: label)
    }
}
