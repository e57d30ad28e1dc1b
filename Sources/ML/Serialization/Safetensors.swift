/// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON
/// header mapping each tensor's name to its dtype, shape and byte range, then the raw
/// little-endian data. Only float32 (`F32`) tensors are written; F32, F64, I64 and U8 are read.
public enum Safetensors {
    /// The file bytes for `tensors` (in order), with string `metadata`.
    public static func encode(_ tensors: [(name: String, shape: [Int], values: [Float])], metadata: [String: String] = [:]) -> [UInt8] {
        var header: [(String, JSONValue)] = []
        if !metadata.isEmpty {
            header.append(("__metadata__", .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })))
        }
        var offset = 0
        for tensor in tensors {
            let size = tensor.values.count * 4
            header.append((tensor.name, .object([
                ("dtype", .string("F32")),
                ("shape", .array(tensor.shape.map { .int($0) })),
                ("data_offsets", .array([.int(offset), .int(offset + size)])),
            ])))
            offset += size
        }
        var headerBytes = Array(JSONValue.object(header).text.utf8)
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + headerBytes.count + offset)
        out.append64(UInt64(headerBytes.count))
        out += headerBytes
        for tensor in tensors {
            for value in tensor.values { out.append32(value.bitPattern) }
        }
        return out
    }

    /// The tensors of a safetensors file, by name, as floats, with their shapes.
    /// - Throws: `SerializationError.badFile` for a malformed file.
    public static func decode(_ bytes: [UInt8], name: String) throws -> (tensors: [String: (shape: [Int], values: [Float])], metadata: [String: String]) {
        let reader = ByteReader(bytes: bytes, name: name)
        let storedLength: UInt64
        do { storedLength = try reader.u64(0) } catch { throw SerializationError.badFile(path: name, reason: "too short for a safetensors file") }
        guard let headerLength = StoredShape.offset(storedLength, atMost: bytes.count - 8) else {
            throw SerializationError.badFile(path: name, reason: "the header length \(storedLength) exceeds the file's \(bytes.count) bytes; not a safetensors file")
        }
        let header: JSONValue
        do {
            header = try JSONValue.parse(bytes: Array(bytes[8..<8 + headerLength]))
        } catch {
            throw SerializationError.badFile(path: name, reason: "the safetensors header is not valid JSON (\(error))")
        }
        guard let entries = header.objectValue else { throw SerializationError.badFile(path: name, reason: "the header is not a JSON object") }
        let dataStart = 8 + headerLength
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        var metadata: [String: String] = [:]
        for (key, entry) in entries {
            if key == "__metadata__" {
                for (k, v) in entry.objectValue ?? [] { metadata[k] = v.stringValue }
                continue
            }
            guard let dtype = entry["dtype"]?.stringValue, let shape = integers(entry["shape"]),
                  let offsets = integers(entry["data_offsets"]), offsets.count == 2 else {
                throw SerializationError.badFile(path: name, reason: "tensor '\(key)' has an incomplete header entry")
            }
            let width: Int
            switch dtype {
            case "F32": width = 4
            case "F64", "I64": width = 8
            case "U8": width = 1
            default: throw SerializationError.badFile(path: name, reason: "tensor '\(key)' has unsupported dtype \(dtype)")
            }
            guard let count = StoredShape.elementCount(shape, elementWidth: width, available: bytes.count - dataStart) else {
                throw SerializationError.badFile(path: name, reason: "tensor '\(key)' has shape \(shape), which does not fit in the file")
            }
            guard offsets[1] - offsets[0] == count * width, offsets[0] >= 0 else {
                throw SerializationError.badFile(path: name, reason: "tensor '\(key)' has byte range \(offsets) for \(count) elements of \(dtype)")
            }
            let start = dataStart + offsets[0]
            do { try reader.check(start, count * width) } catch { throw SerializationError.badFile(path: name, reason: "tensor '\(key)' lies beyond the end of the file") }
            var values = [Float](repeating: 0, count: count)
            for i in 0..<count {
                let o = start + i * width
                switch dtype {
                case "F32": values[i] = Float(bitPattern: try reader.u32(o))
                case "F64": values[i] = Float(Double(bitPattern: try reader.u64(o)))
                case "I64": values[i] = Float(Int64(bitPattern: try reader.u64(o)))
                default: values[i] = Float(bytes[o])
                }
            }
            tensors[key] = (shape, values)
        }
        return (tensors, metadata)
    }

    /// A JSON array of integers, or nil if it is not one (a non-integer entry is not dropped).
    private static func integers(_ value: JSONValue?) -> [Int]? {
        guard let items = value?.arrayValue else { return nil }
        let ints = items.compactMap(\.intValue)
        return ints.count == items.count ? ints : nil
    }
}
