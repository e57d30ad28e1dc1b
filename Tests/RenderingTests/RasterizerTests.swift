import Foundation
import Testing
@testable import Rendering

/// Coverage of each pixel (alpha 0...1) after drawing black on a transparent canvas.
private func coverage(_ w: Int, _ h: Int, clip: Rect? = nil, _ draw: (inout Canvas) -> Void) throws -> [[Double]] {
    var canvas = try Canvas(width: w, height: h, background: .clear)
    canvas.clip = clip
    draw(&canvas)
    let im = canvas.image()
    return (0..<h).map { y in (0..<w).map { x in Double(im[x, y].a) / 255 } }
}

private func total(_ c: [[Double]]) -> Double { c.joined().reduce(0, +) }

@Suite struct RasterizerCoverage {
    @Test func horizontalOnePixelLineCoversExactlyItsRow() throws {
        let c = try coverage(10, 10) {
            $0.stroke([Point(2, 5.5), Point(8, 5.5)], style: StrokeStyle(width: 1, cap: .butt), color: .black)
        }
        for y in 0..<10 {
            for x in 0..<10 {
                let expected: Double = (y == 5 && (2..<8).contains(x)) ? 1 : 0
                #expect(c[y][x] == expected, "pixel (\(x), \(y))")
            }
        }
    }

    @Test func verticalLineBetweenPixelsSplitsCoverageInHalves() throws {
        let c = try coverage(6, 6) {
            $0.stroke([Point(3, 1), Point(3, 5)], style: StrokeStyle(width: 1), color: .black)
        }
        for y in 1..<5 {
            #expect(abs(c[y][2] - 0.5) < 0.01 && abs(c[y][3] - 0.5) < 0.01)
        }
        #expect(c[0].allSatisfy { $0 == 0 } && c[5].allSatisfy { $0 == 0 })
    }

    @Test func coverageOfATriangleSumsToItsArea() throws {
        let tri = [Point(1.3, 1.7), Point(17.9, 4.2), Point(6.1, 15.4)]
        let area = abs((tri[1].x - tri[0].x) * (tri[2].y - tri[0].y) - (tri[2].x - tri[0].x) * (tri[1].y - tri[0].y)) / 2
        let c = try coverage(20, 20) { $0.fill([tri], color: .black) }
        #expect(abs(total(c) - area) < 0.02 * area)
    }

    @Test func coverageOfADiskSumsToPiRSquared() throws {
        let c = try coverage(40, 40) { $0.fill(Path.circle(center: Point(20.3, 19.6), radius: 11.2), color: .black) }
        #expect(abs(total(c) - Double.pi * 11.2 * 11.2) < 0.5)
    }

    @Test func aDiagonalLineHasTheAreaOfItsRectangle() throws {
        let c = try coverage(30, 30) {
            $0.stroke([Point(4, 5), Point(24, 21)], style: StrokeStyle(width: 2.5, cap: .butt), color: .black)
        }
        let length = (Point(24, 21) - Point(4, 5)).length
        #expect(abs(total(c) - 2.5 * length) < 0.3)
    }

    @Test func overlappingPiecesOfOneShapeNeverExceedFullCoverage() throws {
        let square = [Point(2, 2), Point(8, 2), Point(8, 8), Point(2, 8)]
        let c = try coverage(10, 10) { $0.fill([square, square], color: .black) }
        #expect(c.joined().allSatisfy { $0 <= 1 })
        #expect(abs(total(c) - 36) < 1e-6)
    }

    @Test func aBentThickLineIsSolidAtTheJoinWithoutDoubledEdges() throws {
        let c = try coverage(40, 40) {
            $0.stroke([Point(5, 30), Point(20, 10), Point(35, 30)], style: StrokeStyle(width: 3, join: .round), color: .black)
        }
        #expect(c[11][20] == 1)
        #expect(c.joined().allSatisfy { $0 <= 1 })
        // Area: two 3px-wide segments of length 25 each, minus the inner overlap, plus the join.
        #expect(abs(total(c) - 150) < 8)
    }

    @Test func holesCancelWhenContoursRunOppositeWays() throws {
        let outer = [Point(1, 1), Point(9, 1), Point(9, 9), Point(1, 9)]
        let inner = [Point(3, 3), Point(3, 7), Point(7, 7), Point(7, 3)]
        let c = try coverage(10, 10) { $0.fill([outer, inner], color: .black) }
        #expect(c[5][5] == 0)
        #expect(c[2][2] == 1)
        #expect(abs(total(c) - 48) < 1e-6)
    }

    @Test func dashesLeaveGapsOfTheirLength() throws {
        let c = try coverage(30, 5) {
            $0.stroke([Point(0, 2.5), Point(30, 2.5)], style: StrokeStyle(width: 1, cap: .butt, dashes: [4, 2]), color: .black)
        }
        let row = c[2].map { $0 > 0.5 ? 1 : 0 }
        #expect(row == [1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0])
    }

    @Test func roundCapsAddHalfDisksAtBothEnds() throws {
        let c = try coverage(40, 20) {
            $0.stroke([Point(10, 10), Point(30, 10)], style: StrokeStyle(width: 6, cap: .round), color: .black)
        }
        #expect(abs(total(c) - (120 + Double.pi * 9)) < 1)
    }
}

@Suite struct RasterizerClipping {
    @Test func fillsStayInsideTheClipRectangle() throws {
        let c = try coverage(20, 20, clip: Rect(x0: 5, y0: 4, x1: 12, y1: 15)) {
            $0.fill([[Point(-10, -10), Point(30, -10), Point(30, 30), Point(-10, 30)]], color: .black)
        }
        for y in 0..<20 {
            for x in 0..<20 {
                let inside = (5..<12).contains(x) && (4..<15).contains(y)
                #expect(c[y][x] == (inside ? 1 : 0))
            }
        }
    }

    @Test func shapesPartlyOffCanvasKeepTheirVisibleCoverage() throws {
        let c = try coverage(10, 10) {
            $0.fill([[Point(-5.5, 2), Point(4.5, 2), Point(4.5, 6), Point(-5.5, 6)]], color: .black)
        }
        #expect(c[3][0...3].allSatisfy { $0 == 1 })
        #expect(abs(c[3][4] - 0.5) < 0.01)
        #expect(abs(total(c) - 18) < 0.02)
    }

    @Test func imagesAreClippedAndScaledByNearestNeighbour() throws {
        let src = try RGBAImage(width: 2, height: 2, pixels: [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255])
        var canvas = try Canvas(width: 8, height: 8, background: .clear)
        canvas.clip = Rect(x0: 0, y0: 0, x1: 6, y1: 8)
        canvas.drawImage(src, into: Rect(x0: 0, y0: 0, x1: 8, y1: 8), smoothing: .nearest)
        let im = canvas.image()
        #expect(im[1, 1] == RGBA8(r: 255, g: 0, b: 0))
        #expect(im[5, 2] == RGBA8(r: 0, g: 255, b: 0))
        #expect(im[2, 6] == RGBA8(r: 0, g: 0, b: 255))
        #expect(im[6, 6].a == 0 && im[7, 1].a == 0)
    }

    @Test func bilinearScalingBlendsNeighbours() throws {
        let src = try RGBAImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 255, 255, 255, 255])
        var canvas = try Canvas(width: 8, height: 1, background: .clear)
        canvas.drawImage(src, into: Rect(x0: 0, y0: 0, x1: 8, y1: 1), smoothing: .bilinear)
        let im = canvas.image()
        let reds = (0..<8).map { Int(im[$0, 0].r) }
        #expect(reds[0] == 0 && reds[7] == 255)
        #expect(zip(reds, reds.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(reds[3] > 64 && reds[3] < 192)
    }
}
