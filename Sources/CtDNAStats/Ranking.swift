/// Average ranks ("midranks") and tie-group sizes, as R's `rank(ties.method = "average")`.
struct Ranking {
    /// The rank of each input value, in input order; tied values share the mean of their ranks.
    let ranks: [Double]
    /// The size of every group of tied values (groups of one included).
    let tieGroupSizes: [Int]

    /// Ranks `values`; equality is exact floating-point equality.
    init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var sizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Positions start..<end hold ranks start+1 ... end; their mean:
            let averageRank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = averageRank }
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
