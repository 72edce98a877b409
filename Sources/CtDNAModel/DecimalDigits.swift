/// The decimal text of a whole number, made without a `String`: for writers of many rows.
public enum DecimalDigits {
    /// Calls `body` with the ASCII text of `value` (`-` first when it is negative), in memory valid
    /// only during the call. The text is `String(value)`'s.
    @inlinable
    public static func withText<Result>(of value: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // 24 bytes: a sign and the 19 digits of Int.min's magnitude fit.
        var room: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return try withUnsafeMutableBytes(of: &room) { room in
            var first = room.count
            var magnitude = value.magnitude
            repeat {
                first -= 1
                room[first] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                first -= 1
                room[first] = UInt8(ascii: "-")
            }
            return try body(UnsafeRawBufferPointer(rebasing: room[first...]))
        }
    }
}
