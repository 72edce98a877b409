import CtDNAIO
import CtDNAModel
import Testing
import TestSupport

/// Reading a metric's pairs from a per-patient table (was the CLI's `PatientTable`); expected
/// values by hand from the tables written here.
@Suite("Patient table reader")
struct PatientTableReaderTests {
    static let text = """
        patient\tcohort\tarm\tstatus\tctdna_fraction_baseline\tctdna_fraction_followup\tmedian_af_baseline\tmedian_af_followup
        P1\tNSCLC\tSBRT\tpaired\t0.2\t0.05\t0.1\t0.025
        P2\tNSCLC\tSOC\tnot_detected\t0\t0\t0\t0
        P3\tbreast\tSBRT\texcluded: no followup sample\tNA\tNA\tNA\tNA
        P4\tbreast\tSOC\tpaired\t 0.4 \t.\t0.2\t0.3
        P5\tbreast\tSOC\tpaired\t1.5e-1\t0\tNA\t0.1

        """

    @Test func metricsOfATable() throws {
        let full = try DelimitedTable(text: Self.text, name: "patients.tsv")
        #expect(PatientTableReader.defaultMetrics(in: full) == [.ctDNAFraction, .medianAlleleFraction])
        // the median needs both of its columns
        let half = try DelimitedTable(text: "patient\tcohort\tarm\tctdna_fraction_baseline\tctdna_fraction_followup\tmedian_af_baseline\n", name: "p.tsv")
        #expect(PatientTableReader.defaultMetrics(in: half) == [.ctDNAFraction])
    }

    /// Only `paired` rows; a missing cell (`NA`, `.`) leaves that patient out of that metric;
    /// cells are trimmed; `1.5e-1` is 0.15.
    @Test func pairedRowsWithBothValues() throws {
        let table = try DelimitedTable(text: Self.text, name: "patients.tsv")
        let fractions = try PatientTableReader.observations(of: .ctDNAFraction, in: table)
        #expect(fractions == [
            PairedObservation(patient: "P1", cohort: "NSCLC", arm: "SBRT", baseline: 0.2, followup: 0.05),
            PairedObservation(patient: "P5", cohort: "breast", arm: "SOC", baseline: 0.15, followup: 0),
        ])
        let medians = try PatientTableReader.observations(of: .medianAlleleFraction, in: table)
        #expect(medians.map(\.patient) == ["P1", "P4"])
        #expect(medians[1].baseline == 0.2 && medians[1].followup == 0.3)
    }

    @Test func withoutAStatusColumnEveryRowCounts() throws {
        let table = try DelimitedTable(
            text: "patient,cohort,arm,ctdna_fraction_baseline,ctdna_fraction_followup\nA,c,x,0.1,0.2\nB,c,y,0.3,0.1\n", name: "t.csv")
        #expect(try PatientTableReader.observations(of: .ctDNAFraction, in: table).map(\.difference).map { ($0 * 10).rounded() } == [1, -2])
    }

    @Test func badCellsAndMissingColumnsNameTheFile() throws {
        let bad = try DelimitedTable(text: "patient\tcohort\tarm\tctdna_fraction_baseline\tctdna_fraction_followup\nP1\tc\ta\t0.1\tinf\n", name: "p.tsv")
        #expect(inputError { _ = try PatientTableReader.observations(of: .ctDNAFraction, in: bad) }?.description
            == "p.tsv:2: column ctdna_fraction_followup: \"inf\" is not a number")
        let short = try DelimitedTable(text: "patient\tcohort\tarm\tctdna_fraction_baseline\n", name: "p.tsv")
        #expect(inputError { _ = try PatientTableReader.observations(of: .ctDNAFraction, in: short) }?.description
            == "p.tsv:1: no column \"ctdna_fraction_followup\"; the columns are: patient, cohort, arm, ctdna_fraction_baseline")
    }
}
