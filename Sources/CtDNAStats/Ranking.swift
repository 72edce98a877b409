/// Average ranks ("midranks") and tie-group sizes, as R's `rank(ties.method = "average")`.
struct Ranking {
    /// The rank of each input value, in input order; tied values share the mean of their ranks.
    let ranks: [Double]
    /// The size of every group of tied values (groups of one included).
    let tieGroupSizes: [Int]

    /// Ranks `values`; equality is exact floating-point equality.
    init(_ values: [Double]) {
        // Values sorted with their places: one array of pairs, compared directly (sorting the
        // places by a closure that looks each value up was most of a confidence interval's time).
        var sorted = values.enumerated().map { (value: $0.element, place: $0.offset) }
        sorted.sort { $0.value < $1.value }
        var ranks = [Double](repeating: 0, count: values.count)
        var sizes: [Int] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].value == sorted[start].value { end += 1 }
            // Positions start..<end hold ranks start+1 ... end; their mean:
            let averageRank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[sorted[position].place] = averageRank }
            sizes.append(end - start)
            start = end
        }
        self.ranks = ranks
        self.tieGroupSizes = sizes
    }

    /// Whether any two values are tied.
    var hasTies: Bool { tieGroupSizes.contains { $0 > 1 } }

    /// The sum over tie groups of t^3 - t, the quantity both variance corrections use.
    var tieCorrectionSum: Double {
        tieGroupSizes.reduce(0.0) { sum, size in
            let t = Double(size)
            return sum + (t * t * t - t)
        }
    }
}
