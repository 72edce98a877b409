/// One patient's follow-up: the time to progression (or death, or the end of follow-up) and
/// whether the event was seen (`event == true`) or the patient was censored at `time`.
///
/// Invariant once validated by an analysis: `time` is finite and not negative.
public struct SurvivalObservation: Sendable, Hashable {
    /// Time from the start of follow-up; any unit, the same for every patient.
    public var time: Double
    /// True when the event (progression, death) happened at `time`; false when censored.
    public var event: Bool

    /// A patient's follow-up.
    /// - Parameters:
    ///   - time: Time from the start of follow-up (finite, at least 0).
    ///   - event: True for an event at `time`, false for censoring at `time`.
    public init(time: Double, event: Bool) {
        self.time = time
        self.event = event
    }
}

/// Why a survival statistic could not be computed.
public enum SurvivalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No observations were given.
    case noObservations
    /// An observation's time is NaN or infinite (`index` counts from 0).
    case nonFiniteTime(index: Int, value: Double)
    /// An observation's time is below zero (`index` counts from 0).
    case negativeTime(index: Int, value: Double)
    /// Two per-patient inputs have different lengths (`label` names the second one).
    case lengthMismatch(label: String, observations: Int, values: Int)
    /// A covariate value is NaN or infinite.
    case nonFiniteCovariate(patient: Int, covariate: Int, value: Double)
    /// The model has no covariates, or the covariate names do not match the columns.
    case invalidCovariates(String)
    /// Fewer than two groups (a comparison needs two).
    case tooFewGroups(count: Int)
    /// A group label is not among the declared levels.
    case unknownGroup(String)
    /// The confidence level is not strictly between 0 and 1.
    case invalidConfidenceLevel(Double)
    /// A probability for a quantile is not within [0, 1].
    case invalidProbability(Double)
    /// A time asked about (numbers at risk) is NaN.
    case invalidTime(Double)

    /// A full sentence describing the problem.
    public var description: String {
        switch self {
        case .noObservations:
            return "there are no survival observations"
        case let .nonFiniteTime(index, value):
            return "survival time \(index + 1) is \(value), but times must be finite numbers"
        case let .negativeTime(index, value):
            return "survival time \(index + 1) is \(value), but times cannot be negative"
        case let .lengthMismatch(label, observations, values):
            return "there are \(observations) survival observations but \(values) \(label) values"
        case let .nonFiniteCovariate(patient, covariate, value):
            return "covariate \(covariate + 1) of patient \(patient + 1) is \(value), but covariates must be finite numbers"
        case let .invalidCovariates(reason):
            return "invalid covariates: \(reason)"
        case let .tooFewGroups(count):
            return "a comparison needs at least two groups, but there \(count == 1 ? "is" : "are") \(count)"
        case let .unknownGroup(name):
            return "group \"\(name)\" is not one of the declared levels"
        case let .invalidConfidenceLevel(level):
            return "the confidence level must be between 0 and 1 (exclusive), not \(level)"
        case let .invalidProbability(p):
            return "a quantile's probability must be between 0 and 1, not \(p)"
        case let .invalidTime(time):
            return "a time to report at must be a number, not \(time)"
        }
    }

    /// Throws unless there is at least one observation and every time is finite and not negative.
    static func validate(_ observations: [SurvivalObservation]) throws(SurvivalError) {
        if observations.isEmpty { throw .noObservations }
        for (index, observation) in observations.enumerated() {
            if !observation.time.isFinite { throw .nonFiniteTime(index: index, value: observation.time) }
            if observation.time < 0 { throw .negativeTime(index: index, value: observation.time) }
        }
    }

    /// Throws unless the level lies strictly between 0 and 1.
    static func validate(confidenceLevel level: Double) throws(SurvivalError) {
        guard level > 0 && level < 1 else { throw .invalidConfidenceLevel(level) }
    }
}

/// A chi-square test's statistic, degrees of freedom and upper-tail p-value.
public struct ChiSquareTest: Sendable, Hashable {
    /// The chi-square statistic (at least 0).
    public var statistic: Double
    /// Degrees of freedom.
    public var degreesOfFreedom: Int
    /// P(chi-square(df) > statistic).
    public var pValue: Double

    /// A test whose p-value is computed from the statistic.
    /// - Parameters:
    ///   - statistic: The chi-square statistic.
    ///   - degreesOfFreedom: Degrees of freedom (at least 1 for a meaningful p-value).
    public init(statistic: Double, degreesOfFreedom: Int) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = degreesOfFreedom > 0
            ? ChiSquaredDistribution.upperTail(statistic, degreesOfFreedom: Double(degreesOfFreedom)) : .nan
    }
}
