/// The outcome of a signed-rank or rank-sum test, with the quantities R's `wilcox.test` reports
/// when called with `conf.int = TRUE`.
public struct WilcoxonResult: Sendable, Hashable {
    /// V (sum of the ranks of the positive differences) for the signed-rank test;
    /// W (Mann-Whitney U of the first group) for the rank-sum test.
    public var statistic: Double
    /// The p-value for the requested alternative.
    public var pValue: Double
    /// Whether the p-value is exact or from the normal approximation.
    public var method: TestMethod
    /// The observations the test used: non-zero differences (signed-rank) or n1 + n2 (rank-sum).
    public var observationsUsed: Int
    /// The Hodges-Lehmann estimate (pseudo-median, or location shift); `nil` when it cannot be
    /// computed. In the normal case with a degenerate sample this is the midrange, as in R.
    public var estimate: Double?
    /// Lower end of the confidence interval (`-infinity` for `less`); `nil` when not computable.
    public var confidenceLow: Double?
    /// Upper end of the confidence interval (`+infinity` for `greater`); `nil` when not computable.
    public var confidenceHigh: Double?
    /// The confidence level the interval achieves: the requested one, or the one R reports when
    /// the requested level is not achievable with so few observations.
    public var confidenceLevel: Double
    /// Plain-language remarks, such as "exact p-value impossible with ties; normal approximation used".
    public var notes: [String]
}
