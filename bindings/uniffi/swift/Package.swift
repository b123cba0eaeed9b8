// swift-tools-version:5.9
// The Swift package of the Bynder SDK: the Swift sources uniffi generates (Sources/Bynder), the C
// header and module map of the Rust library (Sources/BynderFFI), and an XCTest suite that runs
// against the bynder-mock portal.
//
// The Rust library is linked as `libbynder_uniffi` (built with `cargo build -p bynder-uniffi`);
// pass its directory to the linker, e.g. `swift test -Xlinker -L../../../target/debug`
// (see README.md, also for an XCFramework for iOS).
import PackageDescription

let package = Package(
    name: "Bynder",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "Bynder", targets: ["Bynder"]),
    ],
    targets: [
        .systemLibrary(name: "BynderFFI", path: "Sources/BynderFFI"),
        .target(
            name: "Bynder",
            dependencies: ["BynderFFI"],
            path: "Sources/Bynder",
            linkerSettings: [.linkedLibrary("bynder_uniffi")]
        ),
        .testTarget(
            name: "BynderTests",
            dependencies: ["Bynder"],
            path: "Tests/BynderTests"
        ),
    ]
)
