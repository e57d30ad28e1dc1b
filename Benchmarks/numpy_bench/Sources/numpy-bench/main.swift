import Foundation
import ML

// Times each operation RUNS times and prints one line per operation: `name median_ms`.
// The operations and shapes mirror ../../../numpy_benchmark.py exactly.

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 11 : 11
let only = CommandLine.arguments.count > 2 ? Set(CommandLine.arguments[2].split(separator: ",").map(String.init)) : nil

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func time(_ name: String, _ body: () throws -> Any) rethrows {
    if let only, !only.contains(name) { return }
    _ = try body()  // warm-up
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let end = DispatchTime.now().uptimeNanoseconds
        withExtendedLifetime(result) {}
        samples.append(Double(end - start) / 1e6)
    }
    print(name, String(format: "%.3f", median(samples)))
}

do {
    var random = try RandomState(seed: 0)
    let a = try random.uniform(shape: [60000, 784]).astype(.float32)
    let b = try random.uniform(shape: [60000, 784]).astype(.float32)
    let images = try random.integers(low: 0, high: 256, shape: [60000, 784]).astype(.uint8)
    let row = try a.subscripted([.int(0)])
    let logits = try random.normal(shape: [60000, 10]).astype(.float32)

    try time("add") { try NDArray.apply(.add, a, b) }
    try time("multiply_scalar") { try NDArray.apply(.multiply, .array(a), .scalar(.float(2.0))) }
    try time("subtract_row") { try NDArray.apply(.subtract, a, row) }
    try time("maximum_zero") { try NDArray.apply(.maximum, .array(a), .scalar(.int(0))) }
    try time("exp") { try a.apply(.exp) }
    try time("tanh") { try a.apply(.tanh) }
    try time("greater") { try NDArray.apply(.greater, .array(a), .scalar(.float(0.5))) }
    try time("uint8_to_float32") { try images.astype(.float32) }
    try time("uint8_div_255") { try NDArray.apply(.divide, .array(images), .scalar(.float(255))) }
    try time("transpose_copy") { try a.T.copy() }
    try time("sum") { try a.sum() }
    try time("sum_axis0") { try a.sum(axes: [0]) }
    try time("mean_axis1") { try a.mean(axes: [1]) }
    try time("max") { try a.max() }
    try time("std") { try a.standardDeviation() }
    try time("argmax_axis1") { try logits.argmax(axis: 1) }
    try time("mask_assign") {
        let copy = try a.subscripted([.slice(start: 0, stop: 10000, step: nil)]).copy()
        try copy.assign(.scalar(.int(0)), at: [.array(NDArray.apply(.less, .array(copy), .scalar(.float(0.5))))])
        return copy
    }
    let order = try random.permutation(60000).subscripted([.slice(start: 0, stop: 256, step: nil)])
    try time("fancy_rows_256") { try a.subscripted([.array(order)]) }

    let x = try random.uniform(shape: [256, 784]).astype(.float32)
    let w = try random.uniform(shape: [784, 128]).astype(.float32)
    try time("sgemm_256x784x128") { try NDArray.matmul(x, w) }
    let big1 = try random.uniform(shape: [1024, 1024]).astype(.float32)
    let big2 = try random.uniform(shape: [1024, 1024]).astype(.float32)
    try time("sgemm_1024") { try NDArray.matmul(big1, big2) }
} catch {
    print("error: \(error)")
    exit(1)
}
