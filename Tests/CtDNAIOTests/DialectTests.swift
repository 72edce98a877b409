import CtDNAModel
import Foundation
import Testing
import TestSupport
@testable import CtDNAIO

/// The fixtures of Fixtures/dialects (see its README.md for the layout each one copies).
enum DialectFixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/dialects")!.path
    }
}

/// Variant tables in the dialects real pipelines write: each test is a case where ctdna gave a
/// wrong answer or a misleading message, or pins a case it already got right. Every expected
/// count and fraction is worked by hand from the fixture's cells, as each comment says.
@Suite struct DialectTests {
    // MARK: Counts row by row (vcf2maf, GRCh38)

    @Test func aMissingRefCellTakesDepthMinusAlt() throws {
        let path = DialectFixture.path("vcf2maf-grch38.maf")
        var reader = try VariantTableReader(path: path)
        var records: [VariantRecord] = []
        try reader.forEachRecord { records.append($0) }
        #expect(records.count == 5)
        let resolved = reader.layout
        let layout = try #require(resolved)
        #expect(layout.columnOfField[.refCount] == 40 && layout.columnOfField[.depth] == 39)  // 0-based columns of vcf2maf's header
        // KRAS: t_ref_count 229 is written: used as it is; AF 21 / (21 + 229) = 21/250.
        #expect(records[0].altCount == 21 && records[0].refCount == 229 && records[0].alleleFraction == 21.0 / 250.0)
        // TP53, the regression: t_ref_count empty, t_depth 140, t_alt_count 21, so ref = 140 - 21 = 119
        // and AF 21/140 (it was "no coverage" before).
        #expect(records[1].altCount == 21 && records[1].refCount == 119 && records[1].alleleFraction == 21.0 / 140.0)
        // PIK3CA: t_ref_count and t_depth both "." : no counts, as before; alt 4 is kept.
        #expect(records[3].altCount == 4 && records[3].refCount == nil && records[3].alleleFraction == nil)
        // DNMT3A: t_ref_count 80 is written, t_depth 100 (DP counts other reads): ref stays 80, AF 10/90.
        #expect(records[4].refCount == 80 && records[4].alleleFraction == 10.0 / 90.0)
    }

    @Test func theOverridesKeepTheirMeaning() throws {
        let path = DialectFixture.path("vcf2maf-grch38.maf")
        // --ref-column named: that column only; TP53's empty ref cell leaves it without a ref count.
        let named = try VariantTableReader.readAll(path: path, options: VariantTableOptions(counts: CountColumns(ref: "t_ref_count")))
        #expect(named[1].refCount == nil && named[1].alleleFraction == nil)
        #expect(named[0].refCount == 229)  // written in the file
        // --depth-column named: depth - alt on every row; DNMT3A is 100 - 10 = 90, not the written 80.
        let depth = try VariantTableReader.readAll(path: path, options: VariantTableOptions(counts: CountColumns(depth: "t_depth")))
        #expect(depth[4].refCount == 90 && depth[4].alleleFraction == 0.1)  // 10 / 100
        #expect(depth[1].refCount == 119)  // 140 - 21
    }

    @Test func altAboveDepthIsAnErrorWhenTheDepthStandsInForRef() {
        let folder = TemporaryFolder()
        let path = folder.file("d.maf", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_depth\tt_ref_count\tt_alt_count\n"
            + "1\t5\tC\tT\t20\t10\t12\n"  // ref written: 12 alt + 10 ref, the depth is not read
            + "1\t6\tC\tT\t10\tNA\t12\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):3: column t_alt_count: alt count 12 is greater than the depth 10 in column t_depth")
    }

    // MARK: Genome build

    @Test func theGenomeBuildIsReadAsWritten() throws {
        let vcf2maf = try VariantTableReader.readAll(path: DialectFixture.path("vcf2maf-grch38.maf"))
        #expect(vcf2maf.allSatisfy { $0.genomeBuild == "GRCh38" })  // every row's NCBI_Build cell
        let msk = try VariantTableReader.readAll(path: Fixture.path("msk-access-genotyped.maf"), options: VariantTableOptions(counts: .mskAccessSimplexDuplex))
        #expect(msk.allSatisfy { $0.genomeBuild == "GRCh37" })
        let tcga = try VariantTableReader.readAll(path: DialectFixture.path("tcga-laml.maf"), options: Self.tcgaVAF)
        #expect(tcga.allSatisfy { $0.genomeBuild == "37" })  // TCGA wrote the bare number
        // No column, or a missing cell: nil.
        #expect(try VariantTableReader.readAll(path: Fixture.path("small.maf")).allSatisfy { $0.genomeBuild == nil })
        let folder = TemporaryFolder()
        let path = folder.file("b.maf", "NCBI_Build\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_ref_count\tt_alt_count\n"
            + "GRCh37\t1\t5\tC\tT\t9\t1\n.\t1\t6\tC\tT\t9\t1\nNA\t1\t7\tC\tT\t9\t1\n\t1\t8\tC\tT\t9\t1\nGRCh37\t1\t9\tC\tT\t9\t1\n")
        #expect(try VariantTableReader.readAll(path: path).map(\.genomeBuild) == ["GRCh37", nil, nil, nil, "GRCh37"])
    }

    @Test func viewPrintsTheBuildLastOnlyWhenTheColumnExists() throws {
        #expect(TableField.genomeBuild.outputName == "ncbi_build")
        var reader = try VariantTableReader(path: DialectFixture.path("vcf2maf-grch38.maf"))
        try reader.forEachRecord { _ in }
        // vcf2maf's header (this fixture's cut of it) has HGVSp_Short and NCBI_Build among the annotations.
        let annotations = reader.layout?.annotationsPresent
        #expect(annotations == [.proteinChange, .variantClassification, .genomeBuild])
        var small = try VariantTableReader(path: Fixture.path("small.maf"))
        try small.forEachRecord { _ in }
        let smallAnnotations = small.layout?.annotationsPresent
        #expect(smallAnnotations?.contains(.genomeBuild) == false)
    }

    // MARK: Protein change (TCGA's Protein_Change)

    static let tcgaVAF = VariantTableOptions(counts: CountColumns(vaf: "i_TumorVAF_WU", vafIsPercent: true))

    @Test func tcgaProteinChangeIsRead() throws {
        let records = try VariantTableReader.readAll(path: DialectFixture.path("tcga-laml.maf"), options: Self.tcgaVAF)
        #expect(records.map(\.proteinChange) == ["p.R882H", "p.W288fs", "p.R140Q"])  // the Protein_Change cells
        #expect(records.map(\.alleleFraction) == [0.375, 0.25, 0.125])  // 37.5 %, 25 %, 12.5 %
        // NPM1's insertion keeps MAF's empty reference allele "-".
        #expect(records[1].reference == "-" && records[1].alternate == "TCTG")
    }

    @Test func hgvspShortWinsOverProteinChange() throws {
        let folder = TemporaryFolder()
        let path = folder.file("p.maf", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tProtein_Change\tHGVSp_Short\tt_ref_count\tt_alt_count\n"
            + "12\t25398284\tC\tT\tG12D\tp.G12D\t90\t10\n")
        #expect(try VariantTableReader.readAll(path: path)[0].proteinChange == "p.G12D")  // the HGVSp_Short cell
    }

    // MARK: Allele-fraction columns in the "missing read counts" message

    @Test func aTableWithoutCountsNamesItsAlleleFractionColumns() {
        let path = DialectFixture.path("tcga-laml.maf")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):1: missing read counts: no column t_alt_count (name the count columns with --alt-column and --ref-column or --depth-column, or an allele-fraction column with --vaf-column); allele-fraction columns that --vaf-column could read (with --vaf-percent if in percent): i_TumorVAF_WU; the header has: Hugo_Symbol, Entrez_Gene_Id, Center, NCBI_Build, Chromosome, Start_Position, End_Position, Strand, Variant_Classification, Variant_Type, Reference_Allele, Tumor_Seq_Allele1, Tumor_Seq_Allele2, Tumor_Sample_Barcode, Protein_Change, i_TumorVAF_WU, i_transcript_name")
    }

    @Test func anMskAccessTableGetsItsHintThenItsFractionColumns() {
        let error = inputError { _ = try VariantTableReader.readAll(path: Fixture.path("msk-access-genotyped.maf")) }
        // The three t_vaf_fragment_* columns of the fixture's header, in header order.
        #expect(error?.message.contains("; this looks like an MSK-ACCESS table: --msk-access reads its simplex+duplex counts; allele-fraction columns that --vaf-column could read (with --vaf-percent if in percent): t_vaf_fragment_simplex, t_vaf_fragment_duplex, t_vaf_fragment_simplex_duplex; the header has: Hugo_Symbol, ") == true)
    }

    @Test(arguments: [
        ("i_TumorVAF_WU", true), ("t_vaf", true), ("tumor_f", true), ("TumorVAF", true), ("AF", true), ("VAF", true),
        ("t_vaf_fragment_simplex_duplex", true), ("n_vaf", false), ("NormalVAF", false), ("normal_vaf", false),
        ("gnomAD_AF", false), ("ExAC_AF", false), ("t_alt_count", false), ("Tumor_f1", false),
    ])
    func alleleFractionNames(name: String, matches: Bool) {
        #expect(TableField.looksLikeAlleleFraction(name) == matches)
    }

    @Test func atMostFourFractionColumnsAreListed() {
        let folder = TemporaryFolder()
        let path = folder.file("v.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tVAF\tAF\ttumor_f\tt_vaf\tTumorVAF\tn_vaf\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        // Five match (n_vaf is the normal's); the first four are named.
        #expect(error?.message.contains("could read (with --vaf-percent if in percent): VAF, AF, tumor_f, t_vaf, ... (5 in all); the header has:") == true)
    }

    @Test func noFractionColumnNoHint() {
        let folder = TemporaryFolder()
        let path = folder.file("n.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tgnomAD_AF\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.message == "missing read counts: no column t_alt_count (name the count columns with --alt-column and --ref-column or --depth-column, or an allele-fraction column with --vaf-column); the header has: Chromosome, Start_Position, Reference_Allele, Tumor_Seq_Allele2, gnomAD_AF")
    }

    // MARK: A VCF where a MAF was expected: read as a VCF (VCFCallerTests has the callers' layouts)

    /// The same two-sample Mutect2 VCF, plain and gzipped, is read as a VCF by its content: the
    /// plasma sample's KRAS G12D (AD 229,21: alt 21, ref 229) and the buffy coat's (180,0).
    @Test(arguments: ["mutect2.vcf", "mutect2.vcf.gz"])
    func aVCFIsReadAsAVCF(name: String) throws {
        let records = try VariantTableReader.readAll(path: DialectFixture.path(name))
        #expect(records.map(\.sample) == ["PT01-plasma-C1D1", "PT01-buffy"])
        #expect(records.map(\.altCount) == [21, 0] && records.map(\.refCount) == [229, 180])
        #expect(records.allSatisfy { $0.key.description == "12:25245350:C:T" && $0.filter == "PASS" })
    }

    @Test func aVCFHeaderLineWithoutItsFileFormatLineIsAVCFToo() throws {
        let folder = TemporaryFolder()
        // The FORMAT definition before the header still decides how AD is read (Number=R).
        let path = folder.file("noformat.vcf", "##source=Mutect2\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"x\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\nchr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,2\n")
        let record = try #require(try VariantTableReader.readAll(path: path).first)
        #expect(record.altCount == 2 && record.refCount == 6 && record.alleleFraction == 0.25)  // 2 / (2 + 6)
        // Sites-only: the eight fixed columns and nothing after them hold no counts.
        let sites = folder.file("sites.vcf", "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        #expect(inputError { _ = try VariantTableReader.readAll(path: sites) }?.line == 1)
        // A MAF-like table that borrows #CHROM is still a table (columnsAreFoundCaseInsensitivelyAndByAlias).
        let table = folder.file("t.tsv", "#CHROM\tPOS\tID\tREF\tALT\tt_alt_count\tt_ref_count\nchr1\t5\t.\tC\tT\t1\t3\n")
        #expect((try? VariantTableReader.readAll(path: table))?.first?.alleleFraction == 0.25)  // 1 / (1 + 3)
    }

    // MARK: The rest of their kind

    static let gdc = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tt_ref_count\tt_alt_count"

    @Test func aByteOrderMarkBeforeTheHeaderIsIgnored() throws {
        let folder = TemporaryFolder()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        // Hugo_Symbol is the first column of a GDC MAF: with the mark it was not found, and every gene was nil.
        let first = folder.file("bom.maf", bom + Array((Self.gdc + "\nTP53\t17\t7577120\tC\tC\tT\t90\t10\n").utf8))
        #expect(try VariantTableReader.readAll(path: first)[0].gene == "TP53")
        let comment = folder.file("bom-comment.maf", bom + Array(("#version 2.4\n" + Self.gdc + "\nTP53\t17\t7577120\tC\tC\tT\t90\t10\n").utf8))
        let record = try VariantTableReader.readAll(path: comment)[0]
        #expect(record.gene == "TP53" && record.lineNumber == 3)
    }

    @Test func windowsLineEndsReadTheSame() throws {
        let folder = TemporaryFolder()
        let path = folder.file("crlf.maf", "#version 2.4\r\n" + Self.gdc + "\r\nTP53\t17\t7577120\tC\tC\tT\t90\t10\r\nKRAS\t12\t25398284\tC\tC\tA\t45\t5\r\n")
        let records = try VariantTableReader.readAll(path: path)
        // The last column is the count: a CR left on it would be an error.
        #expect(records.map(\.altCount) == [10, 5] && records.map(\.refCount) == [90, 45])
        #expect(records.map(\.lineNumber) == [3, 4])
    }

    @Test func chrMAndMTAreOneChromosome() throws {
        let folder = TemporaryFolder()
        let rows = ["chrM", "M", "MT", "chrMT", "chrm", "chr23", "chrX"].enumerated().map { "G\t\($0.element)\t\($0.offset + 1)\tC\tC\tT\t9\t1" }
        let path = folder.file("m.maf", Self.gdc + "\n" + rows.joined(separator: "\n") + "\n")
        // chrM (UCSC, GDC GRCh38) and MT (Ensembl, GRCh37) are one name; chr23 is not read as X.
        #expect(try VariantTableReader.readAll(path: path).map(\.chromosome) == ["MT", "MT", "MT", "MT", "MT", "23", "X"])
    }

    @Test func aPositionOfZeroIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("p.maf", Self.gdc + "\nTP53\t17\t0\tC\tC\tT\t90\t10\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):2: column Start_Position: \"0\" is not a position (a whole number, 1 or more)")
    }

    @Test func alleles() throws {
        let folder = TemporaryFolder()
        // A deletion's "-" (vcf2maf's EGFR row) is the alternate allele as written.
        let egfr = try VariantTableReader.readAll(path: DialectFixture.path("vcf2maf-grch38.maf"))[2]
        #expect(egfr.reference == "GGAATTAAGAGAAGC" && egfr.alternate == "-")
        #expect(egfr.key.description == "7:55174772:GGAATTAAGAGAAGC:-")
        // An empty Allele2 falls back to Allele1 when Allele1 is not the reference.
        let empty = folder.file("e.maf", Self.gdc + "\nTP53\t17\t7577120\tC\tT\t\t90\t10\n")
        #expect(try VariantTableReader.readAll(path: empty)[0].alternate == "T")
        // Both alleles the reference: an error (it was read as the non-variant C>C).
        let none = folder.file("n.maf", Self.gdc + "\nTP53\t17\t7577120\tC\tC\t\t90\t10\n")
        #expect(inputError { _ = try VariantTableReader.readAll(path: none) }?.description
            == "\(none):2: column Tumor_Seq_Allele1: \"C\" is the reference allele (and Tumor_Seq_Allele2 is empty or the reference too): the row names no alternate allele")
        let same = folder.file("s.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_ref_count\tt_alt_count\n1\t5\tC\tC\t90\t10\n")
        #expect(inputError { _ = try VariantTableReader.readAll(path: same) }?.description
            == "\(same):2: column Tumor_Seq_Allele2: \"C\" is the reference allele: the row names no alternate allele")
    }

    @Test func aRepeatedColumnThatIsNotReadIsAllowed() throws {
        // Merged MAFs repeat columns such as Center; only a column ctdna reads must be unique.
        let folder = TemporaryFolder()
        let path = folder.file("c.maf", "Center\t" + Self.gdc + "\tCenter\nbroad\tTP53\t17\t7577120\tC\tC\tT\t90\t10\twustl\n")
        #expect(try VariantTableReader.readAll(path: path)[0].alleleFraction == 0.1)  // 10 / (10 + 90)
    }

    @Test(arguments: [("12.0", 12), ("12.00", 12), ("0.0", 0), ("12", 12)])
    func aWholeCountWrittenAsADecimal(cell: String, expected: Int) throws {
        // pandas writes an integer column with a missing cell as floats: "12.0".
        let folder = TemporaryFolder()
        let path = folder.file("f.maf", Self.gdc + "\nTP53\t17\t7577120\tC\tC\tT\t90.0\t\(cell)\n")
        let record = try VariantTableReader.readAll(path: path)[0]
        #expect(record.altCount == expected && record.refCount == 90)
    }

    @Test(arguments: ["12.5", "12.", ".0", "1e1", "12.0.0"])
    func aCountWithAFractionIsStillAnError(cell: String) {
        let folder = TemporaryFolder()
        let path = folder.file("f.maf", Self.gdc + "\nTP53\t17\t7577120\tC\tC\tT\t90\t\(cell)\n")
        #expect(inputError { _ = try VariantTableReader.readAll(path: path) }?.description
            == "\(path):2: column t_alt_count: \"\(cell)\" is not a count (a whole number of reads, 0 or more)")
    }

    @Test func whiteSpaceAroundACellIsNoPartOfIt() throws {
        // As in the header: "TP53 " would miss the CH gene list, "C " would make another key.
        let folder = TemporaryFolder()
        let path = folder.file("w.maf", Self.gdc + "\nTP53 \t 17\t7577120 \tC \tC\t T\t NA\t 10 \n")
        let record = try VariantTableReader.readAll(path: path)[0]
        #expect(record.gene == "TP53" && record.key.description == "17:7577120:C:T")
        #expect(record.altCount == 10 && record.refCount == nil)  // " NA" is missing
    }
}
