import CtDNAModel
/// Which columns hold the read counts, or the allele fraction, of a variant table.
///
/// Left empty, the reader uses the GDC MAF columns: `t_alt_count` with `t_ref_count`, or with
/// `t_depth` when `t_ref_count` is absent; with both, a row whose `t_ref_count` is missing takes
/// ref = `t_depth` - alt. MSK-ACCESS tables carry more count columns
/// (`t_alt_count_fragment_simplex_duplex`, `t_ref_count_fragment_simplex_duplex`, duplex-only,
/// simplex-only): name them here to use them.
public struct CountColumns: Sendable, Hashable {
    /// The column of alternate-allele reads; `nil` means `t_alt_count`.
    public var alt: String?
    /// The column of reference-allele reads; `nil` means `t_ref_count` (with `t_depth` - alt for a
    /// missing cell). A named column is read alone: its missing cells stay missing.
    public var ref: String?
    /// A total-depth column: ref = depth - alt. Used when named, or when no ref column exists.
    public var depth: String?
    /// An allele-fraction column to read instead of counts.
    public var vaf: String?
    /// Whether the VAF column is in percent (0-100) rather than a fraction (0-1).
    public var vafIsPercent: Bool

    /// Creates a choice of count columns; everything defaults to the GDC MAF columns.
    public init(alt: String? = nil, ref: String? = nil, depth: String? = nil, vaf: String? = nil, vafIsPercent: Bool = false) {
        self.alt = alt
        self.ref = ref
        self.depth = depth
        self.vaf = vaf
        self.vafIsPercent = vafIsPercent
    }

    /// MSK-ACCESS's simplex + duplex fragment counts.
    public static let mskAccessSimplexDuplex = CountColumns(
        alt: "t_alt_count_fragment_simplex_duplex", ref: "t_ref_count_fragment_simplex_duplex")
}

/// How to read a variant table: which columns, which sample, which calls.
///
/// The count columns apply to MAF-like tables only: a VCF's counts come from its FORMAT fields
/// (``VCFCountPlan``).
public struct VariantTableOptions: Sendable, Hashable {
    /// The count (or VAF) columns.
    public var counts: CountColumns
    /// Keep only the rows of this `Tumor_Sample_Barcode`; `nil` keeps every row.
    public var sample: String?
    /// The call-status column (a mutation counts as called where it is `Yes`, `TRUE`, `1`, ...);
    /// `nil` looks for `Called` or `call_status`.
    public var callStatusColumn: String?
    /// The population allele-frequency column; `nil` looks for `gnomAD_AF`, `ExAC_AF` or `population_af`.
    public var populationFrequencyColumn: String?
    /// Keep only calls whose `FILTER` is `PASS` or `.` (a VCF's FILTER column, or a MAF's `FILTER`
    /// column when it has one). Off by default: callers' filters are tuned for tissue, and on
    /// plasma they drop many true low-fraction calls (`weak_evidence`, `strand_bias`, ...).
    public var passOnly: Bool

    /// Creates options; by default every row is read with the GDC MAF count columns.
    public init(counts: CountColumns = CountColumns(), sample: String? = nil,
                callStatusColumn: String? = nil, populationFrequencyColumn: String? = nil, passOnly: Bool = false) {
        self.counts = counts
        self.sample = sample
        self.callStatusColumn = callStatusColumn
        self.populationFrequencyColumn = populationFrequencyColumn
        self.passOnly = passOnly
    }
}
