import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNAStats

/// The Wilcoxon tests on a per-patient table (`patients.tsv` from a run, shards' tables
/// joined, or one made elsewhere): `ctdna stats`.
public enum CohortStatistics {
    /// Tests each metric per arm and cohort, with Benjamini-Hochberg q-values over all rows.
    /// - Parameters:
    ///   - patientsTable: The table (TSV or CSV) with `patient`, `cohort`, `arm` and each
    ///     metric's `_baseline` and `_followup` columns; an optional `status` column keeps only
    ///     `paired` rows.
    ///   - metrics: The metrics to test; empty for the table's defaults (the ctDNA fraction, and
    ///     the median AF when its columns are there).
    ///   - options: The tests' options.
    ///   - family: Which rows form one Benjamini-Hochberg family.
    ///   - pairs: The tested pairs of timepoints, whose columns (`<metric>_<timepoint>`) are read.
    /// - Returns: The rows of `stats.tsv`.
    /// - Throws: `SystemError` or `InputError` for a table that cannot be read, lacks a column,
    ///   or holds a cell that is not a number; `StatisticsError` for a value the tests cannot take.
    public static func rows(
        patientsTable: String, metrics: [Metric], options: WilcoxonOptions, family: FDRFamily = .report,
        pairs: [TimepointPair] = [.baselineFollowup]
    ) throws -> [StatisticsRow] {
        let table = try DelimitedTable(path: patientsTable)
        var rows: [StatisticsRow] = []
        for pair in pairs {
            for metric in metrics.isEmpty ? PatientTableReader.defaultMetrics(in: table, pair: pair) : metrics {
                let observations = try PatientTableReader.observations(of: metric, in: table, pair: pair)
                rows += try GroupedAnalysis.rows(metric: metric, observations: observations, options: options).map { row in
                    var row = row
                    row.pair = pair
                    return row
                }
            }
        }
        return GroupedAnalysis.addingQValues(rows, family: family)
    }

    /// The text of `stats.tsv` for rows.
    /// - Parameter rows: The statistics rows.
    public static func tsv(_ rows: [StatisticsRow]) -> String { StatisticsTable.tsv(rows) }
}
