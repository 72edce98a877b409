import CtDNAIO
import CtDNAModel
import CtDNASystem
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moved from CtDNACoreTests with the list readers (Core's `parseGeneList`, `parseCHVariantList`,
/// `parseDropList` and their `load...` forms are now `ListFiles` in CtDNAIO). Errors are
/// `InputError`s with the text `CoreError.invalidLine` had (`file:line: message`); a file that
/// cannot be opened is a `SystemError`.
@Suite("List files and bundled resources")
struct ListFileTests {
    /// A variant or drop list's text as the path readers see it: `#` lines skipped.
    static func table(_ text: String, _ name: String) throws -> DelimitedTable {
        try DelimitedTable(text: text, name: name, skippingCommentLines: true)
    }

    @Test("gene list: header, comments and blank lines skipped; upper case")
    func geneList() throws {
        let genes = try ListFiles.geneList(text: "# my list\ngene\treason\ndnmt3a\twhy\n\nTET2\n", source: "g.tsv")
        #expect(genes == ["DNMT3A", "TET2"])
    }

    /// A gene list saved with Windows line ends. By hand: three genes, the comment and the
    /// header skipped, as for the same list with LF line ends. (Split on the Character "\n",
    /// as it once was, a CRLF list was one "line" and, with a leading comment, silently empty.)
    @Test("gene list with CRLF line ends")
    func geneListWithCRLF() throws {
        let genes = try ListFiles.geneList(text: "# CH genes\r\ngene\r\ndnmt3a\r\nTET2\r\nASXL1\r\n", source: "g.tsv")
        #expect(genes == ["DNMT3A", "TET2", "ASXL1"])
        #expect(try ListFiles.geneList(text: "DNMT3A\r\nTET2\r\n", source: "g.tsv") == ["DNMT3A", "TET2"])
    }

    @Test("gene list errors name file and line")
    func geneListError() {
        #expect(throws: InputError(file: "g.tsv", line: 3, message: "\"TET 2\" is not a gene symbol")) {
            try ListFiles.geneList(text: "# c\nDNMT3A\nTET 2\n", source: "g.tsv")
        }
        #expect(inputError { _ = try ListFiles.geneList(text: "# c\nDNMT3A\nTET 2\n", source: "g.tsv") }?.description
            == "g.tsv:3: \"TET 2\" is not a gene symbol")
    }

    @Test("variant list by key, by columns, by gene + protein change")
    func variantList() throws {
        let byKey = try ListFiles.chVariantList(table: Self.table("key\nchr2:25234373:C:T\n", "v.tsv"))
        #expect(byKey.keys == [MutationKey(chromosome: "2", position: 25_234_373, reference: "C", alternate: "T")])
        let byColumns = try ListFiles.chVariantList(table: Self.table("CHROM\tPOS\tREF\tALT\tGene\tAAchange\nchr2\t5\tC\tT\tDNMT3A\tR882H\n", "v.tsv"))
        #expect(byColumns.keys.count == 1)
        #expect(byColumns.proteinChanges == [GeneProteinChange(gene: "DNMT3A", change: "p.R882H")])
        let byProtein = try ListFiles.chVariantList(table: Self.table("gene\tprotein_change\nPPM1D\tp.R458*\n", "v.tsv"))
        #expect(byProtein.proteinChanges == [GeneProteinChange(gene: "PPM1D", change: "R458*")])
        // a row with neither a key nor a protein change is an error, not silently skipped
        #expect(throws: InputError(file: "v.tsv", line: 2, message: "neither a mutation key nor a gene and protein change")) {
            try ListFiles.chVariantList(table: Self.table("gene\tprotein_change\nTET2\tNA\n", "v.tsv"))
        }
    }

    @Test("variant list errors name file and line")
    func variantListErrors() {
        #expect(throws: InputError(file: "v.tsv", line: 3, message: "\"2:x:C:T\" is not a chrom:pos:ref:alt key")) {
            try ListFiles.chVariantList(table: Self.table("key\n1:5:C:T\n2:x:C:T\n", "v.tsv"))
        }
        #expect(throws: InputError.self) { try ListFiles.chVariantList(table: Self.table("foo\nbar\n", "v.tsv")) }
    }

    @Test("drop list")
    func dropList() throws {
        let list = try ListFiles.dropList(table: Self.table("patient\tmutation\nP1\tchr1:10:C:T\n", "d.tsv"))
        #expect(list.contains(patient: "P1", key: key(10)))
        #expect(!list.contains(patient: "P2", key: key(10)))
        #expect(throws: InputError(file: "d.tsv", line: 2, message: "\"1-10\" is not a chrom:pos:ref:alt key")) {
            try ListFiles.dropList(table: Self.table("patient\tmutation\nP1\t1-10\n", "d.tsv"))
        }
    }

    /// Was `CoreError.unreadableFile`; now the system's error, naming what failed.
    @Test("missing files are reported, not crashed on")
    func missingFile() {
        #expect(throws: SystemError.self) { try ListFiles.geneList(path: "/nonexistent/genes.txt") }
        #expect(caughtError(SystemError.self) { _ = try ListFiles.geneList(path: "/nonexistent/genes.txt") }
            == SystemError(path: "/nonexistent/genes.txt", action: "cannot open", code: Errno(rawValue: ENOENT)))
        #expect(throws: SystemError.self) { try ListFiles.chVariantList(path: "/nonexistent/variants.tsv") }
        #expect(throws: SystemError.self) { try ListFiles.dropList(path: "/nonexistent/drop.tsv") }
    }

    /// The path readers skip `#` lines and keep the file's line numbers in errors (new with
    /// `DelimitedTable(skippingCommentLines:)`; lines counted by hand).
    @Test("list files read from paths keep their line numbers")
    func listFilesFromPaths() throws {
        let folder = TemporaryFolder()
        let drop = folder.file("drop.tsv", "# reviewed 2024-05-01\npatient\tmutation\n# P0 kept after review\nP1\tchr1:10:C:T\nP2\tchr1:x\n")
        #expect(inputError { _ = try ListFiles.dropList(path: drop) }?.description
            == "\(drop):5: \"chr1:x\" is not a chrom:pos:ref:alt key")
        let variants = folder.file("v.tsv", "# source: Bick 2020\n# second comment\nkey\tgene\tprotein_change\n1:10:C:T\t.\t.\n\tDNMT3A\tp.R882H\n")
        let list = try ListFiles.chVariantList(path: variants)
        #expect(list.keys == [key(10)])
        #expect(list.proteinChanges == [GeneProteinChange(gene: "DNMT3A", change: "R882H")])
        let genes = folder.file("g.tsv", "# CH genes\nHugo_Symbol\ntet2\n")
        #expect(try ListFiles.geneList(path: genes) == ["TET2"])
        let bad = folder.file("bad.tsv", "# c\nDNMT3A\n\nTET 2\n")
        #expect(inputError { _ = try ListFiles.geneList(path: bad) }?.description == "\(bad):4: \"TET 2\" is not a gene symbol")
    }

    /// (The old test also checked `MethodParameters.bundledDefaults().chGenes == genes`; that
    /// function is gone and CtDNAIOTests cannot see Core. The pipeline's `MethodLists` now loads
    /// the bundled list by default: its test belongs to CtDNAPipelineTests.)
    @Test("bundled CH gene list: canonical CH genes, never TP53 or KRAS")
    func bundledGenes() throws {
        let genes = try BundledResources.chGenes()
        #expect(genes.isSuperset(of: ["DNMT3A", "TET2", "ASXL1", "PPM1D", "JAK2", "SF3B1", "SRSF2", "U2AF1", "ZRSR2", "GNB1"]))
        #expect(genes.isDisjoint(with: ["TP53", "KRAS", "NRAS", "ATM", "CHEK2", "GNAS", "EGFR", "PIK3CA"]))
        #expect(try ListFiles.geneList(path: BundledResources.path(of: BundledResources.chGenesFile)) == genes)
    }

    @Test("bundled CH variant list loads and matches DNMT3A R882H both ways")
    func bundledVariants() throws {
        let list = try BundledResources.chVariantList()
        #expect(list.keys.count == 2380)
        #expect(list.matches(gene: "DNMT3A", key: key(1), proteinChange: "p.R882H"))
        #expect(list.matches(
            gene: "DNMT3A", key: MutationKey(chromosome: "2", position: 25_234_373, reference: "C", alternate: "T"),
            proteinChange: nil))
    }

    @Test("a missing bundled file names the folders searched")
    func missingBundledFile() {
        let error = inputError { _ = try BundledResources.path(of: "no-such-list.tsv") }
        #expect(error?.file == "no-such-list.tsv")
        #expect(error?.message == "bundled list not found; looked in: " + BundledResources.candidateFolders().joined(separator: ", "))
    }
}
