/// A per-patient, per-timepoint value that the statistics compare between timepoints.
///
/// The raw value is the prefix of the metric's columns in `patients.tsv`
/// (`ctdna_fraction_baseline`, ...) and its name in `stats.tsv`, `report.json` and on the
/// command line (`--metric median_af`).
public enum Metric: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 2 x the geometric mean AF of the clonal mutations (docs/method.md, "ctDNA fraction").
    case ctDNAFraction = "ctdna_fraction"
    /// The median AF over the somatic mutations S (the paper's "mutant allele fraction").
    case medianAlleleFraction = "median_af"
    /// The geometric mean of the tumour fractions implied by the patient's tissue mutations and
    /// their tissue copy numbers (docs/method.md §9); only in runs given tissue copy numbers.
    case tumourInformedFraction = "tumour_informed_fraction"

    /// The metrics every run tests, in report order.
    public static let tested: [Metric] = [.ctDNAFraction, .medianAlleleFraction]

    /// The metrics a run tests, in report order: ``tested``, then the tumour-informed fraction
    /// when the run was given tissue copy numbers.
    /// - Parameter tumourInformed: Whether the run has tissue copy numbers.
    public static func tested(tumourInformed: Bool) -> [Metric] {
        tumourInformed ? tested + [.tumourInformedFraction] : tested
    }

    /// A title for figures and tables: `ctDNA fraction`, `Median allele fraction`.
    public var title: String {
        switch self {
        case .ctDNAFraction: return "ctDNA fraction"
        case .medianAlleleFraction: return "Median allele fraction"
        case .tumourInformedFraction: return "Tumour-informed ctDNA fraction"
        }
    }

    /// The raw value.
    public var description: String { rawValue }

    /// The `patients.tsv` column of this metric at a timepoint: `<metric>_<timepoint>`.
    /// - Parameter timepoint: The timepoint.
    public func column(at timepoint: Timepoint) -> String { "\(rawValue)_\(timepoint.name)" }
}
