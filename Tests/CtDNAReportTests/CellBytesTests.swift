import CtDNAModel
import Testing
@testable import CtDNAReport

/// The audit rows write their cells straight to bytes (`append(cell:)`, `append(integer:)`,
/// `append(key:)`); each must give the bytes of the `String` the other tables use for the same
/// value (`PatientTables.text`, `NumberFormat.integer`, `MutationKey.description`).
@Suite struct CellBytesTests {
    @Test(arguments: [nil, "", "TP53", "p.G12C", "a\tb", "two\nlines", "crlf\r\nend", "no-break\u{00A0}space", "Å", "\u{2028}"])
    func aTextCellIsTheTextOfTheTables(value: String?) {
        var bytes: [UInt8] = []
        bytes.append(cell: value)
        #expect(bytes == Array(PatientTables.text(value).utf8))
    }

    @Test(arguments: [nil, 0, 7, 10, 99, 100, 123_456_789, Int.max, -1, -42, Int.min])
    func anIntegerIsTheTextOfTheTables(value: Int?) {
        var bytes: [UInt8] = []
        bytes.append(integer: value)
        #expect(bytes == Array(NumberFormat.integer(value).utf8))
    }

    /// List cells, written out by hand: values cleaned as cells, `;` between them, nothing for none.
    @Test func aListCellJoinsCleanCellsWithSemicolons() {
        #expect(PatientTables.list([]) == "")
        #expect(PatientTables.list(["ch_gene"]) == "ch_gene")
        #expect(PatientTables.list(["duplicate_rows_baseline", "a\tb", ""]) == "duplicate_rows_baseline;a b;NA")
    }

    @Test func aKeyIsItsDescription() {
        for key in [MutationKey(chromosome: "chr7", position: 55_259_515, reference: "T", alternate: "G"),
                    MutationKey(chromosome: "X", position: 1, reference: "AAGA", alternate: "GA"),
                    MutationKey(chromosome: "MT", position: 16_569, reference: "-", alternate: "C")] {
            var bytes: [UInt8] = []
            bytes.append(key: key)
            #expect(bytes == Array(key.description.utf8))
        }
    }
}
