/// scikit-learn's small bundled datasets (iris, digits, wine, breast cancer, diabetes), read
/// from the CSV files scikit-learn ships in `sklearn/datasets/data/` (with their `descr/`
/// texts), found where Debian's `python3-sklearn` or the project's set-up put them.
public enum BundledDatasets {
    /// A loaded table: features row-major `samples x features`, integer or float targets,
    /// and the class names from the file's header when it has them.
    public struct Table {
        public var data: NDArray
        public var target: NDArray
        public var targetNames: [String]
        public var description: String
    }

    /// Where the files are looked for, in order: `$SWIFTML_DATA/sklearn`, the set-up's
    /// `~/.local/share/swiftml/datasets/sklearn` (`scripts/setup` copies scikit-learn's files
    /// there), and Debian's `python3-sklearn`.
    public static var directories: [String] {
        let home = FileBytes.environment("HOME")
        let shared = (FileBytes.environment("XDG_DATA_HOME") ?? home.map { $0 + "/.local/share" }).map { $0 + "/swiftml/datasets/sklearn" }
        return [FileBytes.environment("SWIFTML_DATA").map { $0 + "/sklearn" }, shared,
                "/usr/lib/python3/dist-packages/sklearn/datasets"].compactMap { $0 }
    }

    private static func locate(_ file: String, dataset: String) throws -> String {
        for directory in directories where FileBytes.exists(directory + "/data/" + file) {
            return directory + "/data/" + file
        }
        throw DatasetError.notFound(dataset: dataset, searched: directories.map { $0 + "/data" },
                                    remedy: "Install Debian's python3-sklearn (apt-get install python3-sklearn), or run scripts/setup, which copies scikit-learn's data files into ~/.local/share/swiftml/datasets/sklearn.")
    }

    /// The text of `descr/<name>.rst` next to the data (empty when absent).
    private static func description(_ name: String, near path: String) -> String {
        let directory = path.components(separatedBy: "/data/").dropLast().joined(separator: "/data/")
        guard let bytes = try? FileBytes.read(directory + "/descr/" + name + ".rst") else { return "" }  // the text is optional
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func text(_ path: String) throws -> [UInt8] {
        var bytes = try FileBytes.read(path)
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B { bytes = try Inflate.gunzip(bytes, name: path) }
        return bytes
    }

    /// A CSV whose first line is `samples,features,name0,name1,...` and whose last column is
    /// the integer class (iris, wine, breast cancer), as scikit-learn's `load_csv_data` reads it.
    public static func labelledCSV(_ file: String, dataset: String, descr: String) throws -> Table {
        let path = try locate(file, dataset: dataset)
        let bytes = try text(path)
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let header = String(decoding: firstLine, as: UTF8.self).trimmingSuffixCR.split(separator: ",").map(String.init)
        guard header.count >= 2, let samples = Int(header[0]), let features = Int(header[1]) else {
            throw DatasetError.corrupt(path: path, reason: "the first line is not 'samples,features,names...'")
        }
        let parsed = try CSVFormat.parseNumeric(bytes, name: path)
        guard parsed.rows == samples, parsed.columns == features + 1 else {
            throw DatasetError.corrupt(path: path, reason: "expected \(samples) rows of \(features + 1) numbers, found \(parsed.rows) of \(parsed.columns)")
        }
        let table = try NDArray(parsed.values, shape: [samples, features + 1])
        let data = try table.subscripted([.all, .slice(start: 0, stop: features, step: nil)]).copy()
        let target = try table.subscripted([.all, .int(features)]).astype(.int64)
        return Table(data: data, target: target, targetNames: Array(header.dropFirst(2)), description: description(descr, near: path))
    }

    /// digits: 1797 rows of 64 pixel values (0-16) and the digit.
    public static func digits() throws -> Table {
        let path = try locate("digits.csv.gz", dataset: "digits")
        let parsed = try CSVFormat.parseNumeric(text(path), name: path)
        guard parsed.columns == 65 else { throw DatasetError.corrupt(path: path, reason: "expected 65 columns, found \(parsed.columns)") }
        let table = try NDArray(parsed.values, shape: [parsed.rows, 65])
        return Table(data: try table.subscripted([.all, .slice(start: 0, stop: 64, step: nil)]).copy(),
                     target: try table.subscripted([.all, .int(64)]).astype(.int64),
                     targetNames: (0..<10).map(String.init), description: description("digits", near: path))
    }

    /// diabetes: 442 rows of 10 raw measurements (space-separated) and the disease progression.
    public static func diabetesRaw() throws -> Table {
        let dataPath = try locate("diabetes_data_raw.csv.gz", dataset: "diabetes")
        let targetPath = try locate("diabetes_target.csv.gz", dataset: "diabetes")
        let rows = try TextTable.parse(String(decoding: text(dataPath), as: UTF8.self), delimiter: nil).rows
        let targets = try TextTable.parse(String(decoding: text(targetPath), as: UTF8.self), delimiter: nil).rows.flatMap { $0 }
        guard rows.count == targets.count, let width = rows.first?.count else {
            throw DatasetError.corrupt(path: dataPath, reason: "\(rows.count) rows of data but \(targets.count) targets")
        }
        return Table(data: try NDArray(rows.flatMap { $0 }, shape: [rows.count, width]), target: NDArray(targets),
                     targetNames: [], description: description("diabetes", near: dataPath))
    }
}

private extension String {
    var trimmingSuffixCR: String { hasSuffix("\r") ? String(dropLast()) : self }
}
