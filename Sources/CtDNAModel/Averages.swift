#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The averages the method, the statistics and the report share: one definition of each.
public enum Averages {
    /// The median: the middle value, or the mean of the two middle values for an even count.
    /// - Parameter values: Values in any order.
    /// - Returns: `nil` for no values.
    public static func median(_ values: [Double]) -> Double? {
        median(sorted: values.sorted())
    }

    /// The median of values already in ascending order.
    /// - Parameter values: Values sorted ascending.
    /// - Returns: `nil` for no values.
    public static func median(sorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// The quantile `p` by linear interpolation between order statistics (R's default, type 7).
    /// - Parameters:
    ///   - values: Values in any order; not empty.
    ///   - p: The probability, in [0, 1].
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        precondition(!values.isEmpty, "a quantile of no values")
        let sorted = values.sorted()
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// The geometric mean of the positive values, ignoring zeros (and negatives); 0 when none
    /// is positive. A single positive value is returned exactly (exp(log x) can differ from x
    /// in the last bit). Logarithms are summed in the order given, so callers that need
    /// reproducible last bits pass values in a fixed order (ctdna uses ``MutationKey`` order).
    /// - Parameter values: Allele fractions or purities.
    public static func geometricMeanOfPositive(_ values: [Double]) -> Double {
        var sum = 0.0, count = 0, only = 0.0
        for value in values where value > 0 {
            sum += log(value)
            count += 1
            only = value
        }
        switch count {
        case 0: return 0
        case 1: return only
        default: return exp(sum / Double(count))
        }
    }
}
