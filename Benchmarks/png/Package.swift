// swift-tools-version:6.1
import PackageDescription

/// The PNG benchmark's Swift half: renders the benchmark images with SwiftML's renderer and
/// times SwiftML's PNG writer on them. Driven by ../png_benchmark.py, which times Pillow on the
/// same pixels. A package of its own so the main package gains no benchmark target.
let package = Package(
    name: "png-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "SwiftML", path: "../..")],
    targets: [
        .executableTarget(name: "png-bench", dependencies: [.product(name: "Rendering", package: "SwiftML")]),
    ]
)
