// swift-tools-version:6.1
import PackageDescription

// The modules, bottom to top; each imports only modules listed before it (README, "Architecture"):
//   CtDNAModel     plain values: variant key and record, timepoint, metric, cell rules, lists
//   CtDNASystem    files and system calls: one typed error, retried reads and writes, atomic
//                  output files and folders, SHA-256, path names
//   CtDNAIO        input formats: gzip/BGZF bytes -> lines -> variant records; sample sheets,
//                  list files, per-patient tables, the bundled lists
//   CtDNACore      the method over a patient's series of samples; pure functions over values
//   CtDNAStats     Wilcoxon tests, Hodges-Lehmann, Benjamini-Hochberg; pure functions
//   CtDNAReport    TSV, JSON, MultiQC, SVG and HTML renderings of results, written to byte sinks
//   CtDNAPipeline  the library's front door: a request in, a run's results and outputs out
//   ctdna          the command line: flags in, a pipeline call, messages out
let package = Package(
    name: "ctdna",
    products: [
        .executable(name: "ctdna", targets: ["ctdna"]),
        .library(name: "CtDNAModel", targets: ["CtDNAModel"]),
        .library(name: "CtDNASystem", targets: ["CtDNASystem"]),
        .library(name: "CtDNAIO", targets: ["CtDNAIO"]),
        .library(name: "CtDNACore", targets: ["CtDNACore"]),
        .library(name: "CtDNAStats", targets: ["CtDNAStats"]),
        .library(name: "CtDNAReport", targets: ["CtDNAReport"]),
        .library(name: "CtDNAPipeline", targets: ["CtDNAPipeline"]),
    ],
    // ISAL: inflate gzip and BGZF input with Intel's ISA-L (Debian libisal-dev) instead of zlib,
    // about twice as fast on x86-64; off by default, so zlib stays the only required library
    // (`swift build --traits ISAL`, `make release-isal`; Benchmarks/README.md, "ISA-L").
    traits: [
        .trait(name: "ISAL", description: "Inflate gzip with ISA-L (libisal-dev) instead of zlib"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // 4.x reaches for FoundationEssentials, not the whole of Foundation and ICU: a process
        // that hashes its inputs starts in a few milliseconds.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // The system's zlib, through a tiny shim header (inflateInit2 is a macro).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // ISA-L's igzip_lib.h, linked only in a build with the ISAL trait.
        .systemLibrary(name: "CIsal", providers: [.apt(["libisal-dev"])]),
        // glibc's allocator settings (mallopt) and CPU affinity, through a shim header; nothing to link.
        .systemLibrary(name: "CSystemShim"),
        .target(name: "CtDNAModel"),
        .target(
            name: "CtDNASystem",
            dependencies: ["CtDNAModel", "CSystemShim", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The bundled lists (CH genes, CH variants), copied beside the executable; a C target so
        // that no generated Swift accessor brings Foundation in (include/bundled_lists.h).
        .target(name: "BundledLists", resources: [.copy("Resources")]),
        .target(
            name: "CtDNAIO",
            dependencies: [
                "CtDNAModel", "CtDNASystem", "CZlib", "BundledLists",
                .target(name: "CIsal", condition: .when(traits: ["ISAL"])),
            ]
        ),
        .target(name: "CtDNACore", dependencies: ["CtDNAModel"]),
        .target(name: "CtDNAStats", dependencies: ["CtDNAModel"]),
        .target(name: "CtDNAReport", dependencies: ["CtDNAModel", "CtDNACore", "CtDNAStats"]),
        .target(
            name: "CtDNAPipeline",
            dependencies: ["CtDNAModel", "CtDNASystem", "CtDNAIO", "CtDNACore", "CtDNAStats", "CtDNAReport"]
        ),
        .executableTarget(
            name: "ctdna",
            dependencies: [
                "CtDNAModel", "CtDNASystem", "CtDNAIO", "CtDNACore", "CtDNAStats", "CtDNAReport", "CtDNAPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures and helpers the test targets share.
        .target(name: "TestSupport", dependencies: ["CtDNAModel"], path: "Tests/TestSupport"),
        .testTarget(name: "CtDNAModelTests", dependencies: ["CtDNAModel", "TestSupport"]),
        .testTarget(name: "CtDNASystemTests", dependencies: ["CtDNAModel", "CtDNASystem", "TestSupport"]),
        .testTarget(name: "CtDNAIOTests", dependencies: ["CtDNAModel", "CtDNASystem", "CtDNAIO", "CZlib", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CtDNACoreTests", dependencies: ["CtDNAModel", "CtDNACore", "TestSupport"]),
        .testTarget(name: "CtDNAStatsTests", dependencies: ["CtDNAModel", "CtDNAStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CtDNAReportTests", dependencies: ["CtDNAModel", "CtDNACore", "CtDNAStats", "CtDNAReport"], exclude: ["Golden"]),
        .testTarget(
            name: "CtDNAPipelineTests",
            dependencies: ["CtDNAModel", "CtDNASystem", "CtDNAIO", "CtDNACore", "CtDNAStats", "CtDNAReport", "CtDNAPipeline", "TestSupport"]
        ),
        .testTarget(name: "CLITests", dependencies: ["ctdna", "TestSupport"], resources: [.copy("Fixtures")]),
    ]
)
