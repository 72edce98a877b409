import CtDNAModel

/// A patient's molecular response over the tested pair (docs/method.md §10; the project's
/// METHOD.md section 6), from a metric's value at the first (a) and second (b) timepoint.
public enum MolecularResponse: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// a > 0 and b = 0: ctDNA no longer detected (the ctMoniTR and BR.36 definition). Also a response.
    case clearance
    /// b <= (1 - threshold) x a: a fall of the threshold (50% by default) or more.
    case response
    /// Any other change with a > 0.
    case noResponse = "no_response"
    /// a = 0, or a value missing: there is nothing to fall from.
    case notEvaluable = "not_evaluable"

    /// The name written in `patients.tsv` (`clearance`, `response`, `no_response`, `not_evaluable`).
    public var description: String { rawValue }

    /// Whether the patient responded: clearance or response.
    public var isResponse: Bool { self == .clearance || self == .response }

    /// Classifies a pair of values.
    /// - Parameters:
    ///   - pair: The metric at the tested pair, `nil` when a value is missing.
    ///   - threshold: The fall that counts as a response, as a fraction of a (0.5: at least 50%).
    public init(_ pair: PairedMetric?, threshold: Double) {
        guard let pair, pair.baseline > 0 else {
            self = .notEvaluable
            return
        }
        if pair.followup == 0 {
            self = .clearance
        } else if pair.followup <= (1 - threshold) * pair.baseline {
            self = .response
        } else {
            self = .noResponse
        }
    }
}
