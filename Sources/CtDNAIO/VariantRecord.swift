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
    /// `HGVSp_Short` (protein change such as `p.G12C`), when present.
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

    /// Creates a record; every annotation defaults to absent.
    public init(
        sample: String? = nil, gene: String?, chromosome: String, position: Int,
        reference: String, alternate: String, altCount: Int?, refCount: Int?,
        alleleFraction: Double?, proteinChange: String? = nil, variantClassification: String? = nil,
        oncogenic: String? = nil, hotspot: String? = nil, hotspotWhitelist: String? = nil,
        callStatus: String? = nil, populationAlleleFrequency: Double? = nil, lineNumber: Int = 0
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

/// A variant's identity: the same key in two tables is the same mutation.
public struct MutationKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Chromosome without a leading `chr`.
    public var chromosome: String
    /// 1-based start position.
    public var position: Int
    /// Reference allele.
    public var reference: String
    /// Alternate allele.
    public var alternate: String

    /// Creates a key; a leading `chr` on the chromosome is removed.
    public init(chromosome: String, position: Int, reference: String, alternate: String) {
        self.chromosome = MutationKey.normalizedChromosome(chromosome)
        self.position = position
        self.reference = reference
        self.alternate = alternate
    }

    /// Creates a key from a chromosome that has no leading `chr` already.
    init(alreadyNormalized chromosome: String, position: Int, reference: String, alternate: String) {
        self.chromosome = chromosome
        self.position = position
        self.reference = reference
        self.alternate = alternate
    }

    /// `chrom:pos:ref:alt`, the form used in audit tables and block lists.
    public var description: String { "\(chromosome):\(position):\(reference):\(alternate)" }

    /// Orders keys by chromosome (1-22, X, Y, MT, then others by name), then position, then alleles.
    public static func < (lhs: MutationKey, rhs: MutationKey) -> Bool {
        let l = chromosomeRank(lhs.chromosome), r = chromosomeRank(rhs.chromosome)
        if l != r { return l < r }
        if lhs.chromosome != rhs.chromosome { return lhs.chromosome < rhs.chromosome }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.reference != rhs.reference { return lhs.reference < rhs.reference }
        return lhs.alternate < rhs.alternate
    }

    /// Removes a leading `chr` (any letter case) from a chromosome name.
    public static func normalizedChromosome(_ name: String) -> String {
        let utf8 = name.utf8
        guard utf8.count > 3 else { return name }
        var iterator = utf8.makeIterator()
        let c = iterator.next()! | 0x20, h = iterator.next()! | 0x20, r = iterator.next()! | 0x20
        if c == UInt8(ascii: "c") && h == UInt8(ascii: "h") && r == UInt8(ascii: "r") {
            return String(name.dropFirst(3))
        }
        return name
    }

    /// 1-22 for autosomes, 23 X, 24 Y, 25 M/MT, 26 anything else; read from the bytes, without
    /// making strings (sorting calls this for every comparison).
    private static func chromosomeRank(_ name: String) -> Int {
        var number = 0
        var count = 0
        var letters: (UInt8, UInt8) = (0, 0)
        for byte in name.utf8 {
            count += 1
            if count > 2 { return 26 }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                number = -1000
            }
            if count == 1 { letters.0 = byte | 0x20 } else { letters.1 = byte | 0x20 }
        }
        if number >= 1 && number <= 22 && !(count == 2 && letters.0 == UInt8(ascii: "0")) { return number }
        switch (count, letters.0, letters.1) {
        case (1, UInt8(ascii: "x"), _): return 23
        case (1, UInt8(ascii: "y"), _): return 24
        case (1, UInt8(ascii: "m"), _), (2, UInt8(ascii: "m"), UInt8(ascii: "t")): return 25
        default: return 26
        }
    }
}
