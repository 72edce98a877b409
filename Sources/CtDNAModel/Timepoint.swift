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

    /// Where the pair's two timepoints stand in a series, or `nil` when either is missing.
    /// - Parameter timepoints: The series' timepoints, in order.
    public func places(in timepoints: [Timepoint]) -> (first: Int, second: Int)? {
        guard let a = timepoints.firstIndex(of: first), let b = timepoints.firstIndex(of: second) else { return nil }
        return (a, b)
    }

    /// `first:second`, as `--compare` takes it and `stats.tsv` names it.
    public var description: String { "\(first.name):\(second.name)" }

    /// What the `patients.tsv` columns of this pair's change end with: nothing for baseline
    /// against follow-up (`ctdna_fraction_difference`), `_<second>_vs_<first>` for any other
    /// pair (`ctdna_fraction_difference_progression_vs_baseline`).
    public var columnSuffix: String {
        self == .baselineFollowup ? "" : "_\(second.name)_vs_\(first.name)"
    }
}

/// A timepoint is stored as its name (a shard's saved results, read back by `ctdna merge`).
extension Timepoint: Codable {
    /// Reads a name; an empty one is an error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard !name.isEmpty else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a timepoint has a name")
        }
        self.init(name)
    }

    /// Writes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// A pair is stored as `first:second`, as `--compare` takes it.
extension TimepointPair: Codable {
    /// Reads `first:second` with two different, non-empty names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != parts[1] else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a pair first:second")
        }
        self.init(Timepoint(String(parts[0])), Timepoint(String(parts[1])))
    }

    /// Writes `first:second`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
