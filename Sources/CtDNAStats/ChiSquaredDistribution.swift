#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The chi-square distribution's upper tail, P(X > x) for X ~ chi-square(df), computed directly
/// (never as 1 - lower tail) so that small p-values keep their relative accuracy.
///
/// Integer degrees of freedom use the closed forms of the regularised upper incomplete gamma
/// function Q(df/2, x/2): for odd df, `erfc(sqrt(x/2))` plus a finite sum of positive terms; for
/// even df, `exp(-x/2)` times a finite sum of positive terms. Every term is positive, so the
/// result is accurate to a few units in the last place. Other degrees of freedom use the power
/// series of P (when x/2 < df/2 + 1) or the continued fraction of Q (otherwise).
public enum ChiSquaredDistribution {
    /// P(X > x) for X ~ chi-square with `degreesOfFreedom` degrees of freedom (R's
    /// `pchisq(x, df, lower.tail = FALSE)`).
    /// - Parameters:
    ///   - x: The statistic. Values at or below 0 give 1; `+infinity` gives 0; NaN gives NaN.
    ///   - degreesOfFreedom: Must be positive and finite; otherwise the result is NaN.
    /// - Returns: The upper-tail probability in [0, 1].
    public static func upperTail(_ x: Double, degreesOfFreedom: Double) -> Double {
        guard !x.isNaN, degreesOfFreedom.isFinite, degreesOfFreedom > 0 else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        let a = degreesOfFreedom / 2
        let y = x / 2
        if degreesOfFreedom == degreesOfFreedom.rounded() && degreesOfFreedom <= 400 {
            return integerDegreesUpperTail(y: y, degrees: Int(degreesOfFreedom))
        }
        return regularizedUpperGamma(a: a, y: y)
    }

    /// Q(df/2, y) for integer df by the finite sums; each term is the previous times y / (a + 1).
    private static func integerDegreesUpperTail(y: Double, degrees: Int) -> Double {
        let odd = degrees % 2 == 1
        // First term of the sum and the base value: Q(1/2, y) = erfc(sqrt(y)), Q(1, y) = exp(-y).
        var total: Double
        var term: Double
        var shape: Double
        if odd {
            total = erfc(y.squareRoot())
            if degrees == 1 { return total }
            // y^(1/2) e^(-y) / Gamma(3/2)
            term = logSpaceTermIfNeeded(y: y, shape: 0.5) ?? (y.squareRoot() * exp(-y) * 2 / Double.pi.squareRoot())
            shape = 0.5
        } else {
            let base = exp(-y)
            if degrees == 2 { return base }
            total = base
            // y e^(-y) / Gamma(2)
            term = logSpaceTermIfNeeded(y: y, shape: 1) ?? (y * base)
            shape = 1
        }
        // Q(a + 1, y) = Q(a, y) + y^a e^(-y) / Gamma(a + 1), for a = shape, shape + 1, ...
        let target = Double(degrees) / 2
        while shape < target {
            total += term
            term *= y / (shape + 1)
            shape += 1
        }
        return total
    }

    /// y^a e^(-y) / Gamma(a + 1) in log space when e^(-y) would underflow; nil otherwise.
    private static func logSpaceTermIfNeeded(y: Double, shape a: Double) -> Double? {
        guard y > 700 else { return nil }
        return exp(a * log(y) - y - lgamma(a + 1))
    }

    /// Q(a, y) for a general shape: series for P when y < a + 1, Lentz's continued fraction for Q
    /// otherwise (Numerical Recipes' `gser`/`gcf` scheme, written afresh).
    private static func regularizedUpperGamma(a: Double, y: Double) -> Double {
        let logPrefactor = a * log(y) - y - lgamma(a)
        if y < a + 1 {
            var sum = 1 / a
            var term = sum
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= y / n
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return 1 - sum * exp(logPrefactor)
        }
        let tiny = 1e-300
        var b = y + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(logPrefactor) * h
    }
}
