/// A blood draw in a patient's series, named as the run names it (`baseline`, `followup`, and
/// later any label a sample sheet uses).
///
/// A timepoint is only a name: its place in a patient's series is the index of the series'
/// sample. Two timepoints are the same when their names are.
public struct Timepoint: Sendable, Hashable, CustomStringConvertible {
    /// The name, as written in output column names (`ctdna_fraction_<name>`).
    public let name: String

    /// Creates a timepoint.
    /// - Parameter name: Its name; not empty.
    public init(_ name: String) {
        precondition(!name.isEmpty, "a timepoint has a name")
        self.name = name
    }

    /// The draw before treatment, the first of the tested pair by default.
    public static let baseline = Timepoint("baseline")
    /// The first draw after treatment (8 weeks in the CURB trial), the second of the tested pair.
    public static let followup = Timepoint("followup")

    /// The timepoints of the paired analysis, in order: baseline, then follow-up.
    public static let pair: [Timepoint] = [.baseline, .followup]

    /// The name.
    public var description: String { name }
}

/// Two timepoints whose values a run compares patient by patient: the change is `second` -
/// `first` (follow-up minus baseline for the default pair).
///
/// Invariant: the two timepoints differ.
public struct TimepointPair: Sendable, Hashable, CustomStringConvertible {
    /// The earlier timepoint of the comparison (baseline by default).
    public let first: Timepoint
    /// The later timepoint of the comparison (follow-up by default).
    public let second: Timepoint

    /// Creates a pair.
    /// - Parameters:
    ///   - first: The timepoint compared against.
    ///   - second: The timepoint compared; not `first`.
    public init(_ first: Timepoint, _ second: Timepoint) {
        precondition(first != second, "a pair holds two different timepoints")
        self.first = first
        self.second = second
    }

    /// Baseline against follow-up, the pair a run tests when the user names none.
    public static let baselineFollowup = TimepointPair(.baseline, .followup)

    /// `first:second`, as `--compare` takes it and `stats.tsv` names it.
    public var description: String { "\(first.name):\(second.name)" }

    /// What the `patients.tsv` columns of this pair's change end with: nothing for baseline
    /// against follow-up (`ctdna_fraction_difference`), `_<second>_vs_<first>` for any other
    /// pair (`ctdna_fraction_difference_progression_vs_baseline`).
    public var columnSuffix: String {
        self == .baselineFollowup ? "" : "_\(second.name)_vs_\(first.name)"
    }
}
