/// scikit-learn's `train_test_split` index selection (`ShuffleSplit`): with a `random_state`
/// the split is the one scikit-learn makes, since the permutation comes from NumPy's own
/// MT19937 stream (`RandomState`).
public enum TrainTestSplit {
    /// The sizes scikit-learn derives from `test_size` / `train_size` (fractions in (0, 1)
    /// or counts), defaulting to a 25% test set.
    /// - Throws: `DatasetError`-free `TrainTestSplitError` for sizes that do not fit.
    public static func sizes(count: Int, testSize: Double?, trainSize: Double?) throws -> (train: Int, test: Int) {
        func resolve(_ size: Double, name: String) throws -> (Int, isFraction: Bool) {
            if size > 0 && size < 1 { return (0, true) }
            guard size >= 1, size.rounded() == size, Int(size) <= count else {
                throw TrainTestSplitError("\(name)=\(size) should be either positive and smaller than the number of samples \(count) or a float in the (0, 1) range")
            }
            return (Int(size), false)
        }
        var test: Int?, train: Int?
        if let testSize {
            let (n, fraction) = try resolve(testSize, name: "test_size")
            test = fraction ? Int((testSize * Double(count)).rounded(.up)) : n
        }
        if let trainSize {
            let (n, fraction) = try resolve(trainSize, name: "train_size")
            train = fraction ? Int((trainSize * Double(count)).rounded(.down)) : n
        }
        if test == nil { test = train.map { count - $0 } ?? Int((0.25 * Double(count)).rounded(.up)) }
        if train == nil { train = count - (test ?? 0) }
        guard let nTest = test, let nTrain = train, nTest + nTrain <= count else {
            throw TrainTestSplitError("The sum of train_size and test_size exceeds the number of samples \(count)")
        }
        guard nTrain > 0 else {
            throw TrainTestSplitError("With n_samples=\(count), test_size=\(testSize ?? 0.25) and train_size=\(trainSize.map { "\($0)" } ?? "None"), the resulting train set will be empty. Adjust any of the aforementioned parameters.")
        }
        return (nTrain, nTest)
    }

    /// Indices of the training and test samples. With `shuffle`, the permutation is drawn
    /// from `random` (scikit-learn's `ShuffleSplit`: the test set is the permutation's head);
    /// without, the training set is the first samples and the test set the ones after.
    /// With `stratify` labels, each class is split in proportion (per class, in a random
    /// order), so both sets keep the class balance.
    public static func indices(count: Int, testSize: Double? = nil, trainSize: Double? = nil, shuffle: Bool = true,
                               stratify: [Int]? = nil, random: inout RandomState) throws -> (train: [Int], test: [Int]) {
        let (nTrain, nTest) = try sizes(count: count, testSize: testSize, trainSize: trainSize)
        if !shuffle {
            guard stratify == nil else { throw TrainTestSplitError("Stratified train/test split is not implemented for shuffle=False") }
            return (Array(0..<nTrain), Array(nTrain..<nTrain + nTest))
        }
        if let labels = stratify {
            guard labels.count == count else { throw TrainTestSplitError("Found input variables with inconsistent numbers of samples: [\(count), \(labels.count)]") }
            return try stratifiedIndices(labels: labels, train: nTrain, test: nTest, random: &random)
        }
        let permutation = try random.permutation(count).scalars(as: Int64.self).map { Int($0) }
        return (Array(permutation[nTest..<nTest + nTrain]), Array(permutation[..<nTest]))
    }
}

extension TrainTestSplit {
    /// scikit-learn's `StratifiedShuffleSplit` (first split): each class's train and test
    /// counts by `_approximate_mode` (floors, then the largest remainders, ties broken by a
    /// random choice), a random permutation within each class, then both sets permuted, all
    /// drawn from `random` in scikit-learn's order.
    static func stratifiedIndices(labels: [Int], train nTrain: Int, test nTest: Int, random: inout RandomState) throws -> (train: [Int], test: [Int]) {
        let classes = Array(Set(labels)).sorted()
        // Members of each class in input order (a stable argsort of the class codes).
        let members = classes.map { c in labels.indices.filter { labels[$0] == c } }
        let counts = members.map(\.count)
        guard (counts.min() ?? 0) >= 2 else {
            throw TrainTestSplitError("The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.")
        }
        guard nTrain >= classes.count else { throw TrainTestSplitError("The train_size = \(nTrain) should be greater or equal to the number of classes = \(classes.count)") }
        guard nTest >= classes.count else { throw TrainTestSplitError("The test_size = \(nTest) should be greater or equal to the number of classes = \(classes.count)") }
        let trainCounts = try approximateMode(counts, draws: nTrain, random: &random)
        let testCounts = try approximateMode(zip(counts, trainCounts).map { $0 - $1 }, draws: nTest, random: &random)
        var train: [Int] = [], test: [Int] = []
        for (i, group) in members.enumerated() {
            let order = try random.permutation(group.count).scalars(as: Int64.self).map { group[Int($0)] }
            train += order.prefix(trainCounts[i])
            test += order.dropFirst(trainCounts[i]).prefix(testCounts[i])
        }
        let trainOrder = try random.permutation(train.count).scalars(as: Int64.self)
        let testOrder = try random.permutation(test.count).scalars(as: Int64.self)
        return (trainOrder.map { train[Int($0)] }, testOrder.map { test[Int($0)] })
    }

    /// `_approximate_mode`: how many of `draws` each class gets, proportional to its count.
    static func approximateMode(_ counts: [Int], draws: Int, random: inout RandomState) throws -> [Int] {
        let total = Double(counts.reduce(0, +))
        let continuous = counts.map { Double($0) / total * Double(draws) }
        var floored = continuous.map { $0.rounded(.down) }
        var needed = Int(Double(draws) - floored.reduce(0, +))
        if needed > 0 {
            let remainders = zip(continuous, floored).map { $0 - $1 }
            for value in Array(Set(remainders)).sorted(by: >) {
                let tied = remainders.indices.filter { remainders[$0] == value }
                let take = Swift.min(tied.count, needed)
                // rng.choice(tied, take, replace=False): the head of a permutation.
                let chosen = try random.permutation(tied.count).scalars(as: Int64.self).prefix(take)
                for position in chosen { floored[tied[Int(position)]] += 1 }
                needed -= take
                if needed == 0 { break }
            }
        }
        return floored.map { Int($0) }
    }
}

/// A `train_test_split` argument that does not fit the data (scikit-learn's `ValueError`).
public struct TrainTestSplitError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
