import ML

/// `sklearn.preprocessing`: StandardScaler, MinMaxScaler, LabelEncoder, OneHotEncoder.
enum SKLearnPreprocessing {
    static func make() -> Module {
        let module = Module("sklearn.preprocessing", doc: "Feature scaling and label encoding, as scikit-learn fits and applies them.")
        module.add(StandardScalerObject.type)
        module.add(MinMaxScalerObject.type)
        module.add(LabelEncoderObject.type)
        module.add(OneHotEncoderObject.type)
        return module
    }

    /// A 2-D float64 feature matrix, as check_array makes it (1-D input refused as scikit-learn does).
    static func features(_ value: Value, _ interp: Runtime) throws -> NDArray {
        let array = try ArrayConversion.array(value, interp)
        guard array.ndim == 2 else {
            if array.ndim == 1 {
                throw PyError(.valueError, "Expected a 2-dimensional container but got <class 'numpy.ndarray'> instead. Pass a DataFrame containing a single row (i.e. single sample) or a single column (i.e. single feature) instead.")
            }
            throw PyError(.valueError, "Found array with dim \(array.ndim). Expected <= 2.")
        }
        return array.dtype.isFloatingPoint ? array : try array.astype(.float64)
    }

    static func notFitted(_ name: String) -> PyError {
        PyError(PyErrorKind("NotFittedError"), "This \(name) instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.")
    }

    static func checkWidth(_ x: NDArray, _ expected: Int, _ name: String) throws {
        guard x.shape[1] == expected else {
            throw PyError(.valueError, "X has \(x.shape[1]) features, but \(name) is expecting \(expected) features as input.")
        }
    }

    /// scikit-learn's `_handle_zeros_in_scale`: a zero scale becomes 1 (constant features are
    /// left unscaled instead of divided by zero).
    static func nonZero(_ scale: NDArray) throws -> NDArray {
        try NDArray.select(NDArray.apply(.less, .array(scale.apply(.absolute)), .scalar(.float(10 * Double.ulpOfOne))), .scalar(.float(1)), .array(scale)).astype(scale.dtype)
    }
}

/// `StandardScaler`: (x - mean) / standard deviation per feature.
final class StandardScalerObject: PyObject {
    let withMean: Bool, withStd: Bool
    var mean: NDArray?, variance: NDArray?, scale: NDArray?, samples = 0
    init(withMean: Bool, withStd: Bool) { self.withMean = withMean; self.withStd = withStd }
    var pyType: PyType { StandardScalerObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        var parts: [String] = []
        if !withMean { parts.append("with_mean=False") }
        if !withStd { parts.append("with_std=False") }
        return "StandardScaler(\(parts.joined(separator: ", ")))"
    }

    func fit(_ x: NDArray) throws {
        samples = x.shape[0]
        // The mean, then the variance around it corrected by the mean of the residuals, as
        // scikit-learn's _incremental_mean_and_var computes them.
        let count = Double(samples)
        let mean = try NDArray.apply(.divide, .array(x.sum(axes: [0])), .scalar(.float(count)))
        let residual = try NDArray.apply(.subtract, x, mean)
        let correction = try residual.sum(axes: [0])
        let squares = try NDArray.apply(.multiply, residual, residual).sum(axes: [0])
        let adjusted = try NDArray.apply(.subtract, squares, NDArray.apply(.divide, .array(NDArray.apply(.multiply, correction, correction)), .scalar(.float(count))))
        let variance = try NDArray.apply(.divide, .array(adjusted), .scalar(.float(count)))
        self.mean = withMean ? mean : nil
        self.variance = withStd ? variance : nil
        self.scale = withStd ? try SKLearnPreprocessing.nonZero(variance.apply(.sqrt)) : nil
    }

    func transform(_ x: NDArray) throws -> NDArray {
        guard samples > 0 || mean != nil || scale != nil else { throw SKLearnPreprocessing.notFitted("StandardScaler") }
        var result = x
        if let mean { try SKLearnPreprocessing.checkWidth(x, mean.size, "StandardScaler"); result = try NDArray.apply(.subtract, result, mean) }
        if let scale { try SKLearnPreprocessing.checkWidth(x, scale.size, "StandardScaler"); result = try NDArray.apply(.divide, result, scale) }
        return result.sharesStorage(with: x) ? try x.copy() : result
    }

    func inverse(_ x: NDArray) throws -> NDArray {
        guard samples > 0 else { throw SKLearnPreprocessing.notFitted("StandardScaler") }
        var result = x
        if let scale { result = try NDArray.apply(.multiply, result, scale) }
        if let mean { result = try NDArray.apply(.add, result, mean) }
        return result.sharesStorage(with: x) ? try x.copy() : result
    }

    static let type = PyType("StandardScaler", module: "sklearn.preprocessing", doc: "Standardize features by removing the mean and scaling to unit variance.") { t in
        t.constructor("StandardScaler(*, copy=True, with_mean=True, with_std=True)") { args, _ in
            .object(StandardScalerObject(withMean: try args.bool("with_mean"), withStd: try args.bool("with_std")))
        }
        t.method("fit(X, y=None, sample_weight=None)", of: StandardScalerObject.self, doc: "Compute the mean and std of each feature.") { s, args, interp in
            guard args["sample_weight"].isNone else { throw PyError(.notImplementedError, "StandardScaler.fit(sample_weight=...) is not supported") }
            try s.fit(SKLearnPreprocessing.features(args["X"], interp))
            return .object(s)
        }
        t.method("transform(X, copy=None)", of: StandardScalerObject.self, doc: "Standardize X with the fitted mean and std.") { s, args, interp in
            ArrayConversion.wrap(try s.transform(SKLearnPreprocessing.features(args["X"], interp)))
        }
        t.method("fit_transform(X, y=None)", of: StandardScalerObject.self, doc: "Fit, then transform X.") { s, args, interp in
            let x = try SKLearnPreprocessing.features(args["X"], interp)
            try s.fit(x)
            return ArrayConversion.wrap(try s.transform(x))
        }
        t.method("inverse_transform(X, copy=None)", of: StandardScalerObject.self, doc: "Scale back to the original representation.") { s, args, interp in
            ArrayConversion.wrap(try s.inverse(SKLearnPreprocessing.features(args["X"], interp)))
        }
        t.property("mean_", of: StandardScalerObject.self) { s, _ in try s.fitted(s.mean) }
        t.property("var_", of: StandardScalerObject.self) { s, _ in try s.fitted(s.variance) }
        t.property("scale_", of: StandardScalerObject.self) { s, _ in try s.fitted(s.scale) }
        t.property("n_features_in_", of: StandardScalerObject.self) { s, _ in
            guard s.samples > 0 else { throw PyError(.attributeError, "'StandardScaler' object has no attribute 'n_features_in_'") }
            return .int((s.mean ?? s.scale)?.size ?? 0)
        }
        t.property("n_samples_seen_", of: StandardScalerObject.self) { s, _ in
            guard s.samples > 0 else { throw PyError(.attributeError, "'StandardScaler' object has no attribute 'n_samples_seen_'") }
            return .object(NumPyScalarObject(NDArray(scalar: Int64(s.samples))))
        }
    }

    func fitted(_ value: NDArray?) throws -> Value {
        guard samples > 0 else { throw PyError(.attributeError, "'StandardScaler' object has no attribute (it is not fitted yet)") }
        return value.map(ArrayConversion.wrap) ?? .none
    }
}

/// `MinMaxScaler`: each feature mapped linearly onto `feature_range`.
final class MinMaxScalerObject: PyObject {
    let low: Double, high: Double, clip: Bool
    var dataMin: NDArray?, dataMax: NDArray?, scale: NDArray?, offset: NDArray?
    init(low: Double, high: Double, clip: Bool) { self.low = low; self.high = high; self.clip = clip }
    var pyType: PyType { MinMaxScalerObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        var parts: [String] = []
        if low != 0 || high != 1 { parts.append("feature_range=(\(try interpreter.repr(.float(low))), \(try interpreter.repr(.float(high))))") }
        if clip { parts.append("clip=True") }
        return "MinMaxScaler(\(parts.joined(separator: ", ")))"
    }

    func fit(_ x: NDArray) throws {
        guard x.shape[0] > 0 else { throw PyError(.valueError, "Found array with 0 sample(s) (shape=\(formatShape(x.shape))) while a minimum of 1 is required by MinMaxScaler.") }
        let minimum = try x.min(axes: [0]), maximum = try x.max(axes: [0])
        let range = try NDArray.apply(.subtract, maximum, minimum)
        let scale = try NDArray.apply(.divide, .scalar(.float(high - low)), .array(SKLearnPreprocessing.nonZero(range)))
        offset = try NDArray.apply(.subtract, .scalar(.float(low)), .array(NDArray.apply(.multiply, minimum, scale)))
        (dataMin, dataMax, self.scale) = (minimum, maximum, scale)
    }

    func transform(_ x: NDArray) throws -> NDArray {
        guard let scale, let offset else { throw SKLearnPreprocessing.notFitted("MinMaxScaler") }
        try SKLearnPreprocessing.checkWidth(x, scale.size, "MinMaxScaler")
        var result = try NDArray.apply(.add, NDArray.apply(.multiply, x, scale), offset)
        if clip { result = try result.clipped(low: .scalar(.float(low)), high: .scalar(.float(high))) }
        return result
    }

    static let type = PyType("MinMaxScaler", module: "sklearn.preprocessing", doc: "Transform features by scaling each feature to a given range.") { t in
        t.constructor("MinMaxScaler(feature_range=(0, 1), *, copy=True, clip=False)") { args, interp in
            let bounds = try interp.collect(args["feature_range"])
            guard bounds.count == 2, let low = bounds[0].asDouble, let high = bounds[1].asDouble else {
                throw PyError(.valueError, "feature_range must be a (min, max) pair")
            }
            guard low < high else { throw PyError(.valueError, "Minimum of desired feature range must be smaller than maximum. Got \(try interp.repr(args["feature_range"])).") }
            return .object(MinMaxScalerObject(low: low, high: high, clip: try args.bool("clip")))
        }
        t.method("fit(X, y=None)", of: MinMaxScalerObject.self, doc: "Compute each feature's minimum and maximum.") { s, args, interp in
            try s.fit(SKLearnPreprocessing.features(args["X"], interp))
            return .object(s)
        }
        t.method("transform(X)", of: MinMaxScalerObject.self, doc: "Scale X into feature_range.") { s, args, interp in
            ArrayConversion.wrap(try s.transform(SKLearnPreprocessing.features(args["X"], interp)))
        }
        t.method("fit_transform(X, y=None)", of: MinMaxScalerObject.self, doc: "Fit, then transform X.") { s, args, interp in
            let x = try SKLearnPreprocessing.features(args["X"], interp)
            try s.fit(x)
            return ArrayConversion.wrap(try s.transform(x))
        }
        t.method("inverse_transform(X)", of: MinMaxScalerObject.self, doc: "Undo the scaling.") { s, args, interp in
            guard let scale = s.scale, let offset = s.offset else { throw SKLearnPreprocessing.notFitted("MinMaxScaler") }
            let x = try SKLearnPreprocessing.features(args["X"], interp)
            return ArrayConversion.wrap(try NDArray.apply(.divide, NDArray.apply(.subtract, x, offset), scale))
        }
        for (name, path) in [("data_min_", \MinMaxScalerObject.dataMin), ("data_max_", \.dataMax), ("scale_", \.scale), ("min_", \.offset)] {
            t.property(name, of: MinMaxScalerObject.self) { s, _ in
                guard let value = s[keyPath: path] else { throw PyError(.attributeError, "'MinMaxScaler' object has no attribute '\(name)'") }
                return ArrayConversion.wrap(value)
            }
        }
        t.property("data_range_", of: MinMaxScalerObject.self) { s, _ in
            guard let low = s.dataMin, let high = s.dataMax else { throw PyError(.attributeError, "'MinMaxScaler' object has no attribute 'data_range_'") }
            return ArrayConversion.wrap(try NDArray.apply(.subtract, high, low))
        }
    }
}
