import CtDNAModel
import CtDNAStats
import Testing

@Suite("Grouped analysis")
struct GroupedAnalysisTests {
    /// The cohort of make_fixtures.R (cases group_*): cohort x with arms A (5 patients) and B (4),
    /// cohort y with arm A (3), plus cohort z whose two patients did not change at all.
    static let observations: [PairedObservation] = {
        var observations: [PairedObservation] = []
        func add(_ cohort: String, _ arm: String, _ baseline: [Double], _ followup: [Double]) {
            for (index, (b, f)) in zip(baseline, followup).enumerated() {
                observations.append(PairedObservation(
                    patient: "\(cohort)\(arm)\(index)", cohort: cohort, arm: arm, baseline: b, followup: f))
            }
        }
        add("z", "C", [0.4, 0.5], [0.4, 0.5])
        add("y", "A", [0.30, 0.12, 0.22], [0.10, 0.02, 0.20])
        add("x", "B", [0.20, 0.25, 0.05, 0.40], [0.21, 0.35, 0.07, 0.33])
        add("x", "A", [0.10, 0.20, 0.05, 0.30, 0.15], [0.02, 0.11, 0.01, 0.12, 0.16])
        return observations
    }()

    @Test func rowSetAndOrder() throws {
        let rows = try GroupedAnalysis.rows(metric: .ctDNAFraction, observations: Self.observations)
        let keys = rows.map { "\($0.cohort)/\($0.arm)/\($0.test.rawValue)" }
        #expect(keys == [
            "x/A/signed_rank", "x/B/signed_rank", "x/A vs B/rank_sum", "x/all/signed_rank",
            "y/A/signed_rank", "y/all/signed_rank",
            "z/C/signed_rank", "z/all/signed_rank",
            "all/A/signed_rank", "all/B/signed_rank", "all/C/signed_rank",
        ])
        #expect(rows.allSatisfy { $0.metric == .ctDNAFraction && $0.qValue == nil })
        #expect(rows[2].comparison == "A vs B")
        #expect(rows[0].comparison == "paired")
        #expect(rows.map(\.patientCount) == [5, 4, 9, 9, 3, 3, 2, 2, 8, 4, 2])
    }

    @Test func valuesMatchR() throws {
        let rows = try GroupedAnalysis.rows(metric: .ctDNAFraction, observations: Self.observations)
        let expectations: [(Int, String)] = [
            (0, "group_x_A"), (1, "group_x_B"), (2, "group_x_A_vs_B"), (3, "group_x_all"),
            (4, "group_y_A"), (5, "group_y_A"), (8, "group_all_A"), (9, "group_x_B"),
        ]
        for (index, name) in expectations {
            let reference = WilcoxonReference.named(name)
            let row = rows[index]
            #expect(row.statistic == reference.statistic, "\(name)")
            #expect(agrees(row.pValue, reference.pValue, relative: 1e-10), "\(name)")
            #expect(agrees(row.estimate, reference.estimate, relative: 1e-8), "\(name)")
            #expect(agrees(row.confidenceLow, reference.confidenceLow, relative: 1e-8), "\(name)")
            #expect(agrees(row.confidenceHigh, reference.confidenceHigh, relative: 1e-8), "\(name)")
            #expect(row.method == reference.method, "\(name)")
        }
        // Medians of the raw values: x/A baselines 0.05, 0.10, 0.15, 0.20, 0.30.
        #expect(rows[0].medianBaseline == 0.15)
        #expect(rows[0].medianFollowup == 0.11)
    }

    /// Every difference zero. R 4.2.2 (run here):
    /// `wilcox.test(c(1,2,3), c(1,2,3), paired = TRUE, conf.int = TRUE)` prints "Wilcoxon signed
    /// rank test with continuity correction", `V = 0, p-value = NA` (p NaN), a "0 percent
    /// confidence interval" of NaN NaN and an estimate of NaN. ctdna writes V = 0, method normal,
    /// conf_level 0, and NA (missing) for p, estimate and the interval.
    @Test func unchangedGroupFollowsR() throws {
        let rows = try GroupedAnalysis.rows(metric: .ctDNAFraction, observations: Self.observations)
        let unchanged = rows[6]
        #expect(unchanged.statistic == 0)
        #expect(unchanged.method == .normal)
        #expect(unchanged.confidenceLevel == 0)
        #expect(unchanged.pValue == nil && unchanged.qValue == nil && unchanged.estimate == nil)
        #expect(unchanged.confidenceLow == nil && unchanged.confidenceHigh == nil)
        #expect(unchanged.observationsUsed == 0)
        #expect(unchanged.note.contains("no non-zero differences"))
    }

    @Test func qValuesSpanAllRowsGiven() throws {
        let first = try GroupedAnalysis.rows(metric: .ctDNAFraction, observations: Self.observations)
        let second = try GroupedAnalysis.rows(metric: .medianAlleleFraction, observations: Self.observations)
        let combined = GroupedAnalysis.addingQValues(first + second)
        let expected = BenjaminiHochberg.qValues((first + second).map(\.pValue))
        #expect(combined.map(\.qValue) == expected)
        #expect(combined[6].qValue == nil)
    }

    @Test func nonFiniteValueNamesThePatient() {
        let bad = [PairedObservation(patient: "P7", cohort: "c", arm: "a", baseline: .nan, followup: 1)]
        do {
            _ = try GroupedAnalysis.rows(metric: .ctDNAFraction, observations: bad)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "patient P7: baseline value is nan, but the tests need finite numbers")
        }
    }
}

/// Benjamini-Hochberg families and the remark on groups too small for a small p.
@Suite("Families and small groups")
struct FamilyTests {
    static func row(_ metric: Metric, _ p: Double) -> StatisticsRow {
        StatisticsRow(
            metric: metric, cohort: "C", arm: "A", comparison: "paired", test: .signedRank, alternative: .twoSided,
            patientCount: 5, observationsUsed: 5, statistic: 1, pValue: p, qValue: nil, method: .exact, estimate: nil,
            confidenceLow: nil, confidenceHigh: nil, confidenceLevel: nil, medianBaseline: nil, medianFollowup: nil, note: "")
    }

    /// By hand: p = (0.01, 0.04) for the fraction and (0.03, 0.2) for median AF. One family of
    /// four: q = (0.04, 0.0533..., 0.0533..., 0.2) (R: p.adjust(c(.01,.04,.03,.2), "BH")); per metric:
    /// (0.02, 0.04) and (0.06, 0.2).
    @Test func qValuesPerReportOrPerMetric() {
        let rows = [Self.row(.ctDNAFraction, 0.01), Self.row(.ctDNAFraction, 0.04),
                    Self.row(.medianAlleleFraction, 0.03), Self.row(.medianAlleleFraction, 0.2)]
        let report = GroupedAnalysis.addingQValues(rows, family: .report).map { $0.qValue! }
        #expect(abs(report[0] - 0.04) < 1e-15 && abs(report[1] - 0.16 / 3) < 1e-15)
        #expect(abs(report[2] - 0.16 / 3) < 1e-15 && abs(report[3] - 0.2) < 1e-15)
        let metric = GroupedAnalysis.addingQValues(rows, family: .metric).map { $0.qValue! }
        #expect(abs(metric[0] - 0.02) < 1e-15 && abs(metric[1] - 0.04) < 1e-15)
        #expect(abs(metric[2] - 0.06) < 1e-15 && abs(metric[3] - 0.2) < 1e-15)
    }

    /// One pair: R's exact two-sided p is 1 whatever the change; the row says why.
    @Test func aSinglePairIsNoted() throws {
        let rows = try GroupedAnalysis.rows(
            metric: .ctDNAFraction,
            observations: [PairedObservation(patient: "P1", cohort: "C", arm: "A", baseline: 0.2, followup: 0.05)])
        let row = try #require(rows.first { $0.test == .signedRank && $0.arm == "A" && $0.cohort == "C" })
        #expect(row.pValue == 1)
        #expect(row.note.hasSuffix("; only 1 non-zero difference: p cannot be below 1.0"))
    }
}
