import ML

// The ML library's errors as the Python exceptions Keras and TensorFlow raise for the same
// mistakes, so `except ValueError:` in a notebook catches them.

extension LayerError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension LossError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension MetricError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension OptimizerError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension TensorError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension ModelError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension TrainingError: PyErrorConvertible {
    public var pyError: PyError {
        switch self {
        case .interrupted: PyError(.keyboardInterrupt, "")
        // Python's own class for a computation that produced NaN or infinity.
        case .nonFiniteLoss: PyError(PyErrorKind("FloatingPointError"), description)
        case .invalidArgument: PyError(.valueError, description)
        }
    }
}

extension AutodiffError: PyErrorConvertible {
    public var pyError: PyError { PyError(.runtimeError, description) }
}

extension DatasetError: PyErrorConvertible {
    public var pyError: PyError {
        switch self {
        case .notFound, .unreadable: PyError(.fileNotFoundError, description)
        case .corrupt: PyError(.valueError, description)
        case .downloadFailed: PyError(.osError, description)
        }
    }
}

extension SerializationError: PyErrorConvertible {
    public var pyError: PyError {
        switch self {
        case .badFile: PyError(.osError, description)
        case .notImplemented: PyError(.notImplementedError, description)
        default: PyError(.valueError, description)
        }
    }
}

extension TrainTestSplitError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension JSONError: PyErrorConvertible {
    public var pyError: PyError { PyError(.valueError, description) }
}

extension HDF5Error: PyErrorConvertible {
    public var pyError: PyError {
        switch self {
        case .unsupported: PyError(.notImplementedError, description)
        // h5py raises OSError for a file it cannot open or read.
        default: PyError(.osError, description)
        }
    }
}
