import CtDNAModel

/// Every number and list of the ctDNA method (docs/method.md §1-§8), with the defaults that
/// reproduce the published CURB analysis (Tsai et al., Lancet 2024).
///
/// Build one with ``init(chGenes:)`` and change what you need, or start from
/// ``bundledDefaults()`` which loads the bundled CH gene list:
///
/// ```swift
/// var parameters = try MethodParameters.bundledDefaults()
/// parameters.minDepth = 100
/// parameters.chVariants = try BundledResources.chVariantList()
/// ```
public struct MethodParameters: Sendable, Equatable {
    /// A read-count threshold: a mutation supported by fewer alt reads than this in a sample counts
    /// as not detected there (alt taken as 0 before the allele fraction). Default 2 ("one read is
    /// noise"), docs/method.md §1. Flag `--min-alt-reads`.
    public var minAltReads: Int
    /// The clonal set keeps mutations whose allele fraction at the reference timepoint is at least
    /// this share of the highest one. Default 0.3, from the paper's Procedures and docs/method.md §6.
    /// Flag `--clonal-fraction`.
    public var clonalFraction: Double
    /// The tie-break refinement of the reference timepoint applies when the absolute sum of the
    /// drivers' changes is below this. Default 0.01, from the published code via docs/method.md §5.
    /// Flag `--tie-break-threshold`.
    public var tieBreakThreshold: Double
    /// With a matched normal, a mutation leaves the set when its plasma allele fraction is below this
    /// many times its normal allele fraction. Default 2 (MSK's "2:1 rule"), docs/method.md §3.
    /// Flag `--normal-ratio`.
    public var normalRatio: Double
    /// Whether mutations in genes whose symbol starts with `LOC` leave the set. Default `true`,
    /// docs/method.md §3. Flag `--keep-loc-genes` turns it off.
    public var dropLocGenes: Bool
    /// When set, a mutation leaves the set if a sample table row for it has fewer reads (alt + ref)
    /// than this. Default `nil` (off); docs/method.md §3 lists it as optional. Flag `--min-depth`.
    public var minDepth: Int?
    /// When set, a mutation leaves the set if its population allele frequency (a column such as
    /// `gnomAD_AF`) is above this. Default `nil` (off); docs/method.md §3. Flag `--max-population-af`.
    public var maxPopulationAlleleFrequency: Double?
    /// Whether OncoKB's `Likely Oncogenic` makes a mutation a driver. Default `false`: docs/method.md §4
    /// counts only `Oncogenic` and hotspots. Flag `--likely-oncogenic-is-driver`.
    public var likelyOncogenicIsDriver: Bool
    /// Whether a mutation without coverage (alt + ref = 0) at some timepoint leaves S with status
    /// `no_coverage`. Default `false`, the published code's behaviour (docs/method.md §1): the
    /// mutation stays, with no value at that timepoint. Flag `--drop-uncovered`.
    public var dropUncovered: Bool
    /// The fall of the tested metric, as a fraction of its first value, that counts as a molecular
    /// response. Default 0.5 (Goldberg et al. 2018, Thompson et al. 2021; METHOD.md section 6).
    /// Flag `--response-threshold`.
    public var responseThreshold: Double
    /// The metric molecular response is judged on. Default the ctDNA fraction. Flag `--response-metric`.
    public var responseMetric: Metric
    /// Gene symbols (upper case) whose mutations are clonal haematopoiesis, not tumour.
    /// Default: the bundled `ch_genes.tsv` (the bundled `ch_genes.tsv`, which the pipeline loads), docs/method.md §3.
    /// Flags `--ch-genes FILE` (replace) and `--extra-ch-genes FILE` (extend).
    public var chGenes: Set<String>
    /// Variant-level CH or artifact block list. Default `nil` (off, opt-in): the bundled list holds
    /// TP53 and KRAS variants that are also tumour drivers. Flag `--ch-variants bundled|FILE`.
    public var chVariants: CHVariantList?
    /// Mutations to drop by hand, per patient. Default empty. Flag `--drop-list FILE`.
    public var dropList: DropList

    /// Creates parameters with the published defaults and the given CH genes.
    /// - Parameters:
    ///   - chGenes: CH gene symbols; stored in upper case.
    ///   - minAltReads: default 2.
    ///   - clonalFraction: default 0.3.
    ///   - tieBreakThreshold: default 0.01.
    ///   - normalRatio: default 2.
    ///   - dropLocGenes: default `true`.
    ///   - minDepth: default `nil` (off).
    ///   - maxPopulationAlleleFrequency: default `nil` (off).
    ///   - likelyOncogenicIsDriver: default `false`.
    ///   - chVariants: default `nil` (off).
    ///   - dropList: default empty.
    ///   - dropUncovered: default `false`.
    ///   - responseThreshold: default 0.5.
    ///   - responseMetric: default the ctDNA fraction.
    public init(
        chGenes: Set<String>, minAltReads: Int = 2, clonalFraction: Double = 0.3,
        tieBreakThreshold: Double = 0.01, normalRatio: Double = 2, dropLocGenes: Bool = true,
        minDepth: Int? = nil, maxPopulationAlleleFrequency: Double? = nil,
        likelyOncogenicIsDriver: Bool = false, chVariants: CHVariantList? = nil,
        dropList: DropList = DropList(), dropUncovered: Bool = false, responseThreshold: Double = 0.5,
        responseMetric: Metric = .ctDNAFraction
    ) {
        self.chGenes = Set(chGenes.map { $0.uppercased() })
        self.minAltReads = minAltReads
        self.clonalFraction = clonalFraction
        self.tieBreakThreshold = tieBreakThreshold
        self.normalRatio = normalRatio
        self.dropLocGenes = dropLocGenes
        self.minDepth = minDepth
        self.maxPopulationAlleleFrequency = maxPopulationAlleleFrequency
        self.likelyOncogenicIsDriver = likelyOncogenicIsDriver
        self.chVariants = chVariants
        self.dropList = dropList
        self.dropUncovered = dropUncovered
        self.responseThreshold = responseThreshold
        self.responseMetric = responseMetric
    }
}
