import Testing
@testable import ML

/// Model and data files are untrusted input: random bytes, mutated real files and
/// hand-made malicious headers must throw a typed error, never trap. Each mutated case
/// either throws or loads (a flipped bit in a weight is still a valid file); the test
/// process surviving every case is the assertion that matters.
@Suite struct CorruptFileTests {
    /// Fixed-seed generator, so a failing case can be replayed.
    struct Fuzzer {
        var generator = MersenneTwister(seed: 2026)

        mutating func below(_ bound: Int) -> Int { Int(generator.next64() % UInt64(Swift.max(bound, 1))) }

        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next32()) } }

        /// `original` with a few bytes overwritten (sometimes with extreme values), truncated
        /// or extended.
        mutating func mutate(_ original: [UInt8]) -> [UInt8] {
            var bytes = original
            for _ in 0..<(1 + below(4)) where !bytes.isEmpty {
                let at = below(bytes.count)
                switch below(4) {
                case 0: bytes[at] = 0xFF
                case 1: bytes[at] = 0
                case 2:
                    for i in at..<Swift.min(at + 8, bytes.count) { bytes[i] = 0xFF }
                default: bytes[at] = UInt8(truncatingIfNeeded: generator.next32())
                }
            }
            switch below(6) {
            case 0: bytes = Array(bytes.prefix(below(bytes.count + 1)))
            case 1: bytes += self.bytes(below(64))
            default: break
            }
            return bytes
        }
    }

    let directory = "/tmp/swiftml-corrupt-\(UInt64.random(in: 0...UInt64.max))"

    func model() throws -> Sequential {
        let model = try Sequential(layers: [
            try InputLayer(shape: [4]),
            try Dense(units: 3, activation: .relu, name: "dense"),
            try Dense(units: 2, name: "dense_1"),
        ], random: RandomSource(seed: 1))
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError)
        return model
    }

    /// Runs `load` on `bytes` written to a file; true if it threw.
    func threw(_ bytes: [UInt8], name: String, _ load: (String) throws -> Void) throws -> Bool {
        let path = "\(directory)/\(name)"
        try FileBytes.write(bytes, to: path)
        do { try load(path) } catch { return true }
        return false
    }

    @Test func randomAndMutatedFilesThrowInsteadOfTrapping() throws {
        try FileBytes.makeDirectories(directory)
        let model = try model()
        let saved = "\(directory)/model.keras"
        try ModelFile.save(model, to: saved)
        let weights = "\(directory)/model.weights.safetensors"
        try ModelFile.saveWeights(model, to: weights)
        let seeds: [(name: String, bytes: [UInt8])] = [
            ("keras", try FileBytes.read(saved)),
            ("safetensors", try FileBytes.read(weights)),
        ]
        var fuzzer = Fuzzer()
        var thrown = 0, cases = 0
        let loadModel: (String) throws -> Void = { _ = try ModelFile.load(from: $0, random: RandomSource(seed: 2)) }
        let loadWeights: (String) throws -> Void = { try ModelFile.loadWeights(model, from: $0) }
        // Random bytes: never a model.
        for i in 0..<500 {
            let bytes = fuzzer.bytes(fuzzer.below(200))
            #expect(try threw(bytes, name: "random\(i)", i % 2 == 0 ? loadModel : loadWeights))
            cases += 1
        }
        // Random bytes behind real magic numbers, which send the reader deeper.
        for (i, magic) in [[0x50, 0x4B, 0x03, 0x04], [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A], [0x10, 0, 0, 0, 0, 0, 0, 0]].enumerated() {
            for j in 0..<100 {
                let bytes = magic.map(UInt8.init) + fuzzer.bytes(fuzzer.below(300))
                #expect(try threw(bytes, name: "magic\(i)-\(j)", j % 2 == 0 ? loadModel : loadWeights))
                cases += 1
            }
        }
        // Mutations of real files.
        for seed in seeds {
            for i in 0..<900 {
                if try threw(fuzzer.mutate(seed.bytes), name: "\(seed.name)\(i)", i % 2 == 0 ? loadModel : loadWeights) { thrown += 1 }
                cases += 1
            }
        }
        #expect(cases >= 2_600)
        #expect(thrown > 0)
    }

    @Test func dataFilesWithRandomAndMutatedBytesThrowInsteadOfTrapping() throws {
        var fuzzer = Fuzzer()
        let npyHeader = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
        var npy: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let padded = Array(npyHeader.utf8) + [UInt8](repeating: 0x20, count: 128 - 10 - npyHeader.utf8.count - 1) + [0x0A]
        npy += [UInt8(padded.count), 0] + padded + [UInt8](repeating: 0x3F, count: 24)
        let idx: [UInt8] = [0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3] + [1, 2, 3, 4, 5, 6]
        let npz = ZipArchive.write([.init(name: "x.npy", bytes: npy)])
        for _ in 0..<700 {
            _ = try? NPYFormat.parse(fuzzer.mutate(npy), name: "fuzz.npy")
            _ = try? IDXFormat.parse(fuzzer.mutate(idx), name: "fuzz.idx")
            _ = try? ZipArchive.read(fuzzer.mutate(npz), name: "fuzz.npz")
            _ = try? Safetensors.decode(fuzzer.bytes(fuzzer.below(40)), name: "fuzz.safetensors")
        }
    }

    @Test func maliciousHeadersAreRefusedWithTheirReason() throws {
        // A safetensors header length of 2^63 and more.
        for length: UInt64 in [1 << 63, UInt64.max, UInt64(Int.max)] {
            var bytes: [UInt8] = []
            bytes.append64(length)
            #expect(throws: SerializationError.self) { try Safetensors.decode(bytes + [0x7B, 0x7D], name: "big") }
        }
        // A tensor whose shape overflows, or is negative.
        for shape in ["[4294967296, 4294967296, 16]", "[-1, 4]", "[1.5]", "[\"a\"]"] {
            let header = Array("{\"w\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[0,16]}}".utf8)
            var bytes: [UInt8] = []
            bytes.append64(UInt64(header.count))
            #expect(throws: SerializationError.self) { try Safetensors.decode(bytes + header + [UInt8](repeating: 0, count: 16), name: "shape") }
        }
        // .npy and IDX shapes far beyond the file.
        let npyHeader = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }\n".utf8)
        let npy: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(npyHeader.count), 0] + npyHeader
        #expect(throws: DatasetError.self) { try NPYFormat.parse(npy, name: "huge.npy") }
        let hugeNumber = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }\n".utf8)
        #expect(throws: DatasetError.self) { try NPYFormat.parse([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(hugeNumber.count), 0] + hugeNumber, name: "n.npy") }
        let idx: [UInt8] = [0, 0, 0x0D, 4] + [UInt8](repeating: 0xFF, count: 16)
        #expect(throws: DatasetError.self) { try IDXFormat.parse(idx, name: "huge.idx") }
        // Zip64 sizes and offsets of 2^63 and more.
        var zip64: [UInt8] = []
        zip64.append32(0x0606_4B50)
        zip64 += [UInt8](repeating: 0xFF, count: 52)
        let record = zip64.count
        zip64.append32(0x0706_4B50); zip64.append32(0); zip64.append64(UInt64.max); zip64.append32(1)
        zip64.append32(0x0605_4B50); zip64 += [UInt8](repeating: 0xFF, count: 18)
        _ = record
        #expect(throws: DatasetError.self) { try ZipArchive.read(zip64, name: "zip64") }
    }

    @Test func aNonFiniteOptimizerStepCountIsRefused() throws {
        try FileBytes.makeDirectories(directory)
        let model = try model()
        let x = try Tensor((0..<32).map { Float($0) / 32 }, shape: [8, 4])
        let y = try Tensor((0..<16).map { Float($0) / 16 }, shape: [8, 2])
        var options = FitOptions()
        options.epochs = 1
        _ = try model.fit(x: x, y: y, options: options)
        // SwiftML's earlier format stores the count as a float (Keras 3 files store an integer).
        let path = "\(directory)/trained.keras"
        try ModelFile.saveSwiftMLArchive(model, to: path)
        let entries = try ZipArchive.read(try FileBytes.read(path), name: path)
        for bad in [Float.nan, .infinity, -1, 1e30] {
            let patched = try entries.map { entry -> ZipArchive.Entry in
                guard entry.name == "model.weights.safetensors" else { return entry }
                var decoded = try Safetensors.decode(entry.bytes, name: "w").tensors
                decoded["optimizer/iterations"] = ([], [bad])
                return .init(name: entry.name, bytes: Safetensors.encode(decoded.map { ($0.key, $0.value.shape, $0.value.values) }))
            }
            let patchedPath = "\(directory)/patched.keras"
            try FileBytes.write(ZipArchive.write(patched), to: patchedPath)
            #expect(throws: SerializationError.self) { _ = try ModelFile.load(from: patchedPath, random: RandomSource()) }
        }
    }

    @Test func pathsWithANulAreRefused() throws {
        let model = try model()
        #expect(throws: SerializationError.embeddedNullByte) { try ModelFile.save(model, to: "/tmp/a\0.keras") }
        #expect(throws: SerializationError.embeddedNullByte) { try ModelFile.saveWeights(model, to: "/tmp/a\0.weights.h5") }
        #expect(throws: SerializationError.embeddedNullByte) { _ = try ModelFile.load(from: "/tmp/a\0.keras", random: RandomSource()) }
        #expect(throws: SerializationError.embeddedNullByte) { try ModelFile.loadWeights(model, from: "/tmp/a\0.keras") }
    }
}
