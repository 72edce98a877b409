import CtDNACore

/// The tab-separated per-patient (`patients.tsv`) and per-mutation (`audit.tsv`) tables.
///
/// Numbers use ``NumberFormat``; booleans are `true`/`false`; a missing value is `NA`; lists
/// (flags, notes) are joined with `;` and empty when there is nothing to list. Rows keep the
/// order of the patients given; audit rows follow each patient's mutations in key order.
public enum PatientTables {
    /// Columns of `patients.tsv`, in order.
    public static let patientColumns = [
        "patient", "cohort", "arm", "status", "reference_timepoint", "reference_rule",
        "n_mutations", "n_after_filters", "n_drivers", "n_clonal",
        "ctdna_fraction_baseline", "ctdna_fraction_followup", "ctdna_fraction_difference",
        "ctdna_fraction_ratio", "median_af_baseline", "median_af_followup", "median_af_difference",
        "median_af_ratio", "tumour_informed_fraction_baseline", "tumour_informed_fraction_followup",
        "flags",
    ]

    /// Columns of `audit.tsv`, in order.
    public static let auditColumns = [
        "patient", "mutation", "gene", "protein_change", "variant_classification",
        "af_baseline", "alt_baseline", "ref_baseline", "imputed_zero_baseline",
        "af_followup", "alt_followup", "ref_followup", "imputed_zero_followup",
        "af_normal", "status", "driver", "clonal", "notes",
    ]

    /// The text of `patients.tsv`: a header and one row per patient, each line ending in `\n`.
    /// - Parameter results: the patients' results, in the order to write them.
    /// - Returns: the table's text.
    public static func patientsTSV(_ results: [PatientResult]) -> String {
        var lines = [patientColumns.joined(separator: "\t")]
        for result in results {
            let s = result.summary
            var cells = [
                text(s.patient), text(s.cohort), text(s.arm), text(s.status.description),
                text(s.reference?.timepoint.rawValue), text(s.reference?.rule.rawValue),
                NumberFormat.integer(s.mutationCount), NumberFormat.integer(s.somaticCount),
                NumberFormat.integer(s.driverCount), NumberFormat.integer(s.clonalCount),
            ]
            cells += metricCells(s.ctDNAFraction)
            cells += metricCells(s.medianAlleleFraction)
            cells += [
                NumberFormat.real(s.tumourInformedFraction?.baseline),
                NumberFormat.real(s.tumourInformedFraction?.followup),
                list(s.flags),
            ]
            lines.append(cells.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text of `audit.tsv`: a header and one row per patient and mutation.
    /// - Parameter results: the patients' results, in the order to write them.
    /// - Returns: the table's text.
    public static func auditTSV(_ results: [PatientResult]) -> String {
        var lines = [auditColumns.joined(separator: "\t")]
        for result in results {
            for row in result.audit.sorted(by: { $0.key < $1.key }) {
                var cells = [
                    text(row.patient), row.key.description, text(row.gene), text(row.proteinChange),
                    text(row.variantClassification),
                ]
                cells += observationCells(row.baseline)
                cells += observationCells(row.followup)
                cells += [
                    NumberFormat.real(row.normal?.alleleFraction), row.status.rawValue,
                    String(row.isDriver), String(row.isClonal), list(row.notes),
                ]
                lines.append(cells.joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Baseline, follow-up, difference and ratio of a metric; `NA` when absent.
    static func metricCells(_ metric: PairedMetric?) -> [String] {
        guard let metric else { return Array(repeating: NumberFormat.missing, count: 4) }
        return [
            NumberFormat.real(metric.baseline), NumberFormat.real(metric.followup),
            NumberFormat.real(metric.difference), NumberFormat.real(metric.ratio),
        ]
    }

    /// AF, alt, ref and imputed-zero flag of an observation; `NA` when the sample is absent.
    static func observationCells(_ observation: AlleleObservation?) -> [String] {
        guard let observation else { return Array(repeating: NumberFormat.missing, count: 4) }
        return [
            NumberFormat.real(observation.alleleFraction), NumberFormat.integer(observation.altCount),
            NumberFormat.integer(observation.refCount), String(observation.imputedZero),
        ]
    }

    /// A text cell: `NA` when absent or empty; tabs and line breaks become spaces.
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return NumberFormat.missing }
        return String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// A `;`-joined list cell, empty when the list is.
    static func list(_ values: [String]) -> String {
        values.map { text($0) }.joined(separator: ";")
    }
}
