/// The pieces of the normal approximation shared by the signed-rank and rank-sum tests:
/// continuity correction, p-value, and R's confidence intervals found by inverting the
/// approximate test with a root finder.
enum WilcoxonNormalApproximation {
    /// The continuity correction for a centred statistic: towards zero for two-sided tests,
    /// +1/2 for `greater` and -1/2 for `less`.
    static func correction(_ centred: Double, _ alternative: Alternative) -> Double {
        switch alternative {
        case .twoSided: return centred > 0 ? 0.5 : (centred < 0 ? -0.5 : 0)
        case .greater: return 0.5
        case .less: return -0.5
        }
    }

    /// The p-value of a standardized statistic; the upper tail comes straight from `erfc`.
    static func pValue(z: Double, _ alternative: Alternative) -> Double {
        switch alternative {
        case .less: return NormalDistribution.lowerTail(z)
        case .greater: return NormalDistribution.upperTail(z)
        case .twoSided: return 2 * min(NormalDistribution.lowerTail(z), NormalDistribution.upperTail(z))
        }
    }

    /// An estimate, a confidence interval and the level it achieves.
    struct Interval {
        var estimate: Double?
        var low: Double?
        var high: Double?
        var level: Double
        var notes: [String] = []
    }

    /// The tolerance R's `wilcox.test` passes to `uniroot` (`tol.root`).
    static let rootTolerance = 1e-4

    /// The signed-rank interval and pseudo-median of R's normal case.
    /// - Parameters:
    ///   - standardized: The standardized statistic of the values shifted by a candidate location,
    ///     with or without the continuity correction; it decreases as the location grows.
    ///   - lowest: The smallest value (where the statistic is largest).
    ///   - highest: The largest value.
    ///   - median: The median of the values, R's answer when no level below 1 is achievable.
    ///   - options: The test options.
    static func invertSignedRank(
        _ standardizedWithCorrection: (Double, Bool) -> Double, lowest: Double, highest: Double, median: Double,
        options: WilcoxonOptions
    ) -> Interval {
        let alternative = options.alternative
        func standardized(_ shift: Double) -> Double { standardizedWithCorrection(shift, options.continuityCorrection) }
        let atLowest = standardized(lowest)
        let atHighest = atLowest.isFinite ? standardized(highest) : .nan
        guard atHighest.isFinite else {
            return Interval(
                estimate: (lowest + highest) / 2,
                low: alternative == .less ? -.infinity : nil,
                high: alternative == .greater ? .infinity : nil,
                level: 0,
                notes: ["cannot compute a confidence interval when all observations are zero or tied; the estimate is the midrange"])
        }
        func root(_ target: Double) -> Double? {
            BrentRootFinder.root(
                lower: lowest, upper: highest, valueAtLower: atLowest - target,
                valueAtUpper: atHighest - target, tolerance: rootTolerance
            ) { standardized($0) - target }
        }
        var alpha = 1 - options.confidenceLevel
        // Widen alpha until the interval's ends lie within the data's range, as R does.
        while true {
            let tooWide: Bool
            switch alternative {
            case .twoSided:
                tooWide = atLowest - NormalDistribution.upperQuantile(alpha / 2) < 0
                    || atHighest - NormalDistribution.quantile(alpha / 2) > 0
            case .greater:
                tooWide = atLowest - NormalDistribution.upperQuantile(alpha) < 0
            case .less:
                // R compares with the alpha/2 quantile here, although the bound uses alpha.
                tooWide = atHighest - NormalDistribution.quantile(alpha / 2) > 0
            }
            if tooWide { alpha *= 2 } else { break }
        }
        var interval = Interval(level: options.confidenceLevel)
        if alpha >= 1 || 1 - options.confidenceLevel < alpha * 0.75 {
            interval.level = 1 - min(1, alpha)
            interval.notes.append("requested confidence level not achievable with so few differences")
        }
        switch alternative {
        case .twoSided:
            if alpha < 1 {
                interval.low = root(NormalDistribution.upperQuantile(alpha / 2))
                interval.high = root(NormalDistribution.quantile(alpha / 2))
            } else {
                interval.low = median
                interval.high = median
            }
        case .greater:
            interval.low = alpha < 1 ? root(NormalDistribution.upperQuantile(alpha)) : median
            interval.high = .infinity
        case .less:
            interval.low = -.infinity
            interval.high = alpha < 1 ? root(NormalDistribution.quantile(alpha)) : median
        }
        interval.estimate = estimate(standardizedWithCorrection, lowest: lowest, highest: highest)
        if interval.low == nil || interval.high == nil || interval.estimate == nil {
            interval.notes.append("the root finder found no sign change; interval or estimate missing")
        }
        return interval
    }

    /// The rank-sum interval and location shift of R's normal case.
    /// - Parameters:
    ///   - standardized: The standardized statistic with the first group shifted by a candidate
    ///     amount, with or without the continuity correction; it decreases as the shift grows.
    ///   - lowest: min(first) - max(second).
    ///   - highest: max(first) - min(second).
    ///   - options: The test options.
    static func invertRankSum(
        _ standardizedWithCorrection: (Double, Bool) -> Double, lowest: Double, highest: Double, options: WilcoxonOptions
    ) -> Interval {
        func standardized(_ shift: Double) -> Double { standardizedWithCorrection(shift, options.continuityCorrection) }
        let atLowest = standardized(lowest)
        let atHighest = standardized(highest)
        func root(_ target: Double) -> Double? {
            let valueAtLower = atLowest - target
            if valueAtLower <= 0 { return lowest }
            let valueAtUpper = atHighest - target
            if valueAtUpper >= 0 { return highest }
            return BrentRootFinder.root(
                lower: lowest, upper: highest, valueAtLower: valueAtLower,
                valueAtUpper: valueAtUpper, tolerance: rootTolerance
            ) { standardized($0) - target }
        }
        let alpha = 1 - options.confidenceLevel
        var interval = Interval(level: options.confidenceLevel)
        switch options.alternative {
        case .twoSided:
            interval.low = root(NormalDistribution.upperQuantile(alpha / 2))
            interval.high = root(NormalDistribution.quantile(alpha / 2))
        case .greater:
            interval.low = root(NormalDistribution.upperQuantile(alpha))
            interval.high = .infinity
        case .less:
            interval.low = -.infinity
            interval.high = root(NormalDistribution.quantile(alpha))
        }
        interval.estimate = estimate(standardizedWithCorrection, lowest: lowest, highest: highest)
        if atLowest.isNaN || atHighest.isNaN {
            interval.notes.append("cannot compute a confidence interval when all observations are tied")
        } else if interval.low == nil || interval.high == nil || interval.estimate == nil {
            interval.notes.append("the root finder found no sign change; interval or estimate missing")
        }
        return interval
    }

    /// The Hodges-Lehmann estimate of the normal case: the zero of the standardized statistic
    /// without continuity correction (R switches the correction off before this search).
    private static func estimate(
        _ standardizedWithCorrection: (Double, Bool) -> Double, lowest: Double, highest: Double
    ) -> Double? {
        func standardized(_ shift: Double) -> Double { standardizedWithCorrection(shift, false) }
        return BrentRootFinder.root(
            lower: lowest, upper: highest, valueAtLower: standardized(lowest),
            valueAtUpper: standardized(highest), tolerance: rootTolerance, of: standardized)
    }
}
