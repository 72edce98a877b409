import CtDNAIO
import Testing
import TestSupport

/// Bad VCFs: each a clear error naming the file, the line and the field, never a crash or a
/// number made up. The expected messages are the reader's wording, the places counted by hand
/// (the header below is lines 1-4, the first data line is line 5).
@Suite struct VCFBadInputTests {
    static let head = """
        ##fileformat=VCFv4.2
        ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">
        ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPLASMA\tNORMAL

        """

    static func error(_ body: String, sample: String? = nil) -> (String, InputError?) {
        let folder = TemporaryFolder()
        let path = folder.file("bad.vcf", head + body)
        let error = inputError { _ = try VariantTableReader.readAll(path: path, options: VariantTableOptions(sample: sample)) }
        return (path, error)
    }

    @Test func aTruncatedGzipIsAnError() {
        let path = Fixture.path("vcf/mutect2-vep-truncated.vcf.gz")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.file == path)
        #expect(error?.message.contains("truncated") == true)
    }

    @Test func aLineCutShortIsAnError() {
        let (path, error) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,2\n")
        #expect(error?.description == "\(path):5: expected 11 tab-separated fields as in the #CHROM line, found 10")
    }

    @Test func aVCFWithoutItsHeaderLineIsAnError() {
        let folder = TemporaryFolder()
        let path = folder.file("meta.vcf", "##fileformat=VCFv4.2\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"x\">\n")
        #expect(inputError { _ = try VariantTableReader.readAll(path: path) }?.description
            == "\(path): the VCF ends before its #CHROM header line: the file is truncated, or holds only ## lines")
        let early = folder.file("early.vcf", "##fileformat=VCFv4.2\nchr1\t5\t.\tC\tT\t.\tPASS\t.\n")
        #expect(inputError { _ = try VariantTableReader.readAll(path: early) }?.description
            == "\(early):2: expected the VCF's #CHROM POS ID REF ALT QUAL FILTER INFO header line after its ## lines")
    }

    @Test func aFormatWithoutCountsNamesItsKeys() {
        let (path, error) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:PL\t0/1:20,0,30\t0/0:0,20,40\n")
        #expect(error?.description == "\(path):5: column FORMAT: no read counts among the FORMAT keys GT:PL (ctdna reads AD (Number=R), AD+RD, VD+DP, AU/CU/GU/TU, TIR+TAR, AO+RO, DV+DP, DP4 or AF)")
    }

    @Test func anUnknownSampleListsTheHeaderSamples() {
        let (path, error) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,2\t0/0:9,0\n", sample: "TUMOUR")
        #expect(error?.description == "\(path):4: sample \"TUMOUR\" not found; the VCF header has samples: PLASMA, NORMAL")
    }

    @Test func aNumberRFieldWithTheWrongCountIsAnError() {
        let (path, error) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,2,1\t0/0:9,0\n")
        #expect(error?.description == "\(path):5: column PLASMA: FORMAT field AD: Number=R, one value for REF and one for each of the 1 ALT allele: expected 2 values, found 3")
        // Two ALT alleles need three values.
        let (_, two) = Self.error("chr1\t5\t.\tC\tT,G\t.\tPASS\t.\tGT:AD\t0/1:6,2,1\t0/0:9,0\n")
        #expect(two?.column == "NORMAL" && two?.line == 5 && two?.message.hasSuffix("expected 3 values, found 2") == true)
    }

    @Test func nonNumericCountsAreAnError() {
        let (path, error) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,x\t0/0:9,0\n")
        #expect(error?.description == "\(path):5: column PLASMA: FORMAT field AD: \"x\" in \"6,x\" is not a count (a whole number of reads, 0 or more)")
        let (_, negative) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,2\t0/0:-9,0\n")
        #expect(negative?.column == "NORMAL" && negative?.message.contains("\"-9\"") == true)
    }

    @Test func altReadsAboveTheDepthAreAnError() {
        let (path, error) = Self.error("chr1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AD:DP\t0/1:.,8:5\t0/0:9,0:9\n")
        #expect(error?.description == "\(path):5: column PLASMA: FORMAT field AD: AD 8 is greater than DP 5")
    }

    @Test func fixedPositionsAndAllelesAreChecked() {
        let (path, position) = Self.error("chr1\tfive\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:6,2\t0/0:9,0\n")
        #expect(position?.description == "\(path):5: column POS: \"five\" is not a position (a whole number, 1 or more)")
        let (_, same) = Self.error("chr1\t5\t.\tC\tC\t.\tPASS\t.\tGT:AD\t0/1:6,2\t0/0:9,0\n")
        #expect(same?.column == "ALT" && same?.message == "\"C\" is the reference allele: the line names no alternate allele")
    }

    /// Plans that count one ALT allele refuse a line with two rather than give both the same reads.
    @Test func oneAltPlansRefuseSeveralAlleles() {
        let folder = TemporaryFolder()
        let path = folder.file("varscan.vcf", """
            ##fileformat=VCFv4.1
            ##FORMAT=<ID=RD,Number=1,Type=Integer,Description="Depth of reference-supporting bases (reads1)">
            ##FORMAT=<ID=AD,Number=1,Type=Integer,Description="Depth of variant-supporting bases (reads2)">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
            1\t5\t.\tC\tT,G\t.\tPASS\t.\tRD:AD\t100:7

            """)
        #expect(inputError { _ = try VariantTableReader.readAll(path: path) }?.description
            == "\(path):5: column TUMOR: FORMAT field AD, RD: counts one ALT allele, and this line has 2 (split it with bcftools norm -m-)")
    }

    /// The last resort, AF alone: a fraction without counts, checked to lie in [0, 1].
    @Test func anAlleleFractionAloneIsReadAndChecked() throws {
        let folder = TemporaryFolder()
        let text = """
            ##fileformat=VCFv4.2
            ##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS
            1\t5\t.\tC\tT\t.\tPASS\t.\tGT:AF\t0/1:0.125

            """
        let record = try #require(try VariantTableReader.readAll(path: folder.file("af.vcf", text)).first)
        #expect(record.alleleFraction == 0.125 && record.altCount == nil && record.refCount == nil && record.countSource == .alleleFraction)
        let bad = folder.file("af-bad.vcf", text.replacing("0.125", with: "12.5"))
        #expect(inputError { _ = try VariantTableReader.readAll(path: bad) }?.description
            == "\(bad):4: column S: FORMAT field AF: \"12.5\" is not an allele fraction between 0 and 1")
    }
}
