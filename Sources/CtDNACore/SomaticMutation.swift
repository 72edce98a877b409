import CtDNAModel

/// A member of S, the somatic mutations that survived every filter, with what the reference
/// timepoint and the clonal set need: its AF at every timepoint and whether it is a driver.
public struct SomaticMutation: Sendable, Equatable {
    /// The mutation key.
    public var key: MutationKey
    /// AF at each timepoint of the series, in order; `nil` at a timepoint without coverage,
    /// which then leaves it out of that timepoint's means, maximum and median (not 0).
    public var alleleFractions: [Double?]
    /// Member of the drivers D.
    public var isDriver: Bool
    /// OncoKB `Oncogenic` (the tie-break looks at these).
    public var isOncogenic: Bool

    /// Creates a somatic mutation.
    /// - Parameters:
    ///   - key: The mutation key.
    ///   - alleleFractions: AF at each timepoint, in series order.
    ///   - isDriver: Member of D.
    ///   - isOncogenic: OncoKB `Oncogenic`.
    public init(key: MutationKey, alleleFractions: [Double?], isDriver: Bool = false, isOncogenic: Bool = false) {
        self.key = key
        self.alleleFractions = alleleFractions
        self.isDriver = isDriver
        self.isOncogenic = isOncogenic
    }
}
