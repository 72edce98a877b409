/// The exact null distribution of the Mann-Whitney statistic W (U of the first group) for
/// groups of `firstCount` and `secondCount` untied values (R's `dwilcox`, `pwilcox`, `qwilcox`).
///
/// With m and n values, the largest of all m + n values belongs to the first group with
/// probability m / (m + n), and then adds n to W; otherwise it belongs to the second group
/// and adds nothing. That recursion over (m, n) works on probabilities, which stay in [0, 1],
/// so large forced-exact tests cannot overflow. The cost grows as m^2 n^2 / 4.
struct RankSumDistribution {
    /// The size of the first group.
    let firstCount: Int
    /// The size of the second group.
    let secondCount: Int
    /// P(W = w) for w in 0...m*n.
    let probabilities: [Double]

    /// Builds the distribution for groups of `firstCount` and `secondCount` values.
    init(firstCount m: Int, secondCount n: Int) {
        firstCount = m
        secondCount = n
        // row[j] is the distribution for (i, j) values, for the current i.
        var row = [[Double]](repeating: [1], count: n + 1)
        if m > 0 {
            for i in 1...m {
                var next = [[Double]](repeating: [1], count: n + 1)
                if n > 0 {
                    for j in 1...n {
                        var distribution = [Double](repeating: 0, count: i * j + 1)
                        let largestInFirst = Double(i) / Double(i + j)
                        let largestInSecond = Double(j) / Double(i + j)
                        let fromFirst = row[j]      // (i - 1, j): shifted by j
                        let fromSecond = next[j - 1]  // (i, j - 1)
                        for (w, probability) in fromFirst.enumerated() {
                            distribution[w + j] += largestInFirst * probability
                        }
                        for (w, probability) in fromSecond.enumerated() {
                            distribution[w] += largestInSecond * probability
                        }
                        next[j] = distribution
                    }
                }
                row = next
            }
        }
        probabilities = row[n]
    }

    /// The largest value W can take, m * n.
    var maximum: Int { probabilities.count - 1 }

    /// P(W <= w), or P(W > w) when `upper` is true; `w` is rounded down as R does.
    /// Sums over the shorter of the two tails.
    func cumulative(_ w: Double, upper: Bool = false) -> Double {
        let x = (w + 1e-7).rounded(.down)
        if x < 0 { return upper ? 1 : 0 }
        if x >= Double(maximum) { return upper ? 0 : 1 }
        let threshold = Int(x)
        var sum = 0.0
        if x <= Double(firstCount * secondCount) / 2 {
            for value in 0...threshold { sum += probabilities[value] }
            return upper ? 1 - sum : sum
        }
        let mirrored = maximum - threshold
        for value in 0..<mirrored { sum += probabilities[value] }
        return upper ? sum : 1 - sum
    }

    /// The smallest w with P(W <= w) >= p, computed as R's `qwilcox` (with its 10-epsilon fuzz).
    func quantile(_ p: Double) -> Int {
        var sum = 0.0
        var value = 0
        if p <= 0.5 {
            let target = p - 10 * Double.ulpOfOne
            while true {
                sum += probabilities[value]
                if sum >= target || value == maximum { return value }
                value += 1
            }
        }
        let target = 1 - p + 10 * Double.ulpOfOne
        while true {
            sum += probabilities[value]
            if sum > target { return maximum - value }
            value += 1
        }
    }
}
