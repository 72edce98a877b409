/// One data row of a variant table (or one ALT allele of one sample of a VCF line), as ctdna
/// understood it.
///
/// Only the columns the analysis uses are converted; everything else in the row is skipped
/// without being decoded. Text values keep the spelling of the input, except the chromosome,
/// which loses a leading `chr` so that `chr7` and `7` name the same chromosome, and the
/// position and alleles, which the readers normalise (``AlleleNormalization``) so that one
/// variant has one ``key`` in a MAF and in a VCF.
public struct VariantRecord: Sendable, Hashable {
    /// `Tumor_Sample_Barcode`, or `nil` when the table has no sample column.
    public var sample: String?
    /// `Hugo_Symbol`, or `nil` when the table has no gene column or the cell is empty.
    public var gene: String?
    /// Chromosome without a leading `chr` (`7`, `X`, `MT`).
    public var chromosome: String
    /// `Start_Position`, 1-based as in MAF (for an insertion, the base before it); normalised
    /// with the alleles by the readers.
    public var position: Int
    /// `Reference_Allele` (a VCF's `REF`), normalised: `-` for an insertion.
    public var reference: String
    /// The alternate allele: `Tumor_Seq_Allele2`, or `Tumor_Seq_Allele1` when Allele2 equals the
    /// reference (one of a VCF's `ALT` alleles); normalised: `-` for a deletion.
    public var alternate: String
    /// Reads supporting the alternate allele; `nil` when missing (`.`, `NA`, empty) or when only a VAF column is read.
    public var altCount: Int?
    /// Reads supporting the reference allele; `nil` when missing or when only a VAF column is read.
    public var refCount: Int?
    /// Allele fraction, alt / (alt + ref), or the VAF column's value as a fraction;
    /// `nil` when the counts are missing or alt + ref = 0 (no coverage).
    public var alleleFraction: Double?
    /// The protein change (`p.G12C`) from `HGVSp_Short`, or from `Protein_Change` when there is no `HGVSp_Short`, when present.
    public var proteinChange: String?
    /// `Variant_Classification`, when present.
    public var variantClassification: String?
    /// OncoKB's `ONCOGENIC` value (`Oncogenic`, `Likely Oncogenic`, ...), when present.
    public var oncogenic: String?
    /// The `IS-A-HOTSPOT` value (`Y` marks a hotspot), when present.
    public var hotspot: String?
    /// The `hotspot_whitelist` value (`TRUE` marks a hotspot), when present.
    public var hotspotWhitelist: String?
    /// The call-status value (for example MSK's `Called` = `Yes`), when the table has such a column.
    public var callStatus: String?
    /// Population allele frequency (for example `gnomAD_AF`), when the table has such a column and the cell is not missing.
    public var populationAlleleFrequency: Double?
    /// The 1-based line of the input file this record came from.
    public var lineNumber: Int
    /// The caller's `FILTER` value (`PASS`, `.`, `weak_evidence;strand_bias`), when the table
    /// has a FILTER column (every VCF has one).
    public var filter: String?
    /// Which fields the read counts (or allele fraction) came from, for a VCF; `nil` for a MAF-like
    /// table, whose count columns are named by the options.
    public var countSource: ReadCountSource?
    /// `NCBI_Build` (the genome build, such as `GRCh37`, `GRCh38` or `37`) as written; `nil` when
    /// the table has no such column or the cell is missing. Read, never compared, by the reader.
    public var genomeBuild: String?

    /// Creates a record; every annotation (the genome build too) defaults to absent. Inlinable: the
    /// readers make one per row, and a call across modules copied the whole record once more.
    @inlinable
    public init(
        sample: String? = nil, gene: String?, chromosome: String, position: Int,
        reference: String, alternate: String, altCount: Int?, refCount: Int?,
        alleleFraction: Double?, proteinChange: String? = nil, variantClassification: String? = nil,
        oncogenic: String? = nil, hotspot: String? = nil, hotspotWhitelist: String? = nil,
        callStatus: String? = nil, populationAlleleFrequency: Double? = nil, lineNumber: Int = 0,
        genomeBuild: String? = nil, filter: String? = nil, countSource: ReadCountSource? = nil
    ) {
        self.sample = sample
        self.gene = gene
        self.chromosome = chromosome
        self.position = position
        self.reference = reference
        self.alternate = alternate
        self.altCount = altCount
        self.refCount = refCount
        self.alleleFraction = alleleFraction
        self.proteinChange = proteinChange
        self.variantClassification = variantClassification
        self.oncogenic = oncogenic
        self.hotspot = hotspot
        self.hotspotWhitelist = hotspotWhitelist
        self.callStatus = callStatus
        self.populationAlleleFrequency = populationAlleleFrequency
        self.lineNumber = lineNumber
        self.genomeBuild = genomeBuild
        self.filter = filter
        self.countSource = countSource
    }

    /// Total reads at the site (alt + ref), or `nil` when either count is missing.
    public var depth: Int? {
        guard let altCount, let refCount else { return nil }
        return altCount + refCount
    }

    /// The variant's identity across files: chromosome, position, reference and alternate allele.
    /// (A reader's records are normalised already; a record made by hand is taken as it is.)
    public var key: MutationKey {
        // The chromosome lost its `chr` when the record was made: no second look.
        MutationKey(alreadyNormalized: chromosome, position: position, reference: reference, alternate: alternate)
    }
}

/// Where a VCF record's read counts came from: the FORMAT (or INFO) fields of one caller's
/// layout, in the reader's order of preference (docs/vcf.md, "Read counts, by caller").
public enum ReadCountSource: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `AD` (Number=R: ref, alt1, alt2, ...): Mutect2, GATK, bcftools `-a AD`, newer VarDict, Strelka2 germline.
    case alleleDepths
    /// `AD` (Number=R) whose reference value is `.`, with `DP`: ref = DP - the alt values.
    case alleleDepthsAndDepth
    /// `AD` (alt reads, Number=1 or 2 as forward, reverse) with `RD` (ref reads): VarScan, older VarDict.
    case altAndRefDepths
    /// `VD` (variant depth) with `DP`: ref = DP - VD (VarDict without `AD`).
    case variantDepth
    /// Strelka's tier-1 `AU`/`CU`/`GU`/`TU` (SNVs).
    case strelkaBaseCounts
    /// Strelka's tier-1 `TIR`/`TAR` (indels).
    case strelkaIndelCounts
    /// `AO` (per ALT) and `RO`: Ion Torrent, freebayes.
    case observationCounts
    /// `DV` (non-reference reads) with `DP`: ref = DP - DV (older bcftools/samtools).
    case nonReferenceDepth
    /// FORMAT `DP4` (ref-forward, ref-reverse, alt-forward, alt-reverse).
    case strandCounts
    /// INFO `DP4` of a single-sample VCF (bcftools mpileup's default annotation) or a sites-only one (LoFreq).
    case infoStrandCounts
    /// `AF` alone: an allele fraction without counts (the minimum-reads rule cannot apply).
    case alleleFraction

    /// The fields, as `ctdna view --verbose` names them (`FORMAT/AD`).
    public var description: String {
        switch self {
        case .alleleDepths: "FORMAT/AD"
        case .alleleDepthsAndDepth: "FORMAT/AD+DP"
        case .altAndRefDepths: "FORMAT/AD+RD"
        case .variantDepth: "FORMAT/VD+DP"
        case .strelkaBaseCounts: "FORMAT/AU,CU,GU,TU"
        case .strelkaIndelCounts: "FORMAT/TIR+TAR"
        case .observationCounts: "FORMAT/AO+RO"
        case .nonReferenceDepth: "FORMAT/DV+DP"
        case .strandCounts: "FORMAT/DP4"
        case .infoStrandCounts: "INFO/DP4"
        case .alleleFraction: "FORMAT/AF"
        }
    }
}
