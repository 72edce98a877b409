import CtDNAModel

/// Which test produced a row of the statistics report.
public enum StatisticsTestKind: String, Sendable, Hashable {
    /// Wilcoxon signed-rank test of follow-up against baseline within one group.
    case signedRank = "signed_rank"
    /// Wilcoxon rank-sum test comparing the per-patient differences of two arms.
    case rankSum = "rank_sum"
}

/// One row of the statistics report: one test on one group for one metric.
///
/// Missing values (`nil`) are written as `NA`.
public struct StatisticsRow: Sendable, Hashable {
    /// The metric tested (`ctdna_fraction`, `median_af`...).
    public var metric: Metric
    /// The cohort, or ``GroupedAnalysis/allLabel`` for all cohorts together.
    public var cohort: String
    /// The arm; ``GroupedAnalysis/allLabel`` for all arms together; `"A vs B"` for a rank-sum row.
    public var arm: String
    /// The two timepoints compared: the signed-rank test is on second - first, the rank-sum
    /// test on each patient's second - first.
    public var pair: TimepointPair
    /// `paired` for a signed-rank row, `"A vs B"` for a rank-sum row.
    public var comparison: String
    /// The test.
    public var test: StatisticsTestKind
    /// The alternative hypothesis.
    public var alternative: Alternative
    /// Patients in the group (both arms together for a rank-sum row).
    public var patientCount: Int
    /// Non-zero differences (signed-rank) or n1 + n2 (rank-sum).
    public var observationsUsed: Int
    /// V (signed-rank) or W (rank-sum); `nil` when the test could not run.
    public var statistic: Double?
    /// The p-value; `nil` when the test could not run.
    public var pValue: Double?
    /// The Benjamini-Hochberg q-value over the whole report; `nil` until
    /// ``GroupedAnalysis/addingQValues(_:)`` fills it, or when the p-value is missing.
    public var qValue: Double?
    /// Exact or normal approximation; `nil` when the test could not run.
    public var method: TestMethod?
    /// Hodges-Lehmann pseudo-median of the differences (signed-rank) or shift (rank-sum).
    public var estimate: Double?
    /// Lower confidence bound (`-infinity` for `less`).
    public var confidenceLow: Double?
    /// Upper confidence bound (`+infinity` for `greater`).
    public var confidenceHigh: Double?
    /// The confidence level the interval achieves.
    public var confidenceLevel: Double?
    /// The group's median value at the pair's first timepoint (signed-rank rows only).
    public var medianBaseline: Double?
    /// The group's median value at the pair's second timepoint (signed-rank rows only).
    public var medianFollowup: Double?
    /// Remarks such as "exact test requested but ...", joined by "; "; empty when none.
    public var note: String

    /// Creates a row; see the properties for the meaning of each field.
    public init(
        metric: Metric, cohort: String, arm: String, comparison: String, test: StatisticsTestKind,
        alternative: Alternative, patientCount: Int, observationsUsed: Int, statistic: Double?,
        pValue: Double?, qValue: Double?, method: TestMethod?, estimate: Double?,
        confidenceLow: Double?, confidenceHigh: Double?, confidenceLevel: Double?,
        medianBaseline: Double?, medianFollowup: Double?, note: String, pair: TimepointPair = .baselineFollowup
    ) {
        self.pair = pair
        self.metric = metric
        self.cohort = cohort
        self.arm = arm
        self.comparison = comparison
        self.test = test
        self.alternative = alternative
        self.patientCount = patientCount
        self.observationsUsed = observationsUsed
        self.statistic = statistic
        self.pValue = pValue
        self.qValue = qValue
        self.method = method
        self.estimate = estimate
        self.confidenceLow = confidenceLow
        self.confidenceHigh = confidenceHigh
        self.confidenceLevel = confidenceLevel
        self.medianBaseline = medianBaseline
        self.medianFollowup = medianFollowup
        self.note = note
    }
}
