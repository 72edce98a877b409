/// Everything that can go wrong while reading a variant table, with the place it went wrong.
///
/// The description reads from the outside in, so a user sees the file first:
/// `followup.maf.gz:1234: column t_alt_count: "x" is not a count`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (`-` for standard input).
    public var file: String
    /// The 1-based line, when the problem belongs to one line.
    public var line: Int?
    /// The column's name as written in the header, when the problem belongs to one cell.
    public var column: String?
    /// What was wrong, in plain words.
    public var message: String

    /// Creates an error for a file, optionally pinned to a line and a column.
    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line: column NAME: message`, leaving out the parts that are not known.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let column { text += "column \(column): " }
        return text + message
    }
}

/// Quotes a cell's bytes for an error message: at most 60 characters, control bytes escaped.
func quotedCell(_ bytes: UnsafeRawBufferPointer) -> String {
    let limit = 60
    var text = String(decoding: bytes.prefix(limit), as: UTF8.self)
    text = text.unicodeScalars.map { scalar in
        scalar.value < 0x20 || scalar.value == 0x7f
            ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }.joined()
    return "\"" + text + (bytes.count > limit ? "...\"" : "\"")
}
