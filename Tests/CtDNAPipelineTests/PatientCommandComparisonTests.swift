import CtDNAIO
import CtDNAModel
import Foundation
import TestSupport
import Testing
@testable import CtDNAPipeline

/// `PatientComparison.run`, the front door of `ctdna patient`, on a multi-sample table: it reads
/// one named sample, and refuses to pool the table's samples or to compare a sample with itself.
@Suite("Patient comparison refusals")
struct PatientCommandComparisonTests {
    /// Three samples in the TCGA layout (Tests/CLITests/Fixtures/sheets/README.md lists its rows).
    static let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CLITests/Fixtures/sheets/tcga-3-samples.maf").path
    static let first = "TCGA-AB-2802-03A-01W-0728-08"
    static let second = "TCGA-AB-2803-03A-01W-0728-08"
    static let third = "TCGA-AB-2804-03B-01W-0728-08"

    static func request(_ baseline: String?, _ followup: String?, normal: PatientRequest.Sample? = nil, followupFile: String? = nil) -> PatientRequest {
        PatientRequest(
            patient: "P1", cohort: "LAML", arm: "A",
            samples: [.init(file: table, barcode: baseline), .init(file: followupFile ?? table, barcode: followup)],
            normal: normal)
    }

    static func message(_ request: PatientRequest) -> String? {
        caughtError(InputError.self) { _ = try PatientComparison.run(request) }?.description
    }

    @Test func oneBarcodePerTimepointReadsThoseSamplesOnly() throws {
        let result = try PatientComparison.run(Self.request(Self.first, Self.second))
        let summary = result.summary
        // 2802 has TP53 (30/100) and DNMT3A (20/100), 2803 has TP53 (10/100); 2804's NPM1 is not read.
        // Union: TP53 and DNMT3A = 2; DNMT3A is a bundled CH gene, so S = {TP53}.
        #expect(summary.mutationCount == 2)
        #expect(summary.somaticCount == 1)
        #expect(Set(result.audit.map(\.gene)) == ["TP53", "DNMT3A"])
        // Fraction = 2 x the clonal AF: 2 x 0.3 at baseline, 2 x 0.1 at follow-up.
        let fractions = try #require(summary.ctDNAFraction)
        #expect(abs(try #require(fractions[0]) - 0.6) < 1e-12)
        #expect(abs(try #require(fractions[1]) - 0.2) < 1e-12)
    }

    @Test func aMultiSampleTableWithoutBarcodeIsRefused() {
        // The baseline names 2802; the follow-up names no barcode, so the whole table would be
        // pooled: 3 samples in the table's order.
        #expect(Self.message(Self.request(Self.first, nil))
            == "\(Self.table): the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name the followup one with --sample-followup")
        #expect(Self.message(Self.request(nil, Self.second))
            == "\(Self.table): the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name the baseline one with --sample-baseline")
    }

    @Test func aMultiSampleNormalWithoutBarcodeIsRefused() {
        let request = Self.request(Self.first, Self.second, normal: .init(file: Self.table))
        #expect(Self.message(request)
            == "\(Self.table): the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name the normal one with --sample-normal")
    }

    @Test func theSameSampleAtBothTimepointsIsRefused() {
        // Both without a barcode: refused before the table is read (else the pooling refusal would come).
        #expect(Self.message(Self.request(nil, nil))
            == "\(Self.table): the baseline and followup samples are the same sample (the same file, without a barcode); give each timepoint its own table, or its own barcode with --sample-baseline and --sample-followup")
        // The same barcode, the file spelled with a "./" and a doubled slash.
        let respelled = Self.table.replacingOccurrences(of: "/sheets/", with: "/sheets/.//")
        #expect(respelled != Self.table)
        #expect(Self.message(Self.request(Self.first, Self.first, followupFile: respelled))
            == "\(respelled): the baseline and followup samples are the same sample (the same file and barcode \"\(Self.first)\"); give each timepoint its own table, or its own barcode with --sample-baseline and --sample-followup")
    }

    @Test func otherTimepointsAreNamedWithoutAnOption() {
        // A caller other than `ctdna patient` may name its own timepoints: no option is suggested.
        let week8 = Timepoint("week8")
        let request = PatientRequest(
            patient: "P1", cohort: "LAML", arm: "A",
            samples: [.init(file: Self.table, barcode: Self.first), .init(file: Self.table)], timepoints: [.baseline, week8])
        #expect(Self.message(request)
            == "\(Self.table): the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name the week8 one by its barcode")
    }

    @Test func aLongListOfSamplesIsCutAfterFive() {
        let folder = TemporaryFolder()
        // Seven samples, S7 first and S1 twice (not grouped): named in order of first appearance.
        var text = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_alt_count\tt_ref_count\n"
        for sample in ["S7", "S1", "S2", "S1", "S3", "S4", "S5", "S6"] {
            text += "TP53\t17\t7577120\tC\tT\t\(sample)\t5\t95\n"
        }
        let table = folder.file("seven.maf", text)
        let request = PatientRequest(
            patient: "P1", cohort: "C", arm: "A", samples: [.init(file: table), .init(file: table, barcode: "S1")])
        #expect(Self.message(request) == "\(table): the table holds 7 samples (S7, S1, S2, S3, S4, ...): name the baseline one with --sample-baseline")
    }
}
