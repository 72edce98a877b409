import CtDNAModel

/// Which FORMAT fields of one FORMAT layout (`GT:AD:AF:DP`) give a sample's read counts, chosen
/// once per distinct FORMAT column in this order of preference (each with the caller that writes it):
///
/// 1. `AD` declared `Number=R` (or not declared, the VCF specification's reserved meaning, or
///    `Number=.`): reference then each ALT (Mutect2, GATK, bcftools `-a AD`, VarDict 1.5+,
///    Strelka2 germline). A reference value `.` with `DP` given: ref = DP - the ALT values.
/// 2. `AD` declared `Number=1` or `Number=2` with `RD`: alt = the sum of `AD`'s values, ref = the
///    sum of `RD`'s (VarScan 2 writes one value each; VarDict before 1.5 writes forward,
///    reverse for both). `AD` declared `Number=2` without `RD` is reference, ALT (as in 1).
/// 3. `VD` with `DP`: alt = VD, ref = DP - VD (VarDict without `AD`).
/// 4. `AU`, `CU`, `GU`, `TU`: Strelka's SNV base counts, tier 1 (the first value): ref = the
///    REF base's, alt = the ALT base's.
/// 5. `TIR` with `TAR`: Strelka's indel counts, tier 1: alt = TIR, ref = TAR.
/// 6. `AO` (`Number=A`) with `RO`: Ion Torrent, freebayes.
/// 7. `DV` with `DP`: alt = DV, ref = DP - DV (samtools/bcftools before `AD`).
/// 8. `DP4` in FORMAT: ref = the first two values, alt = the last two; in INFO, for a
///    single-sample VCF (bcftools mpileup's default annotation) or a sites-only one (LoFreq).
/// 9. `AF` alone (`Number=A`): an allele fraction without counts, as for a VAF column.
///
/// Plans 2, 3, 5, 7 and 8 count one ALT allele; a line with several is an error.
///
/// A class, so that a line takes its plan with one reference count, not one per array in it.
final class VCFCountPlan: Sendable {
    /// The kind of plan: which fields, read how.
    enum Kind: Sendable, Equatable {
        case alleleDepths
        case altAndRefDepths
        case variantDepth
        case strelkaBases
        case strelkaIndels
        case observations
        case nonReferenceDepth
        case formatStrandCounts
        case infoStrandCounts
        case alleleFraction
    }

    let kind: Kind
    /// The FORMAT keys read, in the plan's order (`AD`, `DP`; `AU`, `CU`, `GU`, `TU`; ...).
    let keys: [String]
    /// Each key's position among the FORMAT column's keys.
    let positions: [Int]
    /// The position of `DP` when the plan may use it (the `AD` plan's fallback for a `.` reference).
    let depthPosition: Int?
    /// How `AD` was declared, for messages (`Number=R`).
    let declaredNumber: String

    init(kind: Kind, keys: [String], positions: [Int], depthPosition: Int?, declaredNumber: String) {
        self.kind = kind
        self.keys = keys
        self.positions = positions
        self.depthPosition = depthPosition
        self.declaredNumber = declaredNumber
    }

    /// What the counts of this plan are said to come from.
    var source: ReadCountSource {
        switch kind {
        case .alleleDepths: .alleleDepths
        case .altAndRefDepths: .altAndRefDepths
        case .variantDepth: .variantDepth
        case .strelkaBases: .strelkaBaseCounts
        case .strelkaIndels: .strelkaIndelCounts
        case .observations: .observationCounts
        case .nonReferenceDepth: .nonReferenceDepth
        case .formatStrandCounts: .strandCounts
        case .infoStrandCounts: .infoStrandCounts
        case .alleleFraction: .alleleFraction
        }
    }

    /// The FORMAT keys any plan reads, for the message about a FORMAT without counts.
    static let countKeysListed = "AD (Number=R), AD+RD, VD+DP, AU/CU/GU/TU, TIR+TAR, AO+RO, DV+DP, DP4 or AF"

    /// Chooses the plan for a FORMAT column's keys.
    /// - Parameters:
    ///   - keys: The FORMAT column split at `:`.
    ///   - header: The header's FORMAT definitions (their `Number`), and whether INFO has `DP4`.
    ///   - singleSample: Whether the VCF has one sample (INFO `DP4` then counts for it).
    /// - Returns: The plan, or `nil` when the keys hold no counts.
    static func resolve(keys: [String], header: VCFHeader, singleSample: Bool) -> VCFCountPlan? {
        var position: [String: Int] = [:]
        for (index, key) in keys.enumerated() where position[key] == nil { position[key] = index }
        func plan(_ kind: Kind, _ names: [String], depth: Int? = nil, declared: String = "") -> VCFCountPlan? {
            let found = names.compactMap { position[$0] }
            guard found.count == names.count else { return nil }
            return VCFCountPlan(kind: kind, keys: names, positions: found, depthPosition: depth, declaredNumber: declared)
        }
        if position["AD"] != nil {
            let number = header.format["AD"]?.number
            let hasRD = position["RD"] != nil
            switch number {
            case nil, .perAllele?, .unknown?:
                let declared = number == nil ? "not declared, taken as Number=R" : number == .perAllele ? "Number=R" : "Number=."
                return plan(.alleleDepths, ["AD"], depth: position["DP"], declared: declared)
            case .fixed(1)? where hasRD, .fixed(2)? where hasRD:
                return plan(.altAndRefDepths, ["AD", "RD"])
            case .fixed(2)?:
                return plan(.alleleDepths, ["AD"], depth: position["DP"], declared: "Number=2 (reference, ALT)")
            default:
                break
            }
        }
        return plan(.variantDepth, ["VD", "DP"])
            ?? plan(.strelkaBases, ["AU", "CU", "GU", "TU"])
            ?? plan(.strelkaIndels, ["TIR", "TAR"])
            ?? plan(.observations, ["AO", "RO"])
            ?? plan(.nonReferenceDepth, ["DV", "DP"])
            ?? plan(.formatStrandCounts, ["DP4"])
            ?? (singleSample && header.info["DP4"] != nil ? plan(.infoStrandCounts, []) : nil)
            ?? plan(.alleleFraction, ["AF"])
    }
}
