import ArgumentParser
import CtDNAModel
import CtDNAPipeline
import CtDNASystem

extension Metric: ExpressibleByArgument {}

/// `ctdna stats`: the Wilcoxon tests on a per-patient table.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Paired Wilcoxon statistics per arm and cohort from a per-patient table.",
        discussion: """
            The table (TSV, or CSV when its header has no tab) needs the columns patient, cohort, \
            arm, <metric>_baseline and <metric>_followup; an optional status column keeps only \
            rows whose status is "paired". Empty, NA and "." cells leave that patient out of that \
            metric. Tests follow R's wilcox.test (docs/statistics.md); q-values are \
            Benjamini-Hochberg over all rows.
            """)

    @Option(name: .long, help: ArgumentHelp("The per-patient table (TSV or CSV).", valueName: "file"))
    var patients: String

    @Option(
        name: .customLong("metric"),
        help: ArgumentHelp(
            "A metric to test (ctdna_fraction, median_af, tumour_informed_fraction); repeat for several. Without it: ctdna_fraction, and median_af and tumour_informed_fraction when the table has their columns.",
            valueName: "metric"))
    var metrics: [Metric] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the TSV here instead of to standard output.", valueName: "file"))
    var output = "-"

    @OptionGroup(title: "Tests")
    var tests: StatisticsOptionGroup

    func run() throws {
        let rows = try CohortStatistics.rows(
            patientsTable: patients, metrics: metrics, options: tests.wilcoxonOptions, family: tests.fdrFamily)
        try OutputFile.write(CohortStatistics.tsv(rows), to: output)
    }
}
