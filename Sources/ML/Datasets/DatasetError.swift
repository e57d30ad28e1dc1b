/// What can go wrong finding or reading data; each description says what to do.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is not in the format it should be.
    case corrupt(path: String, reason: String)
    /// No copy of the dataset was found; `searched` lists where, `remedy` how to get it.
    case notFound(dataset: String, searched: [String], remedy: String)
    /// A download failed or did not match its checksum.
    case downloadFailed(url: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read '\(path)': \(reason)"
        case let .corrupt(path, reason):
            return "'\(path)' is not a valid data file: \(reason)"
        case let .notFound(dataset, searched, remedy):
            return "the \(dataset) dataset is not available on this machine (looked in: \(searched.joined(separator: ", "))). \(remedy)"
        case let .downloadFailed(url, reason):
            return "downloading \(url) failed: \(reason)"
        }
    }
}
