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
