import CtDNAIO
import CtDNASystem
import Foundation
import Testing
import TestSupport

/// Every form must yield exactly the bytes of the plain file small.maf.
@Suite struct ByteReaderTests {
    static let plain = try! Array(Data(contentsOf: URL(fileURLWithPath: Fixture.path("small.maf"))))

    @Test(arguments: [
        ("small.maf", Compression.plain),
        ("small.maf.gz", .gzip),
        ("small.multi.gz", .gzip),  // two members, split mid-line
        ("small.bgzf", .gzip),  // bgzip: BGZF blocks and the empty EOF block
        ("small.zlib", .zlib),
    ])
    func decompressesEveryForm(name: String, expected: Compression) throws {
        for chunk in [1, 7, 4096] {
            let (compression, bytes) = try allBytes(Fixture.path(name), chunk: chunk)
            #expect(compression == expected)
            #expect(bytes == Self.plain, "\(name) with \(chunk)-byte reads")
        }
    }

    @Test(arguments: ["small.maf.gz", "small.multi.gz", "small.bgzf", "small.zlib"])
    func readingAheadOnAnotherThreadGivesTheSameBytes(name: String) throws {
        for chunk in [1, 4096, 1 << 21] {
            let (_, bytes) = try allBytes(Fixture.path(name), chunk: chunk, readAhead: true)
            #expect(bytes == Self.plain, "\(name) with \(chunk)-byte reads")
        }
    }

    @Test(arguments: [("truncated.gz", "truncated"), ("bad-crc.gz", "incorrect data check"), ("trailing-junk.gz", "unexpected data")])
    func readingAheadReportsTheSameErrors(name: String, words: String) {
        let error = inputError { _ = try allBytes(Fixture.path(name), readAhead: true) }
        #expect(error?.message.contains(words) == true)
    }

    @Test func stoppingEarlyWhileReadingAheadIsClean() throws {
        // Read one byte, then drop the reader: the read-ahead thread must stop and free its ring.
        for _ in 0..<20 {
            let reader = try ByteReader(path: Fixture.path("small.multi.gz"))
            try reader.startReadingAhead()
            let byte = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 1)
            defer { byte.deallocate() }
            #expect(try reader.read(into: byte) == 1)
        }
    }

    @Test func detectsByMagicBytesNotByName() throws {
        let folder = TemporaryFolder()
        let gzipped = try Array(Data(contentsOf: URL(fileURLWithPath: Fixture.path("small.maf.gz"))))
        let misnamed = folder.file("looks-plain.tsv", gzipped)
        #expect(try allBytes(misnamed).1 == Self.plain)
        let plainNamedGz = folder.file("plain.maf.gz", Self.plain)
        #expect(try allBytes(plainNamedGz) == (.plain, Self.plain))
    }

    @Test func emptyFileIsPlainAndEmpty() throws {
        let folder = TemporaryFolder()
        let (compression, bytes) = try allBytes(folder.file("empty.maf", []))
        #expect(compression == .plain)
        #expect(bytes.isEmpty)
    }

    @Test func truncatedGzipIsAnError() {
        let error = inputError { _ = try allBytes(Fixture.path("truncated.gz")) }
        #expect(error?.file == Fixture.path("truncated.gz"))
        #expect(error?.message.contains("gzip data is truncated") == true)
    }

    @Test func truncatedSecondMemberIsAnError() {
        let error = inputError { _ = try allBytes(Fixture.path("truncated-at-member.gz")) }
        #expect(error?.message.contains("truncated") == true)
    }

    @Test func crcMismatchIsAnError() {
        let error = inputError { _ = try allBytes(Fixture.path("bad-crc.gz")) }
        // zlib's own words for a failed CRC-32 check.
        #expect(error?.message.contains("incorrect data check") == true)
    }

    @Test func junkAfterAMemberIsAnError() {
        let error = inputError { _ = try allBytes(Fixture.path("trailing-junk.gz")) }
        #expect(error?.message.contains("unexpected data after gzip member 1") == true)
    }

    /// A `SystemError` now (it was an `InputError`), with the same text.
    @Test func missingFileNamesTheFile() {
        let error = caughtError(SystemError.self) { _ = try ByteReader(path: "/no/such/file.maf.gz") }
        #expect(error?.description == "/no/such/file.maf.gz: cannot open: No such file or directory")
    }

    /// A folder opens but cannot be read: a `SystemError` (was an `InputError`) in the system's words.
    @Test func aFolderCannotBeRead() {
        let error = caughtError(SystemError.self) { _ = try allBytes("/") }
        #expect(error?.description == "/: cannot read: Is a directory")
    }

    /// The digest of the raw bytes, computed while reading: the file as stored, as
    /// `sha256sum Tests/CtDNAIOTests/Fixtures/small.maf.gz` prints it, not its decompressed text.
    @Test func theRawDigestIsThatOfTheStoredFile() throws {
        let reader = try ByteReader(path: Fixture.path("small.maf.gz"), computesDigest: true)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 1)
        defer { buffer.deallocate() }
        while try reader.read(into: buffer) > 0 {}
        #expect(reader.rawDigest() == "63d175992c1905311d0924b432950b1fa181381ece51560041958b2b9d260143")
        #expect(reader.rawBytesRead == 718)  // `wc -c`
    }
}
