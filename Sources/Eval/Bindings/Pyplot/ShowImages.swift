import Rendering

/// `plt.show_images(images, labels=..., cols=...)`: a grid of small images (digits) with their
/// labels as titles and no axes, the helper course notebooks use for datasets.
enum ShowImages {
    static func draw(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let data = try PlotValues.numbers(args["images"], interp, name: "images")
        var images: [(AxesImage.Pixels, Bool)] = []
        switch data.shape.count {
        case 2 where !data.values.isEmpty:
            // One image, or a batch of flattened square images (n x 784).
            let side = Int(Double(data.shape[1]).squareRoot())
            if side * side == data.shape[1] && data.shape[0] > 1 && data.shape[1] > 4 {
                for i in 0..<data.shape[0] {
                    images.append((.scalars(width: side, height: side, values: Array(data.values[(i * data.shape[1])..<((i + 1) * data.shape[1])])), true))
                }
            } else {
                images.append((.scalars(width: data.shape[1], height: data.shape[0], values: data.values), true))
            }
        case 3:
            let (n, h, w) = (data.shape[0], data.shape[1], data.shape[2])
            for i in 0..<n {
                images.append((.scalars(width: w, height: h, values: Array(data.values[(i * h * w)..<((i + 1) * h * w)])), true))
            }
        case 4 where data.shape[3] == 3 || data.shape[3] == 4 || data.shape[3] == 1:
            let (n, h, w, c) = (data.shape[0], data.shape[1], data.shape[2], data.shape[3])
            for i in 0..<n {
                let chunk = Array(data.values[(i * h * w * c)..<((i + 1) * h * w * c)])
                if c == 1 {
                    images.append((.scalars(width: w, height: h, values: chunk), true))
                } else {
                    let isInteger = chunk.contains { $0 > 1 }
                    var bytes = [UInt8](repeating: 255, count: w * h * 4)
                    for p in 0..<(w * h) {
                        for k in 0..<c {
                            let v = isInteger ? chunk[p * c + k] : chunk[p * c + k] * 255
                            bytes[p * 4 + k] = UInt8(max(0, min(255, v.isFinite ? v.rounded() : 0)))
                        }
                    }
                    images.append((.colors(try rendering { try RGBAImage(width: w, height: h, pixels: bytes) }), false))
                }
            }
        default:
            throw PyError(.valueError, "show_images needs images shaped (n, height, width), (n, height, width, channels) or (n, pixels) with square images, got \(ImagePixels.shapeText(data.shape))")
        }
        guard !images.isEmpty else { throw PyError(.valueError, "show_images got no images") }
        guard images.count <= 400 else { throw PyError(.valueError, "show_images draws at most 400 images at once, got \(images.count); slice the array first") }
        var labels: [String]?
        for key in ["labels", "titles"] {
            if let l = args.optional(key) { labels = try interp.collect(l).map { try interp.str($0) } }
        }
        let cols = max(1, min(try args.int("cols"), images.count))
        let rows = (images.count + cols - 1) / cols
        let cmap = try PlotValues.colormap(args["cmap"], interp) ?? (try rendering { try Colormap(named: "gray") })
        let state = PyplotState.of(interp)
        var (w, h) = (1.6 * Double(cols), 1.6 * Double(rows) + (labels == nil ? 0 : 0.3 * Double(rows)))
        if let fs = args.optional("figsize") {
            let p = try PlotValues.flat(fs, interp, name: "figsize")
            guard p.count == 2 else { throw PyError(.valueError, "figsize must be (width, height)") }
            (w, h) = (p[0], p[1])
        }
        let figure = try state.newFigure(width: min(w, 40), height: min(h, 40))
        for (i, (pixels, _)) in images.enumerated() {
            let ax = try rendering { try figure.figure.subplot(rows: rows, columns: cols, index: i + 1) }
            ax.imshow(pixels, colormap: cmap)
            ax.axisOn = false
            if let labels, i < labels.count { ax.titles[.center] = labels[i] }
        }
        figure.figure.usesTightLayout = true
        // Shown when the cell ends (or by plt.show()), like any pyplot figure.
        return .none
    }
}
