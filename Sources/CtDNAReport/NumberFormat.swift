import CtDNAModel

/// How every table and document of ctdna writes numbers, so outputs are byte-stable.
public enum NumberFormat {
    /// The spelling of a missing value in every table.
    public static let missing = "NA"

    /// A real number in its shortest form that reads back to the same `Double`
    /// (`0.0390625`, `1e-20`, `2.0`, `0.0`); `NA` for `nil`, NaN or an infinity.
    public static func real(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        if value == 0 { return "0.0" }  // also folds -0.0
        return value.description
    }

    /// Calls `body` with the UTF-8 bytes of ``real(_:)``'s text, made without a `String`: for a
    /// writer of millions of values (`ctdna view`), where a `String` per value (a heap one past
    /// 15 characters, as `0.000709471443774388`) cost more than the digits. The text is the
    /// same: the standard library's shortest round-trip digits, which `Double.description`
    /// returns and `Double.write(to:)` hands to a stream as ASCII bytes, here kept on the stack.
    public static func withReal<Result>(_ value: Double?, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        guard let value, value.isFinite, value != 0 else {
            var text = real(value)  // NA or 0.0: literals, no allocation
            return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        }
        var digits = ShortASCIIText()
        value.write(to: &digits)
        return try digits.withBytes(body)
    }

    /// A whole number, or `NA` for `nil`.
    public static func integer(_ value: Int?) -> String {
        guard let value else { return missing }
        return String(value)
    }
}

/// A stream that keeps up to 32 bytes of text on the stack: room for any `Double`'s shortest
/// digits (`-2.2250738585072014e-308` is 24).
private struct ShortASCIIText: TextOutputStream {
    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count = 0

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// What `Double.write(to:)` calls with its digits (the requirement's default makes a `String`).
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(buffer)
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let start = count
        withUnsafeMutableBytes(of: &storage) { room in
            precondition(start + bytes.count <= room.count, "a number longer than 32 characters")
            UnsafeMutableRawBufferPointer(rebasing: room[start...]).copyMemory(from: UnsafeRawBufferPointer(bytes))
        }
        count += bytes.count
    }

    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
}

extension [UInt8] {
    /// Appends the bytes of ``NumberFormat/integer(_:)`` for `value` (`NA` for `nil`), without
    /// making a `String`: for tables of many rows.
    mutating func append(integer value: Int?) {
        guard let value else {
            append(contentsOf: NumberFormat.missing.utf8)
            return
        }
        DecimalDigits.withText(of: value) { append(contentsOf: $0) }
    }
}
