import CtDNAModel

/// A metric at the two timepoints of a tested pair, with its change.
public struct PairedMetric: Sendable, Equatable {
    /// Value at the first timepoint of the pair (baseline).
    public var baseline: Double
    /// Value at the second timepoint of the pair (follow-up).
    public var followup: Double

    /// Creates the pair.
    /// - Parameters:
    ///   - baseline: Value at the first timepoint.
    ///   - followup: Value at the second timepoint.
    public init(baseline: Double, followup: Double) {
        self.baseline = baseline
        self.followup = followup
    }

    /// Follow-up minus baseline.
    public var difference: Double { followup - baseline }

    /// Follow-up over baseline; `nil` (NA) when baseline is 0, whatever the follow-up.
    public var ratio: Double? { baseline == 0 ? nil : followup / baseline }
}
