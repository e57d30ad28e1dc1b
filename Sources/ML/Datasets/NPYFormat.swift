/// Reads NumPy's `.npy` arrays and `.npz` archives of them (as Keras's `mnist.npz`).
public enum NPYFormat {
    /// The array in `.npy` bytes: the magic `\x93NUMPY`, a version, a header dictionary
    /// (`descr`, `fortran_order`, `shape`), then the raw elements.
    /// - Throws: `DatasetError.corrupt` for anything else, including pickled objects.
    public static func parse(_ bytes: [UInt8], name: String) throws -> LoadedArray {
        let reader = ByteReader(bytes: bytes, name: name)
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
            throw DatasetError.corrupt(path: name, reason: "not a .npy array (missing the \\x93NUMPY signature)")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        if major == 1 {
            headerLength = Int(try reader.u16(8)); headerStart = 10
        } else {
            headerLength = Int(try reader.u32(8)); headerStart = 12
        }
        let header = String(decoding: try reader.slice(headerStart, headerLength), as: UTF8.self)
        guard let descr = value(of: "descr", in: header)?.trimmingQuotes else {
            throw DatasetError.corrupt(path: name, reason: "the header has no 'descr'")
        }
        if value(of: "fortran_order", in: header)?.hasPrefix("True") == true {
            throw DatasetError.corrupt(path: name, reason: "Fortran-ordered arrays are not supported")
        }
        guard let shapeText = value(of: "shape", in: header) else { throw DatasetError.corrupt(path: name, reason: "the header has no 'shape'") }
        let dimensions = shapeText.split(whereSeparator: { !$0.isNumber })
        let shape = dimensions.compactMap { Int($0) }
        guard shape.count == dimensions.count else { throw DatasetError.corrupt(path: name, reason: "the shape \(shapeText) is not a tuple of sizes") }
        let start = headerStart + headerLength
        let littleEndian = descr.hasPrefix("<") || descr.hasPrefix("|")
        let code = String(descr.dropFirst())
        guard littleEndian || code == "u1" || code == "b1" || code == "i1" else {
            throw DatasetError.corrupt(path: name, reason: "big-endian arrays ('\(descr)') are not supported")
        }
        let width = Int(code.dropFirst()) ?? 1
        guard let count = StoredShape.elementCount(shape, elementWidth: width, available: bytes.count - start) else {
            throw DatasetError.corrupt(path: name, reason: "the header's shape \(shapeText) does not fit in the file's \(bytes.count) bytes")
        }
        func raw(_ width: Int) throws -> ArraySlice<UInt8> { try reader.slice(start, count * width) }
        func words(_ width: Int) throws -> [UInt64] {
            let data = try raw(width)
            return (0..<count).map { i in
                (0..<width).reduce(UInt64(0)) { $0 | UInt64(data[data.startIndex + i * width + $1]) << (8 * $1) }
            }
        }
        switch code {
        case "u1": return LoadedArray(shape: shape, elements: .uint8(Array(try raw(1))))
        case "b1": return LoadedArray(shape: shape, elements: .bool(try raw(1).map { $0 != 0 }))
        case "i1": return LoadedArray(shape: shape, elements: .int64(try raw(1).map { Int64(Int8(bitPattern: $0)) }))
        case "u2", "i2": return LoadedArray(shape: shape, elements: .int64(try words(2).map { code == "i2" ? Int64(Int16(bitPattern: UInt16($0))) : Int64($0) }))
        case "u4", "i4": return LoadedArray(shape: shape, elements: .int64(try words(4).map { code == "i4" ? Int64(Int32(bitPattern: UInt32($0))) : Int64($0) }))
        case "i8", "u8": return LoadedArray(shape: shape, elements: .int64(try words(8).map { Int64(bitPattern: $0) }))
        case "f4": return LoadedArray(shape: shape, elements: .float32(try words(4).map { Float(bitPattern: UInt32($0)) }))
        case "f8": return LoadedArray(shape: shape, elements: .float64(try words(8).map { Double(bitPattern: $0) }))
        default: throw DatasetError.corrupt(path: name, reason: "element type '\(descr)' is not supported")
        }
    }

    /// The arrays of an `.npz` file by name (without the `.npy` suffix).
    public static func readArchive(path: String) throws -> [String: LoadedArray] {
        let entries = try ZipArchive.read(try FileBytes.read(path), name: path)
        var arrays: [String: LoadedArray] = [:]
        for entry in entries where entry.name.hasSuffix(".npy") {
            arrays[String(entry.name.dropLast(4))] = try parse(entry.bytes, name: "\(path):\(entry.name)")
        }
        return arrays
    }

    /// The text after `'key':` in a header dictionary, up to the next top-level comma.
    private static func value(of key: String, in header: String) -> String? {
        guard let range = header.firstRange(of: "'\(key)':") else { return nil }
        var depth = 0
        var result = ""
        for ch in header[range.upperBound...] {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if (ch == "," && depth == 0) || ch == "}" { break }
            result.append(ch)
            if depth < 0 { break }
        }
        return result.trimmingCharacters(in: " ")
    }
}

extension String {
    fileprivate var trimmingQuotes: String { trimmingCharacters(in: "'\" ") }

    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}
