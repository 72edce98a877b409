import CtDNACore
import CtDNAIO

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
    /// - Parameter summaries: the patients' summaries, in the order to write them.
    /// - Returns: the table's text.
    public static func patientsTSV(_ summaries: [PatientSummary]) -> String {
        var lines = [patientColumns.joined(separator: "\t")]
        for s in summaries {
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

    /// The header line of `audit.tsv`, ending in `\n`.
    public static var auditHeader: String { auditColumns.joined(separator: "\t") + "\n" }

    /// The text of `audit.tsv`: a header and one row per patient and mutation.
    /// - Parameter results: the patients' results, in the order to write them.
    /// - Returns: the table's text.
    public static func auditTSV(_ results: [PatientResult]) -> String {
        var rows: [UInt8] = []
        for result in results { appendAuditRows(of: result, to: &rows) }
        return auditHeader + String(decoding: rows, as: UTF8.self)
    }

    /// Appends one patient's rows of `audit.tsv` (no header), in mutation-key order, each
    /// ending in `\n`.
    /// - Parameters:
    ///   - result: the patient's result.
    ///   - text: where the rows' UTF-8 bytes go.
    public static func appendAuditRows(of result: PatientResult, to text: inout [UInt8]) {
        let ordered = result.audit.indices.allSatisfy { $0 == 0 || result.audit[$0 - 1].key < result.audit[$0].key }
        let patient = self.text(result.summary.patient)
        for row in ordered ? result.audit : result.audit.sorted(by: { $0.key < $1.key }) {
            text.append(text: patient)
            text.append(UInt8(ascii: "\t"))
            text.append(text: row.key.description)
            for cell in [row.gene, row.proteinChange, row.variantClassification] {
                text.append(UInt8(ascii: "\t"))
                text.append(text: self.text(cell))
            }
            appendObservation(row.baseline, to: &text)
            appendObservation(row.followup, to: &text)
            text.append(UInt8(ascii: "\t"))
            text.append(text: NumberFormat.real(row.normal?.alleleFraction))
            text.append(UInt8(ascii: "\t"))
            text.append(text: row.status.rawValue)
            text.append(text: row.isDriver ? "\ttrue" : "\tfalse")
            text.append(text: row.isClonal ? "\ttrue\t" : "\tfalse\t")
            if !row.notes.isEmpty { text.append(text: list(row.notes)) }
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// Tab, then AF, alt, ref and imputed-zero flag of an observation (`NA` when the sample is absent).
    private static func appendObservation(_ observation: AlleleObservation?, to text: inout [UInt8]) {
        guard let observation else {
            text.append(text: "\tNA\tNA\tNA\tNA")
            return
        }
        text.append(UInt8(ascii: "\t"))
        text.append(text: NumberFormat.real(observation.alleleFraction))
        text.append(UInt8(ascii: "\t"))
        text.append(text: NumberFormat.integer(observation.altCount))
        text.append(UInt8(ascii: "\t"))
        text.append(text: NumberFormat.integer(observation.refCount))
        text.append(text: observation.imputedZero ? "\ttrue" : "\tfalse")
    }

    /// Baseline, follow-up, difference and ratio of a metric; `NA` when absent.
    static func metricCells(_ metric: PairedMetric?) -> [String] {
        guard let metric else { return Array(repeating: NumberFormat.missing, count: 4) }
        return [
            NumberFormat.real(metric.baseline), NumberFormat.real(metric.followup),
            NumberFormat.real(metric.difference), NumberFormat.real(metric.ratio),
        ]
    }

    /// A text cell: `NA` when absent or empty; tabs and line breaks become spaces.
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return NumberFormat.missing }
        // Nearly every cell is clean: check the bytes before rebuilding anything.
        guard value.utf8.contains(where: { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }) else { return value }
        return String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// A `;`-joined list cell, empty when the list is.
    static func list(_ values: [String]) -> String {
        values.map { text($0) }.joined(separator: ";")
    }
}
