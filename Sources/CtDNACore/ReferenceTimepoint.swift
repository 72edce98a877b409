/// Which rule chose the reference timepoint.
public enum ReferenceRule: String, Sendable, Hashable, CustomStringConvertible {
    /// Higher geometric mean AF over the drivers D.
    case drivers
    /// No drivers: higher geometric mean AF over all of S.
    case allMutations = "all_mutations"
    /// The tie-break refinement of METHOD.md 3.4.
    case tieBreak = "tie_break"

    /// The table spelling.
    public var description: String { rawValue }
}

/// The timepoint at which the clonal set is chosen, and why.
public struct ReferenceTimepoint: Sendable, Equatable {
    /// The chosen timepoint.
    public var timepoint: Timepoint
    /// The rule that chose it.
    public var rule: ReferenceRule

    /// Creates the choice.
    /// - Parameters:
    ///   - timepoint: the chosen timepoint.
    ///   - rule: the rule that chose it.
    public init(timepoint: Timepoint, rule: ReferenceRule) {
        self.timepoint = timepoint
        self.rule = rule
    }
}

/// Whether the tie-break refinement of METHOD.md 3.4 applies to the drivers.
///
/// It applies when at least one timepoint has two or more drivers with AF > 0, the drivers'
/// changes (follow-up - baseline) include both a rise and a fall (zero changes point nowhere),
/// and the absolute sum of the changes is below `threshold`.
/// - Parameters:
///   - drivers: the members of D, in key order.
///   - threshold: the tie-break threshold (default 0.01).
/// - Returns: `true` when the tie-break decides the reference timepoint.
public func tieBreakApplies(drivers: [SomaticMutation], threshold: Double) -> Bool {
    let twoAtATimepoint = Timepoint.allCases.contains { timepoint in
        drivers.filter { $0.alleleFraction(at: timepoint) > 0 }.count >= 2
    }
    guard twoAtATimepoint else { return false }
    let changes = drivers.map(\.change)
    guard changes.contains(where: { $0 > 0 }), changes.contains(where: { $0 < 0 }) else { return false }
    let sum = changes.reduce(0, +)
    return abs(sum) < threshold
}

/// The reference timepoint (METHOD.md 3.4).
///
/// The timepoint with the higher geometric mean AF (non-zero AFs only) over the drivers D, or
/// over all of S when D is empty; a tie goes to baseline. When ``tieBreakApplies(drivers:threshold:)``,
/// the timepoint where the highest AF among `Oncogenic` drivers is larger wins instead (a tie, or
/// no `Oncogenic` driver, gives baseline).
/// - Parameters:
///   - somatic: the set S, in key order.
///   - tieBreakThreshold: the tie-break threshold (default 0.01).
/// - Returns: the reference timepoint, or `nil` when S is empty.
public func chooseReferenceTimepoint(
    somatic: [SomaticMutation], tieBreakThreshold: Double
) -> ReferenceTimepoint? {
    guard !somatic.isEmpty else { return nil }
    let drivers = somatic.filter(\.isDriver)
    if !drivers.isEmpty && tieBreakApplies(drivers: drivers, threshold: tieBreakThreshold) {
        let oncogenic = drivers.filter(\.isOncogenic)
        let highestBaseline = oncogenic.map(\.baseline).max() ?? 0
        let highestFollowup = oncogenic.map(\.followup).max() ?? 0
        return ReferenceTimepoint(
            timepoint: highestFollowup > highestBaseline ? .followup : .baseline, rule: .tieBreak)
    }
    let basis = drivers.isEmpty ? somatic : drivers
    let rule: ReferenceRule = drivers.isEmpty ? .allMutations : .drivers
    let baseline = geometricMeanOfPositive(basis.map(\.baseline))
    let followup = geometricMeanOfPositive(basis.map(\.followup))
    return ReferenceTimepoint(timepoint: followup > baseline ? .followup : .baseline, rule: rule)
}
