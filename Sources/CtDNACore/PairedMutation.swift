import CtDNAIO

/// One mutation of a patient with its observation at both timepoints (METHOD.md 3.1).
public struct PairedMutation: Sendable, Equatable {
    /// The mutation's identity.
    public var key: MutationKey
    /// The baseline table's row, or `nil` when the mutation is absent from it.
    public var baselineRecord: VariantRecord?
    /// The follow-up table's row, or `nil` when the mutation is absent from it.
    public var followupRecord: VariantRecord?
    /// The mutation at baseline (absent rows are imputed zeros).
    public var baseline: AlleleObservation
    /// The mutation at follow-up (absent rows are imputed zeros).
    public var followup: AlleleObservation

    /// Creates a paired mutation.
    /// - Parameters:
    ///   - key: mutation key.
    ///   - baselineRecord: the baseline row, if any.
    ///   - followupRecord: the follow-up row, if any.
    ///   - baseline: the baseline observation.
    ///   - followup: the follow-up observation.
    public init(
        key: MutationKey, baselineRecord: VariantRecord?, followupRecord: VariantRecord?,
        baseline: AlleleObservation, followup: AlleleObservation
    ) {
        self.key = key
        self.baselineRecord = baselineRecord
        self.followupRecord = followupRecord
        self.baseline = baseline
        self.followup = followup
    }

    /// Whether a row that exists for this mutation satisfies `predicate` (baseline row first).
    public func anyRecord(_ predicate: (VariantRecord) -> Bool) -> Bool {
        if let baselineRecord, predicate(baselineRecord) { return true }
        if let followupRecord, predicate(followupRecord) { return true }
        return false
    }

    /// The gene symbol, from the baseline row when it has one, else the follow-up row.
    public var gene: String? { baselineRecord?.gene ?? followupRecord?.gene }

    /// The protein change (`HGVSp_Short`), baseline row first.
    public var proteinChange: String? { baselineRecord?.proteinChange ?? followupRecord?.proteinChange }

    /// The variant classification, baseline row first.
    public var variantClassification: String? {
        baselineRecord?.variantClassification ?? followupRecord?.variantClassification
    }

    /// The observation at one timepoint.
    /// - Parameter timepoint: baseline or follow-up.
    /// - Returns: the observation there.
    public func observation(at timepoint: Timepoint) -> AlleleObservation {
        timepoint == .baseline ? baseline : followup
    }
}

/// Every mutation seen in either timepoint's table, each with its observation at both timepoints,
/// in ``MutationKey`` order (METHOD.md 3.1, before any mutation leaves the set).
///
/// A mutation absent from one table gets ``AlleleObservation/absent`` there (AF 0, `imputed_zero`).
/// A table that lists a mutation twice contributes its first row.
/// - Parameters:
///   - baseline: the baseline table's records.
///   - followup: the follow-up table's records.
///   - minAltReads: the minimum-alt-reads rule applied to every row.
/// - Returns: one paired mutation per distinct key, sorted by key.
public func pairMutations(
    baseline: [VariantRecord], followup: [VariantRecord], minAltReads: Int
) -> [PairedMutation] {
    pairMutationsNotingRepeats(baseline: baseline, followup: followup, minAltReads: minAltReads).paired
}

/// ``pairMutations(baseline:followup:minAltReads:)``, also naming the keys each table lists
/// more than once.
///
/// Each table's rows are put in key order (a table already in order, as variant callers write
/// them, is only checked) and the two orders are merged: no hashing of keys.
/// - Returns: the paired mutations, and the repeated keys of each table.
public func pairMutationsNotingRepeats(
    baseline: [VariantRecord], followup: [VariantRecord], minAltReads: Int
) -> (paired: [PairedMutation], repeatedInBaseline: Set<MutationKey>, repeatedInFollowup: Set<MutationKey>) {
    let baselineKeys = baseline.map(\.key), followupKeys = followup.map(\.key)
    let (baselineOrder, repeatedInBaseline) = firstRowsInKeyOrder(baselineKeys)
    let (followupOrder, repeatedInFollowup) = firstRowsInKeyOrder(followupKeys)
    var paired: [PairedMutation] = []
    paired.reserveCapacity(max(baselineOrder.count, followupOrder.count))
    func make(_ key: MutationKey, _ b: VariantRecord?, _ f: VariantRecord?) -> PairedMutation {
        PairedMutation(
            key: key, baselineRecord: b, followupRecord: f,
            baseline: b.map { observeAlleleFraction($0, minAltReads: minAltReads) } ?? .absent,
            followup: f.map { observeAlleleFraction($0, minAltReads: minAltReads) } ?? .absent)
    }
    var i = 0, j = 0
    while i < baselineOrder.count || j < followupOrder.count {
        guard i < baselineOrder.count else {
            let f = followupOrder[j]
            paired.append(make(followupKeys[f], nil, followup[f])); j += 1; continue
        }
        guard j < followupOrder.count else {
            let b = baselineOrder[i]
            paired.append(make(baselineKeys[b], baseline[b], nil)); i += 1; continue
        }
        let b = baselineOrder[i], f = followupOrder[j]
        let bKey = baselineKeys[b], fKey = followupKeys[f]
        if bKey == fKey {
            paired.append(make(bKey, baseline[b], followup[f])); i += 1; j += 1
        } else if bKey < fKey {
            paired.append(make(bKey, baseline[b], nil)); i += 1
        } else {
            paired.append(make(fKey, nil, followup[f])); j += 1
        }
    }
    return (paired, repeatedInBaseline, repeatedInFollowup)
}

/// The indices of a table's rows in key order, one per distinct key (its first row), and the
/// keys that appear on more than one row.
/// - Parameter keys: the rows' keys, in row order.
func firstRowsInKeyOrder(_ keys: [MutationKey]) -> (order: [Int], repeated: Set<MutationKey>) {
    var order = Array(keys.indices)
    let inOrder = keys.indices.dropFirst().allSatisfy { !(keys[$0] < keys[$0 - 1]) }
    if !inOrder {
        // Stable, so that among equal keys the first row comes first.
        order.sort { l, r in keys[l] < keys[r] || (keys[l] == keys[r] && l < r) }
    }
    var unique: [Int] = []
    unique.reserveCapacity(order.count)
    var repeated: Set<MutationKey> = []
    for index in order {
        if let last = unique.last, keys[last] == keys[index] {
            repeated.insert(keys[index])
        } else {
            unique.append(index)
        }
    }
    return (unique, repeated)
}
