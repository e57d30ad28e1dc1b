/// Reads the IDX format of MNIST and Fashion-MNIST (optionally gzip-compressed): two zero
/// bytes, a type code, the number of dimensions, each dimension as a big-endian 32-bit
/// integer, then the elements, big-endian.
public enum IDXFormat {
    /// The array in the IDX file at `path`; `.gz` files are decompressed.
    /// - Throws: `DatasetError` when the file cannot be read or is not IDX.
    public static func read(path: String) throws -> LoadedArray {
        var bytes = try FileBytes.read(path)
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B { bytes = try Inflate.gunzip(bytes, name: path) }
        return try parse(bytes, name: path)
    }

    /// The array in IDX bytes.
    public static func parse(_ bytes: [UInt8], name: String) throws -> LoadedArray {
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.corrupt(path: name, reason: "missing the IDX header (expected two zero bytes)")
        }
        let type = bytes[2], rank = Int(bytes[3])
        guard bytes.count >= 4 + 4 * rank else { throw DatasetError.corrupt(path: name, reason: "the IDX header is truncated") }
        var shape: [Int] = []
        for axis in 0..<rank {
            let o = 4 + 4 * axis
            shape.append(Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3]))
        }
        let start = 4 + 4 * rank
        let width: Int
        switch type {
        case 0x08, 0x09: width = 1
        case 0x0B: width = 2
        case 0x0C, 0x0D: width = 4
        case 0x0E: width = 8
        default: throw DatasetError.corrupt(path: name, reason: "unknown IDX element type 0x\(String(type, radix: 16))")
        }
        guard let count = StoredShape.elementCount(shape, elementWidth: width, available: bytes.count - start) else {
            throw DatasetError.corrupt(path: name, reason: "the header promises \(StoredShape.countText(shape)) elements of shape \(Shape.text(shape)) but the file holds \((bytes.count - start) / width) elements")
        }
        func bigEndian(_ i: Int) -> UInt64 {
            var value: UInt64 = 0
            for b in 0..<width { value = value << 8 | UInt64(bytes[start + i * width + b]) }
            return value
        }
        switch type {
        case 0x08: return LoadedArray(shape: shape, elements: .uint8(Array(bytes[start..<start + count])))
        case 0x09: return LoadedArray(shape: shape, elements: .int64((0..<count).map { Int64(Int8(bitPattern: bytes[start + $0])) }))
        case 0x0B: return LoadedArray(shape: shape, elements: .int64((0..<count).map { Int64(Int16(bitPattern: UInt16(bigEndian($0)))) }))
        case 0x0C: return LoadedArray(shape: shape, elements: .int64((0..<count).map { Int64(Int32(bitPattern: UInt32(bigEndian($0)))) }))
        case 0x0D: return LoadedArray(shape: shape, elements: .float32((0..<count).map { Float(bitPattern: UInt32(bigEndian($0))) }))
        default: return LoadedArray(shape: shape, elements: .float64((0..<count).map { Double(bitPattern: bigEndian($0)) }))
        }
    }
}
