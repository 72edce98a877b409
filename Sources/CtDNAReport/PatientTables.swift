import CtDNACore
import CtDNAModel

/// The tab-separated per-patient (`patients.tsv`) and per-mutation (`audit.tsv`) tables.
///
/// Numbers use ``NumberFormat``; booleans are `true`/`false`; a missing value is `NA`; lists
/// (flags, notes) are joined with `;` and empty when there is nothing to list. Rows keep the
/// order of the patients given; audit rows follow each patient's mutations in key order.
public enum PatientTables {
    /// Columns of `patients.tsv`, in order, for a run over `timepoints`: each metric at every
    /// timepoint, then each tested pair's difference and ratio (``CtDNAModel/TimepointPair/columnSuffix``);
    /// with tissue copy numbers, the tumour-informed fraction so, then `n_tissue_mutations` and
    /// `n_tissue_used` (a run without them has none of these columns, which would always be empty).
    /// - Parameters:
    ///   - timepoints: The run's timepoints, in order.
    ///   - pairs: The tested pairs, in order.
    ///   - covariateColumns: The sheet's own columns, last.
    ///   - tumourInformed: Whether the run has tissue copy numbers.
    public static func patientColumns(
        timepoints: [Timepoint] = Timepoint.pair, pairs: [TimepointPair] = [.baselineFollowup], covariateColumns: [String] = [],
        tumourInformed: Bool = false
    ) -> [String] {
        var columns = [
            "patient", "cohort", "arm", "status", "reference_timepoint", "reference_rule",
            "n_mutations", "n_after_filters", "n_drivers", "n_clonal",
        ]
        for metric in Metric.tested(tumourInformed: tumourInformed) {
            columns += timepoints.map(metric.column(at:))
            columns += pairs.flatMap { ["\(metric.rawValue)_difference\($0.columnSuffix)", "\(metric.rawValue)_ratio\($0.columnSuffix)"] }
        }
        if tumourInformed { columns += ["n_tissue_mutations", "n_tissue_used"] }
        return columns + ["flags", "molecular_response"] + covariateColumns
    }

    /// Columns of `audit.tsv`, in order, for a run over `timepoints`; with tissue copy numbers,
    /// the mutation's tissue row and its p at every timepoint (``tissueColumns(timepoints:)``)
    /// come before `notes`.
    /// - Parameters:
    ///   - timepoints: The run's timepoints, in order.
    ///   - tumourInformed: Whether the run has tissue copy numbers.
    public static func auditColumns(timepoints: [Timepoint] = Timepoint.pair, tumourInformed: Bool = false) -> [String] {
        ["patient", "mutation", "gene", "protein_change", "variant_classification"]
            + timepoints.flatMap { ["af_\($0.name)", "alt_\($0.name)", "ref_\($0.name)", "imputed_zero_\($0.name)"] }
            + ["af_normal", "status", "driver", "clonal"]
            + (tumourInformed ? tissueColumns(timepoints: timepoints) : []) + ["notes"]
    }

    /// The audit's tissue columns: the tissue row's `tcn`, `lcn`, purity and allele fraction, m
    /// and the step of the rule that chose it, then p at each timepoint.
    /// - Parameter timepoints: The run's timepoints, in order.
    public static func tissueColumns(timepoints: [Timepoint]) -> [String] {
        ["tissue_tcn", "tissue_lcn", "tissue_purity", "tissue_vaf", "tissue_m", "tissue_m_rule"]
            + timepoints.map { "tumour_informed_p_\($0.name)" }
    }

    /// The text of `patients.tsv`: a header and one row per patient, each line ending in `\n`.
    /// - Parameters:
    ///   - summaries: The patients' summaries, in the order to write them; each over `timepoints`.
    ///   - timepoints: The run's timepoints, in order.
    ///   - pairs: The tested pairs, in order.
    ///   - covariateColumns: The sample sheet's own columns, written after `flags` and
    ///     `molecular_response`.
    ///   - covariates: Each patient's values of them, in the order of `summaries` (or empty).
    /// - Returns: The table's text.
    ///   - tumourInformed: Whether the run has tissue copy numbers (``patientColumns(timepoints:covariateColumns:tumourInformed:)``).
    public static func patientsTSV(
        _ summaries: [PatientSummary], timepoints: [Timepoint] = Timepoint.pair, pairs: [TimepointPair] = [.baselineFollowup],
        covariateColumns: [String] = [], covariates: [[String?]] = [], tumourInformed: Bool = false
    ) -> String {
        let columns = patientColumns(
            timepoints: timepoints, pairs: pairs, covariateColumns: covariateColumns, tumourInformed: tumourInformed)
        var lines = [columns.joined(separator: "\t")]
        for (index, s) in summaries.enumerated() {
            var cells = [
                text(s.patient), text(s.cohort), text(s.arm), text(s.status.description),
                text(s.referenceTimepoint?.name), text(s.reference?.rule.rawValue),
                NumberFormat.integer(s.mutationCount), NumberFormat.integer(s.somaticCount),
                NumberFormat.integer(s.driverCount), NumberFormat.integer(s.clonalCount),
            ]
            for metric in Metric.tested(tumourInformed: tumourInformed) {
                cells += metricCells(s.values(of: metric), timepoints: timepoints, pairs: pairs)
            }
            if tumourInformed {
                cells += [NumberFormat.integer(s.tissueMutationCount), NumberFormat.integer(s.tissueMutationsUsed)]
            }
            cells.append(list(s.flags))
            cells.append(text(s.molecularResponse?.rawValue))
            if !covariateColumns.isEmpty {
                cells += index < covariates.count ? covariates[index].map { text($0) } : covariateColumns.map { _ in NumberFormat.missing }
            }
            lines.append(cells.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header line of `audit.tsv`, ending in `\n`.
    /// - Parameters:
    ///   - timepoints: The run's timepoints, in order.
    ///   - tumourInformed: Whether the run has tissue copy numbers.
    public static func auditHeader(timepoints: [Timepoint] = Timepoint.pair, tumourInformed: Bool = false) -> String {
        auditColumns(timepoints: timepoints, tumourInformed: tumourInformed).joined(separator: "\t") + "\n"
    }

    /// The text of `audit.tsv`: a header and one row per patient and mutation.
    /// - Parameters:
    ///   - results: The patients' results, in the order to write them.
    ///   - timepoints: The run's timepoints, in order.
    ///   - tumourInformed: Whether the run has tissue copy numbers.
    /// - Returns: The table's text.
    public static func auditTSV(
        _ results: [PatientResult], timepoints: [Timepoint] = Timepoint.pair, tumourInformed: Bool = false
    ) -> String {
        var rows: [UInt8] = []
        for result in results { appendAuditRows(of: result, to: &rows, tumourInformed: tumourInformed) }
        return auditHeader(timepoints: timepoints, tumourInformed: tumourInformed) + String(decoding: rows, as: UTF8.self)
    }

    /// Appends one patient's rows of `audit.tsv` (no header), in mutation-key order, each
    /// ending in `\n`.
    /// - Parameters:
    ///   - result: The patient's result.
    ///   - text: Where the rows' UTF-8 bytes go.
    ///   - tumourInformed: Whether the run has tissue copy numbers (the tissue columns).
    public static func appendAuditRows(of result: PatientResult, to text: inout [UInt8], tumourInformed: Bool = false) {
        let ordered = result.audit.indices.allSatisfy { $0 == 0 || result.audit[$0 - 1].key < result.audit[$0].key }
        let rows = ordered ? result.audit : result.audit.sorted(by: { $0.key < $1.key })
        var patient: [UInt8] = []
        patient.append(cell: result.summary.patient)
        // Each row's cells go straight to the bytes, none through a String of its own: a patient
        // of a large panel has thousands of rows (the cells are those of text(_:), list(_:),
        // MutationKey.description, NumberFormat.real and NumberFormat.integer; tests hold them
        // to those).
        for index in rows.indices {
            appendAuditRow(rows[index], patient: patient, to: &text, tumourInformed: tumourInformed)
        }
    }

    /// Appends one row of `audit.tsv`, ending in `\n`.
    private static func appendAuditRow(_ row: borrowing MutationAudit, patient: [UInt8], to text: inout [UInt8], tumourInformed: Bool) {
        text.append(contentsOf: patient)
        text.append(UInt8(ascii: "\t"))
        text.append(key: row.key)
        text.append(UInt8(ascii: "\t"))
        text.append(cell: row.gene)
        text.append(UInt8(ascii: "\t"))
        text.append(cell: row.proteinChange)
        text.append(UInt8(ascii: "\t"))
        text.append(cell: row.variantClassification)
        for observation in row.observations { appendObservation(observation, to: &text) }
        text.append(UInt8(ascii: "\t"))
        text.append(text: NumberFormat.real(row.normal?.alleleFraction))
        text.append(UInt8(ascii: "\t"))
        text.append(text: row.status.rawValue)
        text.append(text: row.isDriver ? "\ttrue" : "\tfalse")
        text.append(text: row.isClonal ? "\ttrue\t" : "\tfalse\t")
        if tumourInformed {
            for cell in tissueCells(row.tissue, count: row.observations.count) {
                text.append(text: cell)
                text.append(UInt8(ascii: "\t"))
            }
        }
        text.append(list: row.notes)
        text.append(UInt8(ascii: "\n"))
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
        text.append(integer: observation.altCount)
        text.append(UInt8(ascii: "\t"))
        text.append(integer: observation.refCount)
        text.append(text: observation.imputedZero ? "\ttrue" : "\tfalse")
    }

    /// A metric at each timepoint, then each tested pair's difference and ratio; `NA` when absent.
    static func metricCells(_ values: [Double?]?, timepoints: [Timepoint], pairs: [TimepointPair]) -> [String] {
        guard let values else { return Array(repeating: NumberFormat.missing, count: timepoints.count + 2 * pairs.count) }
        return values.map { NumberFormat.real($0) }
            + changes(values, timepoints: timepoints, pairs: pairs).flatMap { _, change in
                [NumberFormat.real(change?.difference), NumberFormat.real(change?.ratio)]
            }
    }

    /// Each pair's change of per-timepoint values (second against first), `nil` where either
    /// value is missing: the one rule for the tables' and the JSON's difference and ratio.
    /// - Parameters:
    ///   - values: One value per timepoint of `timepoints`.
    ///   - timepoints: The run's timepoints, in order.
    ///   - pairs: The tested pairs, in order.
    public static func changes(_ values: [Double?], timepoints: [Timepoint], pairs: [TimepointPair]) -> [(TimepointPair, PairedMetric?)] {
        pairs.map { pair in (pair, pair.places(in: timepoints).flatMap { PatientSummary.pair(values, $0.first, $0.second) }) }
    }

    /// The tissue cells of an audit row (``tissueColumns(timepoints:)``); `NA` without a tissue
    /// row, and m and its rule `NA` when the row gives no m (the notes say why).
    static func tissueCells(_ estimate: TissueEstimate?, count: Int) -> [String] {
        guard let estimate else { return Array(repeating: NumberFormat.missing, count: 6 + count) }
        let row = estimate.row
        let m = try? estimate.mutantCopies.get()
        return [
            NumberFormat.real(row.totalCopies), NumberFormat.real(row.minorCopies), NumberFormat.real(row.purity),
            NumberFormat.real(row.alleleFraction), NumberFormat.real(m?.value), text(m?.rule.rawValue),
        ] + estimate.purities.map { NumberFormat.real($0) }
    }

    /// A text cell: `NA` when absent or empty; tabs and line breaks become spaces.
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return NumberFormat.missing }
        return TSVCell.clean(value)
    }

    /// A `;`-joined list cell, empty when the list is.
    static func list(_ values: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.append(list: values)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension PatientTables {
    /// Columns of `timepoints.tsv`, in order: one row per patient and sampled timepoint.
    /// - Parameters:
    ///   - sheetColumns: The sample sheet's own columns, last.
    ///   - tumourInformed: Whether the run has tissue copy numbers (a `tumour_informed_fraction`
    ///     column after `median_af`).
    public static func timepointColumns(sheetColumns: [String] = [], tumourInformed: Bool = false) -> [String] {
        ["patient", "cohort", "arm", "timepoint", "day", "reference", "ctdna_fraction", "median_af"]
            + (tumourInformed ? ["tumour_informed_fraction"] : [])
            + ["n_detected", "n_clonal_detected"] + sheetColumns
    }

    /// The text of `timepoints.tsv`: the long form of the per-timepoint values, a row per
    /// draw of ``RunDocument/draws`` (patients in document order, timepoints in run order).
    ///
    /// `reference` is `true` at the patient's reference timepoint; `n_detected` counts the
    /// members of S with AF > 0 there, `n_clonal_detected` those of the clonal set C. The
    /// sheet's own columns carry the row's own values (a covariate measured at each draw).
    /// - Parameters:
    ///   - document: The run, with its draws.
    ///   - sheetColumns: The names of the values each draw carries.
    /// - Returns: The table's text, each line ending in `\n`.
    public static func timepointsTSV(_ document: RunDocument, sheetColumns: [String] = []) -> String {
        let tumourInformed = document.tumourInformed
        var lines = [timepointColumns(sheetColumns: sheetColumns, tumourInformed: tumourInformed).joined(separator: "\t")]
        for draw in document.draws {
            let s = document.patients[draw.patientIndex]
            let place = draw.timepointIndex
            func at<Value>(_ values: [Value?]?) -> Value? { values.flatMap { place < $0.count ? $0[place] : nil } }
            var cells = [
                text(s.patient), text(s.cohort), text(s.arm), document.timepoints[place].name,
                draw.day.map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int($0)) : NumberFormat.real($0) } ?? NumberFormat.missing,
                s.reference.map { $0.index == place ? "true" : "false" } ?? NumberFormat.missing,
                NumberFormat.real(at(s.ctDNAFraction)), NumberFormat.real(at(s.medianAlleleFraction)),
            ]
            if tumourInformed { cells.append(NumberFormat.real(at(s.tumourInformedFraction))) }
            cells += [NumberFormat.integer(at(s.detectedCounts)), NumberFormat.integer(at(s.clonalDetectedCounts))]
            cells += draw.sheetValues.map { text($0) }
            lines.append(cells.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
