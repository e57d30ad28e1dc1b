/// Reading and writing zip archives: NumPy's `.npz` files (stored or deflated members,
/// with zip64 sizes when NumPy forces them) and the `.keras` model files this library saves.
public enum ZipArchive {
    /// One member of an archive.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// Every member of the zip archive in `bytes`, decompressed, with CRCs checked.
    /// - Throws: `DatasetError.corrupt` naming what is wrong.
    public static func read(_ bytes: [UInt8], name: String) throws -> [Entry] {
        let reader = ByteReader(bytes: bytes, name: name)
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        let lowest = Swift.max(0, bytes.count - 65_557)
        var end = -1
        var position = bytes.count - 22
        while position >= lowest {
            if try reader.u32(position) == 0x0605_4B50 { end = position; break }
            position -= 1
        }
        guard end >= 0 else { throw DatasetError.corrupt(path: name, reason: "not a zip archive (no end of central directory)") }
        var entryCount = Int(try reader.u16(end + 10))
        var directoryOffset = Int(try reader.u32(end + 16))
        // Zip64: the locator just before the record points at the zip64 record.
        if end >= 20, try reader.u32(end - 20) == 0x0706_4B50 {
            guard let record = StoredShape.offset(try reader.u64(end - 12), atMost: bytes.count),
                  try reader.u32(record) == 0x0606_4B50 else { throw DatasetError.corrupt(path: name, reason: "bad zip64 end record") }
            // Each central-directory entry takes at least 46 bytes.
            guard let count = StoredShape.offset(try reader.u64(record + 32), atMost: bytes.count / 46),
                  let offset = StoredShape.offset(try reader.u64(record + 48), atMost: bytes.count) else {
                throw DatasetError.corrupt(path: name, reason: "the zip64 end record's entry count or directory offset lies beyond the file")
            }
            entryCount = count
            directoryOffset = offset
        }
        var entries: [Entry] = []
        var cursor = directoryOffset
        for _ in 0..<entryCount {
            guard try reader.u32(cursor) == 0x0201_4B50 else { throw DatasetError.corrupt(path: name, reason: "bad central directory entry") }
            let method = try reader.u16(cursor + 10)
            let crc = try reader.u32(cursor + 16)
            var compressedSize = Int(try reader.u32(cursor + 20))
            var size = Int(try reader.u32(cursor + 24))
            let nameLength = Int(try reader.u16(cursor + 28))
            let extraLength = Int(try reader.u16(cursor + 30))
            let commentLength = Int(try reader.u16(cursor + 32))
            var localOffset = Int(try reader.u32(cursor + 42))
            let entryName = String(decoding: try reader.slice(cursor + 46, nameLength), as: UTF8.self)
            // Zip64 extra field: the 64-bit values, in order, for those saturated above.
            var extra = cursor + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = try reader.u16(extra), length = Int(try reader.u16(extra + 2))
                if id == 0x0001 {
                    var field = extra + 4
                    // Sizes and offsets past what the file (or deflate's ratio) allows are corrupt.
                    func wide(_ limit: Int) throws -> Int {
                        guard let value = StoredShape.offset(try reader.u64(field), atMost: limit) else {
                            throw DatasetError.corrupt(path: name, reason: "\(entryName) has a zip64 size or offset beyond the file")
                        }
                        field += 8
                        return value
                    }
                    if size == 0xFFFF_FFFF { size = try wide(Int(Int32.max) * 1024) }
                    if compressedSize == 0xFFFF_FFFF { compressedSize = try wide(bytes.count) }
                    if localOffset == 0xFFFF_FFFF { localOffset = try wide(bytes.count) }
                }
                extra += 4 + length
            }
            cursor = extraEnd + commentLength
            guard try reader.u32(localOffset) == 0x0403_4B50 else { throw DatasetError.corrupt(path: name, reason: "bad local header for \(entryName)") }
            let dataStart = localOffset + 30 + Int(try reader.u16(localOffset + 26)) + Int(try reader.u16(localOffset + 28))
            let compressed = try reader.slice(dataStart, compressedSize)
            // Deflate expands at most about 1032:1; a larger stated size is corrupt, and must not
            // be reserved.
            guard size <= compressedSize * 1032 + 1024 else {
                throw DatasetError.corrupt(path: name, reason: "\(entryName) claims \(size) bytes from \(compressedSize) compressed")
            }
            let content: [UInt8]
            switch method {
            case 0: content = Array(compressed)
            case 8: content = try Inflate.inflateRaw(compressed, expectedSize: size, name: "\(name):\(entryName)")
            default: throw DatasetError.corrupt(path: name, reason: "\(entryName) uses zip compression method \(method); only stored and deflated are supported")
            }
            let actual = content.withUnsafeBytes { Inflate.crc32($0) }
            guard actual == crc else { throw DatasetError.corrupt(path: name, reason: "\(entryName) fails its CRC check") }
            entries.append(Entry(name: entryName, bytes: content))
        }
        return entries
    }

    /// A zip archive of `entries`, stored uncompressed (model files are mostly float
    /// weights, which deflate barely shrinks).
    public static func write(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = out.count
            let nameBytes = Array(entry.name.utf8)
            let crc = entry.bytes.withUnsafeBytes { Inflate.crc32($0) }
            var local: [UInt8] = []
            local.append32(0x0403_4B50); local.append16(20); local.append16(0x0800); local.append16(0)
            local.append16(0); local.append16(0x21)   // time 00:00, date 1980-01-01: stable output
            local.append32(crc); local.append32(UInt32(entry.bytes.count)); local.append32(UInt32(entry.bytes.count))
            local.append16(UInt16(nameBytes.count)); local.append16(0)
            out += local + nameBytes + entry.bytes
            central.append32(0x0201_4B50); central.append16(20); central.append16(20); central.append16(0x0800); central.append16(0)
            central.append16(0); central.append16(0x21)
            central.append32(crc); central.append32(UInt32(entry.bytes.count)); central.append32(UInt32(entry.bytes.count))
            central.append16(UInt16(nameBytes.count)); central.append16(0); central.append16(0)
            central.append16(0); central.append16(0); central.append32(0); central.append32(UInt32(offset))
            central += nameBytes
        }
        let directoryOffset = out.count
        out += central
        out.append32(0x0605_4B50); out.append16(0); out.append16(0)
        out.append16(UInt16(entries.count)); out.append16(UInt16(entries.count))
        out.append32(UInt32(central.count)); out.append32(UInt32(directoryOffset)); out.append16(0)
        return out
    }
}

/// Bounds-checked little-endian reads from a byte array.
struct ByteReader {
    let bytes: [UInt8]
    let name: String

    func check(_ offset: Int, _ length: Int) throws {
        guard offset >= 0, length >= 0, offset <= bytes.count - length else {
            throw DatasetError.corrupt(path: name, reason: "truncated (needs bytes \(offset)..<\(offset + length) of \(bytes.count))")
        }
    }

    func u16(_ offset: Int) throws -> UInt16 {
        try check(offset, 2)
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) throws -> UInt32 {
        try check(offset, 4)
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    func u64(_ offset: Int) throws -> UInt64 {
        try check(offset, 8)
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }

    func slice(_ offset: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        try check(offset, length)
        return bytes[offset..<offset + length]
    }
}

extension Array where Element == UInt8 {
    mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF)); append(UInt8(value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    mutating func append64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }
}
