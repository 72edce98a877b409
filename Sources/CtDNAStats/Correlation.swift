#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Correlation coefficients of paired values, as R's `cor(x, y, method = ...)` computes them.
public enum Correlation {
    /// Pearson's product-moment correlation r: the covariance over the product of the standard
    /// deviations (centred sums, no test).
    /// - Parameters:
    ///   - x: Values.
    ///   - y: Values paired with `x`, as many.
    /// - Returns: r in [-1, 1], or `nil` with fewer than 2 pairs or a constant side.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired values")
        guard x.count >= 2 else { return nil }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// Spearman's rank correlation rho: Pearson's r of the average ranks (ties share the mean of
    /// their ranks, as R's `rank`).
    /// - Parameters:
    ///   - x: Values.
    ///   - y: Values paired with `x`, as many.
    /// - Returns: rho in [-1, 1], or `nil` with fewer than 2 pairs or a constant side.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(Ranking(x).ranks, Ranking(y).ranks)
    }
}
