import CtDNAIO
import CtDNASystem
import Foundation
import Testing
import TestSupport

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
        // An `InputError` now (it was a `DelimitedTableError`), with the same text.
        let error = inputError { _ = try DelimitedTable(text: text, name: "patients.tsv") }
        #expect(error?.description == "patients.tsv:12: expected 5 fields as in the header, found 4")
    }

    @Test func missingColumnListsTheColumns() throws {
        let table = try DelimitedTable(text: "patient\tarm\n", name: "p.tsv")
        #expect(throws: InputError(file: "p.tsv", line: 1, message: "no column \"cohort\"; the columns are: patient, arm")) {
            try table.requireColumn("cohort")
        }
        let error = inputError { _ = try table.requireColumn("cohort") }
        #expect(error?.description == "p.tsv:1: no column \"cohort\"; the columns are: patient, arm")
    }

    @Test func unclosedQuoteAndEmptyFile() {
        #expect(throws: InputError.self) { try DelimitedTable(text: "a,b\n\"x,y\n", name: "u.csv") }
        #expect(throws: InputError(file: "e.tsv", line: nil, message: "the file is empty; expected a header line")) {
            try DelimitedTable(text: "\n\n", name: "e.tsv")
        }
        #expect(inputError { _ = try DelimitedTable(text: "a,b\n\"x,y\n", name: "u.csv") }?.description
            == "u.csv:2: a quoted field is not closed")
        #expect(inputError { _ = try DelimitedTable(text: "\n\n", name: "e.tsv") }?.description
            == "e.tsv: the file is empty; expected a header line")
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
    /// folder for an empty path). `SystemError`s now (they were `DelimitedTableError`s), with the
    /// same text.
    @Test func unreadablePathsSayWhy() {
        #expect(throws: SystemError(path: "/no/such/sheet.tsv", action: "cannot open", code: Errno(rawValue: ENOENT))) {
            try DelimitedTable(path: "/no/such/sheet.tsv")
        }
        #expect(throws: SystemError(path: "/", action: "cannot read", code: Errno(rawValue: EISDIR))) {
            try DelimitedTable(path: "/")
        }
        #expect(throws: SystemError(path: "", action: "cannot open", code: Errno(rawValue: ENOENT))) {
            try DelimitedTable(path: "")
        }
        #expect(caughtError(SystemError.self) { _ = try DelimitedTable(path: "/no/such/sheet.tsv") }?.description
            == "/no/such/sheet.tsv: cannot open: No such file or directory")
        #expect(caughtError(SystemError.self) { _ = try DelimitedTable(path: "/") }?.description
            == "/: cannot read: Is a directory")
        #expect(caughtError(SystemError.self) { _ = try DelimitedTable(path: "") }?.description
            == ": cannot open: No such file or directory")
    }

    /// `#` lines are emptied, not removed: rows and errors keep the file's line numbers. By
    /// hand: line 1 and 3 are comments, the header is line 2, the rows are lines 4 and 6, and
    /// the short row is line 6 (without the option, the first comment would be the header).
    @Test func commentLinesKeepTheFileLineNumbers() throws {
        let text = "# from Bick 2020\ngene\tprotein_change\n# reviewed\nDNMT3A\tR882H\n\nTET2\tQ\t\n"
        let error = inputError { _ = try DelimitedTable(text: text, name: "v.tsv", skippingCommentLines: true) }
        #expect(error?.description == "v.tsv:6: expected 2 fields as in the header, found 3")
        let table = try DelimitedTable(text: text.replacingOccurrences(of: "Q\t\n", with: "Q\n"), name: "v.tsv", skippingCommentLines: true)
        #expect(table.header == ["gene", "protein_change"])
        #expect(table.rows == [.init(lineNumber: 4, fields: ["DNMT3A", "R882H"]), .init(lineNumber: 6, fields: ["TET2", "Q"])])
        // a # inside a line, or after white space, is data
        let inside = try DelimitedTable(text: "a,b\nx#1, #2\n", name: "i.csv", skippingCommentLines: true)
        #expect(inside.rows.map(\.fields) == [["x#1", " #2"]])
        // off by default: the comment is the header
        #expect(try DelimitedTable(text: "#c\na\n1\n", name: "d.tsv").header == ["#c"])
    }

    /// CRLF line ends and a byte-order mark before a comment line: the header is still line 3.
    @Test func commentLinesWithCRLFAndAByteOrderMark() throws {
        let table = try DelimitedTable(text: "\u{FEFF}# list\r\n#\r\nkey\r\n1:5:C:T\r\n", name: "k.tsv", skippingCommentLines: true)
        #expect(table.header == ["key"])
        #expect(table.rows == [.init(lineNumber: 4, fields: ["1:5:C:T"])])
    }

    @Test func commentLinesInAFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("d.tsv", "## drop list\npatient\tmutation\n#P0\t1:1:C:T\nP1\t1:10:C:T\nP2\n")
        let error = inputError { _ = try DelimitedTable(path: path, skippingCommentLines: true) }
        #expect(error?.description == "\(path):5: expected 2 fields as in the header, found 1")
    }
}
