import CtDNACore
import CtDNAModel

/// `ctdna_mqc.tsv`: a MultiQC custom-content table, one row per sample (patient x timepoint).
///
/// The `#` lines are the YAML header MultiQC reads from a `_mqc.tsv` file (`id`, `section_name`,
/// `description`, `plot_type: 'table'`, `pconfig`, and `headers` with each column's title,
/// description, format and range). Values are written with ``NumberFormat``; a missing value is
/// left empty, which MultiQC shows as a blank cell.
public enum MultiQCTable {
    /// The data columns after `Sample`, in order.
    public static let columns = ["ctdna_fraction", "median_af", "mutations_kept", "clonal_mutations", "status"]

    /// Renders the table.
    /// - Parameter patients: The patients' summaries, in the order to list them; each gives a
    ///   row per timepoint it was sampled at.
    /// - Returns: the file's text, each line ending in a newline.
    public static func render(_ patients: [PatientSummary]) -> String {
        var lines = [
            "# id: 'ctdna'",
            "# section_name: 'ctDNA fraction'",
            "# description: 'ctDNA fraction and median allele fraction of the somatic mutations per plasma sample, from ctdna.'",
            "# format: 'tsv'",
            "# plot_type: 'table'",
            "# pconfig:",
            "#     id: 'ctdna_table'",
            "#     namespace: 'ctdna'",
            "#     title: 'ctDNA per sample'",
            "# headers:",
            "#     ctdna_fraction:",
            "#         title: 'ctDNA fraction'",
            "#         description: 'Estimated fraction of cell-free DNA from the tumour'",
            "#         format: '{:,.4f}'",
            "#         min: 0",
            "#         max: 1",
            "#         scale: 'Blues'",
            "#     median_af:",
            "#         title: 'Median AF'",
            "#         description: 'Median allele fraction over the somatic mutations kept'",
            "#         format: '{:,.4f}'",
            "#         min: 0",
            "#         max: 1",
            "#         scale: 'Oranges'",
            "#     mutations_kept:",
            "#         title: 'Mutations kept'",
            "#         description: 'Somatic mutations left after the filters (the set S)'",
            "#         format: '{:,.0f}'",
            "#         min: 0",
            "#     clonal_mutations:",
            "#         title: 'Clonal mutations'",
            "#         description: 'Mutations in the clonal set C used for the ctDNA fraction'",
            "#         format: '{:,.0f}'",
            "#         min: 0",
            "#     status:",
            "#         title: 'Status'",
            "#         description: 'paired, single_sample, not_detected, or excluded with the reason'",
            (["Sample"] + columns).joined(separator: "\t"),
        ]
        for summary in patients {
            // A row per sample: a timepoint the patient was not drawn at has none.
            for (index, timepoint) in summary.timepoints.enumerated() where index >= summary.sampled.count || summary.sampled[index] {
                let cells = [
                    TSVCell.clean("\(summary.patient)_\(timepoint.name)"),
                    real(summary.ctDNAFraction?[index]),
                    real(summary.medianAlleleFraction?[index]),
                    summary.somaticCount.map(String.init) ?? "",
                    summary.clonalCount.map(String.init) ?? "",
                    TSVCell.clean(summary.status.description),
                ]
                lines.append(cells.joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A real number in ``NumberFormat`` spelling, or an empty cell when missing.
    static func real(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return NumberFormat.real(value)
    }
}
