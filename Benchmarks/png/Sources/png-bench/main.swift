import Foundation
import Rendering

// Usage: png-bench DIGITS.raw OUTDIR RUNS
// DIGITS.raw holds 100 MNIST digits (28x28 bytes each, label-free) followed by 100 label bytes.
// Writes NAME.rgba (the exact pixels) for each benchmark image and prints one line per image:
// name width height bytes median_ms colour_type.

let args = CommandLine.arguments
guard args.count == 4, let runs = Int(args[3]) else {
    FileHandle.standardError.write("usage: png-bench DIGITS.raw OUTDIR RUNS\n".data(using: .utf8)!)
    exit(2)
}
let raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: args[1])))
guard raw.count == 100 * 784 + 100 else {
    FileHandle.standardError.write("DIGITS.raw must hold 100 digits and 100 labels\n".data(using: .utf8)!)
    exit(2)
}
let outDir = URL(fileURLWithPath: args[2])

func digit(_ i: Int) -> [Double] { raw[(i * 784)..<((i + 1) * 784)].map { Double($0) } }

/// 10x10 digits as one grey picture.
func digitGrid() throws -> RGBAImage {
    var im = try RGBAImage(width: 280, height: 280)
    for d in 0..<100 {
        for y in 0..<28 {
            for x in 0..<28 {
                let v = raw[d * 784 + y * 28 + x]
                im[(d % 10) * 28 + x, (d / 10) * 28 + y] = RGBA8(r: v, g: v, b: v)
            }
        }
    }
    return im
}

/// A training-curve style plot: two lines, markers, labels, legend, grid.
func linePlot() throws -> RGBAImage {
    let fig = try Figure()
    let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
    let epochs = (1...50).map(Double.init)
    let loss = try ax.plot(xs: epochs, ys: epochs.map { 0.9 * exp(-$0 / 8) + 0.05 + 0.01 * sin($0) })
    loss.label = "training loss"
    let val = try ax.plot(xs: epochs, ys: epochs.map { 0.95 * exp(-$0 / 9) + 0.08 + 0.015 * cos($0 * 1.3) }, format: try FormatString("--"))
    val.label = "validation loss"
    ax.titles[.center] = "Loss per epoch"
    ax.xaxis.label = "epoch"
    ax.yaxis.label = "loss"
    ax.legend = LegendSpec()
    ax.xaxis.gridVisible = true
    ax.yaxis.gridVisible = true
    return try fig.render()
}

/// 5x5 digits with their labels as titles, axes off, at 1000x1000.
func labelledGrid() throws -> RGBAImage {
    let fig = try Figure(width: 10, height: 10, dpi: 100)
    let cmap = try Colormap(named: "binary")
    for i in 0..<25 {
        let ax = try fig.subplot(rows: 5, columns: 5, index: i + 1)
        ax.imshow(.scalars(width: 28, height: 28, values: digit(i)), colormap: cmap)
        ax.titles[.center] = "Label: \(raw[100 * 784 + i])"
        ax.axisOn = false
    }
    return try fig.render()
}

let images: [(String, RGBAImage)] = [
    ("digit_grid", try digitGrid()),
    ("line_plot", try linePlot()),
    ("labelled_grid", try labelledGrid()),
]
let encoder = PNGEncoder()
for (name, image) in images {
    try Data(image.pixels).write(to: outDir.appendingPathComponent("\(name).rgba"))
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<max(1, runs) {
        let start = DispatchTime.now().uptimeNanoseconds
        let png = try encoder.encode(image)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        bytes = png.count
        try Data(png).write(to: outDir.appendingPathComponent("\(name).png"))
    }
    times.sort()
    let type = PNGEncoder.automaticColorType(for: image)
    print(name, image.width, image.height, bytes, String(format: "%.3f", times[times.count / 2]), type)
}
