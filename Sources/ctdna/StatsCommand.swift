import ArgumentParser
import CtDNAIO
import CtDNAReport
import CtDNAStats
import Foundation

/// `ctdna stats`: Wilcoxon statistics of a per-patient table, written as TSV.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Paired Wilcoxon statistics per arm and cohort from a per-patient table.",
        discussion: """
            The table (TSV, or CSV when its header has no tab) needs the columns patient, cohort, \
            arm, <metric>_baseline and <metric>_followup; an optional status column keeps only \
            rows whose status is "paired". Empty, NA and "." cells leave that patient out of that \
            metric. Tests follow R's wilcox.test; q-values are Benjamini-Hochberg over all rows.
            """)

    @Option(name: .long, help: "The per-patient table (TSV or CSV).")
    var patients: String

    @Option(
        name: .customLong("metric"),
        help: ArgumentHelp(
            "A metric to test; repeat for several. Default: ctdna_fraction, and also median_af when the table has its columns.",
            valueName: "name"))
    var metrics: [String] = []

    @Option(name: .shortAndLong, help: "Write the TSV here instead of to standard output.")
    var output: String?

    @OptionGroup(title: "Tests")
    var tests: StatisticsOptionGroup

    func run() throws {
        let options = tests.wilcoxonOptions
        let table = try DelimitedTable(path: patients)
        let chosenMetrics = metrics.isEmpty ? PatientTable.defaultMetrics(in: table) : metrics
        var rows: [StatisticsRow] = []
        for metric in chosenMetrics {
            let observations = try PatientTable.observations(of: metric, in: table)
            rows += try GroupedAnalysis.rows(metric: metric, observations: observations, options: options)
        }
        let text = StatisticsTable.tsv(GroupedAnalysis.addingQValues(rows))
        try OutputFile.write(text, to: output ?? "-")
    }
}
