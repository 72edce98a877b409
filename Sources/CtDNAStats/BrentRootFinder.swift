/// Brent's root finder (the `zeroin` algorithm of Brent, 1973), following step for step the
/// variant behind R's `uniroot`, so that the intervals and estimates of the normal-approximation
/// Wilcoxon tests land on the same numbers as R's.
///
/// The functions it is used on are step functions of the location shift; "the root" is then
/// the point near a jump where the iteration stops, and only an identical iteration gives the
/// identical point.
enum BrentRootFinder {
    /// Finds a zero of `function` in [lower, upper], given its values at both ends.
    /// - Parameters:
    ///   - lower: The left end.
    ///   - upper: The right end.
    ///   - valueAtLower: `function(lower)`.
    ///   - valueAtUpper: `function(upper)`.
    ///   - tolerance: The absolute tolerance of the root (R's `tol`).
    ///   - maximumIterations: The iteration budget (R's `maxiter`, 1000).
    ///   - function: The function.
    /// - Returns: The approximate root, or `nil` when the end values are missing or have the
    ///   same sign (R stops with "f() values at end points not of opposite sign").
    static func root(
        lower: Double, upper: Double, valueAtLower: Double, valueAtUpper: Double,
        tolerance: Double = 1e-4, maximumIterations: Int = 1000,
        of function: (Double) -> Double
    ) -> Double? {
        guard !valueAtLower.isNaN, !valueAtUpper.isNaN, lower < upper else { return nil }
        guard sign(valueAtLower) * sign(valueAtUpper) <= 0 else { return nil }
        var a = lower, b = upper, fa = valueAtLower, fb = valueAtUpper
        var c = a, fc = fa
        if fa == 0 { return a }
        if fb == 0 { return b }
        for _ in 0...maximumIterations {
            let previousStep = b - a
            if abs(fc) < abs(fb) {
                // Make b the best approximation so far.
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let actualTolerance = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            var newStep = (c - b) / 2
            if abs(newStep) <= actualTolerance || fb == 0 { return b }
            if abs(previousStep) >= actualTolerance && abs(fa) > abs(fb) {
                // Try interpolation: linear with two distinct points, inverse quadratic with three.
                var p: Double, q: Double
                let cb = c - b
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    let qa = fa / fc, t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
                    q = (qa - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < (0.75 * cb * q - abs(actualTolerance * q) / 2) && p < abs(previousStep * q / 2) {
                    newStep = p / q
                }
            }
            if abs(newStep) < actualTolerance {
                newStep = newStep > 0 ? actualTolerance : -actualTolerance
            }
            a = b; fa = fb
            b += newStep
            fb = function(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
                c = a; fc = fa
            }
        }
        return b
    }

    /// -1, 0 or 1, like R's `sign`.
    private static func sign(_ value: Double) -> Double {
        value > 0 ? 1 : (value < 0 ? -1 : 0)
    }
}
