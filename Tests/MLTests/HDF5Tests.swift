import Testing
@testable import ML

@Suite struct HDF5Tests {
    func sample() -> HDF5Group {
        var root = HDF5Group()
        root.setAttribute("keras_version", .string("3.15.1"), at: "")
        root.insert(.dataset(HDF5Dataset(shape: [2, 3], floats: [1, 2, 3, 4, 5, -6.5])), at: "layers/dense/vars/0")
        root.insert(.dataset(HDF5Dataset(shape: [3], values: .float64([0.1, 0.2, 0.3]))), at: "layers/dense/vars/1")
        root.insert(.dataset(HDF5Dataset(shape: [], values: .int64([42]))), at: "optimizer/vars/0")
        root.setAttribute("name", .string("dense"), at: "layers/dense/vars")
        root.setAttribute("layer_names", .strings(["dense", "dense_1", "ünïcode"]), at: "model_weights")
        root.setAttribute("weight_names", .strings([]), at: "model_weights/dense_1")
        root.setAttribute("scale", .numbers([0.5, 2]), at: "model_weights")
        root.ensureGroup(at: "layers/flatten/vars")
        return root
    }

    @Test func aTreeRoundTripsThroughLibhdf5() throws {
        let bytes = try HDF5Writer.write(sample(), name: "sample.h5")
        #expect(bytes.starts(with: HDF5Library.signature))
        let read = try HDF5Reader.read(bytes, name: "sample.h5")
        #expect(read == sample())
        #expect(read.dataset(at: "layers/dense/vars/0")?.floats == [1, 2, 3, 4, 5, -6.5])
        #expect(read.group(at: "layers/flatten/vars")?.children.isEmpty == true)
        #expect(read.group(at: "model_weights")?.attributes["layer_names"]?.stringList == ["dense", "dense_1", "ünïcode"])
    }

    @Test func damagedFilesThrowTypedErrors() throws {
        let bytes = try HDF5Writer.write(sample(), name: "sample.h5")
        #expect(throws: HDF5Error.notHDF5(name: "x")) { try HDF5Reader.read([1, 2, 3], name: "x") }
        #expect(throws: HDF5Error.self) { try HDF5Reader.read(Array(bytes.prefix(bytes.count / 2)), name: "half") }
        #expect(throws: HDF5Error.self) { try HDF5Reader.read(HDF5Library.signature + [UInt8](repeating: 0xFF, count: 600), name: "junk") }
    }

    /// Mutated files either read or throw. Disabled: libhdf5 1.10.8 itself segfaults on some
    /// (a damaged local heap makes H5Lget_name_by_idx memcpy to NULL), so in-process reading of
    /// a hostile HDF5 file is not yet safe.
    @Test(.disabled("libhdf5 1.10.8 crashes on some damaged files; needs out-of-process reading"))
    func mutatedFilesReadOrThrow() throws {
        let bytes = try HDF5Writer.write(sample(), name: "sample.h5")
        var fuzzer = CorruptFileTests.Fuzzer()
        var thrown = 0
        for _ in 0..<300 {
            var mutated = fuzzer.mutate(bytes)
            if mutated.count >= 8 { mutated.replaceSubrange(0..<8, with: HDF5Library.signature) }
            do { _ = try HDF5Reader.read(mutated, name: "mutated.h5") } catch { thrown += 1 }
        }
        #expect(thrown > 0)
    }
}
