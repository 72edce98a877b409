import ArgumentParser
import CtDNAIO
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
            arm, <metric>_baseline and <metric>_followup (or the columns of the --compare pairs, \
            <metric>_<timepoint>); an optional status column keeps only \
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

    @Option(name: .customLong("compare"), help: ArgumentHelp("A pair of timepoints to test, first:second, as patients.tsv names them (repeatable). Default: baseline:followup.", valueName: "first:second"))
    var comparisons: [PairOption] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the TSV here instead of to standard output.", valueName: "file"))
    var output = "-"

    @OptionGroup(title: "Tests")
    var tests: StatisticsOptionGroup

    /// The `--compare` pairs as timepoints (labels written as patients.tsv names them: `Week 8`
    /// is `week8`), or baseline against follow-up.
    private func pairs() throws -> [TimepointPair] {
        guard !comparisons.isEmpty else { return [.baselineFollowup] }
        let labels = TimepointLabels()
        return try comparisons.map { option in
            guard let first = labels.namedTimepoint(option.first), let second = labels.namedTimepoint(option.second), first != second else {
                throw ValidationError("--compare takes two different timepoints, not \"\(option.first):\(option.second)\"")
            }
            return TimepointPair(first, second)
        }
    }

    func run() throws {
        let rows = try CohortStatistics.rows(
            patientsTable: patients, metrics: metrics, options: tests.wilcoxonOptions, family: tests.fdrFamily,
            pairs: try pairs())
        try OutputFile.write(CohortStatistics.tsv(rows), to: output)
    }
}
