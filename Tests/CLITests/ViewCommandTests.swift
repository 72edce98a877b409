import Foundation
import Testing

/// `ctdna view` end to end; expected lines are the rows of Fixtures/small.maf worked by hand.
@Suite struct ViewCommandTests {
    static let header = "sample\tgene\tchromosome\tposition\tref\talt\talt_count\tref_count\taf\tprotein_change\tvariant_classification\toncogenic\tis_a_hotspot"

    @Test func printsWhatItRead() throws {
        let result = try CLI.run(["view", CLI.fixture("small.maf")])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 49)  // header, 47 rows, and the empty string after the last newline
        #expect(lines[0] == Self.header)
        #expect(lines[1] == "S1\tTP53\t17\t7577120\tC\tT\t100\t900\t0.1\tp.R273H\tMissense_Mutation\tOncogenic\tY")
        #expect(lines[3] == "S1\tEGFR\t7\t55249071\tC\tT\t3\tNA\tNA\tp.T790M\tMissense_Mutation\tLikely Oncogenic\tNA")
        #expect(lines[7] == "S2\tLOC101\t1\t1000\tG\tA\tNA\tNA\tNA\tNA\tSilent\tNA\tNA")
    }

    @Test func readsStandardInputAndOneSample() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("small.maf")))
        let result = try CLI.run(["view", "-", "--sample", "S1"], input: data)
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n").count == 5)  // header + 4 rows of S1
    }

    @Test func aDataErrorExitsWithStatusOneAndNamesTheFile() throws {
        let path = CLI.fixture("truncated.gz")
        let result = try CLI.run(["view", path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(path): gzip data is truncated"))
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func aUsageErrorExitsWith64() throws {
        let result = try CLI.run(["view", CLI.fixture("small.maf"), "--vaf-percent"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--vaf-percent needs --vaf-column"))
        #expect(try CLI.run(["view", "--no-such-option"]).status == 64)
    }

    /// `view` took `-j 0` and ran; it now refuses it as `run` does.
    @Test(arguments: ["view", "run"])
    func zeroThreadsIsAUsageError(command: String) throws {
        let arguments = command == "view"
            ? ["view", CLI.fixture("small.maf")]
            : ["run", "--samplesheet", CLI.fixture("method-cohort") + "/samplesheet.tsv", "--outdir", "unused"]
        let result = try CLI.run(arguments + ["-j", "0"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --threads must be 1 or more\n"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func versionIsTheNameAndNumberAlone() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.wholeMatch(of: /ctdna \d+\.\d+\.\d+\n/) != nil)
    }

    @Test func outputFileIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-view-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.tsv").path
        #expect(try CLI.run(["view", CLI.fixture("small.maf"), "-o", target]).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix(Self.header + "\n"))
        // A failing read leaves no output and no temporary file behind.
        let failed = folder.appendingPathComponent("failed.tsv").path
        #expect(try CLI.run(["view", CLI.fixture("truncated.gz"), "-o", failed]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.tsv"])
    }
}
