import CtDNAModel

/// A mutation's copy numbers in the tumour: the total C_T and the mutant m.
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

/// Which step of the rule gave a tissue mutation its mutant copy number m (METHOD.md 3.9, the
/// published code's rule; docs/method.md §9). The raw value is the audit's `tissue_m_rule`.
public enum MutantCopyRule: String, Sendable, Hashable {
    /// m = the table's `expected_alt_copies`.
    case expectedAltCopies = "expected_alt_copies"
    /// M = lcn (M = C_T - lcn, the major copy number): m = lcn.
    case majorEqualsMinor = "major_equals_minor"
    /// lcn = 0 (or missing): m = M.
    case minorZero = "minor_zero"
    /// M is nearer than lcn to the tissue's mutant copies t: m = M.
    case nearerMajor = "nearer_major"
    /// lcn is nearer than M to t: m = lcn.
    case nearerMinor = "nearer_minor"
    /// M and lcn are equally near t: m = lcn.
    case tieMinor = "tie_minor"
}

/// Why a tissue mutation has no mutant copy number. The raw value is the audit note.
public enum MutantCopyProblem: String, Sendable, Hashable, Error {
    /// The row has no total copy number C_T.
    case noTotalCopies = "tissue_no_total_copies"
    /// The rule needs the tissue's mutant copies t, and the row has no purity.
    case noPurity = "tissue_no_purity"
    /// The rule needs t, and the row has no tissue allele fraction (no counts, or none covered).
    case noTissueAlleleFraction = "tissue_no_allele_fraction"
}

/// m and the step of the rule that gave it.
public struct MutantCopies: Sendable, Equatable {
    /// The mutant copy number m.
    public var value: Double
    /// The step that chose it.
    public var rule: MutantCopyRule

    /// Creates a choice.
    public init(_ value: Double, rule: MutantCopyRule) {
        self.value = value
        self.rule = rule
    }
}

/// N, the copies of a locus in a normal cell: 1 on X and Y in a male, 2 elsewhere.
/// - Parameters:
///   - chromosome: The chromosome, without `chr` (`X`, `Y`, `7`).
///   - isMale: Whether the patient's sheet `sex` is male; an unknown sex counts as 2 copies.
public func normalCopies(on chromosome: String, isMale: Bool) -> Double {
    isMale && (chromosome == "X" || chromosome == "x" || chromosome == "Y" || chromosome == "y") ? 1 : 2
}

/// The mutant copy number m of a tissue mutation, step by step as the published code chooses it
/// (METHOD.md 3.9):
///
/// 1. `expected_alt_copies`, when the row has it;
/// 2. otherwise lcn (missing counts as 0) and M = C_T - lcn: if M = lcn, m = lcn;
/// 3. else if lcn = 0, m = M;
/// 4. else the tissue's mutant copies t = VAF·(C_T·P + N·(1 - P)) / P, and m is whichever of M and
///    lcn is nearer t, lcn on a tie.
///
/// - Parameters:
///   - row: The tissue row (C_T, lcn, `expected_alt_copies`, purity P, tissue counts).
///   - normalCopies: N at the mutation's locus.
/// - Returns: m with its step, or why there is none: no C_T (needed for p in any case), or,
///   when step 4 is reached, no purity or no tissue allele fraction.
public func mutantCopies(of row: TissueMutation, normalCopies: Double) -> Result<MutantCopies, MutantCopyProblem> {
    guard let total = row.totalCopies else { return .failure(.noTotalCopies) }
    if let expected = row.expectedAltCopies { return .success(MutantCopies(expected, rule: .expectedAltCopies)) }
    let minor = row.minorCopies ?? 0
    let major = total - minor
    if major == minor { return .success(MutantCopies(minor, rule: .majorEqualsMinor)) }
    if minor == 0 { return .success(MutantCopies(major, rule: .minorZero)) }
    guard let purity = row.purity else { return .failure(.noPurity) }
    guard let fraction = row.alleleFraction else { return .failure(.noTissueAlleleFraction) }
    let tissueMutantCopies = fraction * (total * purity + normalCopies * (1 - purity)) / purity
    let toMajor = abs(major - tissueMutantCopies), toMinor = abs(minor - tissueMutantCopies)
    if toMajor < toMinor { return .success(MutantCopies(major, rule: .nearerMajor)) }
    return .success(MutantCopies(minor, rule: toMinor < toMajor ? .nearerMinor : .tieMinor))
}

/// The tumour fraction implied by one mutation (METHOD.md 3.9): p = N·AF / (m + (N - C_T)·AF).
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

/// The tissue row each of a patient's tissue mutations uses (METHOD.md 3.9): only rows marked
/// clonal when the table marks clonality, and of a mutation's rows the one with the highest
/// purity (a row without purity ranks below any with one; on a tie, the first in table order).
/// - Parameter rows: The patient's tissue rows, in table order.
/// - Returns: The chosen row of each mutation, and the mutations all of whose rows are marked
///   not clonal.
public func chooseTissueRows(_ rows: [TissueMutation]) -> (chosen: [MutationKey: TissueMutation], notClonal: Set<MutationKey>) {
    var chosen: [MutationKey: TissueMutation] = [:]
    var notClonal: Set<MutationKey> = []
    for row in rows {
        if row.isClonal == false {
            notClonal.insert(row.key)
            continue
        }
        if let kept = chosen[row.key], (kept.purity ?? -1) >= (row.purity ?? -1) { continue }
        chosen[row.key] = row
    }
    notClonal.subtract(chosen.keys)
    return (chosen, notClonal)
}

/// What the tumour-informed mode made of one tissue mutation that the patient's plasma also has.
public struct TissueEstimate: Sendable, Equatable {
    /// The tissue row used (``chooseTissueRows(_:)``).
    public var row: TissueMutation
    /// N at the mutation's locus.
    public var normalCopies: Double
    /// m, or why there is none.
    public var mutantCopies: Result<MutantCopies, MutantCopyProblem>
    /// p at each timepoint of the series; all `nil` when the mutation is not in S (it left the
    /// set) or has no m, and `nil` at a timepoint without coverage or whose denominator is not
    /// positive.
    public var purities: [Double?]
    /// The timepoints (by index) whose denominator m + (N - C_T)·AF is not positive.
    public var nonPositiveDenominators: [Int]
    /// Whether the mutation is in S (kept by every filter).
    public var inSomaticSet: Bool

    /// Works out m and, when `inSomaticSet`, p at each timepoint.
    /// - Parameters:
    ///   - row: The tissue row used.
    ///   - alleleFractions: The mutation's plasma AF at each timepoint (`nil`: no coverage).
    ///   - isMale: Whether N is 1 on X and Y.
    ///   - inSomaticSet: Whether the mutation is in S (kept by every filter): only then it gives p.
    public init(row: TissueMutation, alleleFractions: [Double?], isMale: Bool, inSomaticSet: Bool) {
        self.row = row
        normalCopies = CtDNACore.normalCopies(on: row.key.chromosome, isMale: isMale)
        mutantCopies = CtDNACore.mutantCopies(of: row, normalCopies: normalCopies)
        purities = alleleFractions.map { _ in nil }
        nonPositiveDenominators = []
        self.inSomaticSet = inSomaticSet
        guard inSomaticSet, case let .success(m) = mutantCopies, let total = row.totalCopies else { return }
        let copies = MutantCopyNumber(totalCopies: total, mutantCopies: m.value)
        for (index, fraction) in alleleFractions.enumerated() {
            guard let fraction else { continue }
            if let p = tumourInformedPurity(alleleFraction: fraction, copyNumber: copies, normalCopies: normalCopies) {
                purities[index] = p
            } else {
                nonPositiveDenominators.append(index)
            }
        }
    }

    /// Whether the mutation enters the tumour-informed fraction: it is in S and has m.
    public var isUsed: Bool {
        if case .success = mutantCopies { return inSomaticSet }
        return false
    }
}

/// The tumour-informed ctDNA fraction at one timepoint (METHOD.md 3.9): the geometric mean of
/// the positive p of the mutations used, 0 when none is positive; `nil` when no mutation gives a
/// p there (none covered, or every denominator not positive). With m = 1 and C_T = 2 for every
/// mutation it equals ``ctDNAFraction(clonalAlleleFractions:)`` over the same mutations.
/// - Parameter purities: Each used mutation's p at the timepoint (`nil`: none), in key order.
public func tumourInformedFraction(purities: [Double?]) -> Double? {
    let values = purities.compactMap { $0 }
    return values.isEmpty ? nil : Averages.geometricMeanOfPositive(values)
}

/// A patient's tissue copy numbers for the tumour-informed mode.
public struct PatientTissue: Sendable, Equatable {
    /// The patient's tissue rows, in table order (several samples' rows may name one mutation).
    public var rows: [TissueMutation]
    /// Whether the patient is male (sheet `sex` = `M`): N is then 1 on X and Y.
    public var isMale: Bool

    /// Creates a patient's tissue data.
    /// - Parameters:
    ///   - rows: The tissue rows, in table order.
    ///   - isMale: Whether the patient is male.
    public init(rows: [TissueMutation], isMale: Bool = false) {
        self.rows = rows
        self.isMale = isMale
    }
}
