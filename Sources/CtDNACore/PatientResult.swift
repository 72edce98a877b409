import CtDNAIO

/// Where a patient stands in the paired analysis.
public enum PatientStatus: Sendable, Hashable, CustomStringConvertible {
    /// Both timepoints present and S not empty.
    case paired
    /// Both timepoints present, S empty: ctDNA not detected (fraction 0 at both timepoints).
    case notDetected
    /// Not analysed; the reason says which sample is missing.
    case excluded(reason: String)

    /// `paired`, `not_detected` or `excluded: <reason>`.
    public var description: String {
        switch self {
        case .paired: return "paired"
        case .notDetected: return "not_detected"
        case let .excluded(reason): return "excluded: \(reason)"
        }
    }
}

/// One row of the audit table: a mutation of a patient and what the method did with it.
public struct MutationAudit: Sendable, Equatable {
    /// Patient identifier.
    public var patient: String
    /// Mutation key.
    public var key: MutationKey
    /// Gene symbol.
    public var gene: String?
    /// `HGVSp_Short`.
    public var proteinChange: String?
    /// `Variant_Classification`.
    public var variantClassification: String?
    /// The mutation at baseline; `nil` when the patient has no baseline sample.
    public var baseline: AlleleObservation?
    /// The mutation at follow-up; `nil` when the patient has no follow-up sample.
    public var followup: AlleleObservation?
    /// The mutation in the matched normal; `nil` when the patient has no normal.
    public var normal: AlleleObservation?
    /// `kept`, or the first reason it left the set.
    public var status: MutationStatus
    /// Member of the drivers D.
    public var isDriver: Bool
    /// Member of the clonal set C.
    public var isClonal: Bool
    /// Every reason that applied and other remarks (`min_alt_reads_baseline`, ...).
    public var notes: [String]

    /// Creates an audit row.
    /// - Parameters:
    ///   - patient: patient identifier.
    ///   - key: mutation key.
    ///   - gene: gene symbol.
    ///   - proteinChange: protein change.
    ///   - variantClassification: variant classification.
    ///   - baseline: baseline observation.
    ///   - followup: follow-up observation.
    ///   - normal: matched-normal observation.
    ///   - status: status.
    ///   - isDriver: driver.
    ///   - isClonal: clonal.
    ///   - notes: remarks.
    public init(
        patient: String, key: MutationKey, gene: String?, proteinChange: String?,
        variantClassification: String?, baseline: AlleleObservation?, followup: AlleleObservation?,
        normal: AlleleObservation?, status: MutationStatus, isDriver: Bool, isClonal: Bool,
        notes: [String]
    ) {
        self.patient = patient
        self.key = key
        self.gene = gene
        self.proteinChange = proteinChange
        self.variantClassification = variantClassification
        self.baseline = baseline
        self.followup = followup
        self.normal = normal
        self.status = status
        self.isDriver = isDriver
        self.isClonal = isClonal
        self.notes = notes
    }
}

/// The per-patient summary (one row of `patients.tsv`).
public struct PatientSummary: Sendable, Equatable {
    /// Patient identifier.
    public var patient: String
    /// Cohort.
    public var cohort: String
    /// Treatment arm.
    public var arm: String
    /// Paired, not detected, or excluded with a reason.
    public var status: PatientStatus
    /// The reference timepoint and its rule; `nil` when S is empty or the patient is excluded.
    public var reference: ReferenceTimepoint?
    /// Mutations in the union (detected at a timepoint and called); `nil` when excluded.
    public var mutationCount: Int?
    /// Size of S; `nil` when excluded.
    public var somaticCount: Int?
    /// Size of D; `nil` when excluded.
    public var driverCount: Int?
    /// Size of C; `nil` when excluded.
    public var clonalCount: Int?
    /// ctDNA fraction at both timepoints; `nil` when excluded.
    public var ctDNAFraction: PairedMetric?
    /// Median AF over S at both timepoints; `nil` when excluded.
    public var medianAlleleFraction: PairedMetric?
    /// Tumour-informed ctDNA fraction, when copy numbers were given for some clonal mutation.
    public var tumourInformedFraction: PairedMetric?
    /// Flags such as `fraction_above_1`.
    public var flags: [String]

    /// Creates a summary.
    /// - Parameters:
    ///   - patient: patient identifier.
    ///   - cohort: cohort.
    ///   - arm: arm.
    ///   - status: status.
    ///   - reference: reference timepoint.
    ///   - mutationCount: union size.
    ///   - somaticCount: size of S.
    ///   - driverCount: size of D.
    ///   - clonalCount: size of C.
    ///   - ctDNAFraction: ctDNA fraction.
    ///   - medianAlleleFraction: median AF.
    ///   - tumourInformedFraction: tumour-informed fraction.
    ///   - flags: flags.
    public init(
        patient: String, cohort: String, arm: String, status: PatientStatus,
        reference: ReferenceTimepoint? = nil, mutationCount: Int? = nil, somaticCount: Int? = nil,
        driverCount: Int? = nil, clonalCount: Int? = nil, ctDNAFraction: PairedMetric? = nil,
        medianAlleleFraction: PairedMetric? = nil, tumourInformedFraction: PairedMetric? = nil,
        flags: [String] = []
    ) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.status = status
        self.reference = reference
        self.mutationCount = mutationCount
        self.somaticCount = somaticCount
        self.driverCount = driverCount
        self.clonalCount = clonalCount
        self.ctDNAFraction = ctDNAFraction
        self.medianAlleleFraction = medianAlleleFraction
        self.tumourInformedFraction = tumourInformedFraction
        self.flags = flags
    }
}

/// Everything the method says about one patient.
public struct PatientResult: Sendable, Equatable {
    /// The summary row.
    public var summary: PatientSummary
    /// One audit row per mutation seen in any of the patient's plasma tables, in key order.
    public var audit: [MutationAudit]

    /// Creates a result.
    /// - Parameters:
    ///   - summary: the summary.
    ///   - audit: the audit rows.
    public init(summary: PatientSummary, audit: [MutationAudit]) {
        self.summary = summary
        self.audit = audit
    }
}
