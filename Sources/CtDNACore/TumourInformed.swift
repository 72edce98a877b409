import CtDNAModel

/// A mutation's copy numbers in the tumour (for example FACETS `tcn` and `expected_alt_copies`).
public struct MutantCopyNumber: Sendable, Equatable {
    /// Total copy number of the locus in the tumour, C_T.
    public var totalCopies: Double
    /// Copies carrying the mutation, m.
    public var mutantCopies: Double

    /// Creates copy numbers.
    /// - Parameters:
    ///   - totalCopies: C_T.
    ///   - mutantCopies: m.
    public init(totalCopies: Double, mutantCopies: Double) {
        self.totalCopies = totalCopies
        self.mutantCopies = mutantCopies
    }
}

/// The tumour fraction implied by one mutation (docs/method.md §9): p = N·AF / (m + (N - C_T)·AF).
/// - Parameters:
///   - alleleFraction: the plasma AF.
///   - copyNumber: the mutation's tumour copy numbers.
///   - normalCopies: N, copies in normal cells (2; 1 on X and Y in males).
/// - Returns: p, or `nil` when the denominator is not positive (inconsistent copy numbers).
public func tumourInformedPurity(
    alleleFraction: Double, copyNumber: MutantCopyNumber, normalCopies: Double = 2
) -> Double? {
    let denominator = copyNumber.mutantCopies + (normalCopies - copyNumber.totalCopies) * alleleFraction
    guard denominator > 0 else { return nil }
    return normalCopies * alleleFraction / denominator
}

/// The tumour-informed ctDNA fraction at one timepoint: the geometric mean of the positive p over
/// the clonal mutations that have copy numbers (0 when none is positive). With m = 1 and C_T = 2
/// for every mutation this equals ``ctDNAFraction(clonalAlleleFractions:)``.
/// - Parameters:
///   - clonal: pairs of (AF at the timepoint, copy numbers), in key order.
///   - normalCopies: N (default 2).
/// - Returns: the fraction.
public func tumourInformedFraction(
    clonal: [(alleleFraction: Double, copyNumber: MutantCopyNumber)], normalCopies: Double = 2
) -> Double {
    Averages.geometricMeanOfPositive(clonal.compactMap {
        tumourInformedPurity(alleleFraction: $0.alleleFraction, copyNumber: $0.copyNumber, normalCopies: normalCopies)
    })
}
