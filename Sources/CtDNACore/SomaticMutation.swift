import CtDNAIO

/// A member of the somatic set S, reduced to what the reference, clonal and fraction steps need.
public struct SomaticMutation: Sendable, Equatable {
    /// The mutation's identity.
    public var key: MutationKey
    /// AF at baseline (0 when not detected).
    public var baseline: Double
    /// AF at follow-up (0 when not detected).
    public var followup: Double
    /// Whether it is a driver (member of D).
    public var isDriver: Bool
    /// Whether OncoKB calls it `Oncogenic` (used by the tie-break).
    public var isOncogenic: Bool

    /// Creates a member of S.
    /// - Parameters:
    ///   - key: mutation key.
    ///   - baseline: AF at baseline.
    ///   - followup: AF at follow-up.
    ///   - isDriver: member of D.
    ///   - isOncogenic: OncoKB `Oncogenic`.
    public init(key: MutationKey, baseline: Double, followup: Double, isDriver: Bool = false, isOncogenic: Bool = false) {
        self.key = key
        self.baseline = baseline
        self.followup = followup
        self.isDriver = isDriver
        self.isOncogenic = isOncogenic
    }

    /// AF at one timepoint.
    /// - Parameter timepoint: baseline or follow-up.
    /// - Returns: the AF there.
    public func alleleFraction(at timepoint: Timepoint) -> Double {
        timepoint == .baseline ? baseline : followup
    }

    /// Follow-up AF minus baseline AF.
    public var change: Double { followup - baseline }
}
