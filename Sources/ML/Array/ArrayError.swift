/// An error from an array operation, with the Python exception class NumPy raises for it and
/// a message worded as NumPy words it, so a user can search for it and act on it.
public struct ArrayError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The Python exception class the error maps to.
    public enum Kind: String, Sendable {
        case valueError = "ValueError"
        case indexError = "IndexError"
        case typeError = "TypeError"
        case memoryError = "MemoryError"
        case overflowError = "OverflowError"
        /// NumPy's `AxisError`, a subclass of both `ValueError` and `IndexError`.
        case axisError = "AxisError"
        /// `numpy.linalg.LinAlgError`.
        case linAlgError = "LinAlgError"
        case notImplementedError = "NotImplementedError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// NumPy's broadcasting failure: `operands could not be broadcast together with shapes (3,) (4,)`.
    public static func broadcast(_ shapes: [[Int]]) -> ArrayError {
        ArrayError(.valueError,
                   "operands could not be broadcast together with shapes " + shapes.map { formatCompactShape($0) + " " }.joined())
    }

    /// `axis 2 is out of bounds for array of dimension 2`.
    public static func axis(_ axis: Int, ndim: Int) -> ArrayError {
        ArrayError(.axisError, "axis \(axis) is out of bounds for array of dimension \(ndim)")
    }

    static func value(_ message: String) -> ArrayError { ArrayError(.valueError, message) }
    static func index(_ message: String) -> ArrayError { ArrayError(.indexError, message) }
    static func type(_ message: String) -> ArrayError { ArrayError(.typeError, message) }
}

/// A shape as NumPy's C code prints it in messages: `()`, `(3,)`, `(2,3)`; with
/// `unknownAsNewAxis`, a -1 prints as `newaxis` (as in NumPy's reshape error).
public func formatCompactShape(_ shape: [Int], unknownAsNewAxis: Bool = false) -> String {
    let parts = shape.map { unknownAsNewAxis && $0 == -1 ? "newaxis" : String($0) }
    return shape.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ",") + ")"
}

/// A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`.
public func formatShape(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
