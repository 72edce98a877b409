import CtDNAIO

/// The clonal mutations C of a patient (METHOD.md 3.5).
public struct ClonalSet: Sendable, Equatable {
    /// The members of C, in key order.
    public var members: [SomaticMutation]
    /// The highest AF in S at the reference timepoint.
    public var highestAlleleFraction: Double
    /// The cut-off: clonal fraction x highest AF.
    public var threshold: Double

    /// Creates a clonal set.
    /// - Parameters:
    ///   - members: the clonal mutations.
    ///   - highestAlleleFraction: the highest AF in S at the reference.
    ///   - threshold: the AF cut-off.
    public init(members: [SomaticMutation], highestAlleleFraction: Double, threshold: Double) {
        self.members = members
        self.highestAlleleFraction = highestAlleleFraction
        self.threshold = threshold
    }

    /// The keys of the members.
    public var keys: Set<MutationKey> { Set(members.map(\.key)) }
}

/// The clonal set: members of S (not only drivers) whose AF at the reference timepoint is at least
/// `clonalFraction` x the highest AF in S there, and above 0.
/// - Parameters:
///   - somatic: the set S, in key order.
///   - reference: the reference timepoint.
///   - clonalFraction: the share of the highest AF (default 0.3).
/// - Returns: the clonal set.
public func selectClonalSet(
    somatic: [SomaticMutation], reference: Timepoint, clonalFraction: Double
) -> ClonalSet {
    let highest = somatic.map { $0.alleleFraction(at: reference) }.max() ?? 0
    let threshold = clonalFraction * highest
    let members = somatic.filter {
        let af = $0.alleleFraction(at: reference)
        return af > 0 && af >= threshold
    }
    return ClonalSet(members: members, highestAlleleFraction: highest, threshold: threshold)
}

/// The ctDNA fraction at one timepoint (METHOD.md 3.6): 2 x the geometric mean of the non-zero
/// AFs of the clonal mutations (one mutant and one normal copy); 0 when all are 0.
/// - Parameter clonalAlleleFractions: the clonal mutations' AFs at the timepoint, in key order.
/// - Returns: the fraction; above 1 is possible (LOH, amplification, germline) and is flagged by the caller.
public func ctDNAFraction(clonalAlleleFractions: [Double]) -> Double {
    2 * geometricMeanOfPositive(clonalAlleleFractions)
}
