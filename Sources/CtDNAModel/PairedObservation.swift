/// One patient's value of one metric at baseline and at follow-up.
public struct PairedObservation: Sendable, Hashable {
    /// The patient identifier.
    public var patient: String
    /// The cohort the patient belongs to.
    public var cohort: String
    /// The treatment arm the patient belongs to.
    public var arm: String
    /// The metric at baseline.
    public var baseline: Double
    /// The metric at follow-up.
    public var followup: Double

    /// Creates an observation.
    /// - Parameters:
    ///   - patient: The patient identifier.
    ///   - cohort: The cohort.
    ///   - arm: The treatment arm.
    ///   - baseline: The value at baseline.
    ///   - followup: The value at follow-up.
    public init(patient: String, cohort: String, arm: String, baseline: Double, followup: Double) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.baseline = baseline
        self.followup = followup
    }

    /// The change over time, follow-up minus baseline.
    public var difference: Double { followup - baseline }
}
