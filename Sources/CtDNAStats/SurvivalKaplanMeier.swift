#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quantile of survival time (the median, say) with its confidence interval; `nil` stands for
/// R's `NA` (the curve, or a confidence limit, never reaches the required level).
public struct SurvivalQuantile: Sendable, Hashable {
    /// The estimated time, or nil when not reached.
    public var estimate: Double?
    /// Lower confidence limit (from the lower confidence curve), or nil.
    public var lower: Double?
    /// Upper confidence limit (from the upper confidence curve), or nil when not reached.
    public var upper: Double?

    /// A quantile and its limits.
    /// - Parameters:
    ///   - estimate: The time, or nil when not reached.
    ///   - lower: The lower limit, or nil.
    ///   - upper: The upper limit, or nil.
    public init(estimate: Double?, lower: Double?, upper: Double?) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}

/// The Kaplan-Meier estimate of the survival function, as R's
/// `survival::survfit(Surv(time, event) ~ 1)` with its defaults (`conf.type = "log"`).
///
/// Invariants: `steps` has one entry per distinct observed time (event or censoring), in
/// increasing order; survival is non-increasing; at a time with both events and censorings, the
/// censored patients count as at risk at that time (they leave just after it).
public struct KaplanMeierCurve: Sendable, Hashable {
    /// The curve at one distinct observed time.
    public struct Step: Sendable, Hashable {
        /// The time.
        public var time: Double
        /// Patients whose time is at or after `time` (R's `n.risk`).
        public var numberAtRisk: Int
        /// Events at `time` (R's `n.event`).
        public var events: Int
        /// Censorings at `time` (R's `n.censor`).
        public var censored: Int
        /// S(time), the estimated probability of no event up to and including `time`.
        public var survival: Double
        /// Greenwood standard error of the cumulative hazard, sqrt(sum d / (n (n - d))) over the
        /// event times so far: R's `fit$std.err` (which is se(S) / S). Infinite once S reaches 0.
        public var cumulativeHazardStandardError: Double
        /// Greenwood standard error of S itself, `survival * cumulativeHazardStandardError`
        /// (R's `summary(fit)$std.err`); NaN once S reaches 0, as in R.
        public var standardError: Double
        /// Lower limit of the log-transformed interval, S exp(-z se); nil when S is 0.
        public var lower: Double?
        /// Upper limit of the log-transformed interval, min(1, S exp(z se)); nil when S is 0.
        public var upper: Double?
    }

    /// The curve at a chosen time, as R's `summary(fit, times = ..., extend = TRUE)`.
    public struct Point: Sendable, Hashable {
        /// The chosen time.
        public var time: Double
        /// Patients whose time is at or after `time` (0 after the last observation).
        public var numberAtRisk: Int
        /// Events after the previous chosen time (or from the start) up to and including `time`.
        public var events: Int
        /// S(time): the curve's value at the last step at or before `time` (1 before the first).
        public var survival: Double
        /// Greenwood standard error of S at `time` (0 before the first event).
        public var standardError: Double
        /// Lower limit of the log-transformed interval; nil when S is 0.
        public var lower: Double?
        /// Upper limit of the log-transformed interval; nil when S is 0.
        public var upper: Double?
    }

    /// One step per distinct time, in increasing time order.
    public let steps: [Step]
    /// The level of the pointwise intervals (0.95 by default).
    public let confidenceLevel: Double
    /// Number of patients.
    public let count: Int
    /// Number of events.
    public let eventCount: Int

    /// Estimates the curve.
    /// - Parameters:
    ///   - observations: One per patient, in any order (times finite and at least 0).
    ///   - confidenceLevel: Level of the pointwise log-transformed intervals, in (0, 1).
    /// - Throws: ``SurvivalError`` for no observations, a NaN, infinite or negative time, or an
    ///   invalid confidence level.
    public init(_ observations: [SurvivalObservation], confidenceLevel: Double = 0.95) throws(SurvivalError) {
        try SurvivalError.validate(observations)
        try SurvivalError.validate(confidenceLevel: confidenceLevel)
        let sorted = observations.sorted { $0.time < $1.time }
        let z = NormalDistribution.upperQuantile((1 - confidenceLevel) / 2)
        var steps: [Step] = []
        var survival = 1.0
        var greenwood = 0.0
        var atRisk = sorted.count
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0
            var censored = 0
            while index < sorted.count && sorted[index].time == time {
                if sorted[index].event { events += 1 } else { censored += 1 }
                index += 1
            }
            if events > 0 {
                let n = Double(atRisk)
                let d = Double(events)
                survival *= (n - d) / n
                greenwood += d / (n * (n - d))   // +infinity when every patient at risk has the event
            }
            let hazardError = greenwood.squareRoot()
            let interval = Self.logInterval(survival: survival, hazardError: hazardError, z: z)
            steps.append(Step(
                time: time, numberAtRisk: atRisk, events: events, censored: censored,
                survival: survival, cumulativeHazardStandardError: hazardError,
                standardError: hazardError * survival, lower: interval.lower, upper: interval.upper))
            atRisk -= events + censored
        }
        self.steps = steps
        self.confidenceLevel = confidenceLevel
        self.count = sorted.count
        self.eventCount = sorted.reduce(0) { $0 + ($1.event ? 1 : 0) }
    }

    /// R's `conf.type = "log"` interval: exp(log S -+ z se_H), the upper limit capped at 1;
    /// both nil when S is 0.
    static func logInterval(survival: Double, hazardError: Double, z: Double) -> (lower: Double?, upper: Double?) {
        guard survival != 0 else { return (nil, nil) }
        let spread = z * hazardError
        return (exp(log(survival) - spread), min(exp(log(survival) + spread), 1))
    }

    /// The median survival time and its interval by the rule of R's `print(fit)` (and
    /// `summary(fit)$table`): the first time the curve is at or below 0.5; if the curve sits at
    /// 0.5 (within sqrt(machine epsilon)) there and drops below later, the midpoint of that time
    /// and the time of the drop. The limits apply the same rule to the lower and upper confidence
    /// curves. Nil when not reached.
    public var median: SurvivalQuantile {
        let times = steps.map(\.time)
        return SurvivalQuantile(
            estimate: Self.printMedian(times: times, values: steps.map { $0.survival }),
            lower: Self.printMedian(times: times, values: steps.map(\.lower)),
            upper: Self.printMedian(times: times, values: steps.map(\.upper)))
    }

    /// survmean's rule over one curve; nil values (R's NA) are skipped.
    private static func printMedian(times: [Double], values: [Double?]) -> Double? {
        let tolerance = Double.ulpOfOne.squareRoot()
        let kept = zip(times, values).compactMap { time, value -> (Double, Double)? in
            guard let value, value < 0.5 + tolerance else { return nil }
            return (time, value)
        }
        guard let first = kept.first else { return nil }
        if abs(first.1 - 0.5) < tolerance, let drop = kept.first(where: { $0.1 < first.1 }) {
            return (first.0 + drop.0) / 2
        }
        return first.0
    }

    /// The time by which a fraction `probability` of patients has had the event (the median for
    /// 0.5), with its interval, by the rule of R's `quantile(fit, probs)` (`quantile.survfit`):
    /// the first time 1 - S reaches `probability` (within sqrt(machine epsilon)); where the curve
    /// is flat at exactly that level, the midpoint of the time it got there and the time it
    /// leaves it, or of that time and the last observed time when it never leaves. Differs from
    /// ``median`` only for a curve flat at the level up to its end. Limits from the lower and
    /// upper confidence curves; nil when not reached.
    /// - Parameter probability: In [0, 1] (0 gives the start of follow-up).
    /// - Returns: The quantile and its limits.
    /// - Throws: ``SurvivalError/invalidProbability(_:)`` outside [0, 1] or for NaN.
    public func quantile(_ probability: Double) throws(SurvivalError) -> SurvivalQuantile {
        guard probability >= 0 && probability <= 1 else { throw .invalidProbability(probability) }
        let start = min(0, steps.first?.time ?? 0)
        let times = [start] + steps.map(\.time)
        func curve(_ value: (Step) -> Double?) -> [Double?] {
            [0] + steps.map { step in value(step).map { 1 - $0 } }
        }
        return SurvivalQuantile(
            estimate: Self.findQuantile(times: times, levels: curve { $0.survival }, probability: probability),
            lower: Self.findQuantile(times: times, levels: curve(\.lower), probability: probability),
            upper: Self.findQuantile(times: times, levels: curve(\.upper), probability: probability))
    }

    /// quantile.survfit's search over one non-decreasing curve of 1 - S (nil for NA).
    private static func findQuantile(times allTimes: [Double], levels allLevels: [Double?], probability p: Double) -> Double? {
        let tolerance = Double.ulpOfOne.squareRoot()
        let present = allLevels.compactMap { $0 }
        guard let highest = present.max(), highest >= p else { return nil }
        let lastTime = allTimes[allTimes.count - 1]
        // Keep the first time of each distinct level (NA counted as one level, as `duplicated`).
        var times: [Double] = []
        var levels: [Double?] = []
        for (time, level) in zip(allTimes, allLevels) where !levels.contains(where: { $0 == level }) {
            times.append(time)
            levels.append(level)
        }
        // approx(levels +- tolerance, index, p, "constant", f = 1): approx orders its points by
        // level (a confidence curve need not be monotone), then takes the first point whose
        // shifted level is >= p, provided p lies within the range of the shifted levels.
        func firstIndex(shift: Double) -> Int? {
            let shifted = levels.enumerated()
                .compactMap { index, level in level.map { (index: index, level: $0 + shift) } }
                .sorted { ($0.level, $0.index) < ($1.level, $1.index) }
            guard let low = shifted.first?.level, let high = shifted.last?.level, p >= low, p <= high else { return nil }
            return shifted.first { $0.level >= p }?.index
        }
        if p == 0 { return times[0] }
        let first = firstIndex(shift: tolerance)
        let second = firstIndex(shift: -tolerance)
        if let last = levels[levels.count - 1], abs(p - last) < tolerance {
            return first.map { (times[$0] + lastTime) / 2 }
        }
        guard let first, let second else { return nil }
        return (times[first] + times[second]) / 2
    }

    /// The curve at chosen times, as R's `summary(fit, times = times, extend = TRUE)`.
    /// - Parameter times: Times to report at, in increasing order (not NaN).
    /// - Returns: One point per time: numbers at risk, events since the previous time, S, its
    ///   standard error and interval.
    /// - Throws: ``SurvivalError/invalidTime(_:)`` for a NaN time.
    public func points(at times: [Double]) throws(SurvivalError) -> [Point] {
        if let bad = times.first(where: { $0.isNaN }) { throw .invalidTime(bad) }
        let z = NormalDistribution.upperQuantile((1 - confidenceLevel) / 2)
        var points: [Point] = []
        var previous = -Double.infinity
        for time in times {
            let last = steps.lastIndex { $0.time <= time }
            let atRisk = steps.first { $0.time >= time }?.numberAtRisk ?? 0
            let events = steps.reduce(0) { $0 + ($1.time > previous && $1.time <= time ? $1.events : 0) }
            if let last {
                let step = steps[last]
                points.append(Point(time: time, numberAtRisk: atRisk, events: events, survival: step.survival,
                                    standardError: step.standardError, lower: step.lower, upper: step.upper))
            } else {
                let interval = Self.logInterval(survival: 1, hazardError: 0, z: z)
                points.append(Point(time: time, numberAtRisk: atRisk, events: events, survival: 1,
                                    standardError: 0, lower: interval.lower, upper: interval.upper))
            }
            previous = time
        }
        return points
    }
}
