@testable import ML

/// Shorthands for building small arrays in tests.
func doubles(_ values: [Double], _ shape: [Int]? = nil) throws -> NDArray {
    try NDArray(values, shape: shape ?? [values.count])
}

func floats(_ values: [Float], _ shape: [Int]? = nil) throws -> NDArray {
    try NDArray(values, shape: shape ?? [values.count])
}

func ints(_ values: [Int], _ shape: [Int]? = nil) throws -> NDArray {
    try NDArray(values, shape: shape ?? [values.count])
}

func bytes(_ values: [UInt8], _ shape: [Int]? = nil) throws -> NDArray {
    try NDArray(values, shape: shape ?? [values.count])
}

/// `np.arange(count).reshape(shape)` as int64.
func counting(_ shape: [Int]) throws -> NDArray {
    try NDArray.arange(stop: .int(shape.reduce(1, *))).reshaped(shape)
}

extension NDArray {
    var int64s: [Int64] { get throws { try astype(.int64).scalars(as: Int64.self) } }
    var float64s: [Double] { get throws { try astype(.float64).scalars(as: Double.self) } }
}
