/// One of the two plasma draws the paired analysis compares.
public enum Timepoint: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The draw before treatment.
    case baseline
    /// The first draw after treatment (8 weeks in the CURB trial).
    case followup

    /// `baseline` or `followup`, as written in sample sheets and tables.
    public var description: String { rawValue }
}
