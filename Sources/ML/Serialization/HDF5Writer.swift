import CHDF5
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an `HDF5Group` tree as the bytes of an HDF5 file through libhdf5 (in memory; the
/// caller writes the bytes to disk or into a zip). Datasets are stored contiguous and
/// little-endian, strings as variable-length UTF-8, as h5py writes them for Keras.
public enum HDF5Writer {
    public static func write(_ root: HDF5Group, name: String) throws -> [UInt8] {
        try HDF5Library.locked {
            let fapl = try HDF5Handle(HDF5Library.memoryAccess(name: name), close: H5Pclose)
            let file = try HDF5Handle.checked(H5Fcreate("swiftml-write.h5", swiftml_h5f_acc_trunc(), hid_t(H5P_DEFAULT), fapl.id),
                                              .failed(name: name, operation: "creating the file"), close: H5Fclose)
            let writer = TreeWriter(name: name)
            do {
                let group = try HDF5Handle.checked(H5Gopen2(file.id, "/", hid_t(H5P_DEFAULT)), .failed(name: name, operation: "opening the root group"), close: H5Gclose)
                try writer.write(root, into: group.id)
            }
            guard H5Fflush(file.id, H5F_SCOPE_GLOBAL) >= 0 else { throw HDF5Error.failed(name: name, operation: "flushing") }
            let size = H5Fget_file_image(file.id, nil, 0)
            guard size > 0 else { throw HDF5Error.failed(name: name, operation: "taking the file image") }
            var bytes = [UInt8](repeating: 0, count: size)
            let copied = bytes.withUnsafeMutableBytes { H5Fget_file_image(file.id, $0.baseAddress, $0.count) }
            guard copied == size else { throw HDF5Error.failed(name: name, operation: "taking the file image") }
            return bytes
        }
    }

    private struct TreeWriter {
        let name: String

        func write(_ group: HDF5Group, into id: hid_t) throws {
            for key in group.attributes.keys.sorted() {
                if let value = group.attributes[key] { try writeAttribute(key, value, on: id) }
            }
            for childName in group.sortedNames {
                guard let child = group.children[childName] else { continue }
                switch child {
                case let .group(subgroup):
                    let created = try HDF5Handle.checked(H5Gcreate2(id, childName, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT)),
                                                         .failed(name: name, operation: "creating group '\(childName)'"), close: H5Gclose)
                    try write(subgroup, into: created.id)
                case let .dataset(dataset):
                    try writeDataset(childName, dataset, into: id)
                }
            }
        }

        func space(_ shape: [Int]) throws -> HDF5Handle {
            let id = shape.isEmpty ? H5Screate(H5S_SCALAR) : H5Screate_simple(Int32(shape.count), shape.map { hsize_t($0) }, nil)
            return try HDF5Handle.checked(id, .failed(name: name, operation: "creating a dataspace"), close: H5Sclose)
        }

        func writeDataset(_ datasetName: String, _ dataset: HDF5Dataset, into id: hid_t) throws {
            guard dataset.shape.reduce(1, *) == dataset.values.count else {
                throw HDF5Error.failed(name: name, operation: "writing '\(datasetName)' (shape \(dataset.shape) but \(dataset.values.count) values)")
            }
            let fileType: hid_t, memoryType: hid_t
            switch dataset.values {
            case .float32: (fileType, memoryType) = (swiftml_h5t_ieee_f32le(), swiftml_h5t_native_float())
            case .float64: (fileType, memoryType) = (swiftml_h5t_ieee_f64le(), swiftml_h5t_native_double())
            case .int64: (fileType, memoryType) = (swiftml_h5t_std_i64le(), swiftml_h5t_native_llong())
            case .int32: (fileType, memoryType) = (swiftml_h5t_std_i32le(), swiftml_h5t_native_int32())
            }
            let dataspace = try space(dataset.shape)
            let created = try HDF5Handle.checked(
                H5Dcreate2(id, datasetName, fileType, dataspace.id, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT)),
                .failed(name: name, operation: "creating dataset '\(datasetName)'"), close: H5Dclose)
            func put<T>(_ values: [T]) -> herr_t {
                values.withUnsafeBytes { H5Dwrite(created.id, memoryType, hid_t(H5S_ALL), hid_t(H5S_ALL), hid_t(H5P_DEFAULT), $0.baseAddress) }
            }
            let status: herr_t
            switch dataset.values {
            case let .float32(values): status = put(values)
            case let .float64(values): status = put(values)
            case let .int64(values): status = put(values)
            case let .int32(values): status = put(values)
            }
            guard status >= 0 else { throw HDF5Error.failed(name: name, operation: "writing dataset '\(datasetName)'") }
        }

        func writeAttribute(_ attributeName: String, _ value: HDF5Attribute, on id: hid_t) throws {
            let failure = HDF5Error.failed(name: name, operation: "writing attribute '\(attributeName)'")
            switch value {
            case .string, .strings:
                let strings = value.stringList ?? []
                let type = try HDF5Handle.checked(H5Tcopy(swiftml_h5t_c_s1()), failure, close: H5Tclose)
                H5Tset_size(type.id, swiftml_h5t_variable())
                H5Tset_cset(type.id, H5T_CSET_UTF8)
                let dataspace = try space(value.stringValue == nil ? [strings.count] : [])
                let attribute = try HDF5Handle.checked(H5Acreate2(id, attributeName, type.id, dataspace.id, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT)), failure, close: H5Aclose)
                // Variable-length strings are written as an array of C string pointers.
                let copies = strings.map { strdup($0) }
                defer { copies.forEach { free($0) } }
                var pointers: [UnsafePointer<CChar>?] = copies.map { copy in copy.map { UnsafePointer<CChar>($0) } }
                let status = pointers.withUnsafeMutableBytes { H5Awrite(attribute.id, type.id, $0.baseAddress) }
                guard status >= 0 else { throw failure }
            case let .numbers(numbers):
                let dataspace = try space([numbers.count])
                let attribute = try HDF5Handle.checked(H5Acreate2(id, attributeName, swiftml_h5t_ieee_f64le(), dataspace.id, hid_t(H5P_DEFAULT), hid_t(H5P_DEFAULT)), failure, close: H5Aclose)
                let status = numbers.withUnsafeBytes { H5Awrite(attribute.id, swiftml_h5t_native_double(), $0.baseAddress) }
                guard status >= 0 else { throw failure }
            case let .unsupported(what):
                throw HDF5Error.unsupported(name: name, what: "writing an attribute of \(what)")
            }
        }
    }
}
