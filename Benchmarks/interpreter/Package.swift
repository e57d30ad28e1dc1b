// swift-tools-version:6.1
import PackageDescription

/// The interpreter benchmark's Swift half: runs cells through `Eval.Session` and times them.
/// Driven by ../interpreter_benchmark.py, which times CPython on the same code. A package of
/// its own so the main package gains no benchmark target.
let package = Package(
    name: "interpreter-bench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "SwiftML", path: "../..")],
    targets: [
        .executableTarget(name: "interpreter-bench", dependencies: [.product(name: "Eval", package: "SwiftML")]),
    ]
)
