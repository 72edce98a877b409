import CtDNAModel

/// Whether a call-status cell says the variant was called: `yes`, `y`, `true`, `called` or
/// `1`, in any letter case.
/// - Parameter value: The call-status cell (for example MSK's `Called`).
public func isCalled(_ value: String) -> Bool {
    ["yes", "y", "true", "called", "1"].contains { CellText.isWord(value, $0) }
}

/// The reasons a mutation is not in the union at all, or has no value at some timepoint
/// (docs/method.md, "Per sample" and "Union"), in the order of ``MutationStatus/precedence``:
/// - `not_detected`: AF 0 (or no AF) at every timepoint;
/// - `not_called`: the table has a call-status column and no timepoint's row says called;
/// - `no_coverage`: alt + ref = 0 at some timepoint.
/// - Parameter mutation: The mutation across the series.
/// - Returns: The reasons; empty for a mutation in the union with a value everywhere.
public func unionExclusions(_ mutation: SeriesMutation) -> [MutationStatus] {
    var reasons: [MutationStatus] = []
    if !mutation.observations.contains(where: \.isDetected) {
        reasons.append(.notDetected)
    }
    let statuses = mutation.records.compactMap { $0?.callStatus }
    if !statuses.isEmpty && !statuses.contains(where: isCalled) {
        reasons.append(.notCalled)
    }
    if mutation.observations.contains(where: { !$0.hasCoverage }) {
        reasons.append(.noCoverage)
    }
    return reasons
}
