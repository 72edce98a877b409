import CtDNAModel

/// Where a patient stands in the analysis.
public enum PatientStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Two or more timepoints sampled and S not empty.
    case paired
    /// A single timepoint sampled and S not empty: values there, no change to test.
    case singleSample
    /// Every timepoint present, S empty: ctDNA not detected (fraction 0 everywhere).
    case notDetected
    /// Not analysed; the reason says which sample is missing.
    case excluded(reason: String)

    /// `paired`, `single_sample`, `not_detected` or `excluded: <reason>`.
    public var description: String {
        switch self {
        case .paired: return "paired"
        case .singleSample: return "single_sample"
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
    /// Gene symbol, from the first row that has one.
    public var gene: String?
    /// Protein change (`HGVSp_Short`), from the first row that has one.
    public var proteinChange: String?
    /// `Variant_Classification`, from the first row that has one.
    public var variantClassification: String?
    /// The mutation at each timepoint of the series, in order; `nil` where the patient has no
    /// sample (only for an excluded patient).
    public var observations: [AlleleObservation?]
    /// The mutation in the matched normal; `nil` when the patient has no normal.
    public var normal: AlleleObservation?
    /// `kept`, or the first reason it left the set.
    public var status: MutationStatus
    /// Member of the drivers D.
    public var isDriver: Bool
    /// Whether a row of the mutation is annotated as a driver (a hotspot, or OncoKB `Oncogenic`),
    /// whatever became of it: a filter that removes such mutations is worth a warning.
    public var hasDriverAnnotation: Bool
    /// Member of the clonal set C.
    public var isClonal: Bool
    /// Every reason that applied, then other remarks (`min_alt_reads_<timepoint>`,
    /// `no_coverage_<timepoint>`, `normal_no_coverage`, `duplicate_rows_<timepoint>`, and the
    /// tumour-informed mode's remarks).
    public var notes: [String]
    /// The mutation's tissue copy numbers, m and p, when the patient's tissue table has a row
    /// of it that counts (``chooseTissueRows(_:)``); `nil` otherwise.
    public var tissue: TissueEstimate?

    /// Creates an audit row; the parameters are the properties of the same names.
    public init(
        patient: String, key: MutationKey, gene: String?, proteinChange: String?,
        variantClassification: String?, observations: [AlleleObservation?], normal: AlleleObservation?,
        status: MutationStatus, isDriver: Bool, hasDriverAnnotation: Bool = false, isClonal: Bool, notes: [String],
        tissue: TissueEstimate? = nil
    ) {
        self.patient = patient
        self.key = key
        self.gene = gene
        self.proteinChange = proteinChange
        self.variantClassification = variantClassification
        self.observations = observations
        self.normal = normal
        self.status = status
        self.isDriver = isDriver
        self.hasDriverAnnotation = hasDriverAnnotation
        self.isClonal = isClonal
        self.notes = notes
        self.tissue = tissue
    }
}

/// The per-patient summary (one row of `patients.tsv`).
///
/// Per-timepoint values hold one entry per timepoint of ``timepoints``, in order: a number, or
/// `nil` where the set it is computed over has no value at that timepoint (no member covered
/// there). The arrays themselves are `nil` for an excluded patient.
public struct PatientSummary: Sendable, Equatable, Codable {
    /// Patient identifier.
    public var patient: String
    /// Cohort.
    public var cohort: String
    /// Treatment arm.
    public var arm: String
    /// The timepoints of the patient's series, in order.
    public var timepoints: [Timepoint]
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
    /// ctDNA fraction at each timepoint.
    public var ctDNAFraction: [Double?]?
    /// Median AF over S at each timepoint.
    public var medianAlleleFraction: [Double?]?
    /// Tumour-informed ctDNA fraction at each timepoint (docs/method.md §9): `nil` when the
    /// patient has no tissue data or is excluded; `nil` at a timepoint where no tissue mutation
    /// in S gives a p (so all `nil` when none of them is in S).
    public var tumourInformedFraction: [Double?]?
    /// Members of S detected (AF > 0) at each timepoint, `nil` at one without a sample; the
    /// array is `nil` when the patient is excluded.
    public var detectedCounts: [Int?]?
    /// Members of the clonal set C detected (AF > 0) at each timepoint, `nil` at one without a
    /// sample; the array is `nil` when the patient is excluded.
    public var clonalDetectedCounts: [Int?]?
    /// Whether the patient has a sample at each timepoint (a run's timepoints include those
    /// some patients lack); all `true` for a series analysed as given.
    public var sampled: [Bool]
    /// The pair ``pair(of:)`` compares; `nil` for the first two timepoints.
    public var testedPair: TimepointPair?
    /// The patient's tissue mutations that count (marked clonal, when the table marks
    /// clonality), one per key; `nil` without tissue data.
    public var tissueMutationCount: Int?
    /// How many of them are in S with a mutant copy number, so enter the tumour-informed
    /// fraction; `nil` without tissue data.
    public var tissueMutationsUsed: Int?
    /// Flags such as `fraction_above_1`.
    public var flags: [String]
    /// The molecular response over the tested pair, on the run's response metric; `nil` when the
    /// patient is excluded.
    public var molecularResponse: MolecularResponse?

    /// Creates a summary; the parameters are the properties of the same names.
    public init(
        patient: String, cohort: String, arm: String, timepoints: [Timepoint] = Timepoint.pair,
        status: PatientStatus, reference: ReferenceTimepoint? = nil, mutationCount: Int? = nil,
        somaticCount: Int? = nil, driverCount: Int? = nil, clonalCount: Int? = nil,
        ctDNAFraction: [Double?]? = nil, medianAlleleFraction: [Double?]? = nil,
        tumourInformedFraction: [Double?]? = nil, flags: [String] = [], molecularResponse: MolecularResponse? = nil
    ) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.timepoints = timepoints
        self.status = status
        self.reference = reference
        self.mutationCount = mutationCount
        self.somaticCount = somaticCount
        self.driverCount = driverCount
        self.clonalCount = clonalCount
        self.ctDNAFraction = ctDNAFraction
        self.medianAlleleFraction = medianAlleleFraction
        self.tumourInformedFraction = tumourInformedFraction
        self.sampled = Array(repeating: true, count: timepoints.count)
        self.flags = flags
        self.molecularResponse = molecularResponse
    }

    /// The reference timepoint, by name.
    public var referenceTimepoint: Timepoint? { reference.map { timepoints[$0.index] } }

    /// A metric's value at each timepoint; `nil` when the patient is excluded.
    /// - Parameter metric: The metric.
    public func values(of metric: Metric) -> [Double?]? {
        switch metric {
        case .ctDNAFraction: return ctDNAFraction
        case .medianAlleleFraction: return medianAlleleFraction
        case .tumourInformedFraction: return tumourInformedFraction
        }
    }

    /// A metric at the tested pair (``testedPair``, else the first two timepoints); `nil` when
    /// the patient is excluded, lacks either timepoint, or has no value at one of the two.
    /// - Parameter metric: The metric.
    public func pair(of metric: Metric) -> PairedMetric? {
        testedPlaces.flatMap { Self.pair(values(of: metric), $0.first, $0.second) }
    }

    /// A metric at a pair of timepoints; `nil` when the patient is excluded, has no sample at
    /// either, or no value at one of the two.
    /// - Parameters:
    ///   - metric: The metric.
    ///   - pair: The timepoints, both among ``timepoints``.
    public func pair(of metric: Metric, at pair: TimepointPair) -> PairedMetric? {
        pair.places(in: timepoints).flatMap { Self.pair(values(of: metric), $0.first, $0.second) }
    }

    /// The places in ``timepoints`` of the tested pair, or `nil` when the series lacks one.
    public var testedPlaces: (first: Int, second: Int)? {
        guard let testedPair else { return timepoints.count >= 2 ? (0, 1) : nil }
        return testedPair.places(in: timepoints)
    }

    /// Two of per-timepoint values as a pair, or `nil` when either has no value.
    /// - Parameters:
    ///   - values: Per-timepoint values.
    ///   - first: The place of the earlier value.
    ///   - second: The place of the later value.
    public static func pair(_ values: [Double?]?, _ first: Int, _ second: Int) -> PairedMetric? {
        guard let values, first < values.count, second < values.count, let a = values[first], let b = values[second] else {
            return nil
        }
        return PairedMetric(baseline: a, followup: b)
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
    ///   - summary: The summary.
    ///   - audit: The audit rows, in key order.
    public init(summary: PatientSummary, audit: [MutationAudit]) {
        self.summary = summary
        self.audit = audit
    }
}
