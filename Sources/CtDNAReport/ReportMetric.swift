import CtDNACore

/// A per-patient paired metric the reports plot and test.
public enum ReportMetric: String, Sendable, CaseIterable {
    /// The ctDNA fraction (METHOD.md), shown first.
    case ctDNAFraction = "ctdna_fraction"
    /// The median allele fraction over S.
    case medianAlleleFraction = "median_af"

    /// The human-readable name (`ctDNA fraction`).
    public var title: String {
        switch self {
        case .ctDNAFraction: return "ctDNA fraction"
        case .medianAlleleFraction: return "Median allele fraction"
        }
    }

    /// The metric's values for a patient, `nil` when the patient has none (excluded).
    /// - Parameter summary: the patient's summary.
    public func values(of summary: PatientSummary) -> PairedMetric? {
        switch self {
        case .ctDNAFraction: return summary.ctDNAFraction
        case .medianAlleleFraction: return summary.medianAlleleFraction
        }
    }
}
