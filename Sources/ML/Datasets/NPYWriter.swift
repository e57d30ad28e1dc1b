/// Writes NumPy's `.npy` format (version 1.0, C order, little-endian) and `.npz` archives
/// (a stored zip of `.npy` entries), as `np.save` and `np.savez` do, so NumPy reads them.
public enum NPYWriter {
    /// The `.npy` bytes of an array: magic, header dict padded with spaces to a multiple of
    /// 64 bytes and ended by a newline, then the elements.
    public static func encode(_ array: NDArray) throws -> [UInt8] {
        let descr: String
        switch array.dtype {
        case .float32: descr = "<f4"
        case .float64: descr = "<f8"
        case .int64: descr = "<i8"
        case .uint8: descr = "|u1"
        case .bool: descr = "|b1"
        }
        let shapeText = array.shape.count == 1 ? "(\(array.shape[0]),)" : "(" + array.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(header.utf8.count)
        bytes += [UInt8(length & 0xff), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        let data = try array.contiguous()
        bytes.reserveCapacity(bytes.count + data.byteCount)
        switch array.dtype {
        case .float32: for v in try data.scalars(as: Float.self) { bytes += littleEndian(UInt64(v.bitPattern), 4) }
        case .float64: for v in try data.scalars(as: Double.self) { bytes += littleEndian(v.bitPattern, 8) }
        case .int64: for v in try data.scalars(as: Int64.self) { bytes += littleEndian(UInt64(bitPattern: v), 8) }
        case .uint8: bytes += try data.scalars(as: UInt8.self)
        case .bool: bytes += try data.scalars(as: Bool.self).map { $0 ? 1 : 0 }
        }
        return bytes
    }

    private static func littleEndian(_ value: UInt64, _ width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// `np.save(path, array)`.
    public static func save(_ array: NDArray, to path: String) throws {
        try FileBytes.write(encode(array), to: path)
    }

    /// `np.savez(path, name=array, ...)`: entries `name.npy` in a stored zip.
    public static func saveArchive(_ arrays: [(String, NDArray)], to path: String) throws {
        let entries = try arrays.map { ZipArchive.Entry(name: $0.0 + ".npy", bytes: try encode($0.1)) }
        try FileBytes.write(ZipArchive.write(entries), to: path)
    }
}

extension NPYFormat {
    /// `np.load` of a `.npy` file.
    public static func read(path: String) throws -> LoadedArray {
        try parse(FileBytes.read(path), name: path)
    }

    /// Whether the file at `path` starts as a zip archive does (`np.load` tells `.npz` apart
    /// from `.npy` by content, not by name).
    public static func isArchive(path: String) throws -> Bool {
        Array(try FileBytes.read(path).prefix(4)) == [0x50, 0x4b, 0x03, 0x04]
    }
}

extension TextTable {
    /// The text of a file, for `np.loadtxt` and `np.genfromtxt`.
    public static func readText(path: String) throws -> String {
        String(decoding: try FileBytes.read(path), as: UTF8.self)
    }

    /// Writes text to a file (`np.savetxt`).
    public static func writeText(_ text: String, to path: String) throws {
        try FileBytes.write(Array(text.utf8), to: path)
    }
}
