/// The rules every table reader and writer of ctdna shares for the text of one cell.
///
/// One definition of each: a missing cell, white space around a cell, and a case-insensitive
/// word such as `Oncogenic` or `TRUE`.
public enum CellText {
    /// Whether a cell means "no value": empty, `.` or `NA` (any letter case). A count or
    /// fraction so written is missing, never 0.
    /// - Parameter cell: The cell's bytes, already without surrounding white space.
    @inlinable @inline(__always)
    public static func isMissing(_ cell: UnsafeRawBufferPointer) -> Bool {
        switch cell.count {
        case 0: return true
        case 1: return cell[0] == UInt8(ascii: ".")
        case 2: return (cell[0] | 0x20) == UInt8(ascii: "n") && (cell[1] | 0x20) == UInt8(ascii: "a")
        default: return false
        }
    }

    /// Whether a cell means "no value" (``isMissing(_:)-(UnsafeRawBufferPointer)``), after
    /// removing surrounding white space.
    /// - Parameter cell: The cell's text.
    public static func isMissing(_ cell: String) -> Bool {
        var cell = trimmed(cell)
        return cell.withUTF8 { isMissing(UnsafeRawBufferPointer($0)) }
    }

    /// Whether a byte is white space around a cell: space, tab, carriage return, line feed,
    /// vertical tab or form feed.
    @inlinable @inline(__always)
    public static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0d)
    }

    /// The cell without surrounding white space: ASCII blanks and, in a cell that is not ASCII,
    /// any Unicode white space (a no-break space pasted from a spreadsheet). A cell with nothing
    /// to remove (nearly all) is returned as it is, after a look at its first and last byte.
    /// - Parameter cell: The cell's text.
    public static func trimmed(_ cell: String) -> String {
        let first = cell.utf8.first, last = cell.utf8.last
        let clean: (UInt8?) -> Bool = { byte in byte.map { $0 < 0x80 && !isBlank($0) } ?? true }
        if clean(first) && clean(last) { return cell }
        var text = Substring(cell)
        while let character = text.first, character.isWhitespace { text.removeFirst() }
        while let character = text.last, character.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// Whether a cell, without surrounding white space, is `word` in any letter case.
    ///
    /// ASCII cells are compared byte by byte without making a string; others are lower-cased.
    /// - Parameters:
    ///   - cell: The cell's text.
    ///   - word: The word, in lower case (`oncogenic`, `true`, `y`).
    public static func isWord(_ cell: String, _ word: String) -> Bool {
        var cell = cell, word = word
        let asciiAnswer: Bool? = cell.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            while start < end, isBlank(bytes[end - 1]) { end -= 1 }
            guard bytes[start..<end].allSatisfy({ $0 < 0x80 }) else { return nil }
            return word.withUTF8 { wanted in
                guard end - start == wanted.count else { return false }
                for offset in 0..<wanted.count {
                    let byte = bytes[start + offset]
                    let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    if lowered != wanted[offset] { return false }
                }
                return true
            }
        }
        return asciiAnswer ?? (trimmed(cell).lowercased() == word)
    }

    /// An event flag of a survival table: `1`, `true` or `yes` is an event, `0`, `false` or `no`
    /// is none (any letter case, surrounding white space ignored); anything else is `nil`.
    /// - Parameter cell: The cell's text.
    public static func eventFlag(_ cell: String) -> Bool? {
        if ["1", "true", "yes"].contains(where: { isWord(cell, $0) }) { return true }
        if ["0", "false", "no"].contains(where: { isWord(cell, $0) }) { return false }
        return nil
    }
}
