/// The five PNG scanline filters, and the per-row choice among them by the smallest sum of
/// absolute differences (each filtered byte read as a signed value), as stb and libpng do.
enum PNGRowFilter: UInt8, CaseIterable {
    case none = 0, sub, up, average, paeth

    /// Writes `filterType + filtered row` for every row of `raw` into the result.
    /// With `adaptive` false every row uses `.none` (best for palette images).
    static func filter(raw: [UInt8], rowBytes: Int, rows: Int, bytesPerPixel bpp: Int, adaptive: Bool) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rows * (rowBytes + 1))
        if !adaptive {
            out.withUnsafeMutableBufferPointer { o in
                raw.withUnsafeBufferPointer { r in
                    for y in 0..<rows {
                        let dst = o.baseAddress! + y * (rowBytes + 1)
                        dst[0] = 0
                        (dst + 1).update(from: r.baseAddress! + y * rowBytes, count: rowBytes)
                    }
                }
            }
            return out
        }
        let zeros = [UInt8](repeating: 0, count: rowBytes)
        raw.withUnsafeBufferPointer { r in
            zeros.withUnsafeBufferPointer { z in
                out.withUnsafeMutableBufferPointer { o in
                    for y in 0..<rows {
                        let cur = r.baseAddress! + y * rowBytes
                        let prev = y == 0 ? z.baseAddress! : r.baseAddress! + (y - 1) * rowBytes
                        let dst = o.baseAddress! + y * (rowBytes + 1)
                        let f = bestFilter(cur: cur, prev: prev, count: rowBytes, bpp: bpp)
                        dst[0] = f.rawValue
                        _ = apply(f, cur: cur, prev: prev, count: rowBytes, bpp: bpp, into: dst + 1, stopAbove: Int.max)
                    }
                }
            }
        }
        return out
    }

    /// Scores all five filters in one pass over the row (no writes), so choosing costs
    /// about one filtering pass instead of five.
    @inline(__always)
    private static func bestFilter(cur: UnsafePointer<UInt8>, prev: UnsafePointer<UInt8>, count n: Int, bpp: Int) -> PNGRowFilter {
        @inline(__always) func cost(_ v: UInt8) -> Int32 { Int32(Int8(bitPattern: v).magnitude) }
        var sNone: Int32 = 0, sSub: Int32 = 0, sUp: Int32 = 0, sAvg: Int32 = 0, sPaeth: Int32 = 0
        let head = min(bpp, n)
        for i in 0..<head {
            let x = cur[i], b = prev[i]
            sNone &+= cost(x); sSub &+= cost(x); sUp &+= cost(x &- b)
            sAvg &+= cost(x &- (b >> 1)); sPaeth &+= cost(x &- b)
        }
        var i = head
        while i < n {
            let x = cur[i], a = cur[i - bpp], b = prev[i], c = prev[i - bpp]
            sNone &+= cost(x)
            sSub &+= cost(x &- a)
            sUp &+= cost(x &- b)
            sAvg &+= cost(x &- UInt8((UInt16(a) + UInt16(b)) >> 1))
            let ia = Int16(a), ib = Int16(b), ic = Int16(c)
            let pa = abs(ib - ic), pb = abs(ia - ic), pc = abs(ia + ib - 2 * ic)
            let pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
            sPaeth &+= cost(x &- pred)
            i += 1
        }
        var best = PNGRowFilter.none, bestScore = sNone
        for (f, score) in [(PNGRowFilter.sub, sSub), (.up, sUp), (.average, sAvg), (.paeth, sPaeth)] where score < bestScore {
            best = f; bestScore = score
        }
        return best
    }

    /// Filters one row into `out` and returns its score (Int.max when it cannot beat
    /// `stopAbove`, the best score so far).
    @inline(__always)
    private static func apply(_ f: PNGRowFilter, cur: UnsafePointer<UInt8>, prev: UnsafePointer<UInt8>,
                              count n: Int, bpp: Int, into out: UnsafeMutablePointer<UInt8>, stopAbove: Int) -> Int {
        var score = 0
        @inline(__always) func cost(_ v: UInt8) -> Int { v < 128 ? Int(v) : 256 - Int(v) }
        switch f {
        case .none:
            for i in 0..<n { out[i] = cur[i]; score &+= cost(cur[i]) }
        case .sub:
            for i in 0..<min(bpp, n) { out[i] = cur[i]; score &+= cost(cur[i]) }
            var i = bpp
            while i < n {
                let v = cur[i] &- cur[i - bpp]
                out[i] = v; score &+= cost(v)
                i += 1
            }
        case .up:
            for i in 0..<n {
                let v = cur[i] &- prev[i]
                out[i] = v; score &+= cost(v)
            }
        case .average:
            for i in 0..<min(bpp, n) {
                let v = cur[i] &- prev[i] >> 1
                out[i] = v; score &+= cost(v)
            }
            var i = bpp
            while i < n {
                let v = cur[i] &- UInt8((Int(cur[i - bpp]) + Int(prev[i])) >> 1)
                out[i] = v; score &+= cost(v)
                i += 1
            }
        case .paeth:
            for i in 0..<min(bpp, n) {
                let v = cur[i] &- prev[i]
                out[i] = v; score &+= cost(v)
            }
            var i = bpp
            while i < n {
                let a = Int(cur[i - bpp]), b = Int(prev[i]), c = Int(prev[i - bpp])
                let p = a + b - c
                let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                let pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                let v = cur[i] &- UInt8(pred)
                out[i] = v; score &+= cost(v)
                i += 1
            }
        }
        return score >= stopAbove ? Int.max : score
    }
}
