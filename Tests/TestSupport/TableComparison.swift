/// Compares tab-separated tables cell by cell, for outputs held against R's numbers.
public enum TableComparison {
    /// A TSV's data rows as column -> cell.
    /// - Parameter text: The table's text, header first.
    public static func records(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The cells that differ over the expected table's columns: text exactly, numbers within
    /// `relative` of the expected value (measured against at least 1e-3, so values near zero are
    /// held to an absolute 1e-12 at the default), `NA` as `NA`.
    /// - Parameters:
    ///   - actual: The table produced.
    ///   - expected: The reference table.
    ///   - relative: The relative tolerance (1e-9, as the Stats tests hold R's numbers).
    /// - Returns: One line per difference; empty when the tables agree.
    public static func differences(_ actual: String, _ expected: String, relative: Double = 1e-9) -> [String] {
        let actualRows = records(actual), expectedRows = records(expected)
        guard actualRows.count == expectedRows.count else { return ["\(actualRows.count) rows, expected \(expectedRows.count)"] }
        var found: [String] = []
        for (index, (got, want)) in zip(actualRows, expectedRows).enumerated() {
            for (column, wanted) in want.sorted(by: { $0.key < $1.key }) {
                let cell = got[column] ?? "<no column>"
                if let expectedNumber = Double(wanted), let actualNumber = Double(cell) {
                    if abs(actualNumber - expectedNumber) / max(abs(expectedNumber), 1e-3) > relative {
                        found.append("row \(index + 1) \(column): \(cell), expected \(wanted)")
                    }
                } else if cell != wanted {
                    found.append("row \(index + 1) \(column): \(cell), expected \(wanted)")
                }
            }
        }
        return found
    }
}
