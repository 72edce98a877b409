import Testing
@testable import CtDNAReport

@Suite("Terminal summary and MultiQC table")
struct TextOutputTests {
    @Test func terminalSummaryIsAligned() {
        // Expected text written by hand from ReportFixtures.small (its audit rows: 4 kept, 2 ch_gene,
        // 1 matched_normal, 1 low_depth, none annotated as a driver): medians with 4 and p with 2
        // significant digits, numbers right-aligned, no trailing spaces. The change is each row's
        // estimate -0.01 with interval [-0.02, 0.001] (2 digits); fell/rose/same from the paired
        // patients: fraction SBRT <P&1> 0.2 -> 0.05 and P2 0.04 -> 0 fell (P3 is not detected, not
        // tested), SOC P4 0.01 -> 0.03 rose and P5 0.5 -> 0.4 fell; the median AFs move alike.
        #expect(TerminalSummary.render(ReportFixtures.small) == """
            Patients: 6 (paired 4, not_detected 1, excluded 1)
            Mutations kept: 4; removed by filters: ch_gene 2, matched_normal 1, low_depth 1
            metric          cohort  arm   n  median_baseline  median_followup       change [95% CI]  fell/rose/same  p_signed_rank
            ctdna_fraction  NSCLC   SBRT  3             0.04                0  -0.01 [-0.02, 0.001]           2/0/0           0.25
            ctdna_fraction  NSCLC   SOC   2            0.255            0.215  -0.01 [-0.02, 0.001]           1/1/0              1
            median_af       NSCLC   SBRT  3             0.02                0  -0.01 [-0.02, 0.001]           2/0/0          0.022
            median_af       NSCLC   SOC   2           0.1275           0.1075  -0.01 [-0.02, 0.001]           1/1/0             NA

            """)
    }

    @Test func multiQCHeaderLines() {
        let lines = MultiQCTable.render(ReportFixtures.small.patients).split(separator: "\n").map(String.init)
        let header = lines.prefix { $0.hasPrefix("#") }
        #expect(Array(header.prefix(10)) == [
            "# id: 'ctdna'",
            "# section_name: 'ctDNA fraction'",
            "# description: 'ctDNA fraction and median allele fraction of the somatic mutations per plasma sample, from ctdna.'",
            "# format: 'tsv'",
            "# plot_type: 'table'",
            "# pconfig:",
            "#     id: 'ctdna_table'",
            "#     namespace: 'ctdna'",
            "#     title: 'ctDNA per sample'",
            "# headers:",
        ])
        #expect(Array(header.suffix(13).prefix(7)) == [
            "#     mutations_kept:",
            "#         title: 'Mutations kept'",
            "#         description: 'Somatic mutations left after the filters (the set S)'",
            "#         format: '{:,.0f}'",
            "#         min: 0",
            "#     clonal_mutations:",
            "#         title: 'Clonal mutations'",
        ])
        for column in MultiQCTable.columns {
            #expect(header.contains("#     \(column):"))
        }
    }

    @Test func multiQCRowsPerSample() {
        let lines = MultiQCTable.render(ReportFixtures.small.patients).split(separator: "\n").map(String.init)
        let body = Array(lines.drop { $0.hasPrefix("#") })
        #expect(body == [
            "Sample\tctdna_fraction\tmedian_af\tmutations_kept\tclonal_mutations\tstatus",
            "<P&1>_baseline\t0.2\t0.1\t1\t1\tpaired",
            "<P&1>_followup\t0.05\t0.02\t1\t1\tpaired",
            "P2_baseline\t0.04\t0.02\t1\t1\tpaired",
            "P2_followup\t0.0\t0.0\t1\t1\tpaired",
            "P3_baseline\t0.0\t0.0\t0\t0\tnot_detected",
            "P3_followup\t0.0\t0.0\t0\t0\tnot_detected",
            "P4_baseline\t0.01\t0.005\t1\t1\tpaired",
            "P4_followup\t0.03\t0.015\t1\t1\tpaired",
            "P5_baseline\t0.5\t0.25\t1\t1\tpaired",
            "P5_followup\t0.4\t0.2\t1\t1\tpaired",
            "P6_baseline\t\t\t\t\texcluded: no followup sample",
            "P6_followup\t\t\t\t\texcluded: no followup sample",
        ])
    }

    @Test func readablePValues() {
        #expect(ReadableNumber.pValue(0.02213) == "p = 0.022")
        #expect(ReadableNumber.pValue(0.11) == "p = 0.11")
        #expect(ReadableNumber.pValue(0.00001) == "p < 0.0001")
        #expect(ReadableNumber.pValue(nil) == "p = NA")
    }
}
