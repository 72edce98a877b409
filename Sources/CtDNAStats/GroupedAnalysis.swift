import CtDNAModel

/// The per-group statistics of one metric, as docs/statistics.md describes them.
///
/// Rows come in this order (so reports are deterministic):
/// 1. each cohort in sorted order, and for each:
///    the signed-rank row of every arm (sorted), then the rank-sum row of every pair of arms
///    (`"A vs B"` with A < B, in sorted order), then the signed-rank row of all its arms together;
/// 2. then the cohort `all` (every cohort together): the signed-rank row of every arm (sorted).
///
/// Sorting is by Unicode code points of the names, not locale-dependent.
public enum GroupedAnalysis {
    /// The cohort or arm name used for "all cohorts" and "all arms".
    public static let allLabel = "all"

    /// Tests one metric in every group.
    /// - Parameters:
    ///   - metric: The metric's name, copied into every row.
    ///   - observations: One observation per patient.
    ///   - options: The options of every test.
    /// - Returns: One row per test, in the documented order, with `qValue` still missing.
    ///   A group whose test cannot run (for example, every difference is zero) gets a row with
    ///   missing p-value and a note, never an error.
    /// - Throws: ``StatisticsError/nonFiniteObservation(patient:field:value:)`` for NaN or infinite
    ///   values, ``StatisticsError/invalidConfidenceLevel(_:)`` for a bad level.
    public static func rows(
        metric: Metric, observations: [PairedObservation], options: WilcoxonOptions = .init()
    ) throws(StatisticsError) -> [StatisticsRow] {
        for observation in observations {
            if !observation.baseline.isFinite {
                throw .nonFiniteObservation(patient: observation.patient, field: "baseline", value: observation.baseline)
            }
            if !observation.followup.isFinite {
                throw .nonFiniteObservation(patient: observation.patient, field: "followup", value: observation.followup)
            }
        }
        let level = options.confidenceLevel
        try StatisticsError.requireValidConfidenceLevel(level)

        var rows: [StatisticsRow] = []
        let cohorts = Set(observations.map(\.cohort)).sorted()
        for cohort in cohorts {
            let inCohort = observations.filter { $0.cohort == cohort }
            let arms = Set(inCohort.map(\.arm)).sorted()
            for arm in arms {
                rows.append(signedRankRow(metric, cohort, arm, inCohort.filter { $0.arm == arm }, options))
            }
            for (index, first) in arms.enumerated() {
                for second in arms[(index + 1)...] {
                    rows.append(rankSumRow(
                        metric, cohort, first, second,
                        inCohort.filter { $0.arm == first }, inCohort.filter { $0.arm == second }, options))
                }
            }
            rows.append(signedRankRow(metric, cohort, allLabel, inCohort, options))
        }
        for arm in Set(observations.map(\.arm)).sorted() {
            rows.append(signedRankRow(metric, allLabel, arm, observations.filter { $0.arm == arm }, options))
        }
        return rows
    }

    /// Fills in the Benjamini-Hochberg q-value of every row, over all rows given (all metrics
    /// of one report); rows with a missing p-value keep a missing q-value and do not count.
    /// - Parameter rows: Every row of the report.
    /// - Returns: The same rows, in the same order, with `qValue` set.
    public static func addingQValues(_ rows: [StatisticsRow]) -> [StatisticsRow] {
        let qValues = BenjaminiHochberg.qValues(rows.map(\.pValue))
        return zip(rows, qValues).map { row, qValue in
            var row = row
            row.qValue = qValue
            return row
        }
    }

    /// ``addingQValues(_:)`` over each family of tests: the whole table, or each metric apart.
    /// - Parameters:
    ///   - rows: The rows, in report order (kept).
    ///   - family: Which rows form one Benjamini-Hochberg family.
    public static func addingQValues(_ rows: [StatisticsRow], family: FDRFamily) -> [StatisticsRow] {
        switch family {
        case .report: return addingQValues(rows)
        case .metric:
            var result = rows
            for metric in Metric.allCases {
                let indices = rows.indices.filter { rows[$0].metric == metric }
                for (index, row) in zip(indices, addingQValues(indices.map { rows[$0] })) { result[index] = row }
            }
            return result
        }
    }

    private static func signedRankRow(
        _ metric: Metric, _ cohort: String, _ arm: String, _ group: [PairedObservation],
        _ options: WilcoxonOptions
    ) -> StatisticsRow {
        var row = StatisticsRow(
            metric: metric, cohort: cohort, arm: arm, comparison: "paired", test: .signedRank,
            alternative: options.alternative, patientCount: group.count, observationsUsed: 0,
            statistic: nil, pValue: nil, qValue: nil, method: nil, estimate: nil,
            confidenceLow: nil, confidenceHigh: nil, confidenceLevel: nil,
            medianBaseline: Averages.median(group.map(\.baseline)),
            medianFollowup: Averages.median(group.map(\.followup)),
            note: "")
        do {
            let result = try SignedRankTest.paired(
                followup: group.map(\.followup), baseline: group.map(\.baseline), options: options)
            fill(&row, with: result)
            if result.method == .exact && result.observationsUsed < 6 {
                // The exact p cannot fall below 1 / 2^n one-sided, 2 / 2^n two-sided (1 with one
                // pair, 0.0625 with five): such a group cannot show a change at 0.05.
                let sides = options.alternative == .twoSided ? 2.0 : 1.0
                let smallest = min(1, sides / Double(1 << result.observationsUsed))
                let remark = "only \(result.observationsUsed) non-zero difference\(result.observationsUsed == 1 ? "" : "s"): "
                    + "p cannot be below \(smallest)"
                row.note = row.note.isEmpty ? remark : row.note + "; " + remark
            }
        } catch {
            guard !group.isEmpty else {
                row.note = "no patients"
                return row
            }
            // Every difference is zero: R's wilcox.test ranks an empty set and reports V = 0
            // with p, estimate and interval NaN, from the normal approximation, at level 0.
            row.statistic = 0
            row.method = .normal
            row.confidenceLevel = 0
            row.note = "no non-zero differences among \(group.count) patients: p not defined"
        }
        return row
    }

    private static func rankSumRow(
        _ metric: Metric, _ cohort: String, _ firstArm: String, _ secondArm: String,
        _ first: [PairedObservation], _ second: [PairedObservation], _ options: WilcoxonOptions
    ) -> StatisticsRow {
        let label = "\(firstArm) vs \(secondArm)"
        var row = StatisticsRow(
            metric: metric, cohort: cohort, arm: label, comparison: label, test: .rankSum,
            alternative: options.alternative, patientCount: first.count + second.count,
            observationsUsed: first.count + second.count, statistic: nil, pValue: nil, qValue: nil,
            method: nil, estimate: nil, confidenceLow: nil, confidenceHigh: nil, confidenceLevel: nil,
            medianBaseline: nil, medianFollowup: nil, note: "")
        do {
            let result = try RankSumTest.run(
                first: first.map(\.difference), second: second.map(\.difference), options: options)
            fill(&row, with: result)
        } catch {
            row.note = "an arm has no patients: no test"
        }
        return row
    }

    private static func fill(_ row: inout StatisticsRow, with result: WilcoxonResult) {
        row.observationsUsed = result.observationsUsed
        row.statistic = result.statistic
        row.pValue = result.pValue
        row.method = result.method
        row.estimate = result.estimate
        row.confidenceLow = result.confidenceLow
        row.confidenceHigh = result.confidenceHigh
        row.confidenceLevel = result.confidenceLevel
        row.note = result.notes.joined(separator: "; ")
    }
}
