import Foundation
import Testing

/// `ctdna run` on the realistic tricky tables of Fixtures/corpus: each folder's patients.tsv
/// must be the one worked out by hand in its README, byte for byte, and each expected warning
/// must be on standard error.
@Suite struct CorpusTests {
    static let cases = ["vcf2maf-grch38", "tcga-vaf", "spreadsheet-gdc"]

    @Test(arguments: cases)
    func patientsTableIsTheOneWorkedOutByHand(name: String) throws {
        let folder = CLI.fixture("corpus") + "/" + name
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let extra = try String(contentsOfFile: folder + "/args.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        let result = try CLI.run(["run", "--samplesheet", folder + "/sheet.tsv", "--outdir", output.path, "--quiet"] + extra)
        #expect(result.status == 0, "\(result.standardError)")
        let produced = try String(contentsOf: output.appendingPathComponent("patients.tsv"), encoding: .utf8)
        let expected = try String(contentsOfFile: folder + "/expected_patients.tsv", encoding: .utf8)
        #expect(produced == expected, "\(name)")
        let warnings = try String(contentsOfFile: folder + "/expected_warnings.txt", encoding: .utf8).split(separator: "\n")
        for warning in warnings {
            #expect(result.standardError.contains("ctdna: warning: " + warning), "\(name): \(warning)")
        }
        let given = result.standardError.split(separator: "\n").filter { $0.hasPrefix("ctdna: warning: ") }
        #expect(given.count == warnings.count, "\(name): \(given)")
    }
}
