import ArgumentParser
import CtDNAModel

/// A `--compare first:second` value as the user wrote it: two timepoint labels.
struct PairOption: ExpressibleByArgument, Sendable {
    /// The first label (compared against).
    var first: String
    /// The second label.
    var second: String

    /// Reads `first:second`; blanks around each label are dropped. `nil` (a usage error naming
    /// the expected form) for anything else.
    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map { CellText.trimmed(String($0)) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        first = parts[0]
        second = parts[1]
    }
}
