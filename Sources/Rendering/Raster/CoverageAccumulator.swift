/// Exact area coverage of polygons on a pixel grid, by signed-area accumulation.
///
/// Each edge adds, to every pixel of each row it crosses, the change in "area to the right of
/// the edge" from the previous pixel; a running sum along the row then gives each pixel's
/// winding-weighted coverage (|sum| clamped to 1 gives the non-zero rule). The work per edge is
/// proportional to the pixels it touches, so thin and small shapes are cheap.
struct CoverageAccumulator {
    private(set) var cells: [Float] = []
    private(set) var x0 = 0, y0 = 0, x1 = 0, y1 = 0
    /// Cells per row: the box width plus two, for the spill past the right edge.
    private(set) var stride = 0

    /// Prepares a zeroed box of pixels `[x0, x1) x [y0, y1)`.
    mutating func reset(x0: Int, y0: Int, x1: Int, y1: Int) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        stride = x1 - x0 + 2
        let n = stride * (y1 - y0)
        if cells.count < n {
            cells = [Float](repeating: 0, count: n)
        } else {
            cells.withUnsafeMutableBufferPointer { c in
                c.baseAddress!.update(repeating: 0, count: n)
            }
        }
    }

    /// Antiderivative of clamp(u, 0, 1): how much of a pixel lies right of a vertical edge,
    /// integrated over the edge's horizontal travel.
    @inline(__always)
    private static func rampIntegral(_ u: Double) -> Double {
        if u <= 0 { return 0 }
        if u >= 1 { return u - 0.5 }
        return 0.5 * u * u
    }

    /// Adds the edge from `p` to `q`. Parts left of the box count as lying on its left side
    /// (they still cover everything to their right); parts above or below it are dropped.
    mutating func addEdge(_ p: Point, _ q: Point) {
        if p.y == q.y { return }
        let direction: Double = q.y > p.y ? 1 : -1
        var top = p, bottom = q
        if top.y > bottom.y { swap(&top, &bottom) }
        let boxTop = Double(y0), boxBottom = Double(y1)
        if bottom.y <= boxTop || top.y >= boxBottom { return }
        let dxdy = (bottom.x - top.x) / (bottom.y - top.y)
        let yStart = max(top.y, boxTop), yEnd = min(bottom.y, boxBottom)
        let left = Double(x0), right = Double(x1)
        var row = Int(yStart.rounded(.down))
        var yA = yStart
        cells.withUnsafeMutableBufferPointer { cellBuffer in
            while yA < yEnd {
                let yB = min(yEnd, Double(row + 1))
                let dy = (yB - yA) * direction
                // Where the edge is at the top and bottom of this slice, held inside the box.
                let xa = min(right, max(left, top.x + (yA - top.y) * dxdy)) - left
                let xb = min(right, max(left, top.x + (yB - top.y) * dxdy)) - left
                let lo = min(xa, xb), hi = max(xa, xb)
                let base = (row - y0) * stride
                let first = Int(lo.rounded(.down))
                let last = Int(hi.rounded(.down))
                if first == last {
                    // Within one pixel: it gets the part right of the edge's mean position.
                    let covered = Double(first + 1) - 0.5 * (lo + hi)
                    cellBuffer[base + first] += Float(dy * covered)
                    cellBuffer[base + first + 1] += Float(dy * (1 - covered))
                } else {
                    let span = hi - lo
                    var previous = 0.0
                    for px in first...(last + 1) {
                        let edge = Double(px + 1)
                        let c = (Self.rampIntegral(edge - lo) - Self.rampIntegral(edge - hi)) / span
                        cellBuffer[base + px] += Float(dy * (c - previous))
                        previous = c
                    }
                }
                yA = yB
                row += 1
            }
        }
    }
}
