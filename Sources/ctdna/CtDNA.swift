import ArgumentParser

/// The `ctdna` command: a thin front end over the CtDNA libraries.
@main
struct CtDNA: ParsableCommand {
    /// The tool's version, printed by `--version` and recorded in every report.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ctdna",
        abstract: "ctDNA fractions and paired statistics from cfDNA variant tables.",
        discussion: """
            Reads MAF-like variant tables and VCFs (plain, gzip or BGZF), filters \
            clonal-haematopoiesis mutations, selects clonal mutations and computes ctDNA fractions \
            per patient and timepoint, then compares pairs of timepoints (baseline and follow-up \
            by default) per arm with exact Wilcoxon tests.
            Data errors exit with status 1, usage errors with status 64.
            """,
        version: "ctdna \(version)",
        subcommands: [Run.self, Merge.self, Patient.self, View.self, Stats.self, Survival.self]
    )

    /// Runs a plain `ctdna view` straight away (`ViewRequest.init(quickParsing:)`, for the start-up of
    /// one process per small file) and every other command line through the argument parser.
    static func main() {
        guard let request = ViewRequest(quickParsing: Array(CommandLine.arguments.dropFirst())) else {
            return main(nil)
        }
        do {
            try request.run()
        } catch {
            exit(withError: error)
        }
    }
}
