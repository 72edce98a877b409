import CtDNAModel
import Foundation
import Testing
import TestSupport
@testable import CtDNAIO

/// The rows of Fixtures/small.maf are written out in its generator (make_fixtures.sh's input);
/// every expected allele fraction below is alt / (alt + ref) worked by hand.
@Suite struct VariantTableReaderTests {
    static let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_ref_count\tt_alt_count\n"

    @Test(arguments: ["small.maf", "small.maf.gz", "small.multi.gz", "small.bgzf", "small.zlib"])
    func readsTheSameRecordsFromEveryForm(name: String) throws {
        let records = try VariantTableReader.readAll(path: Fixture.path(name))
        #expect(records.count == 47)
        let first = records[0]
        #expect(first.sample == "S1")
        #expect(first.gene == "TP53")
        #expect(first.chromosome == "17")  // "chr17" loses its chr
        #expect(first.position == 7577120)
        #expect(first.reference == "C" && first.alternate == "T")
        #expect(first.altCount == 100 && first.refCount == 900)
        #expect(first.alleleFraction == 0.1)  // 100 / (900 + 100)
        #expect(first.proteinChange == "p.R273H")
        #expect(first.oncogenic == "Oncogenic" && first.hotspot == "Y")
        #expect(first.lineNumber == 4)  // two comment lines, then the header
    }

    @Test func alternateFallsBackToAllele1WhenAllele2IsTheReference() throws {
        let kras = try VariantTableReader.readAll(path: Fixture.path("small.maf"))[1]
        #expect(kras.reference == "C" && kras.alternate == "A")
        #expect(kras.alleleFraction == 0.1)  // 50 / (450 + 50)
    }

    @Test func missingCountsAreMissingNotZero() throws {
        let records = try VariantTableReader.readAll(path: Fixture.path("small.maf"))
        let egfr = records[2]  // t_ref_count NA, t_alt_count 3
        #expect(egfr.altCount == 3 && egfr.refCount == nil && egfr.alleleFraction == nil)
        let dnmt3a = records[3]  // 0 and 0 reads: no coverage, so no AF
        #expect(dnmt3a.altCount == 0 && dnmt3a.refCount == 0 && dnmt3a.alleleFraction == nil)
        let pik3ca = records[4]  // t_alt_count "."
        #expect(pik3ca.altCount == nil && pik3ca.refCount == 300)
        let loc = records[6]  // both empty; empty protein change and hotspot are absent
        #expect(loc.altCount == nil && loc.refCount == nil && loc.proteinChange == nil && loc.hotspot == nil)
    }

    @Test func readsOneSampleOfSeveral() throws {
        let s2 = try VariantTableReader.readAll(path: Fixture.path("small.maf.gz"), options: VariantTableOptions(sample: "S2"))
        #expect(s2.count == 43)  // 3 named rows + 40 ESR1 rows
        #expect(s2.allSatisfy { $0.sample == "S2" })
    }

    @Test func anAbsentSampleListsThoseThere() {
        let error = inputError { _ = try VariantTableReader.readAll(path: Fixture.path("small.maf"), options: VariantTableOptions(sample: "S9")) }
        #expect(error?.message == "sample \"S9\" not found; the file has samples: S1, S2")
    }

    @Test func columnsAreFoundCaseInsensitivelyAndByAlias() throws {
        let folder = TemporaryFolder()
        let path = folder.file("aliases.tsv", "#CHROM\tPOS\tREF\tALT\tGENE\tT_ALT_COUNT\tT_DEPTH\nchr1\t100\tA\tG\tNRAS\t5\t20\n")
        let record = try VariantTableReader.readAll(path: path)[0]
        #expect(record.chromosome == "1" && record.position == 100 && record.alternate == "G" && record.gene == "NRAS")
        #expect(record.refCount == 15)  // depth 20 - alt 5
        #expect(record.alleleFraction == 0.25)  // 5 / 20
    }

    @Test func userNamedCountColumns() throws {
        let folder = TemporaryFolder()
        let path = folder.file("msk.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count_fragment_simplex_duplex\tt_ref_count_fragment_simplex_duplex\n7\t1\tA\tT\t3\t9\n")
        let record = try VariantTableReader.readAll(path: path, options: VariantTableOptions(counts: .mskAccessSimplexDuplex))[0]
        #expect(record.alleleFraction == 0.25)  // 3 / (3 + 9)
    }

    @Test func realMskAccessTable() throws {
        // The shared MSK-ACCESS table: CDH1 row has 3 alt and 2737 ref simplex+duplex fragments.
        let path = Fixture.path("msk-access-genotyped.maf")
        let records = try VariantTableReader.readAll(path: path, options: VariantTableOptions(counts: .mskAccessSimplexDuplex))
        #expect(records.count == 10)
        let cdh1 = try #require(records.first { $0.gene == "CDH1" })
        #expect(cdh1.altCount == 3 && cdh1.refCount == 2737)
        #expect(cdh1.alleleFraction == 3.0 / 2740.0)
        #expect(records.first { $0.gene == "CD79B" }?.alleleFraction == nil)  // 0 + 0 fragments
    }

    @Test(arguments: [("12.5", false, 0.125), ("12.5", true, 0.125), ("0.125", false, 0.125)])
    func vafColumnAsFractionOrPercent(cell: String, percent: Bool, expected: Double) throws {
        let value = percent ? cell : (cell == "12.5" ? "0.125" : cell)
        let folder = TemporaryFolder()
        let path = folder.file("vaf.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tVAF\n1\t5\tC\tT\t\(value)\n")
        let options = VariantTableOptions(counts: CountColumns(vaf: "vaf", vafIsPercent: percent))
        let record = try VariantTableReader.readAll(path: path, options: options)[0]
        #expect(record.alleleFraction == expected)
        #expect(record.altCount == nil)
    }

    @Test func aFractionAboveOneIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("vaf.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tVAF\n1\t5\tC\tT\t12.5\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path, options: VariantTableOptions(counts: CountColumns(vaf: "VAF"))) }
        #expect(error?.description == "\(path):2: column VAF: \"12.5\" is not an allele fraction between 0 and 1 (use --vaf-percent for percentages)")
    }

    @Test(arguments: [
        ("x", "\"x\" is not a count (a whole number of reads, 0 or more)"),
        ("-3", "\"-3\" is not a count (a whole number of reads, 0 or more)"),
        ("2.5", "\"2.5\" is not a count (a whole number of reads, 0 or more)"),
    ])
    func aBadCountNamesFileLineAndColumn(cell: String, message: String) {
        let folder = TemporaryFolder()
        let path = folder.file("b.maf", Self.header + "TP53\t17\t1\tC\tC\tT\tS\t10\t1\nTP53\t17\t2\tC\tC\tT\tS\t10\t\(cell)\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):3: column t_alt_count: \(message)")
    }

    @Test func altAboveDepthIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("d.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_depth\n1\t5\tC\tT\t12\t10\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):2: column t_alt_count: alt count 12 is greater than the depth 10 in column t_depth")
    }

    @Test func aMissingColumnListsTheHeaderAndTheAcceptedNames() {
        let folder = TemporaryFolder()
        let path = folder.file("m.tsv", "Hugo_Symbol\tChromosome\tReference_Allele\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):1: missing column start_position or pos or position or start; the header has: Hugo_Symbol, Chromosome, Reference_Allele")
    }

    @Test func missingCountsAreAnErrorNamingTheOptions() {
        let folder = TemporaryFolder()
        let path = folder.file("n.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\n1\t2\tA\tC\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.message.hasPrefix("missing read counts: no column t_alt_count") == true)
        #expect(error?.message.contains("--vaf-column") == true)
    }

    @Test func aShortRowIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("s.maf", Self.header + "TP53\t17\t1\tC\tC\tT\tS\t10\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):2: expected 9 tab-separated cells as in the header, found 8")
    }

    @Test func invalidUTF8InAGeneNameIsAnError() {
        let folder = TemporaryFolder()
        var bytes = Array(Self.header.utf8)
        bytes += Array("TP".utf8) + [0xFF] + Array("53\t17\t1\tC\tC\tT\tS\t10\t2\n".utf8)
        let path = folder.file("u.maf", bytes)
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.line == 2 && error?.column == "Hugo_Symbol")
        #expect(error?.message.hasSuffix("is not valid UTF-8 text") == true)
    }

    @Test func aDuplicatedNeededColumnIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("dup.tsv", "Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_alt_count\tt_ref_count\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.message == "column t_alt_count appears more than once in the header")
    }

    @Test func onlyCommentsIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("c.maf", "#version 2.4\n\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.message == "no header line: the file is empty or holds only # comment lines")
    }

    @Test func aHeaderWithoutRowsHasNoRecords() throws {
        let folder = TemporaryFolder()
        #expect(try VariantTableReader.readAll(path: folder.file("h.maf", Self.header)).isEmpty)
    }
}
