import Foundation

/// Geometric mean of the positive values, exp(mean(log x)); 0 when none is positive.
///
/// Logarithms are summed in the order given, so callers that need reproducible last bits pass
/// values in a fixed order (ctdna uses ``MutationKey`` order). A single positive value is returned
/// as it is (exp(log x) can differ from x in the last bit).
/// - Parameter values: allele fractions or purities.
/// - Returns: the geometric mean of the values above 0, or 0.
public func geometricMeanOfPositive(_ values: [Double]) -> Double {
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

/// The median; the mean of the two middle values for an even count; `nil` for no values.
/// - Parameter values: the values (zeros included).
/// - Returns: the median, or `nil` when empty.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// A metric at both timepoints with its change.
public struct PairedMetric: Sendable, Equatable {
    /// Value at baseline.
    public var baseline: Double
    /// Value at follow-up.
    public var followup: Double

    /// Creates the pair.
    /// - Parameters:
    ///   - baseline: value at baseline.
    ///   - followup: value at follow-up.
    public init(baseline: Double, followup: Double) {
        self.baseline = baseline
        self.followup = followup
    }

    /// Follow-up minus baseline.
    public var difference: Double { followup - baseline }

    /// Follow-up over baseline; `nil` (NA) when baseline is 0, whatever the follow-up.
    public var ratio: Double? { baseline == 0 ? nil : followup / baseline }
}
