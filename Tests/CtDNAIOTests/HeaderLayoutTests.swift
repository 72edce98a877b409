import Foundation
import Synchronization
import Testing
import TestSupport
@testable import CtDNAIO

/// Splitting a header line into names, and reusing the layout of a header already resolved.
@Suite struct HeaderLayoutTests {
    static let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_ref_count\tt_alt_count"

    static func names(_ line: String) throws -> [String] {
        try Array(line.utf8).withUnsafeBytes { try VariantTableReader.headerNames($0, path: "h.maf", line: 1) }
    }

    static func layout(_ line: String, _ options: VariantTableOptions = VariantTableOptions()) throws -> TableLayout {
        try TableLayout(columnNames: names(line), options: options, file: "h.maf", line: 1)
    }

    /// Header cells lose surrounding white space by the one rule of every table
    /// (`CellText.trimmed`): ASCII blanks, and any Unicode white space such as a no-break space
    /// pasted from a spreadsheet. Each expected list is written by hand.
    @Test(arguments: [
        ("", [""]), ("\t", ["", ""]), ("\t\t", ["", "", ""]), ("a", ["a"]), ("a\t", ["a", ""]),
        ("\ta", ["", "a"]), ("a\t\tb", ["a", "", "b"]), ("  ", [""]), (" a \t  b\t c  ", ["a", "b", "c"]),
        (" Chromosome\tStart_Position \t Reference_Allele ", ["Chromosome", "Start_Position", "Reference_Allele"]),
        ("é\t é \tnaïve ", ["é", "é", "naïve"]), ("日本\t 語 ", ["日本", "語"]),
        ("t_alt_count\u{A0}\t\u{A0}t_ref_count", ["t_alt_count", "t_ref_count"]),
        (" 👩‍👩‍👧 \t🇫🇷 ", ["👩‍👩‍👧", "🇫🇷"]), ("a\u{0}b \t \r", ["a\u{0}b", ""]),
    ])
    func namesAreTheCellsTrimmed(line: String, expected: [String]) throws {
        #expect(try Self.names(line) == expected)
    }

    @Test func aHeaderThatIsNotUTF8IsAnError() {
        let bytes: [UInt8] = Array("Chromosome\tPos".utf8) + [0xC3] + Array("\tRef".utf8)
        let error = inputError { _ = try bytes.withUnsafeBytes { try VariantTableReader.headerNames($0, path: "h.maf", line: 3) } }
        #expect(error?.description == "h.maf:3: the header is not valid UTF-8 text")
    }

    @Test func aKeptLayoutIsResolvedOnce() throws {
        let cache = TableLayoutCache()
        let resolutions = Mutex(0)
        for _ in 0..<3 {
            let layout = try Array(Self.header.utf8).withUnsafeBytes { header in
                try cache.layout(header: header, options: VariantTableOptions()) {
                    resolutions.withLock { $0 += 1 }
                    return try Self.layout(Self.header)
                }
            }
            #expect(layout.columnOfField[.altCount] == 7 && layout.columnOfField[.sample] == 5)
        }
        #expect(resolutions.withLock { $0 } == 1)
        #expect(cache.count == 1)
    }

    @Test func theSampleDoesNotMatterButTheColumnOptionsDo() throws {
        let cache = TableLayoutCache()
        let resolutions = Mutex(0)
        let header = Self.header + "\tt_depth\tvaf\tmy_status\tmy_af\tmy_alt"
        func resolve(_ options: VariantTableOptions) throws -> TableLayout {
            try Array(header.utf8).withUnsafeBytes { bytes in
                try cache.layout(header: bytes, options: options) {
                    resolutions.withLock { $0 += 1 }
                    return try Self.layout(header, options)
                }
            }
        }
        _ = try resolve(VariantTableOptions())
        _ = try resolve(VariantTableOptions(sample: "S1"))
        _ = try resolve(VariantTableOptions(counts: CountColumns(vafIsPercent: true)))
        #expect(resolutions.withLock { $0 } == 1)
        let variants = [
            VariantTableOptions(counts: CountColumns(alt: "my_alt")),
            VariantTableOptions(counts: CountColumns(ref: "t_depth")),
            VariantTableOptions(counts: CountColumns(depth: "t_depth")),
            VariantTableOptions(counts: CountColumns(vaf: "vaf")),
            VariantTableOptions(callStatusColumn: "my_status"),
            VariantTableOptions(populationFrequencyColumn: "my_af"),
        ]
        for options in variants { _ = try resolve(options) }
        #expect(resolutions.withLock { $0 } == 1 + variants.count)
        #expect(try resolve(VariantTableOptions(counts: CountColumns(depth: "t_depth"))).columnOfField[.depth] == 8)
        #expect(try resolve(VariantTableOptions(counts: CountColumns(vaf: "vaf"))).readsCounts == false)
        #expect(resolutions.withLock { $0 } == 1 + variants.count)
    }

    @Test func aHeaderThatFailsIsNotKept() {
        let cache = TableLayoutCache()
        let line = "Chromosome\tReference_Allele"
        for _ in 0..<2 {
            let error = inputError {
                _ = try Array(line.utf8).withUnsafeBytes { header in
                    try cache.layout(header: header, options: VariantTableOptions()) { try Self.layout(line) }
                }
            }
            #expect(error?.description == "h.maf:1: missing column start_position or pos or position or start; the header has: Chromosome, Reference_Allele")
        }
        #expect(cache.count == 0)
    }

    @Test func atMostCapacityHeadersAreKeptTheOldestReplacedFirst() throws {
        let cache = TableLayoutCache(capacity: 4)
        let resolutions = Mutex(0)
        func resolve(extraColumn index: Int) throws {
            let line = Self.header + "\textra\(index)"
            _ = try Array(line.utf8).withUnsafeBytes { header in
                try cache.layout(header: header, options: VariantTableOptions()) {
                    resolutions.withLock { $0 += 1 }
                    return try Self.layout(line)
                }
            }
        }
        for index in 0..<10 { try resolve(extraColumn: index) }
        #expect(cache.count == 4)
        #expect(resolutions.withLock { $0 } == 10)
        for index in 6..<10 { try resolve(extraColumn: index) }  // the four newest are kept
        #expect(resolutions.withLock { $0 } == 10)
        try resolve(extraColumn: 0)  // long gone
        #expect(resolutions.withLock { $0 } == 11)
        #expect(cache.count == 4)
    }

    @Test func aLongHeaderIsNotKept() throws {
        let cache = TableLayoutCache(maximumHeaderLength: Self.header.utf8.count - 1)
        _ = try Array(Self.header.utf8).withUnsafeBytes { header in
            try cache.layout(header: header, options: VariantTableOptions()) { try Self.layout(Self.header) }
        }
        #expect(cache.count == 0)
    }

    @Test func manyThreadsShareOneLayout() throws {
        let cache = TableLayoutCache()
        let altColumns = Mutex<Set<Int?>>([])
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            let layout = try? Array(Self.header.utf8).withUnsafeBytes { header in
                try cache.layout(header: header, options: VariantTableOptions()) { try Self.layout(Self.header) }
            }
            altColumns.withLock { _ = $0.insert(layout?.columnOfField[.altCount]) }
        }
        #expect(altColumns.withLock { $0 } == [7])
        #expect(cache.count == 1)
    }

    /// Files sharing a header share its layout, but each error still names its own file.
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

    /// The byte-wise lower case of header names against the standard library's, on every ASCII
    /// character and on names with letters outside ASCII (which take the standard way).
    @Test func headerNamesAreLowerCasedAsTheStandardLibraryDoes() {
        let everyASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for name in [everyASCII, "Tumor_Sample_Barcode", "t_ALT_count", "", "ÖSTERREICH_Ä", "Straße", "ǅ", "İD"] {
            #expect(TableLayout.lowercased(name) == name.lowercased(), "\(name)")
        }
    }
}
