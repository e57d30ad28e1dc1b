#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory behind one or more `NDArray` views: a single heap block that is freed when the
/// last view goes away. Allocation goes through `malloc`/`calloc` directly (Swift's own
/// allocator aborts when memory runs out) so an impossible request becomes a `MemoryError`.
final class ArrayStorage {
    let base: UnsafeMutableRawPointer
    let byteCount: Int

    /// Allocates `byteCount` bytes, zero-filled when `zeroed` (lazily, through calloc, so a
    /// large `np.zeros` costs nothing until it is written). `shape` and `dtype` only word the
    /// error, as NumPy's: `Unable to allocate 7.28 TiB for an array with shape ... and data
    /// type float64`.
    init(byteCount: Int, zeroed: Bool, shape: [Int], dtype: DType) throws {
        let limit = ArrayStorage.physicalMemory
        var pointer: UnsafeMutableRawPointer? = nil
        // A request larger than the machine's memory would either fail or, with overcommit,
        // get the kernel killed when it is touched: refuse it up front.
        if byteCount <= limit {
            let size = max(byteCount, 1)
            pointer = zeroed ? calloc(size, 1) : malloc(size)
        }
        guard let pointer else {
            throw ArrayError(.memoryError,
                             "Unable to allocate \(formatByteCount(byteCount)) for an array with shape \(formatShape(shape)) and data type \(dtype.name)")
        }
        self.base = pointer
        self.byteCount = byteCount
        ArrayStorage.requestHugePages(pointer, byteCount)
    }

    /// Asks Linux to back a large block with 2 MB pages, as NumPy does for arrays of 4 MB and
    /// more: a 60000x784 float32 array then costs ~90 page faults instead of ~46,000.
    private static func requestHugePages(_ pointer: UnsafeMutableRawPointer, _ byteCount: Int) {
        #if os(Linux)
        guard byteCount >= 4 << 20 else { return }
        let page = 4096
        let start = (Int(bitPattern: pointer) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: pointer) + byteCount) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        // Advice only: failure (no transparent huge pages) changes nothing.
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    deinit { free(base) }

    /// Total physical memory, the ceiling for one allocation.
    static let physicalMemory: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return Int.max }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        return overflow ? Int.max : bytes
    }()
}

/// A byte count as NumPy's MemoryError words it: `7.28 TiB`, `512 bytes`.
func formatByteCount(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    let bitLength = bytes > 0 ? Int.bitWidth - bytes.leadingZeroBitCount : 0
    var unit = max(bitLength - 1, 1) / 10
    var amount = Double(bytes) / Double(1 << (unit * 10))
    if amount.rounded() == 1024, unit + 1 < units.count {
        unit += 1
        amount /= 1024
    }
    if unit == 0 { return "\(bytes) bytes" }
    return formatC("%.3g", amount) + " " + units[unit]
}

/// printf-style formatting of one double (correctly rounded by the C library).
func formatC(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let written = withVaList([value]) { arguments in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 512, format, arguments) }
    }
    if written >= 512 {
        // Only %f of a huge number gets here; give it the room it asks for.
        var large = [CChar](repeating: 0, count: Int(written) + 1)
        _ = withVaList([value]) { arguments in
            large.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, Int(written) + 1, format, arguments) }
        }
        return String(decoding: large.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    return String(decoding: buffer.prefix(Int(max(written, 0))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
