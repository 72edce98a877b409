import Foundation
import Testing
import TestSupport
@testable import CtDNAIO

@Suite struct LineReaderTests {
    @Test(arguments: [
        ("a\nbb\n\nccc\n", "LF"),
        ("a\r\nbb\r\n\r\nccc\r\n", "CRLF"),
        ("a\rbb\r\rccc\r", "CR"),
        ("a\nbb\n\nccc", "LF, no final line end"),
        ("a\r\nbb\r\n\r\nccc", "CRLF, no final line end"),
        ("a\rbb\r\rccc", "CR, no final line end"),
    ])
    func splitsEveryLineEnd(text: String, form: String) throws {
        let folder = TemporaryFolder()
        let lines = try allLines(folder.file("lines.txt", text))
        // Line 3 is empty: skipped, but counted, so "ccc" is line 4.
        #expect(lines.map(\.0) == [1, 2, 4], "\(form)")
        #expect(lines.map(\.1) == ["a", "bb", "ccc"], "\(form)")
    }

    @Test func linesLongerThanTheBuffer() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "x", count: 3 * LineReader.initialBufferSize + 17)
        let lines = try allLines(folder.file("long.txt", "short\n\(long)\nend"))
        #expect(lines.map(\.1.count) == [5, long.count, 3])
    }

    /// A first line longer than the buffer, before any line end has settled the style: its end
    /// is still found after the buffer grows (the search resumes where it stopped), for LF, CRLF
    /// and CR alike. Expected by hand.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func aLongFirstLineEndsInAnyStyle(lineEnd: String) throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "z", count: 3 * LineReader.initialBufferSize + 5)
        let lines = try allLines(folder.file("first.txt", long + lineEnd + "next" + lineEnd + "last"))
        #expect(lines.map(\.0) == [1, 2, 3])
        #expect(lines.map(\.1) == [long, "next", "last"])
    }

    @Test func crlfSplitAcrossReads() throws {
        // The CR is the last byte of the first buffer fill; the LF starts the next.
        let folder = TemporaryFolder()
        let first = String(repeating: "y", count: LineReader.initialBufferSize - 1)
        let lines = try allLines(folder.file("split.txt", "\(first)\r\nnext\r\n"))
        #expect(lines.map(\.1) == [first, "next"])
    }

    @Test func gzipLinesMatchPlainLines() throws {
        let plain = try allLines(Fixture.path("small.maf"))
        let gzipped = try allLines(Fixture.path("small.multi.gz"))
        #expect(plain.count == 50)  // 2 comments, the header, 47 rows: `wc -l small.maf`
        #expect(plain.map(\.1) == gzipped.map(\.1))
    }
}
