/// Why a statistic could not be computed.
public enum StatisticsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input value is NaN or infinite; `label` names the input (`"followup"`, `"x"`...).
    case nonFiniteValue(label: String, index: Int, value: Double)
    /// A patient's baseline or follow-up value is NaN or infinite.
    case nonFiniteObservation(patient: String, field: String, value: Double)
    /// Paired inputs of different lengths.
    case lengthMismatch(first: Int, second: Int)
    /// No usable observations remain (for example every paired difference is zero).
    case notEnoughObservations(label: String)
    /// The confidence level is not strictly between 0 and 1.
    case invalidConfidenceLevel(Double)
    /// The hypothesised location `mu` is not a finite number.
    case invalidLocation(Double)

    /// A full sentence describing the problem.
    public var description: String {
        switch self {
        case let .nonFiniteValue(label, index, value):
            return "\(label) value \(index + 1) is \(value), but the tests need finite numbers"
        case let .nonFiniteObservation(patient, field, value):
            return "patient \(patient): \(field) value is \(value), but the tests need finite numbers"
        case let .lengthMismatch(first, second):
            return "paired values must come in pairs, but there are \(first) and \(second) values"
        case let .notEnoughObservations(label):
            return "not enough (non-missing, non-zero) \(label) observations"
        case let .invalidConfidenceLevel(level):
            return "the confidence level must be between 0 and 1 (exclusive), not \(level)"
        case let .invalidLocation(mu):
            return "the hypothesised location mu must be a finite number, not \(mu)"
        }
    }

    /// Throws ``invalidLocation(_:)`` for a `mu` that is not finite.
    static func requireValidLocation(_ mu: Double) throws(StatisticsError) {
        guard mu.isFinite else { throw .invalidLocation(mu) }
    }

    /// Throws ``invalidConfidenceLevel(_:)`` unless the level lies strictly between 0 and 1.
    static func requireValidConfidenceLevel(_ level: Double) throws(StatisticsError) {
        guard level > 0 && level < 1 else { throw .invalidConfidenceLevel(level) }
    }

    /// Throws ``nonFiniteValue(label:index:value:)`` for the first NaN or infinite value.
    static func requireFinite(_ values: [Double], label: String) throws(StatisticsError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(label: label, index: index, value: values[index])
        }
    }
}
