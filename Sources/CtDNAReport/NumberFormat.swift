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
