// swift-tools-version:6.1
import PackageDescription

/// SwiftML: a Jupyter kernel for an introductory machine-learning course.
///
/// Targets, from the wire up:
/// - `KernelProtocol`: the Jupyter wire protocol (ZeroMQ, HMAC, channels). Knows no language.
/// - `ML`: arrays, autodiff, layers, training, datasets. Knows no Jupyter and no language.
/// - `Frames`: pandas-style data frames (columns, index, CSV, pandas' text) over `ML`.
/// - `Rendering`: the PNG writer, the rasteriser and pyplot-style figures.
/// - `Eval`: the Python-syntax cell language and the `np`, `tf.keras`, `plt` bindings.
/// - `SwiftMLKernel`: the `swiftml-kernel` binary that joins the protocol to the language.
let package = Package(
    name: "SwiftML",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "swiftml-kernel", targets: ["SwiftMLKernel"]),
        .library(name: "ML", targets: ["ML"]),
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "Eval", targets: ["Eval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from Debian's -dev packages (see scripts/setup).
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "KernelProtocol", dependencies: ["CZeroMQ", "CCrypto"]),
        .target(name: "ML", dependencies: ["COpenBLAS", "CZlib"]),
        .target(name: "Rendering", dependencies: ["CZlib"]),
        .target(name: "Frames", dependencies: ["ML"]),
        .target(name: "Eval", dependencies: ["ML", "Rendering", "Frames"]),
        .executableTarget(
            name: "SwiftMLKernel",
            dependencies: [
                "KernelProtocol", "Eval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "KernelProtocolTests", dependencies: ["KernelProtocol"]),
        .testTarget(name: "MLTests", dependencies: ["ML"], exclude: ["Fixtures"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "EvalTests", dependencies: ["Eval"], resources: [.copy("Golden")]),
    ]
)
