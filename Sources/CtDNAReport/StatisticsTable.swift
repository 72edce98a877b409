import CtDNAStats

/// The statistics report as a tab-separated table.
public enum StatisticsTable {
    /// The header line's column names, in order.
    public static let columns = [
        "metric", "cohort", "arm", "comparison", "pair", "test", "alternative", "n", "n_used",
        "statistic", "p_value", "q_value", "method", "estimate", "conf_low", "conf_high",
        "conf_level", "median_first", "median_second", "note",
    ]

    /// Formats rows as TSV: a header line, then one line per row, each ending in a newline.
    ///
    /// Numbers go through ``NumberFormat``; missing values are `NA`. An unbounded end of a
    /// one-sided confidence interval is written `Inf` or `-Inf`, as R prints it. Tabs and line
    /// breaks inside text fields are replaced by spaces so that every row stays one line.
    /// - Parameter rows: The rows, in report order.
    /// - Returns: The whole table.
    public static func tsv(_ rows: [StatisticsRow]) -> String {
        var text = columns.joined(separator: "\t") + "\n"
        for row in rows {
            let fields: [String] = [
                row.metric.rawValue, TSVCell.clean(row.cohort), TSVCell.clean(row.arm), TSVCell.clean(row.comparison),
                row.pair.description, row.test.rawValue, row.alternative.rawValue,
                NumberFormat.integer(row.patientCount), NumberFormat.integer(row.observationsUsed),
                NumberFormat.real(row.statistic), NumberFormat.real(row.pValue),
                NumberFormat.real(row.qValue), row.method?.rawValue ?? NumberFormat.missing,
                NumberFormat.real(row.estimate), bound(row.confidenceLow), bound(row.confidenceHigh),
                NumberFormat.real(row.confidenceLevel), NumberFormat.real(row.medianBaseline),
                NumberFormat.real(row.medianFollowup),
                row.note.isEmpty ? NumberFormat.missing : TSVCell.clean(row.note),
            ]
            text += fields.joined(separator: "\t") + "\n"
        }
        return text
    }

    /// A confidence bound: `Inf`/`-Inf` for an unbounded side, otherwise a real number.
    private static func bound(_ value: Double?) -> String {
        if let value, value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        return NumberFormat.real(value)
    }
}
