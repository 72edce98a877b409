import Foundation
import Testing
@testable import CtDNAIO

/// Splitting a header line into names.
@Suite struct HeaderLayoutTests {
    static let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_ref_count\tt_alt_count"

    /// The names as the reader used to make them: the text split at Character "\t", each piece
    /// trimmed of Character " " at both ends.
    static func namesAsText(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
            var slice = cell[...]
            while slice.first == " " { slice = slice.dropFirst() }
            while slice.last == " " { slice = slice.dropLast() }
            return String(slice)
        }
    }

    static func names(_ line: String) throws -> [String] {
        try Array(line.utf8).withUnsafeBytes { try VariantTableReader.headerNames($0, path: "h.maf", line: 1) }
    }

    @Test(arguments: [
        "", "\t", "\t\t", "a", "a\t", "\ta", "a\t\tb", "  ", " a \t  b\t c  ", Self.header,
        " Chromosome\tStart_Position \t Reference_Allele ",
        "é\t é \tnaïve ", "日本\t 語 ",
        // A space that a combining acute accent joins is one character, not " ": kept.
        " \u{301}x\t x \u{301}\t \u{301} ",
        // An Arabic number sign (a prepended mark) takes the space after it into its character.
        "\u{600} \tx\u{600} ",
        " 👩‍👩‍👧 \t🇫🇷 ", "a\u{0}b \t \r",
    ])
    func namesAreThoseOfTheTextSplitAndTrimmed(line: String) throws {
        #expect(try Self.names(line) == Self.namesAsText(line))
    }

    @Test func aHeaderThatIsNotUTF8IsAnError() {
        let bytes: [UInt8] = Array("Chromosome\tPos".utf8) + [0xC3] + Array("\tRef".utf8)
        let error = inputError { _ = try bytes.withUnsafeBytes { try VariantTableReader.headerNames($0, path: "h.maf", line: 3) } }
        #expect(error?.description == "h.maf:3: the header is not valid UTF-8 text")
    }

    /// Files sharing a header each report their own errors.
    @Test func filesWithOneHeaderKeepTheirOwnErrors() throws {
        let folder = TemporaryFolder()
        let good = folder.file("good.maf", Self.header + "\nTP53\t17\t10\tC\tT\tS1\t90\t10\n")
        let short = folder.file("short.maf", "#version 2.4\n#" + Self.header + "\nTP53\t17\t10\tC\tT\tS1\t90\n")
        #expect(try VariantTableReader.readAll(path: good).map(\.alleleFraction) == [0.1])
        let error = inputError { _ = try VariantTableReader.readAll(path: short) }
        #expect(error?.description == "\(short):3: expected 8 tab-separated cells as in the header, found 7")
        let absent = inputError { _ = try VariantTableReader.readAll(path: good, options: VariantTableOptions(sample: "S9")) }
        #expect(absent?.description == "\(good): sample \"S9\" not found; the file has samples: S1")
    }
}
