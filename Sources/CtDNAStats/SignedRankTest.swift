import CtDNAModel

/// The Wilcoxon signed-rank test, computed as R's `wilcox.test(..., conf.int = TRUE)` computes it.
///
/// Differences equal to `mu` (zeros) are dropped before ranking. The p-value is exact when
/// the options allow it and the remaining differences have no ties and no zeros were dropped;
/// otherwise it comes from the normal approximation with the tie correction of the variance
/// and, when asked, a continuity correction. The estimate is the Hodges-Lehmann pseudo-median.
///
/// ```swift
/// let result = try SignedRankTest.paired(followup: x, baseline: y)
/// // R: wilcox.test(x, y, paired = TRUE, conf.int = TRUE)
/// ```
public enum SignedRankTest {
    /// Tests paired values, with differences `followup - baseline`
    /// (R's `wilcox.test(followup, baseline, paired = TRUE, mu = mu)`).
    /// - Parameters:
    ///   - followup: The later values.
    ///   - baseline: The earlier values, in the same order.
    ///   - mu: The location shift under the null hypothesis; 0 by default.
    ///   - options: Alternative, exact policy, continuity correction, confidence level.
    /// - Returns: The test result.
    /// - Throws: ``StatisticsError`` for NaN or infinite values, unequal lengths, an invalid
    ///   confidence level or `mu`, or when no non-zero difference remains.
    public static func paired(
        followup: [Double], baseline: [Double], mu: Double = 0, options: WilcoxonOptions = .init()
    ) throws(StatisticsError) -> WilcoxonResult {
        try StatisticsError.requireFinite(followup, label: "followup")
        try StatisticsError.requireFinite(baseline, label: "baseline")
        guard followup.count == baseline.count else {
            throw .lengthMismatch(first: followup.count, second: baseline.count)
        }
        let differences = zip(followup, baseline).map { $0 - $1 }
        return try oneSample(differences, mu: mu, options: options)
    }

    /// Tests whether `values` are symmetric about `mu` (R's `wilcox.test(values, mu = mu)`).
    /// - Parameters:
    ///   - values: The observations (or paired differences).
    ///   - mu: The location under the null hypothesis; 0 by default.
    ///   - options: Alternative, exact policy, continuity correction, confidence level.
    /// - Returns: The test result.
    /// - Throws: ``StatisticsError`` for NaN or infinite values, an invalid confidence level
    ///   or `mu`, or when every value equals `mu` (R would report a NaN p-value).
    public static func oneSample(
        _ values: [Double], mu: Double = 0, options: WilcoxonOptions = .init()
    ) throws(StatisticsError) -> WilcoxonResult {
        try StatisticsError.requireFinite(values, label: "value")
        try StatisticsError.requireValidLocation(mu)
        let level = options.confidenceLevel
        try StatisticsError.requireValidConfidenceLevel(level)

        let shifted = values.map { $0 - mu }
        let nonZero = shifted.filter { $0 != 0 }
        let droppedZeros = nonZero.count != shifted.count
        guard !nonZero.isEmpty else { throw .notEnoughObservations(label: "non-zero difference") }

        let n = nonZero.count
        let ranking = Ranking(nonZero.map(abs))
        var statistic = 0.0
        for (value, rank) in zip(nonZero, ranking.ranks) where value > 0 { statistic += rank }

        let exactWanted: Bool
        switch options.exactPolicy {
        case .auto: exactWanted = n < 50
        case .always: exactWanted = true
        case .never: exactWanted = false
        }
        // The interval is computed on the original scale, as R adds mu back.
        let restored = nonZero.map { $0 + mu }
        if exactWanted && !ranking.hasTies && !droppedZeros {
            return exactTest(statistic: statistic, values: restored, options: options)
        }
        var result = normalTest(
            statistic: statistic, ranking: ranking, values: restored, options: options)
        if exactWanted && ranking.hasTies {
            result.notes.insert("exact test requested but the differences have ties: normal approximation used", at: 0)
        }
        if exactWanted && droppedZeros {
            result.notes.insert("exact test requested but there are zero differences: normal approximation used", at: 0)
        }
        return result
    }

    /// The exact p-value and the exact Hodges-Lehmann interval (order statistics of the Walsh averages).
    private static func exactTest(statistic: Double, values: [Double], options: WilcoxonOptions) -> WilcoxonResult {
        let n = values.count
        let distribution = SignedRankDistribution(count: n)
        let pValue: Double
        switch options.alternative {
        case .twoSided:
            let oneTail = statistic > Double(n * (n + 1)) / 4
                ? distribution.cumulative(statistic - 1, upper: true)
                : distribution.cumulative(statistic)
            pValue = min(2 * oneTail, 1)
        case .greater: pValue = distribution.cumulative(statistic - 1, upper: true)
        case .less: pValue = distribution.cumulative(statistic)
        }

        var walshAverages: [Double] = []
        walshAverages.reserveCapacity(n * (n + 1) / 2)
        for i in 0..<n { for j in i..<n { walshAverages.append((values[i] + values[j]) / 2) } }
        walshAverages.sort()

        let alpha = 1 - options.confidenceLevel
        let pairCount = n * (n + 1) / 2
        let low: Double, high: Double, achievedAlpha: Double
        switch options.alternative {
        case .twoSided:
            let upperIndex = max(distribution.quantile(alpha / 2), 1)
            let lowerIndex = pairCount - upperIndex
            achievedAlpha = 2 * distribution.cumulative(Double(upperIndex - 1))
            low = walshAverages[upperIndex - 1]
            high = walshAverages[lowerIndex]
        case .greater:
            let upperIndex = max(distribution.quantile(alpha), 1)
            achievedAlpha = distribution.cumulative(Double(upperIndex - 1))
            low = walshAverages[upperIndex - 1]
            high = .infinity
        case .less:
            let upperIndex = max(distribution.quantile(alpha), 1)
            let lowerIndex = pairCount - upperIndex
            achievedAlpha = distribution.cumulative(Double(upperIndex - 1))
            low = -.infinity
            high = walshAverages[lowerIndex]
        }
        var level = options.confidenceLevel
        var notes: [String] = []
        if achievedAlpha - alpha > alpha / 2 {
            level = 1 - roundedToSignificantDigits(achievedAlpha, 2)
            notes.append("requested confidence level not achievable with \(n) differences")
        }
        return WilcoxonResult(
            statistic: statistic, pValue: pValue, method: .exact, observationsUsed: n,
            estimate: Averages.median(sorted: walshAverages) ?? .nan,
            confidenceLow: low, confidenceHigh: high, confidenceLevel: level, notes: notes)
    }

    /// The normal-approximation p-value, and R's interval by inverting the approximate test.
    private static func normalTest(
        statistic: Double, ranking: Ranking, values: [Double], options: WilcoxonOptions
    ) -> WilcoxonResult {
        let n = Double(values.count)
        let centred = statistic - n * (n + 1) / 4
        let sigma = (n * (n + 1) * (2 * n + 1) / 24 - ranking.tieCorrectionSum / 48).squareRoot()
        let correction = options.continuityCorrection
            ? WilcoxonNormalApproximation.correction(centred, options.alternative) : 0
        let z = (centred - correction) / sigma
        let pValue = WilcoxonNormalApproximation.pValue(z: z, options.alternative)

        let standardized: (Double, Bool) -> Double = { shift, corrected in
            let moved = values.map { $0 - shift }.filter { $0 != 0 }
            let count = Double(moved.count)
            let movedRanking = Ranking(moved.map(abs))
            var positiveRankSum = 0.0
            for (value, rank) in zip(moved, movedRanking.ranks) where value > 0 { positiveRankSum += rank }
            let centredAtShift = positiveRankSum - count * (count + 1) / 4
            let sigmaAtShift = (count * (count + 1) * (2 * count + 1) / 24
                - movedRanking.tieCorrectionSum / 48).squareRoot()
            let correctionAtShift = corrected
                ? WilcoxonNormalApproximation.correction(centredAtShift, options.alternative) : 0
            return (centredAtShift - correctionAtShift) / sigmaAtShift
        }
        let interval = WilcoxonNormalApproximation.invertSignedRank(
            standardized, lowest: values.min()!, highest: values.max()!,
            median: Averages.median(values) ?? .nan, options: options)
        return WilcoxonResult(
            statistic: statistic, pValue: pValue, method: .normal, observationsUsed: values.count,
            estimate: interval.estimate, confidenceLow: interval.low, confidenceHigh: interval.high,
            confidenceLevel: interval.level, notes: interval.notes)
    }
}
