import ArgumentParser
import CtDNAStats

extension Alternative: ExpressibleByArgument {}
extension ExactPolicy: ExpressibleByArgument {}
extension FDRFamily: ExpressibleByArgument {}

/// The options of the Wilcoxon tests, shared by `ctdna stats` and `ctdna run`
/// (docs/statistics.md).
struct StatisticsOptionGroup: ParsableArguments {
    @Option(help: "The alternative hypothesis: follow-up compared with baseline.")
    var alternative: Alternative = .twoSided

    @Option(help: "When p-values are exact; auto: below 50 pairs without ties or zeros (docs/statistics.md).")
    var exact: ExactPolicy = .auto

    @Flag(name: .customLong("no-correct"), help: "No continuity correction in the normal approximation.")
    var noContinuityCorrection = false

    @Option(name: .customLong("fdr-family"), help: ArgumentHelp("The tests of one Benjamini-Hochberg family: report (every test, the conservative default; pooled rows reuse the per-arm patients and the metrics share mutations) or metric (each metric apart) (docs/statistics.md).", valueName: "family"))
    var fdrFamily: FDRFamily = .report

    @Option(name: .customLong("conf-level"), help: ArgumentHelp("Confidence level of the Hodges-Lehmann intervals, between 0 and 1.", valueName: "level"))
    var confidenceLevel: Double = 0.95

    func validate() throws {
        guard confidenceLevel > 0 && confidenceLevel < 1 else {
            throw ValidationError("--conf-level must be between 0 and 1 (exclusive), not \(confidenceLevel)")
        }
    }

    /// The test options these flags describe.
    var wilcoxonOptions: WilcoxonOptions {
        WilcoxonOptions(
            alternative: alternative, exactPolicy: exact, continuityCorrection: !noContinuityCorrection,
            confidenceLevel: confidenceLevel)
    }
}
