import Testing
import CtDNAReport
import CtDNAStats

@Suite("Survival table")
struct SurvivalTableTests {
    @Test func headerAndRows() {
        var km = SurvivalRow(endpoint: "pfs", group: "all", test: .kaplanMeier, count: 3, events: 2)
        km.median = 3
        var cox = SurvivalRow(endpoint: "pfs", group: "b vs a", test: .cox, count: 10, events: 4)
        // Made-up values: the test checks their spelling (shortest round trip, NA), not statistics.
        cox.statistic = 0.25
        cox.degreesOfFreedom = 1
        cox.pValue = 0.6170750774519738
        cox.likelihoodRatioPValue = 1e-20
        cox.coefficient = -0.5
        cox.standardError = 1
        cox.hazardRatio = 0.6065306597126334
        cox.confidenceLow = .infinity
        cox.confidenceHigh = .nan
        cox.note = "two\tlines\nhere"
        let lines = SurvivalTable.tsv([km, cox]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == "endpoint\tgroup\ttest\tn\tevents\tstatistic\tdf\tp_value\tp_lr\tcoefficient\tse\thazard_ratio\tconf_low\tconf_high\tmedian\tmedian_low\tmedian_high\tnote")
        #expect(lines[1] == "pfs\tall\tkm\t3\t2\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\t3.0\tNA\tNA\tNA")
        #expect(lines[2] == "pfs\tb vs a\tcox\t10\t4\t0.25\t1\t0.6170750774519738\t1e-20\t-0.5\t1.0\t0.6065306597126334\tNA\tNA\tNA\tNA\tNA\ttwo lines here")
    }

    @Test func curveSteps() throws {
        // By hand: 3 patients, event at 1, censored at 2, event at 3. S = 2/3 at 1 and 2; at 3 the
        // one patient at risk has the event, S = 0, and its standard error and interval are NA.
        let curve = try KaplanMeierCurve([
            SurvivalObservation(time: 3, event: true), SurvivalObservation(time: 1, event: true),
            SurvivalObservation(time: 2, event: false),
        ])
        let lines = SurvivalTable.curvesTSV([SurvivalCurve(endpoint: "os", group: "all", curve: curve)])
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "endpoint\tgroup\ttime\tn_risk\tn_event\tn_censor\tsurvival\tstd_err\tconf_low\tconf_high")
        #expect(lines[1].hasPrefix("os\tall\t1.0\t3\t1\t0\t0.6666666666666666\t"))
        #expect(lines[2].hasPrefix("os\tall\t2.0\t2\t0\t1\t0.6666666666666666\t"))
        #expect(lines[3] == "os\tall\t3.0\t1\t1\t0\t0.0\tNA\tNA\tNA")
        // se(S) = S sqrt(d / (n (n - d))) = (2/3) sqrt(1/6) at time 1.
        let standardError = try #require(Double(lines[1].split(separator: "\t")[7]))
        #expect(abs(standardError - 2.0 / 3.0 * (1.0 / 6.0).squareRoot()) < 1e-15)
    }
}
