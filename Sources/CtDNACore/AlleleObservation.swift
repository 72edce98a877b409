import CtDNAModel

/// A mutation as seen in one sample: its read counts and the allele fraction the method uses.
public struct AlleleObservation: Sendable, Equatable {
    /// Alt reads as written in the table (before the minimum-alt-reads rule); `nil` when missing
    /// or when the mutation is absent from the table.
    public var altCount: Int?
    /// Reference reads as written in the table; `nil` when missing or absent.
    public var refCount: Int?
    /// The allele fraction after the minimum-alt-reads rule; `nil` means no coverage (no AF, not 0).
    public var alleleFraction: Double?
    /// `true` when the mutation is absent from this sample's table and its AF is taken as 0.
    public var imputedZero: Bool
    /// `true` when a non-zero alt count was taken as 0 because it was below the minimum.
    public var belowMinimumAltReads: Bool

    /// Creates an observation.
    /// - Parameters:
    ///   - altCount: alt reads from the table.
    ///   - refCount: reference reads from the table.
    ///   - alleleFraction: AF after the read rule, `nil` for no coverage.
    ///   - imputedZero: whether the row was absent from the table.
    ///   - belowMinimumAltReads: whether the alt count was zeroed.
    public init(
        altCount: Int?, refCount: Int?, alleleFraction: Double?, imputedZero: Bool = false,
        belowMinimumAltReads: Bool = false
    ) {
        self.altCount = altCount
        self.refCount = refCount
        self.alleleFraction = alleleFraction
        self.imputedZero = imputedZero
        self.belowMinimumAltReads = belowMinimumAltReads
    }

    /// A mutation absent from a sample's table: not detected there, AF 0, flagged `imputed_zero`.
    public static let absent = AlleleObservation(
        altCount: nil, refCount: nil, alleleFraction: 0, imputedZero: true)

    /// Whether the sample has an allele fraction for the mutation (a table row with reads, or absence).
    public var hasCoverage: Bool { alleleFraction != nil }

    /// Whether the mutation is detected in this sample (AF > 0).
    public var isDetected: Bool { (alleleFraction ?? 0) > 0 }

    /// Reads at the site as written in the table (alt + ref), or `nil` when a count is missing.
    public var depth: Int? {
        guard let altCount, let refCount else { return nil }
        return altCount + refCount
    }
}

/// The allele fraction of one table row under the minimum-alt-reads rule (docs/method.md §1).
///
/// AF = alt / (alt + ref), with alt taken as 0 when it is below `minAltReads`. When alt + ref = 0
/// the row has no coverage and no AF (`nil`, not 0). A row whose alt count was zeroed but which
/// has reads (alt + ref > 0 as written) gets AF 0: the site was covered and the mutation not
/// detected. When a count is missing, the record's own allele fraction (for example a VAF column)
/// is used as it is, because the read rule cannot be applied without counts.
/// - Parameters:
///   - record: one row of a sample's variant table.
///   - minAltReads: the minimum number of alt reads for a detection (default 2).
/// - Returns: the observation of the mutation in that sample.
public func observeAlleleFraction(_ record: VariantRecord, minAltReads: Int) -> AlleleObservation {
    guard let alt = record.altCount, let ref = record.refCount else {
        return AlleleObservation(
            altCount: record.altCount, refCount: record.refCount,
            alleleFraction: record.alleleFraction)
    }
    let depth = alt + ref
    guard depth > 0 else {
        return AlleleObservation(altCount: alt, refCount: ref, alleleFraction: nil)
    }
    let zeroed = alt > 0 && alt < minAltReads
    let countedAlt = alt < minAltReads ? 0 : alt
    return AlleleObservation(
        altCount: alt, refCount: ref, alleleFraction: Double(countedAlt) / Double(depth),
        belowMinimumAltReads: zeroed)
}

/// Indexes a sample's table by mutation key; when a key appears on several rows, the first row wins.
/// - Parameter records: the rows of one sample's table.
/// - Returns: the first row of each mutation key.
public func indexByMutation(_ records: [VariantRecord]) -> [MutationKey: VariantRecord] {
    var index: [MutationKey: VariantRecord] = [:]
    for record in records where index[record.key] == nil {
        index[record.key] = record
    }
    return index
}
