#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers for people to read in plots and the terminal; tables keep ``NumberFormat``'s full values.
public enum ReadableNumber {
    /// A p-value as papers print it: `p = 0.022`, `p = 0.11`, `p < 0.0001`, `p = NA`.
    /// - Parameter p: the p-value, or `nil` when the test could not run.
    public static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "p = NA" }
        if p < 0.0001 { return "p < 0.0001" }
        return "p = " + significant(p, digits: 2)
    }

    /// A value with a few significant digits (`%g` style, POSIX spelling): `0.01235`, `1.5e-05`;
    /// `NA` for `nil` or a non-finite value.
    /// - Parameters:
    ///   - value: the number.
    ///   - digits: significant digits (default 4).
    public static func significant(_ value: Double?, digits: Int = 4) -> String {
        guard let value, value.isFinite else { return NumberFormat.missing }
        if value == 0 { return "0" }
        // C's printf in the C locale: the same text whatever the user's locale.
        var text = [CChar](repeating: 0, count: 48)
        _ = withVaList([value]) { vsnprintf(&text, text.count, "%.\(digits)g", $0) }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A signed change with a few significant digits: `+0.012`, `-0.0031`, `0`.
    /// - Parameter value: the change.
    public static func signedChange(_ value: Double) -> String {
        value > 0 ? "+" + significant(value, digits: 3) : significant(value, digits: 3)
    }
}
