import Foundation
import Testing

/// `ctdna run` and `ctdna view` on VCFs (Fixtures/vcf-sheet): a patient whose baseline is a VCF
/// and whose follow-up is a MAF, and a patient whose two timepoints and matched normal are three
/// sample columns of one jointly called VCF. Every expected number is worked out by hand below
/// from the fixtures' counts.
@Suite struct VCFRunTests {
    static let folder = CLI.fixture("vcf-sheet")

    static func table(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func aSheetMixingVCFAndMAFRuns() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-vcf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLI.run(["run", "--samplesheet", Self.folder + "/samplesheet.tsv", "--outdir", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let audit = try Self.table(output.path + "/audit.tsv")
        // P1: the VCF's EGFR deletion AGGAATTAAGAGAAGC>A at 55242464 and the MAF's
        // GGAATTAAGAGAAGC>- at 55242465 are one mutation (20/200 = 0.1, then 5/200 = 0.025).
        let p1 = audit.filter { $0["patient"] == "P1" }
        #expect(p1.map { $0["mutation"]! } == ["7:55242465:GGAATTAAGAGAAGC:-", "12:25398284:C:A"])
        #expect(p1.map { $0["af_baseline"]! } == ["0.1", "0.05"])  // 20/200, 10/200
        #expect(p1.map { $0["af_followup"]! } == ["0.025", "0.01"])  // 5/200, 2/200
        // P2: the normal column P2-N gives af_normal; 4:106157000 has normal AF 4/100 = 0.04 and
        // plasma at most 6/100 = 0.06 < 2 x 0.04: the matched-normal rule drops it.
        let p2 = audit.filter { $0["patient"] == "P2" }
        #expect(p2.map { $0["mutation"]! } == ["4:106157000:G:A", "17:7577120:C:T"])
        #expect(p2.map { $0["af_normal"]! } == ["0.04", "0.0"])
        #expect(p2.map { $0["status"]! } == ["matched_normal", "kept"])
        let patients = try Self.table(output.path + "/patients.tsv")
        // P1: no drivers, reference over S: geometric means sqrt(0.1 x 0.05) = 0.0707 at baseline,
        // sqrt(0.025 x 0.01) = 0.0158 at follow-up; both clonal (>= 0.3 x 0.1); fraction 2 x those.
        let first = try #require(patients.first { $0["patient"] == "P1" })
        #expect(abs(Double(first["ctdna_fraction_baseline"]!)! - 2 * (0.1 * 0.05).squareRoot()) < 1e-12)
        #expect(abs(Double(first["ctdna_fraction_followup"]!)! - 2 * (0.025 * 0.01).squareRoot()) < 1e-12)
        // P2: S = {TP53}: fraction 2 x 0.1 = 0.2 and 2 x 0.02 = 0.04.
        let second = try #require(patients.first { $0["patient"] == "P2" })
        #expect(second["ctdna_fraction_baseline"] == "0.2" && second["ctdna_fraction_followup"] == "0.04")
    }

    @Test func anUnknownSampleNamesTheHeaderSamplesAndItsRow() throws {
        let sheet = Self.folder + "/unknown-sample.tsv"
        let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-vcf-\(UUID().uuidString)").path, "--quiet"])
        #expect(result.status == 1)
        // The row that names the sample is line 3.
        #expect(result.standardError.hasPrefix("Error: \(Self.folder)/p2-joint.vcf.gz: sample \"P2-T9\" not found; the VCF header has samples: P2-N, P2-T0, P2-T1 (listed at \(sheet):3)"),
            "\(result.standardError)")
    }

    @Test func aMultiSampleVCFWithoutSampleIsRefused() throws {
        let sheet = Self.folder + "/no-sample.tsv"
        let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-vcf-\(UUID().uuidString)").path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("p2-joint.vcf.gz: the VCF holds 3 samples (P2-N, P2-T0, P2-T1): name one in the sample sheet's sample column (listed at \(sheet):2)"))
    }

    /// `view` prints the normalised key's position and alleles, `--sample` picks a column, and
    /// `--verbose` says where the counts came from.
    @Test func viewPrintsTheNormalisedVariant() throws {
        let result = try CLI.run(["view", "--verbose", "--sample", "P1-T0", Self.folder + "/p1-baseline.vcf"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            sample\tgene\tchromosome\tposition\tref\talt\talt_count\tref_count\taf\tfilter\tcount_field
            P1-T0\tNA\t7\t55242465\tGGAATTAAGAGAAGC\t-\t20\t180\t0.1\tPASS\tFORMAT/AD
            P1-T0\tNA\t12\t25398284\tC\tA\t10\t190\t0.05\tPASS\tFORMAT/AD

            """)
        let normal = try CLI.run(["view", "--sample", "P2-N", Self.folder + "/p2-joint.vcf.gz"])
        #expect(normal.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[6] } == ["0", "4"])
    }

    /// `ctdna patient` addresses a multi-sample VCF's columns with --sample-baseline/-followup/-normal.
    @Test func patientAddressesTheColumns() throws {
        let file = Self.folder + "/p2-joint.vcf.gz"
        let result = try CLI.run(["patient", "--baseline", file, "--sample-baseline", "P2-T0", "--followup", file,
                                  "--sample-followup", "P2-T1", "--normal", file, "--sample-normal", "P2-N", "--patient", "P2"])
        #expect(result.status == 0, "\(result.standardError)")
        // The same numbers as the run's P2 row: 0.2 and 0.04.
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0], values = rows[1]
        #expect(header.firstIndex(of: "ctdna_fraction_baseline").map { values[$0] } == "0.2")
        #expect(header.firstIndex(of: "ctdna_fraction_followup").map { values[$0] } == "0.04")
    }
}
