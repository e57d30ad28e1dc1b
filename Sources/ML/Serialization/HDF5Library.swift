import CHDF5
import Synchronization

/// Serialises every call into libhdf5: Debian's build is not thread-safe, and cells,
/// callbacks and tests may save or load at the same time.
enum HDF5Library {
    private static let lock = Mutex(())

    /// Runs `body` holding the library, with HDF5's own error printing turned off (failures
    /// come back as return codes and become `HDF5Error`s).
    static func locked<Result: Sendable>(_ body: () throws -> Result) throws -> Result {
        try lock.withLock { _ in
            swiftml_h5_silence_errors()
            return try body()
        }
    }

    /// The HDF5 file signature, at offset 0 in the files Keras writes.
    static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A file-access property list for an in-memory file (the "core" driver, no backing
    /// file): `.keras` archives hold their HDF5 weights as a zip member, so bytes in, bytes out.
    static func memoryAccess(name: String) throws -> hid_t {
        let fapl = H5Pcreate(swiftml_h5p_file_access())
        guard fapl >= 0 else { throw HDF5Error.failed(name: name, operation: "creating a file-access list") }
        guard H5Pset_fapl_core(fapl, 1 << 20, false) >= 0 else {
            H5Pclose(fapl)
            throw HDF5Error.failed(name: name, operation: "selecting the in-memory driver")
        }
        return fapl
    }
}

/// Closes an HDF5 identifier when it goes out of scope.
final class HDF5Handle {
    let id: hid_t
    private let close: (hid_t) -> herr_t

    init(_ id: hid_t, close: @escaping (hid_t) -> herr_t) {
        self.id = id
        self.close = close
    }

    deinit { _ = close(id) }

    /// `id` if it is valid, else `error`.
    static func checked(_ id: hid_t, _ error: @autoclosure () -> HDF5Error, close: @escaping (hid_t) -> herr_t) throws -> HDF5Handle {
        guard id >= 0 else { throw error() }
        return HDF5Handle(id, close: close)
    }
}
