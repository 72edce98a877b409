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
