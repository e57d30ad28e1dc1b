import Testing
@testable import ML

/// The initialisers' distributions against Keras's definitions: bounds from the fans, and the
/// variance the definition promises, measured on large kernels.
@Suite struct InitializerTests {
    func sample(_ initializer: Initializer, shape: [Int], seed: UInt64 = 21) throws -> [Float] {
        var random = RandomStream(seed: seed)
        return try initializer.makeTensor(shape: shape, random: &random).scalars
    }

    func moments(_ values: [Float]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        return (mean, variance)
    }

    @Test func glorotUniformIsBoundedByTheFansAndHasItsVariance() throws {
        let values = try sample(.glorotUniform, shape: [300, 200])
        let limit = (6.0 / 500).squareRoot()
        #expect(values.allSatisfy { Double($0.magnitude) <= limit })
        let (mean, variance) = moments(values)
        #expect(abs(mean) < 0.002)
        #expect(abs(variance / (limit * limit / 3) - 1) < 0.03)   // uniform on ±limit: limit²/3 = 2/(in+out)
    }

    @Test func heNormalIsATruncatedNormalOfVarianceTwoOverFanIn() throws {
        let values = try sample(.heNormal, shape: [400, 150])
        let stddev = (2.0 / 400).squareRoot() / 0.879_625_661_034_239_78
        // Keras truncates at two standard deviations of the untruncated normal.
        #expect(values.allSatisfy { Double($0.magnitude) <= 2 * stddev + 1e-6 })
        let (mean, variance) = moments(values)
        #expect(abs(mean) < 0.002)
        #expect(abs(variance / (2.0 / 400) - 1) < 0.03)
    }

    @Test func convolutionKernelsCountTheReceptiveFieldInTheirFans() throws {
        let (fanIn, fanOut) = Initializer.fans([3, 3, 8, 16])
        #expect(fanIn == 72 && fanOut == 144)
        let values = try sample(.glorotUniform, shape: [3, 3, 8, 16])
        let limit = (6.0 / (72 + 144)).squareRoot()
        #expect(values.allSatisfy { Double($0.magnitude) <= limit })
        #expect(values.contains { Double($0.magnitude) > 0.9 * limit })
    }

    @Test func zerosAndOnesAreConstant() throws {
        #expect(try sample(.zeros, shape: [4, 5]).allSatisfy { $0 == 0 })
        #expect(try sample(.ones, shape: [7]).allSatisfy { $0 == 1 })
    }

    @Test func namesResolveAsKerasSpellsThem() throws {
        for name in Initializer.names { #expect(try Initializer(named: name).name == name) }
        #expect(throws: LayerError.self) { try Initializer(named: "glorot_uniformm") }
    }

    @Test func theSameSeedDrawsTheSameWeights() throws {
        #expect(try sample(.heNormal, shape: [10, 10], seed: 5) == sample(.heNormal, shape: [10, 10], seed: 5))
        #expect(try sample(.heNormal, shape: [10, 10], seed: 5) != sample(.heNormal, shape: [10, 10], seed: 6))
    }
}
