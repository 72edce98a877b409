import CtDNAModel

/// The clonal mutations C of a patient (docs/method.md §6).
public struct ClonalSet: Sendable, Equatable {
    /// Members of S covered at the reference timepoint whose AF there is positive and at least
    /// ``threshold``.
    public var members: [SomaticMutation]
    /// The highest AF in S at the reference timepoint (over the members covered there).
    public var highestAlleleFraction: Double
    /// `clonalFraction` x ``highestAlleleFraction``.
    public var threshold: Double

    /// Creates a clonal set.
    /// - Parameters:
    ///   - members: The clonal mutations.
    ///   - highestAlleleFraction: The highest AF in S at the reference timepoint.
    ///   - threshold: The AF a member must reach.
    public init(members: [SomaticMutation], highestAlleleFraction: Double, threshold: Double) {
        self.members = members
        self.highestAlleleFraction = highestAlleleFraction
        self.threshold = threshold
    }

    /// The members' keys.
    public var keys: Set<MutationKey> { Set(members.map(\.key)) }
}

/// Chooses the clonal set: every member of S (not only the drivers) whose AF at the reference
/// timepoint is at least `clonalFraction` x the highest AF in S there.
/// - Parameters:
///   - somatic: The set S.
///   - reference: The reference timepoint's place in the series.
///   - clonalFraction: The share of the highest AF a member must reach (default 0.3).
/// - Returns: The clonal set.
public func selectClonalSet(somatic: [SomaticMutation], reference: Int, clonalFraction: Double) -> ClonalSet {
    let highest = somatic.compactMap { $0.alleleFractions[reference] }.max() ?? 0
    let threshold = clonalFraction * highest
    let members = somatic.filter {
        guard let af = $0.alleleFractions[reference] else { return false }
        return af > 0 && af >= threshold
    }
    return ClonalSet(members: members, highestAlleleFraction: highest, threshold: threshold)
}

/// The ctDNA fraction at one timepoint (docs/method.md §6): 2 x the geometric mean of the
/// non-zero AFs of the clonal mutations covered there (one mutant and one normal copy); 0 when
/// all are 0; no value (`nil`) when no clonal mutation is covered there. It may exceed 1 (loss
/// of heterozygosity, amplification, a germline variant): the caller flags that.
/// - Parameter clonalAlleleFractions: The clonal mutations' AFs at the timepoint, `nil` where
///   a mutation has no coverage.
public func ctDNAFraction(clonalAlleleFractions: [Double?]) -> Double? {
    let covered = clonalAlleleFractions.compactMap { $0 }
    guard !covered.isEmpty else { return nil }
    return 2 * Averages.geometricMeanOfPositive(covered)
}
