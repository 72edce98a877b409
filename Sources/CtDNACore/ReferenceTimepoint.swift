import CtDNAModel

/// Which rule chose the reference timepoint.
public enum ReferenceRule: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The higher geometric mean AF over the drivers D.
    case drivers
    /// No drivers: the higher geometric mean AF over all of S.
    case allMutations = "all_mutations"
    /// The tie-break refinement of docs/method.md §5 (two timepoints only).
    case tieBreak = "tie_break"

    /// The rule's name as written in `patients.tsv`.
    public var description: String { rawValue }
}

/// The timepoint at which the clonal set is chosen, and why.
public struct ReferenceTimepoint: Sendable, Equatable, Codable {
    /// Its place in the patient's series, from 0.
    public var index: Int
    /// The rule that chose it.
    public var rule: ReferenceRule

    /// Creates a choice.
    /// - Parameters:
    ///   - index: The timepoint's place in the series.
    ///   - rule: The rule that chose it.
    public init(index: Int, rule: ReferenceRule) {
        self.index = index
        self.rule = rule
    }
}

/// Whether the tie-break refinement of docs/method.md §5 applies to the drivers of a
/// two-timepoint series: two or more drivers detected at one timepoint, their changes (second
/// AF - first AF) pointing both ways, and the changes' sum below `threshold` in absolute value.
/// A driver without coverage at either timepoint has no change and is left out of the changes.
/// - Parameters:
///   - drivers: The members of D, each with two AFs.
///   - threshold: The tie-break threshold (default 0.01).
/// - Returns: `false` for any series that is not of two timepoints.
public func tieBreakApplies(drivers: [SomaticMutation], threshold: Double) -> Bool {
    guard let count = drivers.first?.alleleFractions.count, count == 2 else { return false }
    let twoAtATimepoint = (0..<count).contains { timepoint in
        drivers.filter { ($0.alleleFractions[timepoint] ?? 0) > 0 }.count >= 2
    }
    guard twoAtATimepoint else { return false }
    let changes = drivers.compactMap { driver in
        driver.alleleFractions[1].flatMap { second in driver.alleleFractions[0].map { second - $0 } }
    }
    guard changes.contains(where: { $0 > 0 }), changes.contains(where: { $0 < 0 }) else { return false }
    let sum = changes.reduce(0, +)
    return abs(sum) < threshold
}

/// The reference timepoint (docs/method.md §5): the timepoint with the highest geometric mean
/// AF over D, or over S when D is empty (each timepoint over the members covered there); a tie
/// goes to the earliest. With two timepoints and
/// the tie-break applying, the timepoint where the highest AF among `Oncogenic` drivers is
/// larger (the earlier one on a tie or with no `Oncogenic` driver).
/// - Parameters:
///   - somatic: The set S, each member with an AF at every timepoint.
///   - tieBreakThreshold: The tie-break threshold.
/// - Returns: The choice, or `nil` when S is empty.
public func chooseReferenceTimepoint(
    somatic: [SomaticMutation], tieBreakThreshold: Double
) -> ReferenceTimepoint? {
    guard let timepointCount = somatic.first?.alleleFractions.count else { return nil }
    let drivers = somatic.filter(\.isDriver)
    if !drivers.isEmpty && tieBreakApplies(drivers: drivers, threshold: tieBreakThreshold) {
        let oncogenic = drivers.filter(\.isOncogenic)
        let highest = (0..<2).map { timepoint in oncogenic.compactMap { $0.alleleFractions[timepoint] }.max() ?? 0 }
        return ReferenceTimepoint(index: highest[1] > highest[0] ? 1 : 0, rule: .tieBreak)
    }
    let basis = drivers.isEmpty ? somatic : drivers
    var best = 0, bestMean = -Double.infinity
    for timepoint in 0..<timepointCount {
        let mean = Averages.geometricMeanOfPositive(basis.compactMap { $0.alleleFractions[timepoint] })
        if mean > bestMean { (best, bestMean) = (timepoint, mean) }
    }
    return ReferenceTimepoint(index: best, rule: drivers.isEmpty ? .allMutations : .drivers)
}
