import CHDF5

/// Reads a whole HDF5 file into an `HDF5Group` tree through libhdf5. The file is untrusted:
/// depth, object count and every dataset's size are checked before anything is allocated.
public enum HDF5Reader {
    /// Deeper groups than this, or more objects, mean a damaged file (or hard-link cycles).
    static let maximumDepth = 64
    static let maximumObjects = 200_000

    /// The tree of the HDF5 file in `bytes`; `name` names it in errors.
    public static func read(_ bytes: [UInt8], name: String) throws -> HDF5Group {
        guard bytes.starts(with: HDF5Library.signature) else { throw HDF5Error.notHDF5(name: name) }
        return try HDF5Library.locked {
            let fapl = try HDF5Handle(HDF5Library.memoryAccess(name: name), close: H5Pclose)
            let stored = bytes.withUnsafeBytes { H5Pset_file_image(fapl.id, UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }
            guard stored >= 0 else { throw HDF5Error.failed(name: name, operation: "loading the file image") }
            let file = try HDF5Handle.checked(H5Fopen("swiftml-read.h5", swiftml_h5f_acc_rdonly(), fapl.id), .notHDF5(name: name), close: H5Fclose)
            let root = try HDF5Handle.checked(H5Gopen2(file.id, "/", hid_t(H5P_DEFAULT)), .failed(name: name, operation: "opening the root group"), close: H5Gclose)
            var reader = TreeReader(name: name, fileSize: bytes.count)
            return try reader.group(root.id, depth: 0)
        }
    }

    /// Walks the file's objects, counting them.
    private struct TreeReader {
        let name: String
        let fileSize: Int
        var objects = 0

        mutating func group(_ id: hid_t, depth: Int) throws -> HDF5Group {
            guard depth <= HDF5Reader.maximumDepth else { throw HDF5Error.corrupt(name: name, reason: "groups nested more than \(HDF5Reader.maximumDepth) deep") }
            var result = HDF5Group(attributes: try attributes(of: id))
            var info = H5G_info_t()
            guard H5Gget_info(id, &info) >= 0 else { throw HDF5Error.failed(name: name, operation: "listing a group") }
            for index in 0..<info.nlinks {
                objects += 1
                guard objects <= HDF5Reader.maximumObjects else { throw HDF5Error.corrupt(name: name, reason: "more than \(HDF5Reader.maximumObjects) objects") }
                let childName = try linkName(id, index)
                let child = try HDF5Handle.checked(H5Oopen(id, childName, hid_t(H5P_DEFAULT)), .failed(name: name, operation: "opening '\(childName)'"), close: H5Oclose)
                switch H5Iget_type(child.id) {
                case H5I_GROUP: result.children[childName] = .group(try group(child.id, depth: depth + 1))
                case H5I_DATASET: result.children[childName] = .dataset(try dataset(child.id, childName))
                default: continue   // named datatypes carry no data
                }
            }
            return result
        }

        func linkName(_ id: hid_t, _ index: hsize_t) throws -> String {
            let length = H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, hid_t(H5P_DEFAULT))
            guard length >= 0, length < 65_536 else { throw HDF5Error.failed(name: name, operation: "reading a link name") }
            var buffer = [CChar](repeating: 0, count: Int(length) + 1)
            guard H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, buffer.count, hid_t(H5P_DEFAULT)) >= 0 else {
                throw HDF5Error.failed(name: name, operation: "reading a link name")
            }
            return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        /// The dimensions of a dataspace, checked to be a simple space whose elements of
        /// `width` bytes fit in `limit` bytes.
        func dimensions(_ space: hid_t, width: Int, limit: Int, what: String) throws -> (shape: [Int], count: Int) {
            let rank = H5Sget_simple_extent_ndims(space)
            guard rank >= 0, rank <= 32 else { throw HDF5Error.corrupt(name: name, reason: "\(what) has rank \(rank)") }
            var dims = [hsize_t](repeating: 0, count: Int(rank))
            guard H5Sget_simple_extent_dims(space, &dims, nil) >= 0 else { throw HDF5Error.failed(name: name, operation: "reading the shape of \(what)") }
            let shape = try dims.map { value -> Int in
                guard let dimension = StoredShape.offset(value, atMost: Int(Int32.max) * 16) else {
                    throw HDF5Error.corrupt(name: name, reason: "\(what) has a dimension of \(value)")
                }
                return dimension
            }
            guard let count = StoredShape.elementCount(shape, elementWidth: width, available: limit) else {
                throw HDF5Error.corrupt(name: name, reason: "\(what) has shape \(Shape.text(shape)), larger than the file can hold")
            }
            return (shape, count)
        }

        func dataset(_ id: hid_t, _ datasetName: String) throws -> HDF5Dataset {
            let type = try HDF5Handle.checked(H5Dget_type(id), .failed(name: name, operation: "reading the type of '\(datasetName)'"), close: H5Tclose)
            let space = try HDF5Handle.checked(H5Dget_space(id), .failed(name: name, operation: "reading the shape of '\(datasetName)'"), close: H5Sclose)
            let typeClass = H5Tget_class(type.id)
            let width = H5Tget_size(type.id)
            // Compressed data expands at most about 1000-fold; anything claiming more is damaged.
            let storage = Int(clamping: H5Dget_storage_size(id))
            let limit = Swift.max(storage, fileSize).multipliedReportingOverflow(by: 1100).partialValue
            let (shape, count) = try dimensions(space.id, width: Swift.max(width, 1), limit: limit, what: "dataset '\(datasetName)'")
            func read<T>(_ memoryType: hid_t, _ zero: T) throws -> [T] {
                var values = [T](repeating: zero, count: count)
                let status = values.withUnsafeMutableBytes { H5Dread(id, memoryType, hid_t(H5S_ALL), hid_t(H5S_ALL), hid_t(H5P_DEFAULT), $0.baseAddress) }
                guard status >= 0 else { throw HDF5Error.failed(name: name, operation: "reading dataset '\(datasetName)'") }
                return values
            }
            switch typeClass {
            case H5T_FLOAT where width <= 4: return HDF5Dataset(shape: shape, values: .float32(try read(swiftml_h5t_native_float(), Float(0))))
            case H5T_FLOAT: return HDF5Dataset(shape: shape, values: .float64(try read(swiftml_h5t_native_double(), Double(0))))
            case H5T_INTEGER: return HDF5Dataset(shape: shape, values: .int64(try read(swiftml_h5t_native_llong(), Int64(0))))
            default: throw HDF5Error.unsupported(name: name, what: "dataset '\(datasetName)' of HDF5 type class \(typeClass.rawValue)")
            }
        }

        func attributes(of id: hid_t) throws -> [String: HDF5Attribute] {
            let count = H5Aget_num_attrs(id)
            guard count >= 0 else { throw HDF5Error.failed(name: name, operation: "counting attributes") }
            var result: [String: HDF5Attribute] = [:]
            for index in 0..<Int(count) {
                let attribute = try HDF5Handle.checked(
                    H5Aopen_by_idx(id, ".", H5_INDEX_CRT_ORDER, H5_ITER_INC, hsize_t(index), hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT)),
                    .failed(name: name, operation: "opening an attribute"), close: H5Aclose)
                let length = H5Aget_name(attribute.id, 0, nil)
                guard length >= 0, length < 65_536 else { throw HDF5Error.failed(name: name, operation: "reading an attribute name") }
                var buffer = [CChar](repeating: 0, count: Int(length) + 1)
                _ = H5Aget_name(attribute.id, buffer.count, &buffer)
                let attributeName = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                result[attributeName] = try value(of: attribute.id, attributeName)
            }
            return result
        }

        func value(of attribute: hid_t, _ attributeName: String) throws -> HDF5Attribute {
            let type = try HDF5Handle.checked(H5Aget_type(attribute), .failed(name: name, operation: "reading attribute '\(attributeName)'"), close: H5Tclose)
            let space = try HDF5Handle.checked(H5Aget_space(attribute), .failed(name: name, operation: "reading attribute '\(attributeName)'"), close: H5Sclose)
            let what = "attribute '\(attributeName)'"
            // Attributes live in object headers (at most 64 KiB each, or in dense storage):
            // the file's size bounds them.
            switch H5Tget_class(type.id) {
            case H5T_STRING:
                let isScalar = H5Sget_simple_extent_type(space.id) == H5S_SCALAR
                let strings: [String]
                if H5Tis_variable_str(type.id) > 0 {
                    let (_, count) = try dimensions(space.id, width: 8, limit: fileSize * 8, what: what)
                    let memory = try HDF5Handle.checked(H5Tcopy(swiftml_h5t_c_s1()), .failed(name: name, operation: "reading \(what)"), close: H5Tclose)
                    H5Tset_size(memory.id, swiftml_h5t_variable())
                    H5Tset_cset(memory.id, H5Tget_cset(type.id))
                    var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
                    guard H5Aread(attribute, memory.id, &pointers) >= 0 else { throw HDF5Error.failed(name: name, operation: "reading \(what)") }
                    strings = pointers.map { $0.map { String(cString: $0) } ?? "" }
                    _ = H5Dvlen_reclaim(memory.id, space.id, hid_t(H5P_DEFAULT), &pointers)
                } else {
                    let width = H5Tget_size(type.id)
                    guard width > 0 else { throw HDF5Error.corrupt(name: name, reason: "\(what) has zero-width strings") }
                    let (_, count) = try dimensions(space.id, width: width, limit: fileSize, what: what)
                    var bytes = [UInt8](repeating: 0, count: count * width)
                    guard H5Aread(attribute, type.id, &bytes) >= 0 else { throw HDF5Error.failed(name: name, operation: "reading \(what)") }
                    strings = (0..<count).map { i in
                        let slice = bytes[i * width..<(i + 1) * width]
                        return String(decoding: slice.prefix { $0 != 0 }, as: UTF8.self)
                    }
                }
                return isScalar && strings.count == 1 ? .string(strings[0]) : .strings(strings)
            case H5T_FLOAT, H5T_INTEGER:
                let (_, count) = try dimensions(space.id, width: 8, limit: fileSize * 8, what: what)
                var numbers = [Double](repeating: 0, count: count)
                guard H5Aread(attribute, swiftml_h5t_native_double(), &numbers) >= 0 else { throw HDF5Error.failed(name: name, operation: "reading \(what)") }
                return .numbers(numbers)
            case let typeClass:
                return .unsupported("HDF5 type class \(typeClass.rawValue)")
            }
        }
    }
}
