/// scikit-learn's classification metrics over labels already coded as class positions
/// `0..<classCount` (the binding maps the user's labels, numbers or strings, to codes in
/// sorted order, as `unique_labels` does).
public enum ClassificationMetrics {
    /// How per-class scores are combined (`average=`).
    public enum Average: String, Sendable {
        case micro, macro, weighted
    }

    /// Counts (or summed weights) of samples with true class i predicted as class j, row-major
    /// `classCount x classCount`. Codes outside the range (labels not asked for) are skipped.
    public static func confusionMatrix(true trueCodes: [Int], predicted: [Int], classCount: Int, weights: [Double]? = nil) -> [Double] {
        var matrix = [Double](repeating: 0, count: classCount * classCount)
        for index in 0..<Swift.min(trueCodes.count, predicted.count) {
            let t = trueCodes[index], p = predicted[index]
            guard t >= 0, t < classCount, p >= 0, p < classCount else { continue }
            matrix[t * classCount + p] += weights?[index] ?? 1
        }
        return matrix
    }

    /// Per-class true positives, predicted counts (tp + fp) and true counts (tp + fn, the
    /// support). Counted from the samples, not a confusion matrix, so that with a subset of
    /// labels a sample whose other label is outside the subset still counts on its side.
    public static func counts(true trueCodes: [Int], predicted predictedCodes: [Int], classCount n: Int, weights: [Double]? = nil)
        -> (truePositives: [Double], predicted: [Double], actual: [Double]) {
        var tp = [Double](repeating: 0, count: n), predicted = tp, actual = tp
        for index in 0..<Swift.min(trueCodes.count, predictedCodes.count) {
            let t = trueCodes[index], p = predictedCodes[index], w = weights?[index] ?? 1
            if t >= 0 && t < n { actual[t] += w }
            if p >= 0 && p < n { predicted[p] += w }
            if t == p && t >= 0 && t < n { tp[t] += w }
        }
        return (tp, predicted, actual)
    }

    /// Precision, recall and F-beta per class (average nil) or averaged, with
    /// `zeroDivision` where a ratio is 0/0, exactly as `precision_recall_fscore_support`
    /// computes them (F from counts: (1+b²)tp / ((1+b²)tp + b²fn + fp)).
    public static func scores(truePositives tp: [Double], predicted: [Double], actual: [Double], beta: Double = 1,
                              average: Average?, zeroDivision: Double) -> (precision: [Double], recall: [Double], f: [Double]) {
        var tp = tp, predicted = predicted, actual = actual
        if average == .micro {
            tp = [tp.reduce(0, +)]
            predicted = [predicted.reduce(0, +)]
            actual = [actual.reduce(0, +)]
        }
        func ratio(_ a: Double, _ b: Double) -> Double { b == 0 ? zeroDivision : a / b }
        let beta2 = beta * beta
        let precision = zip(tp, predicted).map { ratio($0, $1) }
        let recall = zip(tp, actual).map { ratio($0, $1) }
        let f = tp.indices.map { i -> Double in
            let denominator = (1 + beta2) * tp[i] + beta2 * (actual[i] - tp[i]) + (predicted[i] - tp[i])
            return denominator == 0 ? zeroDivision : (1 + beta2) * tp[i] / denominator
        }
        switch average {
        case nil, .micro?: return (precision, recall, f)
        case .macro?: return ([mean(precision)], [mean(recall)], [mean(f)])
        case .weighted?:
            let total = actual.reduce(0, +)
            guard total > 0 else { return ([zeroDivision], [zeroDivision], [zeroDivision]) }
            func weighted(_ values: [Double]) -> Double { zip(values, actual).reduce(0) { $0 + $1.0 * $1.1 } / total }
            return ([weighted(precision)], [weighted(recall)], [weighted(f)])
        }
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}

/// Curves over scores for a binary target: `roc_curve` and `auc`.
public enum CurveMetrics {
    /// `roc_curve`: false and true positive rates at each distinct score threshold (highest
    /// first, after a leading `inf`), dropping collinear points when `dropIntermediate`.
    public static func rocCurve(positive: [Bool], scores: [Double], weights: [Double]?, dropIntermediate: Bool)
        -> (fpr: [Double], tpr: [Double], thresholds: [Double]) {
        // Descending by score; scikit-learn reverses a stable ascending sort, so ties come
        // out in reverse input order.
        let ascending = scores.indices.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        let order = Array(ascending.reversed())
        var tps: [Double] = [], fps: [Double] = [], thresholds: [Double] = []
        var tpSum = 0.0, fpSum = 0.0
        for (rank, index) in order.enumerated() {
            let weight = weights?[index] ?? 1
            if positive[index] { tpSum += weight } else { fpSum += weight }
            let isLastOfValue = rank == order.count - 1 || scores[order[rank + 1]] != scores[index]
            if isLastOfValue {
                tps.append(tpSum)
                fps.append(weights == nil ? Double(rank + 1) - tpSum : fpSum)
                thresholds.append(scores[index])
            }
        }
        if dropIntermediate && fps.count > 2 {
            var keep = [0]
            for i in 1..<(fps.count - 1) {
                let secondFP = fps[i + 1] - 2 * fps[i] + fps[i - 1], secondTP = tps[i + 1] - 2 * tps[i] + tps[i - 1]
                if secondFP != 0 || secondTP != 0 { keep.append(i) }
            }
            keep.append(fps.count - 1)
            fps = keep.map { fps[$0] }
            tps = keep.map { tps[$0] }
            thresholds = keep.map { thresholds[$0] }
        }
        tps.insert(0, at: 0)
        fps.insert(0, at: 0)
        thresholds.insert(.infinity, at: 0)
        let fpTotal = fps.last ?? 0, tpTotal = tps.last ?? 0
        return (fps.map { fpTotal > 0 ? $0 / fpTotal : .nan }, tps.map { tpTotal > 0 ? $0 / tpTotal : .nan }, thresholds)
    }
}
