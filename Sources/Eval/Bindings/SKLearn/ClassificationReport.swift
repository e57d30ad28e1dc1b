import ML

/// `classification_report`: per-class precision, recall, F1 and support, then accuracy and
/// the macro and weighted averages, in scikit-learn's exact layout (or as a dict).
enum ClassificationReport {
    static func make(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let pair = try LabelPair(args["y_true"], args["y_pred"], labels: args["labels"], interp)
        let labelsGiven = !args["labels"].isNone
        let digits = try args.int("digits")
        let zeroDivision = try SKLearnMetrics.zeroDivision(args)
        var names = try pair.labels.map { try interp.str(pair.python($0)) }
        if let given = try args.optional("target_names") {
            let provided = try interp.collect(given).map { try interp.str($0) }
            if provided.count != names.count && !labelsGiven {
                throw PyError(.valueError, "Number of classes, \(names.count), does not match size of target_names, \(provided.count). Try specifying the labels parameter")
            }
            names = provided
        }
        let weights = try SKLearnMetrics.sampleWeights(args, count: pair.trueCodes.count, interp)
        let n = pair.labels.count
        let counts = ClassificationMetrics.counts(true: pair.trueCodes, predicted: pair.predictedCodes, classCount: n, weights: weights)
        func scores(_ average: ClassificationMetrics.Average?) -> (precision: [Double], recall: [Double], f: [Double]) {
            ClassificationMetrics.scores(truePositives: counts.truePositives, predicted: counts.predicted, actual: counts.actual,
                                         average: average, zeroDivision: zeroDivision)
        }
        let perClass = scores(nil)
        let supportTotal = counts.actual.reduce(0, +)
        let unionSet = Set(pair.truth.values).union(pair.predicted.values)
        let microIsAccuracy = !labelsGiven || Set(pair.labels).isSuperset(of: unionSet)
        func support(_ value: Double) -> Value { weights == nil ? .int(Int(value)) : .float(value) }

        if try args.bool("output_dict") {
            var entries: [(String, Value)] = []
            func row(_ p: Double, _ r: Double, _ f: Double, _ s: Double) -> Value {
                .dict([("precision", .float(p)), ("recall", .float(r)), ("f1-score", .float(f)), ("support", .float(s))])
            }
            for (i, name) in names.prefix(n).enumerated() {
                entries.append((name, row(perClass.precision[i], perClass.recall[i], perClass.f[i], counts.actual[i])))
            }
            for average in [ClassificationMetrics.Average.micro, .macro, .weighted] {
                let s = scores(average)
                if average == .micro && microIsAccuracy { entries.append(("accuracy", .float(s.precision[0]))); continue }
                entries.append(("\(average.rawValue) avg", row(s.precision[0], s.recall[0], s.f[0], supportTotal)))
            }
            return .dict(entries)
        }

        let width = Swift.max(names.map(\.count).max() ?? 0, "weighted avg".count, digits)
        func right(_ text: String, _ w: Int) -> String { String(repeating: " ", count: Swift.max(w - text.count, 0)) + text }
        func number(_ v: Double) throws -> String { try interp.format(.float(v), spec: ".\(digits)f") }
        var report = right("", width) + " " + ["precision", "recall", "f1-score", "support"].map { " " + right($0, 9) }.joined() + "\n\n"
        func line(_ name: String, _ p: Double, _ r: Double, _ f: Double, _ s: Double) throws -> String {
            right(name, width) + " " + (try [p, r, f].map { " " + right(try number($0), 9) }.joined()) + " " + right(try interp.str(support(s)), 9) + "\n"
        }
        for (i, name) in names.prefix(n).enumerated() {
            report += try line(name, perClass.precision[i], perClass.recall[i], perClass.f[i], counts.actual[i])
        }
        report += "\n"
        for average in [ClassificationMetrics.Average.micro, .macro, .weighted] {
            let s = scores(average)
            if average == .micro && microIsAccuracy {
                report += right("accuracy", width) + " " + " " + right("", 9) + " " + right("", 9) + " " + right(try number(s.f[0]), 9)
                    + " " + right(try interp.str(support(supportTotal)), 9) + "\n"
            } else {
                report += try line("\(average.rawValue) avg", s.precision[0], s.recall[0], s.f[0], supportTotal)
            }
        }
        return .string(report)
    }
}
