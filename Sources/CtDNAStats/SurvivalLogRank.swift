/// The log-rank test comparing survival between k >= 2 groups, as R's
/// `survival::survdiff(Surv(time, event) ~ group)` (rho = 0: every event time weighs the same).
///
/// At each distinct event time with n patients at risk (n_j in group j) and d events, group j
/// expects d n_j / n events; the covariance of the observed-minus-expected counts adds
/// d (n - d) / (n - 1) * n_j / n * (delta_jk - n_k / n). Patients censored at an event time count
/// as at risk at it. Groups with no expected events (everyone censored before the first event)
/// are left out of the statistic, as in R; the statistic is (O - E)' V^- (O - E) over the remaining
/// groups but the first, with a generalised inverse if V is singular, and df = (groups with
/// expected > 0) - 1.
public struct LogRankTest: Sendable, Hashable {
    /// One group's counts.
    public struct Group: Sendable, Hashable {
        /// The group's label.
        public var name: String
        /// Number of patients.
        public var count: Int
        /// Observed events.
        public var observed: Double
        /// Expected events under equal hazards.
        public var expected: Double
    }

    /// The groups, in the order of `levels` (sorted labels by default).
    public let groups: [Group]
    /// Covariance matrix of observed - expected, k x k, in the order of `groups`.
    public let variance: [[Double]]
    /// The chi-square statistic, degrees of freedom and p-value. With fewer than two groups
    /// that have expected events, the statistic is 0 and df 0 (p-value NaN).
    public let test: ChiSquareTest

    /// Runs the test.
    /// - Parameters:
    ///   - observations: One per patient (times finite and at least 0).
    ///   - groups: Each patient's group label, same length as `observations`.
    ///   - levels: The groups in the order to report them; by default the distinct labels sorted
    ///     (R's factor order for plain ASCII labels). Every label must be among them; a level
    ///     without patients is reported with zero counts and left out of the statistic.
    /// - Throws: ``SurvivalError`` for invalid times, mismatched lengths, unknown labels, or
    ///   fewer than two groups.
    public init(_ observations: [SurvivalObservation], groups: [String], levels: [String]? = nil) throws(SurvivalError) {
        try SurvivalError.validate(observations)
        guard groups.count == observations.count else {
            throw .lengthMismatch(label: "group", observations: observations.count, values: groups.count)
        }
        let names = levels ?? Array(Set(groups)).sorted()
        guard names.count >= 2 else { throw .tooFewGroups(count: names.count) }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where position[name] == nil { position[name] = index }
        var memberships: [Int] = []
        for label in groups {
            guard let index = position[label] else { throw .unknownGroup(label) }
            memberships.append(index)
        }
        let k = names.count
        var atRisk = [Int](repeating: 0, count: k)
        for group in memberships { atRisk[group] += 1 }
        let counts = atRisk
        var observed = [Double](repeating: 0, count: k)
        var expected = [Double](repeating: 0, count: k)
        var variance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        let order = observations.indices.sorted { observations[$0].time < observations[$1].time }
        var start = 0
        while start < order.count {
            let time = observations[order[start]].time
            var end = start
            var deaths = [Int](repeating: 0, count: k)
            var leaving = [Int](repeating: 0, count: k)
            while end < order.count && observations[order[end]].time == time {
                let patient = order[end]
                leaving[memberships[patient]] += 1
                if observations[patient].event { deaths[memberships[patient]] += 1 }
                end += 1
            }
            let d = Double(deaths.reduce(0, +))
            if d > 0 {
                let n = Double(atRisk.reduce(0, +))
                let spread = n > 1 ? d * (n - d) / (n - 1) : 0
                for j in 0..<k {
                    let share = Double(atRisk[j]) / n
                    observed[j] += Double(deaths[j])
                    expected[j] += d * share
                    for m in 0..<k {
                        let other = Double(atRisk[m]) / n
                        variance[j][m] += spread * share * ((j == m ? 1 : 0) - other)
                    }
                }
            }
            for j in 0..<k { atRisk[j] -= leaving[j] }
            start = end
        }
        self.groups = (0..<k).map { Group(name: names[$0], count: counts[$0], observed: observed[$0], expected: expected[$0]) }
        self.variance = variance
        let used = (0..<k).filter { expected[$0] > 0 }
        if used.count < 2 {
            self.test = ChiSquareTest(statistic: 0, degreesOfFreedom: 0)
            return
        }
        let kept = Array(used.dropFirst())
        let difference = kept.map { observed[$0] - expected[$0] }
        let matrix = kept.map { row in kept.map { variance[row][$0] } }
        let statistic = SymmetricFactorization(matrix).quadraticForm(difference)
        self.test = ChiSquareTest(statistic: statistic, degreesOfFreedom: used.count - 1)
    }
}
