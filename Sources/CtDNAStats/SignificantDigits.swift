#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rounds to `digits` significant digits, halves to even, as R's `signif` does.
/// R reports an unachievable exact confidence level as `1 - signif(achieved alpha, 2)`.
func roundedToSignificantDigits(_ value: Double, _ digits: Int) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let magnitude = abs(value)
    let exponent = digits - 1 - Int(log10(magnitude).rounded(.down))
    let rounded: Double
    if exponent > 0 {
        let scale = pow(10.0, Double(exponent))
        rounded = (magnitude * scale).rounded(.toNearestOrEven) / scale
    } else {
        let scale = pow(10.0, Double(-exponent))
        rounded = (magnitude / scale).rounded(.toNearestOrEven) * scale
    }
    return value < 0 ? -rounded : rounded
}
