import ML

/// `sklearn.metrics`: the classification and regression scores ML courses call around Keras.
enum SKLearnMetrics {
    static func make() -> Module {
        let module = Module("sklearn.metrics", doc: "Classification and regression metrics, as scikit-learn computes and prints them.")
        module.function("confusion_matrix(y_true, y_pred, *, labels=None, sample_weight=None, normalize=None)", doc: """
            Confusion matrix C where C[i, j] counts samples of true class i predicted as class j
            (classes in sorted order, or labels'). normalize: 'true' (rows), 'pred' (columns), 'all'.
            """) { args, interp in
            let pair = try LabelPair(args["y_true"], args["y_pred"], labels: args["labels"], interp)
            let weights = try sampleWeights(args, count: pair.trueCodes.count, interp)
            let n = pair.labels.count
            var matrix = try NDArray(ClassificationMetrics.confusionMatrix(true: pair.trueCodes, predicted: pair.predictedCodes, classCount: n, weights: weights), shape: [n, n])
            switch try args.optionalString("normalize") {
            case nil: if weights == nil { matrix = try matrix.astype(.int64) }
            case "true"?: matrix = try NDArray.apply(.divide, matrix, matrix.sum(axes: [1], keepdims: true))
            case "pred"?: matrix = try NDArray.apply(.divide, matrix, matrix.sum(axes: [0], keepdims: true))
            case "all"?: matrix = try NDArray.apply(.divide, matrix, matrix.sum())
            case let other?: throw PyError(.valueError, "The 'normalize' parameter of confusion_matrix must be a str among {'true', 'pred', 'all'} or None. Got '\(other)' instead.")
            }
            if try args.optionalString("normalize") != nil {
                matrix = try NDArray.select(matrix.apply(.isnan), .scalar(.float(0)), .array(matrix))
            }
            return ArrayConversion.wrap(matrix)
        }
        module.function("accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None)", doc: "The fraction (or with normalize=False the number) of samples predicted exactly.") { args, interp in
            let pair = try LabelPair(args["y_true"], args["y_pred"], interp)
            let weights = try sampleWeights(args, count: pair.trueCodes.count, interp)
            var correct = 0.0, total = 0.0
            for i in pair.trueCodes.indices {
                let w = weights?[i] ?? 1
                total += w
                if pair.trueCodes[i] == pair.predictedCodes[i] { correct += w }
            }
            if !(try args.bool("normalize")) { return weights == nil ? .float(correct) : .float(correct) }
            return .float(total == 0 ? 0 : correct / total)
        }
        for (name, part) in [("precision_score", 0), ("recall_score", 1), ("f1_score", 2)] {
            module.function("\(name)(y_true, y_pred, *, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn')", doc: """
                The \(["precision tp / (tp + fp)", "recall tp / (tp + fn)", "F1 score 2 tp / (2 tp + fp + fn)"][part]): of the
                positive class (average='binary'), per class (None), or averaged ('micro', 'macro', 'weighted').
                """) { args, interp in
                let (scores, _, perClass) = try precisionRecallF(args, beta: 1, interp)
                let chosen = [scores.precision, scores.recall, scores.f][part]
                return perClass ? ArrayConversion.wrap(NDArray(chosen)) : .float(chosen.first ?? 0)
            }
        }
        module.function("fbeta_score(y_true, y_pred, *, beta, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn')", doc: "The F-beta score: recall weighted beta times as much as precision.") { args, interp in
            let (scores, _, perClass) = try precisionRecallF(args, beta: args.double("beta"), interp)
            return perClass ? ArrayConversion.wrap(NDArray(scores.f)) : .float(scores.f.first ?? 0)
        }
        module.function("precision_recall_fscore_support(y_true, y_pred, *, beta=1.0, labels=None, pos_label=1, average=None, sample_weight=None, zero_division='warn')", doc: "Precision, recall, F-beta and support, per class or averaged (support None when averaged).") { args, interp in
            let (scores, support, perClass) = try precisionRecallF(args, beta: args.double("beta"), interp)
            if perClass {
                return .tuple([ArrayConversion.wrap(NDArray(scores.precision)), ArrayConversion.wrap(NDArray(scores.recall)),
                               ArrayConversion.wrap(NDArray(scores.f)), ArrayConversion.wrap(NDArray(support.map { Int64($0) }))])
            }
            return .tuple([.float(scores.precision[0]), .float(scores.recall[0]), .float(scores.f[0]), .none])
        }
        module.function("classification_report(y_true, y_pred, *, labels=None, target_names=None, sample_weight=None, digits=2, output_dict=False, zero_division='warn')", doc: """
            A text report of precision, recall, F1 and support per class, with accuracy and the
            macro and weighted averages, laid out exactly as scikit-learn prints it.
            """) { args, interp in
            try ClassificationReport.make(args, interp)
        }
        module.function("mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average')", doc: "Mean of the squared differences.") { args, interp in
            try regression(args, interp) { t, p in let d = t - p; return d * d }
        }
        module.function("root_mean_squared_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average')", doc: "Square root of the mean squared error.") { args, interp in
            guard case .float(let mse) = try regression(args, interp, { t, p in let d = t - p; return d * d }) else { return .none }
            return .float(mse.squareRoot())
        }
        module.function("mean_absolute_error(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average')", doc: "Mean of the absolute differences.") { args, interp in
            try regression(args, interp) { t, p in abs(t - p) }
        }
        module.function("r2_score(y_true, y_pred, *, sample_weight=None, multioutput='uniform_average', force_finite=True)", doc: "Coefficient of determination: 1 - (residual sum of squares) / (total sum of squares).") { args, interp in
            let (truth, predicted) = try regressionPair(args, interp)
            guard truth.count >= 2 else { throw PyError(.valueError, "R^2 score is not well-defined with less than two samples.") }
            let weights = try sampleWeights(args, count: truth.count, interp) ?? [Double](repeating: 1, count: truth.count)
            let totalWeight = weights.reduce(0, +)
            let mean = zip(truth, weights).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
            var residual = 0.0, total = 0.0
            for i in truth.indices {
                residual += weights[i] * (truth[i] - predicted[i]) * (truth[i] - predicted[i])
                total += weights[i] * (truth[i] - mean) * (truth[i] - mean)
            }
            if total == 0 { return .float(residual == 0 ? 1 : 0) }
            return .float(1 - residual / total)
        }
        module.function("roc_curve(y_true, y_score, *, pos_label=None, sample_weight=None, drop_intermediate=True)", doc: "Receiver operating characteristic: (fpr, tpr, thresholds) for a binary target and scores.") { args, interp in
            let (positive, scores, weights) = try binaryScores(args, interp)
            let curve = CurveMetrics.rocCurve(positive: positive, scores: scores, weights: weights, dropIntermediate: try args.bool("drop_intermediate"))
            return .tuple([ArrayConversion.wrap(NDArray(curve.fpr)), ArrayConversion.wrap(NDArray(curve.tpr)), ArrayConversion.wrap(NDArray(curve.thresholds))])
        }
        module.function("roc_auc_score(y_true, y_score, *, average='macro', sample_weight=None, max_fpr=None, multi_class='raise', labels=None)", doc: "Area under the ROC curve, for a binary target.") { args, interp in
            let (positive, scores, weights) = try binaryScores(args, interp)
            guard Set(positive).count == 2 else { throw PyError(.valueError, "Only one class is present in y_true. ROC AUC score is not defined in that case.") }
            let curve = CurveMetrics.rocCurve(positive: positive, scores: scores, weights: weights, dropIntermediate: true)
            return .float(try trapezoid(x: curve.fpr, y: curve.tpr, interp))
        }
        module.function("auc(x, y)", doc: "Area under a curve by the trapezoidal rule; x must be increasing or decreasing.") { args, interp in
            let x = try ArrayConversion.array(args["x"], interp).doubles(), y = try ArrayConversion.array(args["y"], interp).doubles()
            guard x.count >= 2 else { throw PyError(.valueError, "At least 2 points are needed to compute area under curve, but x.shape = \(x.count)") }
            guard x.count == y.count else { throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: [\(x.count), \(y.count)]") }
            return .float(try trapezoid(x: x, y: y, interp))
        }
        module.add(ConfusionMatrixDisplayObject.type)
        return module
    }

    static func sampleWeights(_ args: BoundArguments, count: Int, _ interp: Runtime) throws -> [Double]? {
        guard let value = try args.optional("sample_weight") else { return nil }
        let weights = try ArrayConversion.array(value, interp).doubles()
        guard weights.count == count else { throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: [\(count), \(count), \(weights.count)]") }
        return weights
    }

    static func zeroDivision(_ args: BoundArguments) throws -> Double {
        switch args["zero_division"] {
        case .string("warn"): return 0
        case .string(let other): throw PyError(.valueError, "The 'zero_division' parameter must be 'warn', 0.0, 1.0 or nan. Got '\(other)' instead.")
        default: return try args.double("zero_division")
        }
    }

    /// precision_recall_fscore_support's core: (scores, support, whether per class).
    static func precisionRecallF(_ args: BoundArguments, beta: Double, _ interp: Runtime)
        throws -> ((precision: [Double], recall: [Double], f: [Double]), [Double], Bool) {
        let averageName = try args.optionalString("average")
        var pair = try LabelPair(args["y_true"], args["y_pred"], labels: args["labels"], interp)
        if averageName == "binary" {
            guard pair.kind == "binary" else {
                throw PyError(.valueError, "Target is multiclass but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].")
            }
            let positive = try ClassLabels(.list([args["pos_label"]]), interp).values[0]
            guard pair.labels.contains(positive) || pair.labels.count < 2 else {
                let shown = try pair.labels.map { try interp.repr(pair.python($0)) }.joined(separator: ", ")
                throw PyError(.valueError, "pos_label=\(try interp.repr(args["pos_label"])) is not a valid label. It should be one of [\(shown)]")
            }
            pair = try LabelPair(args["y_true"], args["y_pred"], labels: .list([pair.python(positive)]), interp)
        }
        let average: ClassificationMetrics.Average?
        switch averageName {
        case nil, "binary"?: average = nil
        case let name?:
            guard let known = ClassificationMetrics.Average(rawValue: name) else {
                if name == "samples" { throw PyError(.valueError, "Samplewise metrics are not available outside of multilabel classification.") }
                throw PyError(.valueError, "The 'average' parameter must be a str among {'micro', 'macro', 'weighted', 'binary', 'samples'} or None. Got '\(name)' instead.")
            }
            average = known
        }
        let weights = try sampleWeights(args, count: pair.trueCodes.count, interp)
        let n = pair.labels.count
        let counts = ClassificationMetrics.counts(true: pair.trueCodes, predicted: pair.predictedCodes, classCount: n, weights: weights)
        let scores = ClassificationMetrics.scores(truePositives: counts.truePositives, predicted: counts.predicted, actual: counts.actual,
                                                  beta: beta, average: average, zeroDivision: try zeroDivision(args))
        return (scores, counts.actual, averageName == nil)
    }

    private static func regressionPair(_ args: BoundArguments, _ interp: Runtime) throws -> ([Double], [Double]) {
        let truth = try ArrayConversion.array(args["y_true"], interp), predicted = try ArrayConversion.array(args["y_pred"], interp)
        guard truth.shape.first == predicted.shape.first else {
            throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: [\(truth.shape.first ?? 1), \(predicted.shape.first ?? 1)]")
        }
        let flatTruth = truth.ndim == 2 && truth.shape[1] == 1 ? try truth.reshaped([-1]) : truth
        let flatPredicted = predicted.ndim == 2 && predicted.shape[1] == 1 ? try predicted.reshaped([-1]) : predicted
        guard flatTruth.ndim == 1 && flatPredicted.ndim == 1 else {
            throw PyError(.notImplementedError, "regression metrics for multi-output targets are not supported")
        }
        return (try flatTruth.doubles(), try flatPredicted.doubles())
    }

    private static func regression(_ args: BoundArguments, _ interp: Runtime, _ loss: (Double, Double) -> Double) throws -> Value {
        let (truth, predicted) = try regressionPair(args, interp)
        let weights = try sampleWeights(args, count: truth.count, interp)
        let losses = zip(truth, predicted).map(loss)
        // np.average: the pairwise sum NumPy uses, then one division.
        if let weights {
            let weighted = try NDArray.apply(.multiply, NDArray(losses), NDArray(weights)).sum()
            return .float(try weighted.doubles()[0] / weights.reduce(0, +))
        }
        return .float(try NDArray(losses).mean().doubles()[0])
    }

    private static func binaryScores(_ args: BoundArguments, _ interp: Runtime) throws -> ([Bool], [Double], [Double]?) {
        let truth = try ClassLabels(args["y_true"], interp)
        let scores = try ArrayConversion.array(args["y_score"], interp)
        guard scores.ndim == 1 || (scores.ndim == 2 && scores.shape[1] == 1) else {
            throw PyError(.valueError, "y should be a 1d array, got an array of shape \(formatShape(scores.shape)) instead.")
        }
        let values = try scores.reshaped([-1]).doubles()
        guard !values.contains(where: \.isNaN) else { throw PyError(.valueError, "Input contains NaN.") }
        guard values.count == truth.values.count else {
            throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: [\(truth.values.count), \(values.count)]")
        }
        guard truth.kind == "binary" else { throw PyError(.valueError, "\(truth.kind) format is not supported") }
        let classes = Set(truth.values)
        let positive: ClassLabels.Label
        if let given = try args.optional("pos_label") {
            positive = try ClassLabels(.list([given]), interp).values[0]
        } else {
            let allowed: Set<ClassLabels.Label> = [.number(0), .number(1), .number(-1)]
            let numeric = classes.isSubset(of: allowed)
            guard numeric else {
                throw PyError(.valueError, "y_true takes value in {\(try classes.sorted().map { try interp.repr(truth.python($0)) }.joined(separator: ", "))} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.")
            }
            positive = .number(1)
        }
        return (truth.values.map { $0 == positive }, values, try sampleWeights(args, count: values.count, interp))
    }

    /// `np.trapezoid`, signed by the direction of x as `auc` requires.
    static func trapezoid(x: [Double], y: [Double], _ interp: Runtime) throws -> Double {
        let steps = zip(x.dropFirst(), x).map { $0 - $1 }
        var direction = 1.0
        if steps.contains(where: { $0 < 0 }) {
            guard steps.allSatisfy({ $0 <= 0 }) else {
                throw PyError(.valueError, "x is neither increasing nor decreasing : \(try interp.str(ArrayConversion.wrap(NDArray(x)))).")
            }
            direction = -1
        }
        var areas = [Double](repeating: 0, count: steps.count)
        for i in 0..<steps.count {
            let heights: Double = y[i + 1] + y[i]
            areas[i] = steps[i] * heights / 2.0
        }
        return direction * (try NDArray(areas).sum().doubles()[0])
    }
}
