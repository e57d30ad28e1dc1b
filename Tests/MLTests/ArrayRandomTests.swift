import Testing
@testable import ML

/// The expected values are what NumPy 2.4 prints after the same seed: the legacy generator is
/// reproduced exactly.
@Suite struct ArrayRandomTests {
    @Test func randMatchesNumPyAfterSeed() throws {
        var random = try RandomState(seed: 42)
        #expect(try random.uniform(shape: [3]).numpyRepr == "array([0.37454012, 0.95071431, 0.73199394])")
    }

    @Test func randnMatchesNumPyAfterSeed() throws {
        var random = try RandomState(seed: 42)
        #expect(try random.normal(shape: [3]).numpyRepr == "array([ 0.49671415, -0.1382643 ,  0.64768854])")
    }

    @Test func normalAndUniformWithParameters() throws {
        var random = try RandomState(seed: 1)
        #expect(try random.normal(shape: [2, 2], mean: 5, standardDeviation: 2).numpyRepr
            == "array([[8.24869073, 3.77648717],\n       [3.9436565 , 2.85406276]])")
        random = try RandomState(seed: 1)
        #expect(try random.uniform(shape: [3], low: -1, high: 1).numpyRepr == "array([-0.16595599,  0.44064899, -0.99977125])")
    }

    @Test func randintMatchesNumPy() throws {
        var random = try RandomState(seed: 0)
        #expect(try random.integers(low: 0, high: 10, shape: [5]).int64s == [5, 0, 3, 3, 7])
        random = try RandomState(seed: 2)
        #expect(try random.integers(low: 0, high: 1 << 40, shape: [3]).int64s == [722349427215, 1021908186696, 98559752491])
    }

    @Test func permutationAndShuffleMatchNumPy() throws {
        var random = try RandomState(seed: 0)
        #expect(try random.permutation(10).int64s == [2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
        random = try RandomState(seed: 3)
        let rows = try counting([4, 3])
        try random.shuffle(rows)
        #expect(try rows.int64s == [9, 10, 11, 3, 4, 5, 0, 1, 2, 6, 7, 8])
    }

    @Test func choiceMatchesNumPy() throws {
        var random = try RandomState(seed: 1)
        #expect(try random.choiceIndices(population: 5, shape: [3], replace: false, probabilities: nil).int64s == [2, 1, 4])
        random = try RandomState(seed: 1)
        #expect(try random.choiceIndices(population: 5, shape: [4], replace: true, probabilities: [0.1, 0.2, 0.3, 0.2, 0.2]).int64s == [2, 3, 0, 2])
    }

    @Test func choiceRejectsBadProbabilities() throws {
        var random = try RandomState(seed: 1)
        #expect(throws: ArrayError.value("probabilities do not sum to 1")) {
            try random.choiceIndices(population: 2, shape: [1], replace: true, probabilities: [0.5, 0.6])
        }
        #expect(throws: ArrayError.value("Cannot take a larger sample than population when 'replace=False'")) {
            try random.choiceIndices(population: 2, shape: [3], replace: false, probabilities: nil)
        }
    }

    @Test func seedOutOfRangeIsAValueError() {
        #expect(throws: ArrayError.value("Seed must be between 0 and 2**32 - 1")) { try RandomState(seed: -1) }
    }

    @Test func sameSeedSameStream() throws {
        var first = try RandomState(seed: 123), second = try RandomState(seed: 123)
        #expect(try first.normal(shape: [100]).float64s == second.normal(shape: [100]).float64s)
    }
}
