import CtDNAModel

/// Reads the paired values of a metric from a per-patient table: `patients.tsv` from a run,
/// shards' tables joined, or a table made elsewhere.
public enum PatientTableReader {
    /// The metrics a table can be tested on: the ctDNA fraction, and the median allele fraction
    /// and the tumour-informed fraction when the table has both columns of each.
    /// - Parameters:
    ///   - table: The table.
    ///   - pair: The tested timepoints, whose columns the metrics other than the ctDNA fraction need.
    public static func defaultMetrics(in table: DelimitedTable, pair: TimepointPair = .baselineFollowup) -> [Metric] {
        Metric.allCases.filter { metric in
            metric == .ctDNAFraction || [pair.first, pair.second].allSatisfy { table.columnIndex(metric.column(at: $0)) != nil }
        }
    }

    /// The observations of `metric`: rows with status `paired` (every row when the table has no
    /// status column) whose two metric cells both hold a value; a missing cell
    /// (``CellText/isMissing(_:)-(String)``) leaves that patient out.
    /// - Parameters:
    ///   - metric: The metric, read from its columns at the pair's timepoints (`_baseline` and
    ///     `_followup` by default).
    ///   - table: The table, with columns `patient`, `cohort`, `arm`.
    ///   - pair: The tested timepoints.
    /// - Throws: `InputError` for a missing column or a cell that is not a finite number.
    public static func observations(
        of metric: Metric, in table: DelimitedTable, pair: TimepointPair = .baselineFollowup
    ) throws -> [PairedObservation] {
        let patient = try table.requireColumn("patient")
        let cohort = try table.requireColumn("cohort")
        let arm = try table.requireColumn("arm")
        let columns = try [pair.first, pair.second].map { timepoint in
            (name: metric.column(at: timepoint), index: try table.requireColumn(metric.column(at: timepoint)))
        }
        let status = table.columnIndex("status")
        var observations: [PairedObservation] = []
        for row in table.rows {
            if let status, CellText.trimmed(row.fields[status]) != "paired" { continue }
            let values = try columns.map { column in
                try number(row, column.index, column.name, table.name)
            }
            guard let before = values[0], let after = values[1] else { continue }
            observations.append(PairedObservation(
                patient: row.fields[patient], cohort: row.fields[cohort], arm: row.fields[arm],
                baseline: before, followup: after))
        }
        return observations
    }

    /// The cell as a finite number, `nil` when missing.
    private static func number(_ row: DelimitedTable.Row, _ column: Int, _ name: String, _ file: String) throws -> Double? {
        let cell = CellText.trimmed(row.fields[column])
        if CellText.isMissing(cell) { return nil }
        guard let value = Double(cell), value.isFinite else {
            throw InputError(file: file, line: row.lineNumber, column: name, message: "\"\(cell)\" is not a number")
        }
        return value
    }
}
