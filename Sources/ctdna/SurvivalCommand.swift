import ArgumentParser
import CtDNAPipeline
import CtDNASystem

/// `ctdna survival`: Kaplan-Meier, log-rank and Cox on a per-patient table.
struct Survival: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survival",
        abstract: "Kaplan-Meier medians, log-rank and Cox tests from a per-patient table.",
        discussion: """
            Times are days (a number, at least 0); events are 1/0, TRUE/FALSE or yes/no (any \
            case). A row whose time or event is empty, NA or "." is left out, with a warning. \
            Groups are sorted; the first is the Cox reference. A covariate cell that is missing \
            or not finite leaves the patient out of the covariate's model. Results follow R's \
            survival package (docs/statistics.md); columns in README.md, "Commands".
            """)

    @Option(name: .long, help: ArgumentHelp("The per-patient table (TSV or CSV).", valueName: "file"))
    var patients: String

    @Option(name: .long, help: ArgumentHelp("The column of times (days).", valueName: "column"))
    var time: String

    @Option(name: .long, help: ArgumentHelp("The column of events (1/0, TRUE/FALSE, yes/no).", valueName: "column"))
    var event: String

    @Option(name: .long, help: ArgumentHelp("A column of groups to compare (log-rank, Cox).", valueName: "column"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("A numeric column for a Cox model of its own.", valueName: "column"))
    var covariate: String?

    @Option(name: .long, help: ArgumentHelp(
        "The endpoint's name in the rows. Default: the time column without a _days or _time suffix.", valueName: "name"))
    var endpoint: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write survival.tsv here instead of to standard output.", valueName: "file"))
    var output = "-"

    @Option(name: .long, help: ArgumentHelp("Also write the Kaplan-Meier steps (km_curves.tsv) here.", valueName: "file"))
    var curves: String?

    func run() throws {
        let result = try SurvivalAnalysis.run(SurvivalRequest(
            patientsTable: patients, timeColumn: time, eventColumn: event, groupColumn: group,
            covariateColumn: covariate, endpoint: endpoint))
        result.notes.forEach(Terminal.warn)
        try OutputFile.write(SurvivalAnalysis.tsv(result.rows), to: output)
        if let curves { try OutputFile.write(SurvivalAnalysis.curvesTSV(result.curves), to: curves) }
    }
}
