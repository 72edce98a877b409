import CtDNAIO

/// The variant tables of one patient, as the sample sheet lists them.
public struct PatientSamples: Sendable, Equatable {
    /// Patient identifier; timepoints are paired by it, never by row order.
    public var patient: String
    /// Cohort (for example `breast` or `NSCLC`).
    public var cohort: String
    /// Treatment arm (for example `SBRT` or `SOC`).
    public var arm: String
    /// The baseline plasma table, or `nil` when the sample sheet has no baseline sample.
    public var baseline: [VariantRecord]?
    /// The follow-up plasma table, or `nil` when the sample sheet has no follow-up sample.
    public var followup: [VariantRecord]?
    /// The matched white-blood-cell table, or `nil` when none was given.
    public var normal: [VariantRecord]?

    /// Creates the inputs of one patient.
    /// - Parameters:
    ///   - patient: patient identifier.
    ///   - cohort: cohort name.
    ///   - arm: treatment arm.
    ///   - baseline: baseline records, `nil` when the sample is absent.
    ///   - followup: follow-up records, `nil` when the sample is absent.
    ///   - normal: matched-normal records, `nil` when none.
    public init(
        patient: String, cohort: String, arm: String, baseline: [VariantRecord]?,
        followup: [VariantRecord]?, normal: [VariantRecord]? = nil
    ) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.baseline = baseline
        self.followup = followup
        self.normal = normal
    }

    /// Why this patient cannot enter the paired analysis, or `nil` when both timepoints are present.
    public var exclusionReason: String? {
        switch (baseline == nil, followup == nil) {
        case (false, false): return nil
        case (true, false): return "no baseline sample"
        case (false, true): return "no followup sample"
        case (true, true): return "no baseline or followup sample"
        }
    }
}
