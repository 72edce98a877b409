import CtDNAModel

/// Whether a call-status cell says the variant was called: `yes`, `y`, `true`, `called` or
/// `1`, in any letter case.
/// - Parameter value: The call-status cell (for example MSK's `Called`).
public func isCalled(_ value: String) -> Bool {
    ["yes", "y", "true", "called", "1"].contains { CellText.isWord(value, $0) }
}

/// The reasons a mutation is not in the union (docs/method.md §2), in the order of
/// ``MutationStatus/precedence``:
/// - `not_detected`: AF 0 (or no AF) at every timepoint;
/// - `not_called`: the table has a call-status column and no timepoint's row says called.
///
/// A timepoint without coverage is not a reason here: the mutation keeps its values elsewhere
/// (``uncoveredTimepoints(_:)``), unless the method is told to drop such mutations.
/// - Parameter mutation: The mutation across the series.
/// - Returns: The reasons; empty for a mutation in the union.
public func unionExclusions(_ mutation: SeriesMutation) -> [MutationStatus] {
    var reasons: [MutationStatus] = []
    if !mutation.observations.contains(where: \.isDetected) {
        reasons.append(.notDetected)
    }
    let statuses = mutation.records.compactMap { $0?.callStatus }
    if !statuses.isEmpty && !statuses.contains(where: isCalled) {
        reasons.append(.notCalled)
    }
    return reasons
}

/// The timepoints (places in the series) at which a mutation has no coverage: alt + ref = 0
/// as written in the table, so no allele fraction (not 0) there.
/// - Parameter mutation: The mutation across the series.
public func uncoveredTimepoints(_ mutation: SeriesMutation) -> [Int] {
    mutation.observations.indices.filter { !mutation.observations[$0].hasCoverage }
}
