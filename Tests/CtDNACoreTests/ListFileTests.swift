import CtDNAIO
import CtDNACore
import Testing

@Suite("List files and bundled resources")
struct ListFileTests {
    @Test("gene list: header, comments and blank lines skipped; upper case")
    func geneList() throws {
        let genes = try parseGeneList("# my list\ngene\treason\ndnmt3a\twhy\n\nTET2\n", source: "g.tsv")
        #expect(genes == ["DNMT3A", "TET2"])
    }

    @Test("gene list errors name file and line")
    func geneListError() {
        #expect(throws: CoreError.invalidLine(path: "g.tsv", line: 3, message: "\"TET 2\" is not a gene symbol")) {
            try parseGeneList("# c\nDNMT3A\nTET 2\n", source: "g.tsv")
        }
    }

    @Test("variant list by key, by columns, by gene + protein change")
    func variantList() throws {
        let byKey = try parseCHVariantList("key\nchr2:25234373:C:T\n", source: "v.tsv")
        #expect(byKey.keys == [MutationKey(chromosome: "2", position: 25_234_373, reference: "C", alternate: "T")])
        let byColumns = try parseCHVariantList("CHROM\tPOS\tREF\tALT\tGene\tAAchange\nchr2\t5\tC\tT\tDNMT3A\tR882H\n", source: "v.tsv")
        #expect(byColumns.keys.count == 1)
        #expect(byColumns.proteinChanges == [GeneProteinChange(gene: "DNMT3A", change: "p.R882H")])
        let byProtein = try parseCHVariantList("gene\tprotein_change\nPPM1D\tp.R458*\n", source: "v.tsv")
        #expect(byProtein.proteinChanges == [GeneProteinChange(gene: "PPM1D", change: "R458*")])
        // a row with neither a key nor a protein change is an error, not silently skipped
        #expect(throws: CoreError.invalidLine(path: "v.tsv", line: 2, message: "neither a mutation key nor a gene and protein change")) {
            try parseCHVariantList("gene\tprotein_change\nTET2\tNA\n", source: "v.tsv")
        }
    }

    @Test("variant list errors name file and line")
    func variantListErrors() {
        #expect(throws: CoreError.invalidLine(path: "v.tsv", line: 3, message: "\"2:x:C:T\" is not a chrom:pos:ref:alt key")) {
            try parseCHVariantList("key\n1:5:C:T\n2:x:C:T\n", source: "v.tsv")
        }
        #expect(throws: CoreError.self) { try parseCHVariantList("foo\nbar\n", source: "v.tsv") }
    }

    @Test("drop list")
    func dropList() throws {
        let list = try parseDropList("patient\tmutation\nP1\tchr1:10:C:T\n", source: "d.tsv")
        #expect(list.contains(patient: "P1", key: key(10)))
        #expect(!list.contains(patient: "P2", key: key(10)))
        #expect(throws: CoreError.invalidLine(path: "d.tsv", line: 2, message: "\"1-10\" is not a chrom:pos:ref:alt key")) {
            try parseDropList("patient\tmutation\nP1\t1-10\n", source: "d.tsv")
        }
    }

    @Test("missing files are reported, not crashed on")
    func missingFile() {
        #expect(throws: CoreError.self) { try loadGeneList(path: "/nonexistent/genes.txt") }
    }

    @Test("bundled CH gene list: canonical CH genes, never TP53 or KRAS")
    func bundledGenes() throws {
        let genes = try BundledResources.chGenes()
        #expect(genes.isSuperset(of: ["DNMT3A", "TET2", "ASXL1", "PPM1D", "JAK2", "SF3B1", "SRSF2", "U2AF1", "ZRSR2", "GNB1"]))
        #expect(genes.isDisjoint(with: ["TP53", "KRAS", "NRAS", "ATM", "CHEK2", "GNAS", "EGFR", "PIK3CA"]))
        #expect(try MethodParameters.bundledDefaults().chGenes == genes)
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
}
