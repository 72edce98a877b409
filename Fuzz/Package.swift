// swift-tools-version:6.0
// The libFuzzer target for ctdna's readers. A package of its own, so the main package's
// `swift build` and `swift test` never build it. Build and run it with `bash Fuzz/run.sh`.
import PackageDescription

let package = Package(
    name: "ctdna-fuzz",
    dependencies: [
        .package(name: "ctdna", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CFuzzerDriver"),
        // LLVMFuzzerTestOneInput: bytes -> ByteReader -> LineReader -> VariantTableReader.
        .executableTarget(
            name: "FuzzVariantTable",
            dependencies: [
                "CFuzzerDriver", .product(name: "CtDNAIO", package: "ctdna"),
                .product(name: "CtDNASystem", package: "ctdna"),
            ]
        ),
    ]
)
