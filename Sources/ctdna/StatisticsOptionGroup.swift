import ArgumentParser
import CtDNAReport
import CtDNAStats

/// The options of the Wilcoxon tests, shared by `ctdna stats` and `ctdna run`.
struct StatisticsOptionGroup: ParsableArguments {
    @Option(help: "two.sided, less or greater (follow-up compared with baseline).")
    var alternative: String = Alternative.twoSided.rawValue

    @Option(help: "auto (exact below 50 without ties or zeros), always or never.")
    var exact: String = ExactPolicy.auto.rawValue

    @Flag(name: .customLong("no-correct"), help: "No continuity correction in the normal approximation.")
    var noContinuityCorrection = false

    @Option(name: .customLong("conf-level"), help: "Confidence level of the intervals, between 0 and 1.")
    var confidenceLevel: Double = 0.95

    func validate() throws {
        guard Alternative(rawValue: alternative) != nil else {
            throw ValidationError("--alternative must be two.sided, less or greater, not \"\(alternative)\"")
        }
        guard ExactPolicy(rawValue: exact) != nil else {
            throw ValidationError("--exact must be auto, always or never, not \"\(exact)\"")
        }
        guard confidenceLevel > 0 && confidenceLevel < 1 else {
            throw ValidationError("--conf-level must be between 0 and 1 (exclusive), not \(confidenceLevel)")
        }
    }

    /// The test options as report parameters.
    var described: [RunParameter] {
        [
            RunParameter(name: "alternative", value: alternative, description: "alternative hypothesis of the Wilcoxon tests"),
            RunParameter(name: "exact", value: exact, description: "exact null distribution: auto (n < 50, no ties or zeros), always, never"),
            RunParameter(name: "continuity_correction", value: String(!noContinuityCorrection), description: "continuity correction in the normal approximation"),
            RunParameter(name: "conf_level", value: String(confidenceLevel), description: "confidence level of the Hodges-Lehmann intervals"),
        ]
    }

    /// The test options these flags describe.
    var wilcoxonOptions: WilcoxonOptions {
        WilcoxonOptions(
            alternative: Alternative(rawValue: alternative)!, exactPolicy: ExactPolicy(rawValue: exact)!,
            continuityCorrection: !noContinuityCorrection, confidenceLevel: confidenceLevel)
    }
}
