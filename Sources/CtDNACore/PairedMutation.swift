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

    /// The table rows that exist for this mutation, baseline first.
    public var records: [VariantRecord] { [baselineRecord, followupRecord].compactMap { $0 } }

    /// The gene symbol, from the baseline row when present, else the follow-up row.
    public var gene: String? { records.lazy.compactMap(\.gene).first }

    /// The protein change (`HGVSp_Short`), baseline row first.
    public var proteinChange: String? { records.lazy.compactMap(\.proteinChange).first }

    /// The variant classification, baseline row first.
    public var variantClassification: String? { records.lazy.compactMap(\.variantClassification).first }

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
/// - Parameters:
///   - baseline: the baseline table's records.
///   - followup: the follow-up table's records.
///   - minAltReads: the minimum-alt-reads rule applied to every row.
/// - Returns: one paired mutation per distinct key, sorted by key.
public func pairMutations(
    baseline: [VariantRecord], followup: [VariantRecord], minAltReads: Int
) -> [PairedMutation] {
    let baselineIndex = indexByMutation(baseline)
    let followupIndex = indexByMutation(followup)
    let keys = Set(baselineIndex.keys).union(followupIndex.keys).sorted()
    return keys.map { key in
        let b = baselineIndex[key], f = followupIndex[key]
        return PairedMutation(
            key: key, baselineRecord: b, followupRecord: f,
            baseline: b.map { observeAlleleFraction($0, minAltReads: minAltReads) } ?? .absent,
            followup: f.map { observeAlleleFraction($0, minAltReads: minAltReads) } ?? .absent)
    }
}
