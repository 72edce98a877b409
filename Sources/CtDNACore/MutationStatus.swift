import CtDNAModel

/// Why a mutation is in, or out of, the somatic set S, as written in the audit table.
///
/// The cases after ``kept`` are listed in the order the method checks them: a mutation's status
/// is the first that applies (``precedence``), and every one that applies goes to the audit notes.
public enum MutationStatus: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// In S.
    case kept
    /// AF 0 at both timepoints (absent, zeroed by the read rule, or uncovered): not in the union.
    case notDetected = "not_detected"
    /// The table has a call-status column and the mutation is called at neither timepoint.
    case notCalled = "not_called"
    /// Detected at one timepoint, but another has a row with alt + ref = 0 (no AF), and the method
    /// drops such mutations (`--drop-uncovered`); by default the mutation stays, with no value
    /// there and the note `no_coverage_<timepoint>`.
    case noCoverage = "no_coverage"
    /// The gene is on the CH gene list.
    case chGene = "ch_gene"
    /// The variant is on the CH / artifact variant list.
    case chVariant = "ch_variant"
    /// Plasma AF below `normalRatio` x matched-normal AF.
    case matchedNormal = "matched_normal"
    /// Gene symbol starts with `LOC`.
    case locGene = "loc_gene"
    /// A row has fewer reads than the minimum depth.
    case lowDepth = "low_depth"
    /// Population allele frequency above the maximum.
    case populationAlleleFrequency = "population_af"
    /// On the user's drop list for this patient.
    case manual
    /// The patient lacks a timepoint and is not analysed.
    case excluded

    /// The audit-table spelling (`ch_gene`, `kept`, ...).
    public var description: String { rawValue }

    /// The fixed order in which reasons are checked; the first that applies is the status.
    public static let precedence: [MutationStatus] = [
        .notDetected, .notCalled, .noCoverage, .chGene, .chVariant, .matchedNormal, .locGene,
        .lowDepth, .populationAlleleFrequency, .manual,
    ]
}
