import CtDNAModel
import Testing

/// `MutationKey` order and its `chrom:pos:ref:alt` text. There were no tests of either before
/// the re-cut (the parsing was Core's free function `parseMutationKey`, exercised only through
/// the list files); every expected value here is worked out by hand from the documented rules.
@Suite("Mutation key")
struct MutationKeyTests {
    static func key(_ chromosome: String, _ position: Int, _ reference: String = "C", _ alternate: String = "T") -> MutationKey {
        MutationKey(chromosome: chromosome, position: position, reference: reference, alternate: alternate)
    }

    /// 1-22 by number (not by text: 2 before 10), then X, Y, MT (`M` is written `MT`), then
    /// anything else by name; `chr` is dropped first, so chr10 sorts as 10.
    @Test func chromosomesSortByNumberThenXYMThenOthers() {
        let keys = ["GL000220.1", "Y", "chr10", "MT", "X", "2", "M", "22", "1", "chrUn", "01"].map { Self.key($0, 5) }
        #expect(keys.sorted().map(\.chromosome) == ["1", "2", "10", "22", "X", "Y", "MT", "MT", "01", "GL000220.1", "Un"])
    }

    /// Within a chromosome: position, then reference, then alternate allele.
    @Test func positionThenAllelesBreakTies() {
        let keys = [Self.key("1", 20, "A", "G"), Self.key("1", 3, "T", "A"), Self.key("1", 20, "A", "C"), Self.key("1", 20, "AT", "A")]
        #expect(keys.sorted() == [Self.key("1", 3, "T", "A"), Self.key("1", 20, "A", "C"), Self.key("1", 20, "A", "G"), Self.key("1", 20, "AT", "A")])
        #expect(!(Self.key("7", 5) < Self.key("7", 5)))
    }

    /// A leading `chr` in any letter case is removed, so two spellings are one key; a name of
    /// three letters or fewer is left alone; the mitochondrial `M` is `MT`, as the reader writes it.
    @Test func chrPrefixIsDropped() {
        #expect(Self.key("chr7", 5) == Self.key("7", 5))
        #expect(Self.key("CHRX", 5).chromosome == "X")
        #expect(Self.key("chr", 5).chromosome == "chr")
        #expect(MutationKey.normalizedChromosome("ChrM") == "MT")
        #expect(MutationKey.normalizedChromosome("M") == "MT" && MutationKey.normalizedChromosome("MT") == "MT")
        #expect(Self.key("chrM", 73, "A", "G") == Self.key("MT", 73, "A", "G"))
        #expect(Self.key("chr17", 7_577_120, "C", "T").description == "17:7577120:C:T")
    }

    @Test(arguments: [
        ("1:10:C:T", "1", 10),
        ("chr2:25234373:C:T", "2", 25_234_373),
        // surrounding white space, including a no-break space pasted from a spreadsheet
        (" X:5:A:G\t", "X", 5),
        ("\u{A0}chrMT:16:A:G\u{A0}", "MT", 16),
    ])
    func parsesItsText(text: String, chromosome: String, position: Int) throws {
        let key = try #require(MutationKey(parsing: text))
        #expect(key.chromosome == chromosome && key.position == position)
    }

    /// The text a key prints is read back as the same key.
    @Test func descriptionRoundTrips() {
        let key = Self.key("chr12", 25_398_284, "GG", "TT")
        #expect(MutationKey(parsing: key.description) == key)
    }

    @Test(arguments: ["", "1-10", "1:10:C", "1:10:C:T:G", ":10:C:T", "1::C:T", "1:x:C:T", "1:10::T", "1:10:C:", "1:1.5:C:T", "1:0:C:T", "1:-5:C:T"])
    func rejectsMalformedText(text: String) {
        #expect(MutationKey(parsing: text) == nil)
    }
}
