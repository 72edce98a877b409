/// One row of a tissue copy-number table: a mutation of the patient's tumour with the copy
/// numbers of its locus (FACETS and the like), as ctdna read it (METHOD.md §1, "Tissue copy
/// numbers"; docs/method.md §9).
///
/// Values are as the table gives them; a missing cell (empty, `.`, `NA`) is `nil`. What the
/// method makes of them (which rows count, the mutant copy number m) is decided in CtDNACore.
public struct TissueMutation: Sendable, Equatable {
    /// The mutation's key, made as for plasma rows (so the same variant has the same key).
    public var key: MutationKey
    /// Total copy number of the locus in the tumour, C_T (`tcn`, `tcn.em`,
    /// `ASCN.TOTAL_COPY_NUMBER`); at least 0.
    public var totalCopies: Double?
    /// Minor (lesser) copy number, lcn (`lcn`, `lcn.em`, `ASCN.MINOR_COPY_NUMBER`); at least 0.
    public var minorCopies: Double?
    /// The mutant copy number a caller already worked out (facets-suite `expected_alt_copies`,
    /// `ASCN.EXPECTED_ALT_COPIES`); at least 0.
    public var expectedAltCopies: Double?
    /// Tissue purity P of the row's sample, from the row or the per-patient purity table;
    /// above 0 and at most 1.
    public var purity: Double?
    /// Tissue reads of the alternate allele.
    public var altCount: Int?
    /// Tissue reads of the reference allele (or depth - alt).
    public var refCount: Int?
    /// Whether the row is marked clonal; `nil` when the table has no clonality column.
    public var isClonal: Bool?
    /// Where the row came from (`file:line`), for messages.
    public var origin: String

    /// Creates a row; the parameters are the properties of the same names.
    public init(
        key: MutationKey, totalCopies: Double?, minorCopies: Double?, expectedAltCopies: Double? = nil,
        purity: Double?, altCount: Int? = nil, refCount: Int? = nil, isClonal: Bool? = nil, origin: String = ""
    ) {
        self.key = key
        self.totalCopies = totalCopies
        self.minorCopies = minorCopies
        self.expectedAltCopies = expectedAltCopies
        self.purity = purity
        self.altCount = altCount
        self.refCount = refCount
        self.isClonal = isClonal
        self.origin = origin
    }

    /// The tissue allele fraction alt / (alt + ref); `nil` when a count is missing or both are 0.
    public var alleleFraction: Double? {
        guard let altCount, let refCount, altCount + refCount > 0 else { return nil }
        return Double(altCount) / Double(altCount + refCount)
    }
}
