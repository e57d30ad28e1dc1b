// swift-tools-version:6.1
import PackageDescription

/// The NumPy benchmark's Swift half: times SwiftML's NDArray on the operations
/// ../numpy_benchmark.py times in NumPy. A package of its own so the main package gains no
/// benchmark target.
let package = Package(
    name: "numpy-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "SwiftML", path: "../..")],
    targets: [
        .executableTarget(name: "numpy-bench", dependencies: [.product(name: "ML", package: "SwiftML")]),
    ]
)
