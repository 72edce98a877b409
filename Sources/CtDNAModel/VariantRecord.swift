/// One data row of a variant table, as ctdna understood it.
///
/// Only the columns the analysis uses are converted; everything else in the row is skipped
/// without being decoded. Text values keep the spelling of the input, except the chromosome,
/// which loses a leading `chr` so that `chr7` and `7` name the same chromosome.
public struct VariantRecord: Sendable, Hashable {
    /// `Tumor_Sample_Barcode`, or `nil` when the table has no sample column.
    public var sample: String?
    /// `Hugo_Symbol`, or `nil` when the table has no gene column or the cell is empty.
    public var gene: String?
    /// Chromosome without a leading `chr` (`7`, `X`, `MT`).
    public var chromosome: String
    /// `Start_Position`, 1-based as in MAF.
    public var position: Int
    /// `Reference_Allele`.
    public var reference: String
    /// The alternate allele: `Tumor_Seq_Allele2`, or `Tumor_Seq_Allele1` when Allele2 equals the reference.
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
    /// `NCBI_Build` (the genome build, such as `GRCh37`, `GRCh38` or `37`) as written; `nil` when
    /// the table has no such column or the cell is missing. Read, never compared, by the reader.
    public var genomeBuild: String?

    /// Creates a record; every annotation (the genome build too) defaults to absent.
    public init(
        sample: String? = nil, gene: String?, chromosome: String, position: Int,
        reference: String, alternate: String, altCount: Int?, refCount: Int?,
        alleleFraction: Double?, proteinChange: String? = nil, variantClassification: String? = nil,
        oncogenic: String? = nil, hotspot: String? = nil, hotspotWhitelist: String? = nil,
        callStatus: String? = nil, populationAlleleFrequency: Double? = nil, lineNumber: Int = 0,
        genomeBuild: String? = nil
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
    }

    /// Total reads at the site (alt + ref), or `nil` when either count is missing.
    public var depth: Int? {
        guard let altCount, let refCount else { return nil }
        return altCount + refCount
    }

    /// The variant's identity across files: chromosome, position, reference and alternate allele.
    public var key: MutationKey {
        // The chromosome lost its `chr` when the record was made: no second look.
        MutationKey(alreadyNormalized: chromosome, position: position, reference: reference, alternate: alternate)
    }
}
