import ML

/// A size a user asked for that cannot be allocated reaches Python code as NumPy reports it:
/// `MemoryError` when the machine lacks the memory, `ValueError` for negative or overflowing
/// sizes.
extension SizeError: PyErrorConvertible {
    public var pyError: PyError { PyError(isMemoryError ? .memoryError : .valueError, description) }
}
