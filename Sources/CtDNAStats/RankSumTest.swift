import CtDNAModel

/// The Wilcoxon rank-sum (Mann-Whitney) test for two independent groups, computed as R's
/// `wilcox.test(first, second, conf.int = TRUE)` computes it.
///
/// The statistic W is the Mann-Whitney U of the first group: the number of pairs
/// (first value, second value) in which the first is larger, ties counting one half.
/// The p-value is exact when the options allow it and there are no ties; otherwise it comes
/// from the normal approximation with the tie correction and, when asked, a continuity
/// correction. The estimate is the Hodges-Lehmann shift, the median of all differences
/// first - second.
public enum RankSumTest {
    /// Tests whether `first` is shifted by `mu` relative to `second`.
    /// - Parameters:
    ///   - first: The first group.
    ///   - second: The second group.
    ///   - mu: The location shift under the null hypothesis; 0 by default.
    ///   - options: Alternative, exact policy, continuity correction, confidence level.
    /// - Returns: The test result; `observationsUsed` is the total of both group sizes.
    /// - Throws: ``StatisticsError`` for NaN or infinite values, an empty group, an invalid
    ///   confidence level or `mu`.
    public static func run(
        first: [Double], second: [Double], mu: Double = 0, options: WilcoxonOptions = .init()
    ) throws(StatisticsError) -> WilcoxonResult {
        try StatisticsError.requireFinite(first, label: "first-group")
        try StatisticsError.requireFinite(second, label: "second-group")
        try StatisticsError.requireValidLocation(mu)
        let level = options.confidenceLevel
        try StatisticsError.requireValidConfidenceLevel(level)
        guard !first.isEmpty else { throw .notEnoughObservations(label: "first-group") }
        guard !second.isEmpty else { throw .notEnoughObservations(label: "second-group") }

        let m = Double(first.count), n = Double(second.count)
        let ranking = Ranking(first.map { $0 - mu } + second)
        let statistic = ranking.ranks.prefix(first.count).reduce(0, +) - m * (m + 1) / 2

        let exactWanted: Bool
        switch options.exactPolicy {
        case .auto: exactWanted = first.count < 50 && second.count < 50
        case .always: exactWanted = true
        case .never: exactWanted = false
        }
        if exactWanted && !ranking.hasTies {
            return exactTest(statistic: statistic, first: first, second: second, options: options)
        }

        let centred = statistic - m * n / 2
        let sigma = ((m * n / 12) * ((m + n + 1) - ranking.tieCorrectionSum / ((m + n) * (m + n - 1)))).squareRoot()
        let correction = options.continuityCorrection
            ? WilcoxonNormalApproximation.correction(centred, options.alternative) : 0
        let pValue = WilcoxonNormalApproximation.pValue(z: (centred - correction) / sigma, options.alternative)

        let standardized: (Double, Bool) -> Double = { shift, corrected in
            let shiftedRanking = Ranking(first.map { $0 - shift } + second)
            let centredAtShift = shiftedRanking.ranks.prefix(first.count).reduce(0, +)
                - m * (m + 1) / 2 - m * n / 2
            let correctionAtShift = corrected
                ? WilcoxonNormalApproximation.correction(centredAtShift, options.alternative) : 0
            let sigmaAtShift = ((m * n / 12) * ((m + n + 1)
                - shiftedRanking.tieCorrectionSum / ((m + n) * (m + n - 1)))).squareRoot()
            return (centredAtShift - correctionAtShift) / sigmaAtShift
        }
        var interval = WilcoxonNormalApproximation.invertRankSum(
            standardized, lowest: first.min()! - second.max()!, highest: first.max()! - second.min()!,
            options: options)
        if exactWanted {
            interval.notes.insert("exact test requested but the values have ties: normal approximation used", at: 0)
        }
        return WilcoxonResult(
            statistic: statistic, pValue: pValue, method: .normal, observationsUsed: first.count + second.count,
            estimate: interval.estimate, confidenceLow: interval.low, confidenceHigh: interval.high,
            confidenceLevel: interval.level, notes: interval.notes)
    }

    /// The exact p-value and the exact interval (order statistics of all differences first - second).
    private static func exactTest(
        statistic: Double, first: [Double], second: [Double], options: WilcoxonOptions
    ) -> WilcoxonResult {
        let m = first.count, n = second.count
        let distribution = RankSumDistribution(firstCount: m, secondCount: n)
        let pValue: Double
        switch options.alternative {
        case .twoSided:
            let oneTail = statistic > Double(m * n) / 2
                ? distribution.cumulative(statistic - 1, upper: true)
                : distribution.cumulative(statistic)
            pValue = min(2 * oneTail, 1)
        case .greater: pValue = distribution.cumulative(statistic - 1, upper: true)
        case .less: pValue = distribution.cumulative(statistic)
        }

        var differences: [Double] = []
        differences.reserveCapacity(m * n)
        for y in second { for x in first { differences.append(x - y) } }
        differences.sort()

        let alpha = 1 - options.confidenceLevel
        let low: Double, high: Double, achievedAlpha: Double
        switch options.alternative {
        case .twoSided:
            let upperIndex = max(distribution.quantile(alpha / 2), 1)
            achievedAlpha = 2 * distribution.cumulative(Double(upperIndex - 1))
            low = differences[upperIndex - 1]
            high = differences[m * n - upperIndex]
        case .greater:
            let upperIndex = max(distribution.quantile(alpha), 1)
            achievedAlpha = distribution.cumulative(Double(upperIndex - 1))
            low = differences[upperIndex - 1]
            high = .infinity
        case .less:
            let upperIndex = max(distribution.quantile(alpha), 1)
            achievedAlpha = distribution.cumulative(Double(upperIndex - 1))
            low = -.infinity
            high = differences[m * n - upperIndex]
        }
        var level = options.confidenceLevel
        var notes: [String] = []
        if achievedAlpha - alpha > alpha / 2 {
            level = 1 - achievedAlpha
            notes.append("requested confidence level not achievable with groups of \(m) and \(n)")
        }
        return WilcoxonResult(
            statistic: statistic, pValue: pValue, method: .exact, observationsUsed: m + n,
            estimate: Averages.median(sorted: differences) ?? .nan,
            confidenceLow: low, confidenceHigh: high, confidenceLevel: level, notes: notes)
    }
}
