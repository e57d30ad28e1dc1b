import Foundation
import ML

/// `sklearn.datasets`: the bundled toy datasets (read from scikit-learn's own files) and the
/// synthetic generators (scikit-learn's values for a `random_state`).
enum SKLearnDatasets {
    static func make() -> Module {
        let module = Module("sklearn.datasets", doc: "load_iris, load_digits, load_wine, load_breast_cancer, load_diabetes; make_moons, make_circles, make_blobs, make_regression.")
        module.function("load_iris(*, return_X_y=False, as_frame=False)", doc: """
            The iris dataset: 150 flowers, 4 measurements (cm), 3 species. A Bunch with data
            (150, 4), target (150,), feature_names, target_names, DESCR; (data, target) with return_X_y.
            """) { args, _ in
            try refuseFrame(args)
            let (features, targets) = IrisDataset.load()
            let data = ArrayConversion.wrap(try NDArray(features, shape: [150, 4]))
            let target = ArrayConversion.wrap(try NDArray(targets.map { Int64($0) }, shape: [150]))
            if try args.bool("return_X_y") { return .tuple([data, target]) }
            return .object(BunchObject([
                ("data", data), ("target", target), ("frame", .none),
                ("target_names", .list(IrisDataset.targetNames.map(Value.string))),
                ("DESCR", .string(IrisDataset.description)),
                ("feature_names", .list(IrisDataset.featureNames.map(Value.string))),
                ("filename", .string("iris.csv")), ("data_module", .string("sklearn.datasets.data")),
            ]))
        }
        module.function("load_wine(*, return_X_y=False, as_frame=False)", doc: "The wine dataset: 178 wines, 13 chemical measurements, 3 cultivars.") { args, _ in
            try refuseFrame(args)
            let table = try BundledDatasets.labelledCSV("wine_data.csv", dataset: "wine", descr: "wine_data")
            if try args.bool("return_X_y") { return xy(table) }
            return .object(BunchObject(common(table) + [("feature_names", .list(wineFeatures.map(Value.string)))]))
        }
        module.function("load_breast_cancer(*, return_X_y=False, as_frame=False)", doc: "The Wisconsin breast cancer dataset: 569 tumours, 30 features, malignant (0) or benign (1).") { args, _ in
            try refuseFrame(args)
            let table = try BundledDatasets.labelledCSV("breast_cancer.csv", dataset: "breast cancer", descr: "breast_cancer")
            if try args.bool("return_X_y") { return xy(table) }
            let names = ["mean %@", "%@ error", "worst %@"].flatMap { pattern in cancerFeatures.map { pattern.replacingOccurrences(of: "%@", with: $0) } }
            return .object(BunchObject(common(table) + [("feature_names", .list(names.map(Value.string))),
                                                          ("filename", .string("breast_cancer.csv")), ("data_module", .string("sklearn.datasets.data"))]))
        }
        module.function("load_digits(*, n_class=10, return_X_y=False, as_frame=False)", doc: "The 8x8 handwritten digits: 1797 images, pixel values 0-16; data (1797, 64) and images (1797, 8, 8).") { args, _ in
            try refuseFrame(args)
            var table = try BundledDatasets.digits()
            let classes = try args.int("n_class")
            if classes < 10 {
                let keep = try table.target.scalars(as: Int64.self).enumerated().filter { $0.element < classes }.map { Int64($0.offset) }
                table.data = try table.data.subscripted([.array(NDArray(keep))])
                table.target = try table.target.subscripted([.array(NDArray(keep))])
            }
            if try args.bool("return_X_y") { return xy(table) }
            let pixels = (0..<8).flatMap { row in (0..<8).map { Value.string("pixel_\(row)_\($0)") } }
            return .object(BunchObject([
                ("data", ArrayConversion.wrap(table.data)), ("target", ArrayConversion.wrap(table.target)), ("frame", .none),
                ("feature_names", .list(pixels)), ("target_names", ArrayConversion.wrap(try NDArray.arange(stop: .int(10)))),
                ("images", ArrayConversion.wrap(try table.data.reshaped([-1, 8, 8]))), ("DESCR", .string(table.description)),
            ]))
        }
        module.function("load_diabetes(*, return_X_y=False, as_frame=False, scaled=True)", doc: """
            The diabetes regression dataset: 442 patients, 10 baseline variables, a disease
            progression target. scaled: each feature centred and scaled by its standard deviation
            times sqrt(n_samples), as scikit-learn ships it.
            """) { args, _ in
            try refuseFrame(args)
            var table = try BundledDatasets.diabetesRaw()
            if try args.bool("scaled") {
                let centred = try NDArray.apply(.subtract, table.data, table.data.mean(axes: [0]))
                let scaled = try NDArray.apply(.divide, centred, SKLearnPreprocessing.nonZero(table.data.standardDeviation(axes: [0])))
                table.data = try NDArray.apply(.divide, .array(scaled), .scalar(.float(pow(Double(table.data.shape[0]), 0.5))))
            }
            if try args.bool("return_X_y") { return xy(table) }
            return .object(BunchObject([
                ("data", ArrayConversion.wrap(table.data)), ("target", ArrayConversion.wrap(table.target)), ("frame", .none),
                ("DESCR", .string(table.description)),
                ("feature_names", .list(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"].map(Value.string))),
                ("data_filename", .string("diabetes_data_raw.csv.gz")), ("target_filename", .string("diabetes_target.csv.gz")),
                ("data_module", .string("sklearn.datasets.data")),
            ]))
        }
        SKLearnGenerators.register(module)
        return module
    }

    static let wineFeatures = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                               "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]
    static let cancerFeatures = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                                 "concave points", "symmetry", "fractal dimension"]

    private static func refuseFrame(_ args: BoundArguments) throws {
        if try args.bool("as_frame") { throw PyError(.notImplementedError, "as_frame=True (a pandas DataFrame) is not supported by SwiftML's sklearn.datasets") }
    }

    private static func xy(_ table: BundledDatasets.Table) -> Value {
        .tuple([ArrayConversion.wrap(table.data), ArrayConversion.wrap(table.target)])
    }

    private static func common(_ table: BundledDatasets.Table) -> [(String, Value)] {
        [("data", ArrayConversion.wrap(table.data)), ("target", ArrayConversion.wrap(table.target)), ("frame", .none),
         ("target_names", .list(table.targetNames.map(Value.string))), ("DESCR", .string(table.description))]
    }
}

/// `make_moons`, `make_circles`, `make_blobs`, `make_regression`.
enum SKLearnGenerators {
    static func register(_ module: Module) {
        module.function("make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None)", doc: "Two interleaving half circles: (X (n, 2), y).") { args, interp in
            let (outer, inner) = try split(args["n_samples"], interp)
            var state = try SKLearnModelSelection.randomState(args["random_state"])
            let sample = try SampleGenerators.moons(outer: outer, inner: inner, shuffle: args.bool("shuffle"), noise: args.optionalDouble("noise"), random: &state)
            return .tuple([ArrayConversion.wrap(sample.features), ArrayConversion.wrap(sample.labels)])
        }
        module.function("make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8)", doc: "A large circle containing a smaller one: (X (n, 2), y).") { args, interp in
            let (outer, inner) = try split(args["n_samples"], interp)
            let factor = try args.double("factor")
            guard factor >= 0 && factor < 1 else { throw PyError(.valueError, "The 'factor' parameter of make_circles must be a float in the range [0.0, 1.0). Got \(factor) instead.") }
            var state = try SKLearnModelSelection.randomState(args["random_state"])
            let sample = try SampleGenerators.circles(outer: outer, inner: inner, shuffle: args.bool("shuffle"), noise: args.optionalDouble("noise"), factor: factor, random: &state)
            return .tuple([ArrayConversion.wrap(sample.features), ArrayConversion.wrap(sample.labels)])
        }
        module.function("make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0, center_box=(-10.0, 10.0), shuffle=True, random_state=None, return_centers=False)", doc: "Isotropic Gaussian blobs for clustering: (X, y[, centers]).") { args, interp in
            var state = try SKLearnModelSelection.randomState(args["random_state"])
            var features = try args.int("n_features")
            let box = try interp.collect(args["center_box"]).map { value -> Double in
                guard let number = value.asDouble else { throw PyError(.typeError, "center_box must hold numbers") }
                return number
            }
            guard box.count == 2 else { throw PyError(.valueError, "center_box must be a (min, max) pair") }
            var counts: [Int]
            var centers: NDArray?
            var centerCount: Int
            if let total = args["n_samples"].asIndex {
                if let count = args["centers"].asIndex { centerCount = count }
                else if args["centers"].isNone { centerCount = 3 }
                else {
                    let given = try ArrayConversion.array(args["centers"], interp).astype(.float64)
                    guard given.ndim == 2 else { throw PyError(.valueError, "centers must be a 2-D array of shape (n_centers, n_features)") }
                    centers = given
                    centerCount = given.shape[0]
                    features = given.shape[1]
                }
                guard centerCount > 0 else { throw PyError(.valueError, "centers must be positive") }
                counts = Array(repeating: total / centerCount, count: centerCount)
                for i in 0..<(total % centerCount) { counts[i] += 1 }
            } else {
                counts = try interp.collect(args["n_samples"]).map { value in
                    guard let count = value.asIndex else { throw PyError(.typeError, "n_samples must hold integers") }
                    return count
                }
                centerCount = counts.count
                if !args["centers"].isNone {
                    let given = try ArrayConversion.array(args["centers"], interp).astype(.float64)
                    guard given.ndim == 2, given.shape[0] == centerCount else {
                        throw PyError(.valueError, "Length of `n_samples` not consistent with number of centers. Got n_samples = \(try interp.repr(args["n_samples"])) and centers = \(try interp.repr(args["centers"]))")
                    }
                    centers = given
                    features = given.shape[1]
                }
            }
            guard counts.allSatisfy({ $0 >= 0 }) else { throw PyError(.valueError, "n_samples must be non-negative") }
            try interp.checkAllocation(count: counts.reduce(0, +), times: Swift.max(features, 1), elementSize: 8)
            let deviations: [Double]
            if let single = args["cluster_std"].asDouble, args["cluster_std"].object(as: NDArrayObject.self) == nil {
                deviations = Array(repeating: single, count: centerCount)
            } else {
                deviations = try ArrayConversion.array(args["cluster_std"], interp).doubles()
                guard deviations.count == centerCount else {
                    throw PyError(.valueError, "Length of `clusters_std` not consistent with number of centers. Got centers = \(centerCount) and cluster_std = \(try interp.repr(args["cluster_std"]))")
                }
            }
            let result = try SampleGenerators.blobs(counts: counts, features: features, centers: centers, centerCount: centerCount, deviations: deviations,
                                                    box: (box[0], box[1]), shuffle: args.bool("shuffle"), random: &state)
            var values = [ArrayConversion.wrap(result.features), ArrayConversion.wrap(result.labels)]
            if try args.bool("return_centers") { values.append(ArrayConversion.wrap(result.centers)) }
            return .tuple(values)
        }
        module.function("make_regression(n_samples=100, n_features=100, *, n_informative=10, n_targets=1, bias=0.0, effective_rank=None, tail_strength=0.5, noise=0.0, shuffle=True, coef=False, random_state=None)", doc: "A random linear regression problem: (X, y[, coef]).") { args, interp in
            guard args["effective_rank"].isNone else { throw PyError(.notImplementedError, "make_regression(effective_rank=...) is not supported") }
            let samples = try args.int("n_samples"), features = try args.int("n_features"), targets = try args.int("n_targets")
            guard samples >= 1, features >= 1, targets >= 1 else { throw PyError(.valueError, "n_samples, n_features and n_targets must be at least 1") }
            try interp.checkAllocation(count: samples, times: features + targets, elementSize: 8)
            var state = try SKLearnModelSelection.randomState(args["random_state"])
            let result = try SampleGenerators.regression(samples: samples, features: features, informative: args.int("n_informative"), targets: targets,
                                                         bias: args.double("bias"), noise: args.double("noise"), shuffle: args.bool("shuffle"), random: &state)
            var values = [ArrayConversion.wrap(result.features), ArrayConversion.wrap(result.targets)]
            if try args.bool("coef") { values.append(ArrayConversion.wrap(result.coefficients)) }
            return .tuple(values)
        }
    }

    /// n_samples as an int (split outer/inner as n // 2 and the rest) or an (outer, inner) pair.
    private static func split(_ value: Value, _ interp: Runtime) throws -> (Int, Int) {
        if let total = value.asIndex {
            guard total >= 0 else { throw PyError(.valueError, "The 'n_samples' parameter must be an int in the range [1, inf) or a tuple. Got \(total) instead.") }
            try interp.checkAllocation(count: total, times: 4, elementSize: 8)
            return (total / 2, total - total / 2)
        }
        let parts = try interp.collect(value)
        guard parts.count == 2, let outer = parts[0].asIndex, let inner = parts[1].asIndex, outer >= 0, inner >= 0 else {
            throw PyError(.valueError, "`n_samples` can be either an int or a two-element tuple.")
        }
        try interp.checkAllocation(count: outer.addingReportingOverflow(inner).overflow ? Int.max : outer + inner, times: 4, elementSize: 8)
        return (outer, inner)
    }
}
