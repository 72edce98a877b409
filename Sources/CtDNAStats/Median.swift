/// Small order statistics shared by the tests and the grouped analysis.
enum OrderStatistics {
    /// The median of already sorted values (mean of the two middle ones for an even count);
    /// NaN for an empty array.
    static func median(sorted values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let half = values.count / 2
        if values.count % 2 == 1 { return values[half] }
        return (values[half - 1] + values[half]) / 2
    }

    /// The median of values in any order; NaN for an empty array.
    static func median(_ values: [Double]) -> Double {
        median(sorted: values.sorted())
    }
}
