// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ctdna",
    products: [
        .executable(name: "ctdna", targets: ["ctdna"]),
        .library(name: "CtDNAIO", targets: ["CtDNAIO"]),
        .library(name: "CtDNACore", targets: ["CtDNACore"]),
        .library(name: "CtDNAStats", targets: ["CtDNAStats"]),
        .library(name: "CtDNAReport", targets: ["CtDNAReport"]),
        .library(name: "CtDNAPipeline", targets: ["CtDNAPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The system's zlib, through a tiny shim header (inflateInit2 is a macro).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's allocator settings (mallopt), through a shim header; nothing to link.
        .systemLibrary(name: "CMalloc"),
        // Bytes -> lines -> variant records; sample sheets. No analysis here.
        .target(name: "CtDNAIO", dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")]),
        // The ctDNA method: filters, reference timepoint, clonal set, fractions. Pure functions.
        .target(
            name: "CtDNACore",
            dependencies: ["CtDNAIO"],
            resources: [.copy("Resources")]
        ),
        // Exact Wilcoxon tests, Hodges-Lehmann estimates, Benjamini-Hochberg. Pure functions.
        .target(name: "CtDNAStats"),
        // Sample sheet -> parallel reading -> per-patient method -> statistics, for a whole cohort.
        .target(name: "CtDNAPipeline", dependencies: ["CtDNAIO", "CtDNACore", "CtDNAStats"]),
        // TSV, JSON, MultiQC, SVG and HTML outputs.
        .target(name: "CtDNAReport", dependencies: ["CtDNAIO", "CtDNACore", "CtDNAStats"]),
        // The command line: one file per subcommand, thin.
        .executableTarget(
            name: "ctdna",
            dependencies: [
                "CtDNAIO", "CtDNACore", "CtDNAStats", "CtDNAReport", "CtDNAPipeline", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CtDNAIOTests", dependencies: ["CtDNAIO"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CtDNACoreTests", dependencies: ["CtDNACore"]),
        .testTarget(name: "CtDNAStatsTests", dependencies: ["CtDNAStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CtDNAReportTests", dependencies: ["CtDNAReport"]),
        .testTarget(name: "CLITests", dependencies: ["ctdna"], resources: [.copy("Fixtures")]),
    ]
)
