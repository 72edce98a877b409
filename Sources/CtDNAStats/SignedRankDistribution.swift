#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact null distribution of the signed-rank statistic V for `n` untied, non-zero
/// differences (R's `dsignrank`, `psignrank`, `qsignrank`).
///
/// Probabilities are counted by dynamic programming over subset sums of the ranks 1...n,
/// halving at every added rank instead of counting, so nothing overflows however large `n` is
/// (the distribution for n = 200 has counts near 1e58; tail probabilities below about 1e-308,
/// reachable only for n above 1000, underflow to zero).
struct SignedRankDistribution {
    /// The number of differences.
    let count: Int
    /// P(V = v) for v in 0...n(n+1)/2.
    let probabilities: [Double]

    /// Builds the distribution for `count` differences.
    init(count: Int) {
        self.count = count
        let maximum = count * (count + 1) / 2
        var probabilities = [Double](repeating: 0, count: maximum + 1)
        probabilities[0] = 1
        var reach = 0  // the largest sum reachable with the ranks added so far
        for rank in stride(from: 1, through: count, by: 1) {
            reach += rank
            // Each rank is either positive (adds `rank`) or not, with probability 1/2 each.
            for sum in stride(from: reach, through: 0, by: -1) {
                let without = probabilities[sum]
                let with = sum >= rank ? probabilities[sum - rank] : 0
                probabilities[sum] = (without + with) / 2
            }
        }
        self.probabilities = probabilities
    }

    /// R weighs each count by exp(-n log 2), which is not exactly 2^-n; this factor turns our
    /// exact probabilities into R's terms, so that results R rounds (such as an unachievable
    /// confidence level) round the same way. It is 1 when 2^n does not fit in a Double.
    private var termScale: Double {
        count > 1000 ? 1 : exp(-Double(count) * M_LN2) * pow(2, Double(count))
    }

    /// The largest value V can take, n(n+1)/2.
    var maximum: Int { probabilities.count - 1 }

    /// P(V <= v), or P(V > v) when `upper` is true; `v` is rounded down as R does.
    /// Sums over the shorter of the two tails so both tails keep their relative accuracy.
    func cumulative(_ v: Double, upper: Bool = false) -> Double {
        let x = (v + 1e-7).rounded(.down)
        if x < 0 { return upper ? 1 : 0 }
        if x >= Double(maximum) { return upper ? 0 : 1 }
        let threshold = Int(x)
        let scale = termScale
        var sum = 0.0
        if x <= Double(count * (count + 1)) / 4 {
            for value in 0...threshold { sum += probabilities[value] * scale }
            return upper ? 1 - sum : sum
        }
        // P(V <= x) = 1 - P(V > x) = 1 - P(V < maximum - x), by symmetry.
        let mirrored = maximum - threshold
        for value in 0..<mirrored { sum += probabilities[value] * scale }
        return upper ? sum : 1 - sum
    }

    /// The smallest v with P(V <= v) >= p, computed as R's `qsignrank` (with its 10-epsilon fuzz).
    func quantile(_ p: Double) -> Int {
        let scale = termScale
        var sum = 0.0
        var value = 0
        if p <= 0.5 {
            let target = p - 10 * Double.ulpOfOne
            while true {
                sum += probabilities[value] * scale
                if sum >= target || value == maximum { return value }
                value += 1
            }
        }
        let target = 1 - p + 10 * Double.ulpOfOne
        while true {
            sum += probabilities[value] * scale
            if sum > target { return maximum - value }
            value += 1
        }
    }
}
