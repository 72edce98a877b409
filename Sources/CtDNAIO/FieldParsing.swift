/// Reading single cells of a table from their bytes, without making a `String` first.
enum CellValue {
    /// Whether a cell means "no value": empty, `.`, `NA` (any case) or `NaN` is not accepted here.
    static func isMissing(_ cell: UnsafeRawBufferPointer) -> Bool {
        switch cell.count {
        case 0: return true
        case 1: return cell[0] == UInt8(ascii: ".")
        case 2: return (cell[0] | 0x20) == UInt8(ascii: "n") && (cell[1] | 0x20) == UInt8(ascii: "a")
        default: return false
        }
    }

    /// A non-negative whole number of at most 18 digits, or `nil` when the cell is anything else.
    static func wholeNumber(_ cell: UnsafeRawBufferPointer) -> Int? {
        guard cell.count > 0, cell.count <= 18 else { return nil }
        var value = 0
        for byte in cell {
            let digit = Int(byte) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }

    /// A finite decimal number (`0.25`, `1e-3`, `-2`), or `nil` when the cell is not one.
    static func real(_ cell: UnsafeRawBufferPointer) -> Double? {
        guard cell.count > 0, cell.count <= 64 else { return nil }
        for byte in cell {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        guard let value = Double(String(decoding: cell, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}

/// Remembers the last text made from a column's bytes, so a column that repeats its value
/// row after row (sample, gene, chromosome) costs one comparison, not one allocation.
struct RepeatedText {
    private var bytes: [UInt8] = []
    private var text = ""

    /// The cell as text, or `nil` when its bytes are not valid UTF-8.
    mutating func text(of cell: UnsafeRawBufferPointer) -> String? {
        if cell.count == bytes.count && bytes.withUnsafeBytes({ $0.elementsEqual(cell) }) {
            return text
        }
        guard let decoded = String(validating: cell, as: UTF8.self) else { return nil }
        bytes = Array(cell)
        text = decoded
        return decoded
    }
}
