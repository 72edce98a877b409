import Foundation
import Testing

/// `ctdna run` on the sheets of Fixtures/sheets (README.md there): extra columns and `day`/`sex`
/// are read, a misspelled column, a bad `sex` and the same sample at two timepoints stop the run
/// with the sheet's line, and a row without `sample` on a multi-sample table is refused as before.
/// Expected messages are written out by hand from the fixtures.
@Suite struct SheetRunTests {
    static func sheet(_ name: String) -> String { CLI.fixture("sheets/\(name)") }
    static let folder = CLI.fixture("sheets")
    static let first = "TCGA-AB-2802-03A-01W-0728-08"
    static let second = "TCGA-AB-2803-03A-01W-0728-08"
    static let third = "TCGA-AB-2804-03B-01W-0728-08"

    static func run(_ sheet: String) throws -> (CommandResult, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-sheet-\(UUID().uuidString)")
        let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", output.path, "--quiet"])
        return (result, output)
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false)[0])
    }

    @Test func aSheetWithCovariatesDayAndSexRuns() throws {
        let (result, output) = try Self.run(Self.sheet("covariates.tsv"))
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try String(contentsOfFile: output.path + "/patients.tsv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        // One patient: 2802 at baseline, 2803 at follow-up; union TP53 + DNMT3A = 2.
        #expect(rows.count == 2)
        #expect(rows[1][0] == "P1")
        #expect(rows[0].firstIndex(of: "status").map { rows[1][$0] } == "paired")
        #expect(rows[0].firstIndex(of: "n_mutations").map { rows[1][$0] } == "2")
    }

    /// (sheet, the first line of standard error after "Error: <sheet>"); each exits with status 1.
    static let failures: [(String, String)] = [
        ("misspelled-column.tsv", ":1: column \"pateint\": did you mean \"patient\"?"),
        ("bad-sex.tsv", ":2: column sex: \"U\" is not a sex: write M or F (also male or female, in any letter case)"),
        ("same-sample.tsv", ":3: patient \"P1\" has the same sample at two timepoints: line 2 (baseline) and line 3 (followup) both name sample \"\(first)\" of \(folder)/./tcga-3-samples.maf; give each timepoint its own table, or its own barcode in the sample column"),
    ]

    @Test(arguments: failures)
    func aBadSheetStopsTheRunAtItsLine(_ name: String, _ message: String) throws {
        let sheet = Self.sheet(name)
        let (result, output) = try Self.run(sheet)
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 1, "\(name)")
        #expect(Self.firstLine(result.standardError) == "Error: \(sheet)\(message)", "\(name)")
        // A failed run leaves no output folder.
        #expect(!FileManager.default.fileExists(atPath: output.path), "\(name)")
    }

    @Test func aRowWithoutSampleOnAMultiSampleTableIsRefused() throws {
        let sheet = Self.sheet("no-sample.tsv")
        let (result, output) = try Self.run(sheet)
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 1)
        // The wording of Sources/CtDNAPipeline/SampleLoader.swift, the row being line 2.
        #expect(Self.firstLine(result.standardError)
            == "Error: \(Self.folder)/tcga-3-samples.maf: the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name one in the sample sheet's sample column (listed at \(sheet):2)")
    }
}
