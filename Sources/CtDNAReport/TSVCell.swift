import CtDNAModel

/// The one rule for text in a TSV cell of ctdna's outputs: a tab or a line break (of any kind,
/// CRLF included) inside a value becomes a space, so that a row is always one line with its
/// columns in place.
enum TSVCell {
    /// The text with tabs and line breaks turned into spaces; printable ASCII text (nearly every
    /// cell) is returned as it is after a look at its bytes.
    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7f }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

extension [UInt8] {
    /// Appends the bytes of `PatientTables.text(value)`: `NA` when absent or empty, else the
    /// text with tabs and line breaks made spaces (``TSVCell/clean(_:)``), without a `String`
    /// made for a printable ASCII cell. For tables of many rows.
    mutating func append(cell value: String?) {
        guard var value, !value.isEmpty else {
            append(contentsOf: NumberFormat.missing.utf8)
            return
        }
        let isPlain = value.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 >= 0x7f }) else { return false }
            append(contentsOf: bytes)
            return true
        }
        if !isPlain { append(text: TSVCell.clean(value)) }
    }

    /// Appends a `;`-joined list cell, each value as ``append(cell:)`` writes it; nothing for an
    /// empty list. The one rule for list cells (`PatientTables.list` is these bytes as text).
    mutating func append(list values: [String]) {
        for (place, value) in values.enumerated() {
            if place > 0 { append(UInt8(ascii: ";")) }
            append(cell: value)
        }
    }

    /// Appends the bytes of `key.description` (`chrom:pos:ref:alt`) without making the `String`.
    mutating func append(key: MutationKey) {
        append(text: key.chromosome)
        append(UInt8(ascii: ":"))
        append(integer: key.position)
        append(UInt8(ascii: ":"))
        append(text: key.reference)
        append(UInt8(ascii: ":"))
        append(text: key.alternate)
    }
}
