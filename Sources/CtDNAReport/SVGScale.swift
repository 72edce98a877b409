#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tick on an axis: the data value, where it lands, and its label (`nil` for a minor tick).
public struct AxisTick: Sendable, Equatable {
    /// The data value.
    public var value: Double
    /// The position in user units.
    public var position: Double
    /// The label, or `nil` for an unlabelled (minor) tick.
    public var label: String?

    /// Creates a tick.
    public init(value: Double, position: Double, label: String?) {
        self.value = value
        self.position = position
        self.label = label
    }
}

/// Maps data values linearly onto a range of user units.
public struct LinearScale: Sendable, Equatable {
    /// The data interval (low, high); low must differ from high.
    public var domain: (low: Double, high: Double)
    /// The user-unit positions of the domain's low and high ends (may be reversed, as for y).
    public var range: (low: Double, high: Double)

    /// Creates a scale.
    /// - Parameters:
    ///   - domain: the data interval; an empty interval is widened by 1 on each side.
    ///   - range: where the low and high ends of the domain go.
    public init(domain: (low: Double, high: Double), range: (low: Double, high: Double)) {
        self.domain = domain.low == domain.high ? (domain.low - 1, domain.high + 1) : domain
        self.range = range
    }

    /// A scale over `values` and zero, widened on each side by `padding` times that span: the
    /// y scale of a plot of changes, whose zero line is always in view. Without values the
    /// domain is -1 to 1 before padding.
    /// - Parameters:
    ///   - values: the values to show.
    ///   - padding: the fraction of the span added below and above.
    ///   - range: where the low and high ends of the domain go.
    public init(includingZeroAnd values: [Double], padding: Double, range: (low: Double, high: Double)) {
        let low = min(values.min() ?? -1, 0), high = max(values.max() ?? 1, 0)
        let margin = (high - low) * padding
        self.init(domain: (low - margin, high + margin), range: range)
    }

    /// Two scales are equal when their domains and ranges are.
    public static func == (lhs: LinearScale, rhs: LinearScale) -> Bool {
        lhs.domain == rhs.domain && lhs.range == rhs.range
    }

    /// The position of a value.
    public func position(_ value: Double) -> Double {
        range.low + (value - domain.low) / (domain.high - domain.low) * (range.high - range.low)
    }

    /// The step between about `count` ticks over the domain: 1, 2 or 5 times a power of ten.
    public func tickStep(count: Int = 5) -> Double {
        let rough = (domain.high - domain.low) / Double(max(count, 1))
        let power = pow(10, (log10(rough)).rounded(.down))
        let mantissa = rough / power
        let nice: Double = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10
        return nice * power
    }

    /// Labelled ticks at multiples of ``tickStep(count:)`` inside the domain.
    /// - Parameter count: about how many ticks (default 5).
    public func ticks(count: Int = 5) -> [AxisTick] {
        let step = tickStep(count: count)
        let decimals = max(0, -Int(log10(step).rounded(.down)))
        let first = Int((domain.low / step).rounded(.up))
        let last = Int((domain.high / step).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { index in
            let value = Double(index) * step
            return AxisTick(value: value, position: position(value), label: SVGNumber.format(value, decimals: decimals))
        }
    }
}

/// Maps positive data values onto a range of user units by their base-10 logarithm.
public struct LogScale: Sendable, Equatable {
    /// The data interval (low, high), both positive, low < high.
    public var domain: (low: Double, high: Double)
    /// The user-unit positions of the domain's low and high ends.
    public var range: (low: Double, high: Double)

    /// Creates a scale.
    /// - Parameters:
    ///   - domain: the data interval, both ends above 0; an empty interval is widened to a decade.
    ///   - range: where the low and high ends of the domain go.
    public init(domain: (low: Double, high: Double), range: (low: Double, high: Double)) {
        self.domain = domain.low < domain.high ? domain : (domain.low / sqrt(10), domain.low * sqrt(10))
        self.range = range
    }

    /// Two scales are equal when their domains and ranges are.
    public static func == (lhs: LogScale, rhs: LogScale) -> Bool {
        lhs.domain == rhs.domain && lhs.range == rhs.range
    }

    /// The position of a positive value.
    public func position(_ value: Double) -> Double {
        let low = log10(domain.low), high = log10(domain.high)
        return range.low + (log10(value) - low) / (high - low) * (range.high - range.low)
    }

    /// Ticks at 1, 2 and 5 times each power of ten inside the domain. Powers of ten are labelled;
    /// when the domain holds fewer than two powers of ten, the 2x and 5x ticks are labelled too.
    public func ticks() -> [AxisTick] {
        var candidates: [(value: Double, mantissa: Int, exponent: Int)] = []
        let lowest = Int(log10(domain.low).rounded(.down)), highest = Int(log10(domain.high).rounded(.up))
        for exponent in lowest...highest {
            for mantissa in [1, 2, 5] {
                let value = Double(mantissa) * pow(10, Double(exponent))
                // A small tolerance keeps ticks that sit on a domain end despite rounding.
                if value >= domain.low * (1 - 1e-9) && value <= domain.high * (1 + 1e-9) {
                    candidates.append((value, mantissa, exponent))
                }
            }
        }
        let powersOfTen = candidates.filter { $0.mantissa == 1 }.count
        return candidates.map { candidate in
            let labelled = candidate.mantissa == 1 || powersOfTen < 2
            return AxisTick(
                value: candidate.value, position: position(candidate.value),
                label: labelled ? LogScale.label(mantissa: candidate.mantissa, exponent: candidate.exponent) : nil)
        }
    }

    /// `m x 10^e` written as a plain decimal (`0.001`, `20`) from 1e-5 to 1e6, otherwise `2e-7`.
    static func label(mantissa: Int, exponent: Int) -> String {
        if exponent >= 0 && exponent <= 6 {
            return String(mantissa) + String(repeating: "0", count: exponent)
        }
        if exponent < 0 && exponent >= -5 {
            return "0." + String(repeating: "0", count: -exponent - 1) + String(mantissa)
        }
        return "\(mantissa)e\(exponent)"
    }
}
