import Testing
import Foundation
import CtDNAIO

@Suite("Delimited table")
struct DelimitedTableTests {
    @Test func tabSeparatedWithBlankLines() throws {
        let table = try DelimitedTable(text: "patient\tcohort\n\nP1\tA\n  \nP2\tB\n", name: "p.tsv")
        #expect(table.delimiter == "\t")
        #expect(table.header == ["patient", "cohort"])
        #expect(table.rows == [
            .init(lineNumber: 3, fields: ["P1", "A"]),
            .init(lineNumber: 5, fields: ["P2", "B"]),
        ])
    }

    @Test func commaSeparatedWithQuotes() throws {
        let text = "name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\nplain,\"two\nlines\"\nlast,\n"
        let table = try DelimitedTable(text: text, name: "s.csv")
        #expect(table.delimiter == ",")
        #expect(table.rows.map(\.fields) == [["Smith, J", "said \"hi\""], ["plain", "two\nlines"], ["last", ""]])
        #expect(table.rows.map(\.lineNumber) == [2, 3, 5])
    }

    @Test func tabSeparatedKeepsQuotesLiterally() throws {
        let table = try DelimitedTable(text: "a\tb\n\"x\tz\n", name: "q.tsv")
        #expect(table.rows[0].fields == ["\"x", "z"])
    }

    @Test func crlfAndByteOrderMark() throws {
        let table = try DelimitedTable(text: "\u{FEFF}Patient,Arm\r\nP1,A\r\nP2,B", name: "b.csv")
        #expect(table.header == ["Patient", "Arm"])
        #expect(table.rows.map(\.fields) == [["P1", "A"], ["P2", "B"]])
        #expect(table.columnIndex("patient") == 0)
        #expect(table.columnIndex("ARM") == 1)
        #expect(table.columnIndex("status") == nil)
    }

    /// Expected by hand from RFC 4180 and the type's rules: CRLF inside quotes is kept and counts
    /// as a line, a stray carriage return outside quotes is dropped, a line of non-ASCII white
    /// space (no-break space, ideographic space) is blank, and non-ASCII cells pass through whole.
    @Test func lineEndsWhiteSpaceAndNonASCII() throws {
        let text = "gene,note\r\n\"Gen\u{E9}\",\"a\r\nb\"\r\n\u{A0}\u{3000}\r\nT\rP53,\u{3B1}\r\n"
        let table = try DelimitedTable(text: text, name: "u.csv")
        #expect(table.rows.map(\.fields) == [["Gen\u{E9}", "a\r\nb"], ["TP53", "\u{3B1}"]])
        #expect(table.rows.map(\.lineNumber) == [2, 5])
    }

    @Test func wrongFieldCountNamesFileAndLine() {
        let text = "a\tb\tc\td\te\n" + String(repeating: "1\t2\t3\t4\t5\n", count: 10) + "1\t2\t3\t4\n"
        do {
            _ = try DelimitedTable(text: text, name: "patients.tsv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "patients.tsv:12: expected 5 fields as in the header, found 4")
        }
    }

    @Test func missingColumnListsTheColumns() throws {
        let table = try DelimitedTable(text: "patient\tarm\n", name: "p.tsv")
        #expect(throws: DelimitedTableError(name: "p.tsv", lineNumber: 1, message: "no column \"cohort\"; the columns are: patient, arm")) {
            try table.requireColumn("cohort")
        }
    }

    @Test func unclosedQuoteAndEmptyFile() {
        #expect(throws: DelimitedTableError.self) { try DelimitedTable(text: "a,b\n\"x,y\n", name: "u.csv") }
        #expect(throws: DelimitedTableError(name: "e.tsv", lineNumber: nil, message: "the file is empty; expected a header line")) {
            try DelimitedTable(text: "\n\n", name: "e.tsv")
        }
    }

    @Test func readsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-delimited-\(UUID().uuidString).tsv")
        try "x\ty\n1\t2\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try DelimitedTable(path: url.path)
        #expect(table.rows.first?.fields == ["1", "2"])
        #expect(table.name == url.path)
    }

    /// A missing file, a folder and an empty path each get the system's own words and the path
    /// as given (Foundation's reader said "NSCocoaErrorDomain error 256" and named the working
    /// folder for an empty path).
    @Test func unreadablePathsSayWhy() {
        #expect(throws: DelimitedTableError(name: "/no/such/sheet.tsv", lineNumber: nil, message: "cannot open: No such file or directory")) {
            try DelimitedTable(path: "/no/such/sheet.tsv")
        }
        #expect(throws: DelimitedTableError(name: "/", lineNumber: nil, message: "cannot read: Is a directory")) {
            try DelimitedTable(path: "/")
        }
        #expect(throws: DelimitedTableError(name: "", lineNumber: nil, message: "cannot open: No such file or directory")) {
            try DelimitedTable(path: "")
        }
    }
}
