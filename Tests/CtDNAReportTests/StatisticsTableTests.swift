import Testing
import CtDNAReport
import CtDNAStats
import CtDNAModel

@Suite("Statistics table")
struct StatisticsTableTests {
    @Test func headerAndMissingValues() {
        let row = StatisticsRow(
            metric: .ctDNAFraction, cohort: "x", arm: "A", comparison: "paired", test: .signedRank,
            alternative: .greater, patientCount: 9, observationsUsed: 9, statistic: 40,
            pValue: 0.01953125, qValue: nil, method: .exact, estimate: 0.46, confidenceLow: 0.175,
            confidenceHigh: .infinity, confidenceLevel: 0.95, medianBaseline: 1.06,
            medianFollowup: 1.68, note: "")
        let lines = StatisticsTable.tsv([row]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0] == "metric\tcohort\tarm\tcomparison\tpair\ttest\talternative\tn\tn_used\tstatistic\tp_value\tq_value\tmethod\testimate\tconf_low\tconf_high\tconf_level\tmedian_first\tmedian_second\tnote")
        #expect(lines[1] == "ctdna_fraction\tx\tA\tpaired\tbaseline:followup\tsigned_rank\tgreater\t9\t9\t40.0\t0.01953125\tNA\texact\t0.46\t0.175\tInf\t0.95\t1.06\t1.68\tNA")
    }
}
