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

    /// A whole number, or `NA` for `nil`.
    public static func integer(_ value: Int?) -> String {
        guard let value else { return missing }
        return String(value)
    }
}

extension [UInt8] {
    /// Appends the bytes of ``NumberFormat/integer(_:)`` for `value` (`NA` for `nil`), written
    /// digit by digit without making a `String`: for tables of many rows.
    mutating func append(integer value: Int?) {
        guard let value else {
            append(contentsOf: NumberFormat.missing.utf8)
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // At most 20 digits (UInt64.max), written from the last into a fixed buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }
}
