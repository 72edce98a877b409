import Foundation
import Testing

/// `ctdna patient` on a multi-sample table in the TCGA layout (Fixtures/sheets/README.md lists its
/// rows): it reads the samples named, and refuses to pool a table's samples or to compare a sample
/// with itself. Expected messages are written out by hand from the fixture's barcodes.
@Suite struct PatientCommandRefusalTests {
    static let table = CLI.fixture("sheets/tcga-3-samples.maf")
    static let first = "TCGA-AB-2802-03A-01W-0728-08"
    static let second = "TCGA-AB-2803-03A-01W-0728-08"
    static let third = "TCGA-AB-2804-03B-01W-0728-08"

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: false)[0])
    }

    @Test func twoBarcodesOfOneTableAreComparedAlone() throws {
        let result = try CLI.run(["patient", "--baseline", Self.table, "--sample-baseline", Self.first,
                                  "--followup", Self.table, "--sample-followup", Self.second, "--patient", "P1"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0], row = rows[1]
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
        // 2802: TP53 30/100 and DNMT3A (a CH gene) 20/100; 2803: TP53 10/100; 2804 not read.
        #expect(cell("status") == "paired")
        #expect(cell("n_mutations") == "2")
        #expect(cell("n_after_filters") == "1")
        // 2 x 0.3 and 2 x 0.1.
        #expect(cell("ctdna_fraction_baseline").flatMap(Double.init).map { abs($0 - 0.6) < 1e-9 } == true)
        #expect(cell("ctdna_fraction_followup").flatMap(Double.init).map { abs($0 - 0.2) < 1e-9 } == true)
    }

    @Test func aMultiSampleTableWithoutBarcodeIsRefused() throws {
        let result = try CLI.run(["patient", "--baseline", Self.table, "--sample-baseline", Self.first, "--followup", Self.table])
        #expect(result.status == 1)
        #expect(Self.firstLine(result.standardError)
            == "Error: \(Self.table): the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name the followup one with --sample-followup")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func aMultiSampleNormalWithoutBarcodeIsRefused() throws {
        let result = try CLI.run(["patient", "--baseline", Self.table, "--sample-baseline", Self.first,
                                  "--followup", Self.table, "--sample-followup", Self.second, "--normal", Self.table])
        #expect(result.status == 1)
        #expect(Self.firstLine(result.standardError)
            == "Error: \(Self.table): the table holds 3 samples (\(Self.first), \(Self.second), \(Self.third)): name the normal one with --sample-normal")
    }

    @Test func aNormalBarcodePicksTheNormal() throws {
        // 2804 as the normal: its NPM1 is in neither plasma sample, so nothing changes but the
        // normal's presence; the run succeeds.
        let result = try CLI.run(["patient", "--baseline", Self.table, "--sample-baseline", Self.first,
                                  "--followup", Self.table, "--sample-followup", Self.second,
                                  "--normal", Self.table, "--sample-normal", Self.third])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func theSameTableTwiceWithoutBarcodesIsRefused() throws {
        let result = try CLI.run(["patient", "--baseline", Self.table, "--followup", Self.table])
        #expect(result.status == 1)
        #expect(Self.firstLine(result.standardError)
            == "Error: \(Self.table): the baseline and followup samples are the same sample (the same file, without a barcode); give each timepoint its own table, or its own barcode with --sample-baseline and --sample-followup")
    }

    @Test func theSameBarcodeTwiceIsRefused() throws {
        let result = try CLI.run(["patient", "--baseline", Self.table, "--sample-baseline", Self.first,
                                  "--followup", Self.table, "--sample-followup", Self.first])
        #expect(result.status == 1)
        #expect(Self.firstLine(result.standardError)
            == "Error: \(Self.table): the baseline and followup samples are the same sample (the same file and barcode \"\(Self.first)\"); give each timepoint its own table, or its own barcode with --sample-baseline and --sample-followup")
    }

    @Test func aNormalBarcodeWithoutNormalIsAUsageError() throws {
        let result = try CLI.run(["patient", "--baseline", Self.table, "--followup", Self.table, "--sample-normal", Self.third])
        #expect(result.status == 64)
        #expect(Self.firstLine(result.standardError) == "Error: --sample-normal needs --normal: it picks a barcode in the normal's table")
    }
}
