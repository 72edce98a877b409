import CtDNACore

/// Descriptive statistics the plots draw (the tests themselves come from `CtDNAStats`).
enum GroupStatistics {
    /// The `p`-quantile by linear interpolation between order statistics (R's default, type 7).
    /// - Parameters:
    ///   - values: the values, in any order; must not be empty.
    ///   - p: the probability, from 0 to 1.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// The median, or `nil` for no values.
    static func median(_ values: [Double]) -> Double? {
        CtDNACore.median(values)
    }
}
