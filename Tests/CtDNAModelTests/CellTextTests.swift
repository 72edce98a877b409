import CtDNAModel
import Testing

/// The cell rules every table shares. Expected values by hand from the rules in `CellText`'s
/// documentation: missing is empty, `.` or `NA` in any case; blanks are ASCII space, tab, CR,
/// LF, VT and FF, plus any Unicode white space in a non-ASCII cell.
@Suite("Cell text")
struct CellTextTests {
    @Test(arguments: [
        ("", true), (".", true), ("NA", true), ("na", true), ("Na", true), ("nA", true),
        // the text form trims first
        (" NA ", true), ("\t.\r\n", true), ("\u{A0}NA\u{A0}", true), ("   ", true),
        ("N/A", false), ("NaN", false), ("..", false), ("0", false), ("nan", false), ("A", false),
    ])
    func missingText(cell: String, missing: Bool) {
        #expect(CellText.isMissing(cell) == missing)
    }

    /// The byte form takes a cell already trimmed: a space around `NA` makes it a value.
    @Test(arguments: [("", true), (".", true), ("NA", true), ("nA", true), (" NA", false), ("NAN", false), (",", false), ("0", false)])
    func missingBytes(cell: String, missing: Bool) {
        #expect(Array(cell.utf8).withUnsafeBytes { CellText.isMissing($0) } == missing)
    }

    @Test(arguments: [
        ("KRAS", "KRAS"), (" KRAS\t", "KRAS"), ("\r\nTP53 \n", "TP53"), (" a b ", "a b"), ("", ""), (" \t ", ""),
        // a no-break space (U+00A0) and an ideographic space (U+3000) are white space too
        ("\u{A0}TP53\u{A0}", "TP53"), ("\u{3000}x", "x"), ("Gen\u{E9} ", "Gen\u{E9}"),
        // white space inside the cell stays, non-ASCII letters at the ends stay
        ("\u{E9}t\u{E9}", "\u{E9}t\u{E9}"), ("Likely\u{A0}Oncogenic", "Likely\u{A0}Oncogenic"),
    ])
    func trimming(cell: String, expected: String) {
        #expect(CellText.trimmed(cell) == expected)
    }

    @Test(arguments: [
        // ASCII cells, compared byte by byte
        ("Oncogenic", "oncogenic", true), ("ONCOGENIC ", "oncogenic", true), (" True\t", "true", true),
        ("y", "y", true), ("Y", "y", true), ("TRUEISH", "true", false), ("Likely Oncogenic", "oncogenic", false),
        ("", "y", false), ("  ", "y", false), ("yes", "y", false),
        // non-ASCII cells: trimmed of Unicode white space, then lower-cased
        ("Oncogenic\u{A0}", "oncogenic", true), ("\u{D6}ncogenic", "oncogenic", false), ("\u{178}", "y", false),
        ("\u{C9}T\u{C9}", "\u{E9}t\u{E9}", true), (" \u{E9}t\u{E9}\u{3000}", "\u{E9}t\u{E9}", true),
        // an ASCII cell never equals a word with non-ASCII letters
        ("ete", "\u{E9}t\u{E9}", false),
    ])
    func words(cell: String, word: String, expected: Bool) {
        #expect(CellText.isWord(cell, word) == expected)
    }

    @Test func blankBytes() {
        let blanks: [UInt8] = [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]
        #expect(blanks.allSatisfy(CellText.isBlank))
        let others: [UInt8] = [0x00, 0x08, 0x0e, 0x1f, UInt8(ascii: "a"), UInt8(ascii: "."), 0xa0, 0xc2]
        #expect(!others.contains(where: CellText.isBlank))
    }

    /// Event flags of survival tables, by hand: the six words in any case and with spaces.
    @Test func eventFlags() {
        #expect(["1", "TRUE", " yes ", "True"].map(CellText.eventFlag) == [true, true, true, true])
        #expect(["0", "false", "NO"].map(CellText.eventFlag) == [false, false, false])
        #expect(["2", "", "y", "progressed"].map(CellText.eventFlag) == [nil, nil, nil, nil])
    }
}
