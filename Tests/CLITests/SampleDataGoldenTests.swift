import Foundation
import Testing

/// `ctdna run` on SampleData must reproduce SampleData/expected byte for byte (made by
/// `make expected`; regenerate it only for an intended change, and say why in the commit).
@Suite struct SampleDataGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Every file of SampleData/expected, the figures included.
    static var outputs: [String] {
        let expected = repository.appendingPathComponent("SampleData/expected")
        let figures = (try? FileManager.default.contentsOfDirectory(atPath: expected.appendingPathComponent("figures").path)) ?? []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? []).filter { $0 != "figures" }
        return files.sorted() + figures.sorted().map { "figures/" + $0 }
    }

    @Test(arguments: [1, 2])
    func runReproducesTheExpectedOutputs(threads: Int) throws {
        // The run sees the same relative paths as `make expected` does from the repository's top
        // folder, because the command line and the inputs' paths are part of the reports.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-golden-\(UUID().uuidString)")
        let sampleData = work.appendingPathComponent("SampleData")
        try FileManager.default.createDirectory(at: sampleData, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["samplesheet.tsv", "maf"] {
            try FileManager.default.createSymbolicLink(
                at: sampleData.appendingPathComponent(name),
                withDestinationURL: Self.repository.appendingPathComponent("SampleData").appendingPathComponent(name))
        }
        var arguments = ["run", "--samplesheet", "SampleData/samplesheet.tsv", "--outdir", "SampleData/expected", "--quiet"]
        if threads == 1 { arguments += ["-j", "1"] }
        let result = try CLI.run(arguments, in: work)
        #expect(result.status == 0, "\(result.standardError)")
        // With -j 1 the command line differs, and the reports record it: compare the tables only.
        #expect(Self.outputs.count == 32)  // 9 files and the 23 figures of `make expected`
        for name in threads == 1 ? Self.outputs.filter({ $0.hasSuffix(".tsv") }) : Self.outputs {
            let produced = try Data(contentsOf: sampleData.appendingPathComponent("expected").appendingPathComponent(name))
            let expected = try Data(contentsOf: Self.repository.appendingPathComponent("SampleData/expected").appendingPathComponent(name))
            #expect(produced == expected, "\(name) differs from SampleData/expected (threads \(threads))")
        }
    }

    @Test func thePlantedPatternIsFound() throws {
        // SampleData/README.md: ctDNA falls in NSCLC with SBRT (scipy on the independent reference
        // script's output: p = 0.0155 for the fraction, 0.0110 for median AF), not in NSCLC SOC (0.433).
        let stats = try String(contentsOf: Self.repository.appendingPathComponent("SampleData/expected/stats.tsv"), encoding: .utf8)
        let rows = stats.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let p = header.firstIndex(of: "p_value")!
        func pValue(_ metric: String, _ cohort: String, _ arm: String) -> Double? {
            rows.first { $0[0] == metric && $0[1] == cohort && $0[2] == arm && $0[3] == "paired" }.flatMap { Double($0[p]) }
        }
        #expect(try #require(pValue("ctdna_fraction", "NSCLC", "SBRT")) < 0.05)
        #expect(try #require(pValue("median_af", "NSCLC", "SBRT")) < 0.05)
        #expect(try #require(pValue("ctdna_fraction", "NSCLC", "SOC")) > 0.05)
        #expect(try #require(pValue("median_af", "NSCLC", "SOC")) > 0.05)
    }
}

