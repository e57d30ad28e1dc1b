import ML

/// Array errors reach Python code as the exception NumPy raises for them.
extension ArrayError: PyErrorConvertible {
    public var pyError: PyError {
        switch kind {
        case .valueError: PyError(.valueError, message)
        case .indexError: PyError(.indexError, message)
        case .typeError: PyError(.typeError, message)
        case .memoryError: PyError(.memoryError, message)
        case .overflowError: PyError(.overflowError, message)
        case .notImplementedError: PyError(.notImplementedError, message)
        // NumPy's AxisError and LinAlgError are classes of their own.
        case .axisError: PyError(PyErrorKind("AxisError"), message)
        case .linAlgError: PyError(PyErrorKind("LinAlgError"), message)
        }
    }
}
