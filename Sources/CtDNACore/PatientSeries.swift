import CtDNAModel

/// The variant tables of one patient: a series of plasma samples in timepoint order, and an
/// optional matched normal.
///
/// The series holds every timepoint the run analyses, in order (earliest first). A timepoint
/// the sample sheet has no sample for has no table (`nil`); the method then excludes the
/// patient, naming the missing timepoints. A pair (baseline, follow-up) is the two-sample series.
public struct PatientSeries: Sendable, Equatable {
    /// Patient identifier; samples are grouped by it, never by row order.
    public var patient: String
    /// Cohort (for example `breast` or `NSCLC`).
    public var cohort: String
    /// Treatment arm (for example `SBRT` or `SOC`).
    public var arm: String
    /// The analysed timepoints, in order; at least one.
    public var timepoints: [Timepoint]
    /// Each timepoint's plasma table, in the order of ``timepoints``; `nil` where the patient
    /// has no sample.
    public var tables: [[VariantRecord]?]
    /// The matched white-blood-cell table, or `nil` when none was given.
    public var normal: [VariantRecord]?

    /// Creates a patient's series.
    /// - Parameters:
    ///   - patient: Patient identifier.
    ///   - cohort: Cohort name.
    ///   - arm: Treatment arm.
    ///   - timepoints: The analysed timepoints in order; not empty.
    ///   - tables: One table per timepoint (`nil` for a missing sample); as many as `timepoints`.
    ///   - normal: Matched-normal records, `nil` when none.
    public init(
        patient: String, cohort: String, arm: String, timepoints: [Timepoint] = Timepoint.pair,
        tables: [[VariantRecord]?], normal: [VariantRecord]? = nil
    ) {
        precondition(!timepoints.isEmpty && tables.count == timepoints.count, "one table (or nil) per timepoint")
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.timepoints = timepoints
        self.tables = tables
        self.normal = normal
    }

    /// Why this patient cannot be analysed, or `nil` when every timepoint has a sample:
    /// `no followup sample`, `no baseline or followup sample`, `no a, b or c sample`.
    public var exclusionReason: String? {
        let missing = zip(timepoints, tables).filter { $0.1 == nil }.map(\.0.name)
        guard let last = missing.last else { return nil }
        let listed = missing.count == 1 ? last : missing.dropLast().joined(separator: ", ") + " or " + last
        return "no \(listed) sample"
    }
}
