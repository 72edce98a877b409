/// The alternative hypothesis of a Wilcoxon test, spelled as in R's `wilcox.test`.
public enum Alternative: String, Sendable, CaseIterable, Hashable {
    /// The location shift differs from `mu` in either direction.
    case twoSided = "two.sided"
    /// The location shift is smaller than `mu`.
    case less
    /// The location shift is greater than `mu`.
    case greater
}

/// When to use the exact null distribution rather than the normal approximation.
public enum ExactPolicy: String, Sendable, CaseIterable, Hashable {
    /// Exact when there are fewer than 50 observations (each group, for the rank-sum test) and
    /// no ties or zeros; R's `exact = NULL`.
    case auto
    /// Exact whenever there are no ties (and, for the signed-rank test, no zeros); R's `exact = TRUE`.
    case always
    /// Always the normal approximation; R's `exact = FALSE`.
    case never
}

/// How a p-value was computed.
public enum TestMethod: String, Sendable, Hashable {
    /// From the exact null distribution, by counting.
    case exact
    /// From the normal approximation (with tie correction, and continuity correction when asked).
    case normal
}

/// The settings shared by the signed-rank and rank-sum tests.
public struct WilcoxonOptions: Sendable, Hashable {
    /// The alternative hypothesis; two-sided by default.
    public var alternative: Alternative
    /// When to compute exact p-values; `auto` by default.
    public var exactPolicy: ExactPolicy
    /// Whether the normal approximation uses a continuity correction of 1/2; on by default.
    public var continuityCorrection: Bool
    /// The requested confidence level of the interval, strictly between 0 and 1; 0.95 by default.
    public var confidenceLevel: Double

    /// Creates options; the defaults are R's.
    /// - Parameters:
    ///   - alternative: The alternative hypothesis.
    ///   - exactPolicy: When to use the exact distribution.
    ///   - continuityCorrection: Whether to apply the continuity correction.
    ///   - confidenceLevel: The confidence level of the interval.
    public init(
        alternative: Alternative = .twoSided, exactPolicy: ExactPolicy = .auto,
        continuityCorrection: Bool = true, confidenceLevel: Double = 0.95
    ) {
        self.alternative = alternative
        self.exactPolicy = exactPolicy
        self.continuityCorrection = continuityCorrection
        self.confidenceLevel = confidenceLevel
    }
}

/// Which tests form one Benjamini-Hochberg family for the q-values.
///
/// The report's tests are not independent: the pooled rows (each arm over all cohorts, each
/// cohort over both arms) reuse the per-arm rows' patients, and the two metrics are computed from
/// the same mutations. One family over the whole report is the conservative default; a family
/// per metric treats each metric as its own question, as a paper that reports one primary metric
/// would.
public enum FDRFamily: String, Sendable, Hashable, CaseIterable {
    /// Every test of the report in one family.
    case report
    /// The tests of each metric in a family of their own.
    case metric
}
