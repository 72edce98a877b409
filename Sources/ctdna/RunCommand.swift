import ArgumentParser
import CtDNAIO
import CtDNACore
import CtDNAPipeline
import CtDNAReport
import Foundation

/// `ctdna run`: the whole analysis of a cohort, from a sample sheet to a folder of results.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse a cohort: ctDNA fractions per patient and paired statistics per arm.",
        discussion: """
            Reads every variant table of the sample sheet (in parallel, each file once), filters \
            clonal-haematopoiesis and artifact mutations, selects clonal mutations, computes the \
            ctDNA fraction and median allele fraction at baseline and follow-up, and tests the \
            paired change per arm and cohort. Writes to --outdir: audit.tsv (every mutation and why \
            it was kept or dropped), patients.tsv (one row per patient) and stats.tsv (one row per \
            test). Files appear only when the whole run succeeded. Defaults reproduce the CURB \
            analysis (Tsai et al., Lancet 2024); see docs/method.md.
            """)

    @Option(name: .customLong("samplesheet"), help: ArgumentHelp("TSV or CSV with columns patient, timepoint, arm, cohort, file, and optionally sample and normal.", valueName: "file"))
    var sampleSheet: String

    @Option(name: .customLong("outdir"), help: ArgumentHelp("Folder for the results; made when missing.", valueName: "dir"))
    var outputFolder: String

    @Option(name: [.short, .customLong("threads")], help: "Files read at once. (default: all cores)")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("baseline-label"), help: ArgumentHelp("Another timepoint label meaning baseline (repeatable).", valueName: "label"))
    var baselineLabels: [String] = []

    @Option(name: .customLong("followup-label"), help: ArgumentHelp("Another timepoint label meaning follow-up, such as '8 Weeks' (repeatable).", valueName: "label"))
    var followupLabels: [String] = []

    @Flag(name: [.short, .customLong("quiet")], help: "No progress or summary on the terminal.")
    var quiet = false

    @OptionGroup(title: "Count columns")
    var columns: TableOptionGroup

    @OptionGroup(title: "Method")
    var method: MethodOptionGroup

    @OptionGroup(title: "Tests")
    var tests: StatisticsOptionGroup

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be 1 or more") }
    }

    func run() throws {
        let parameters = try method.parameters()
        let labels = TimepointLabels(extraBaseline: baselineLabels, extraFollowup: followupLabels)
        let sheet = try SampleSheet(path: sampleSheet, labels: labels)
        for entry in sheet.entries where entry.timepoint == nil {
            Terminal.warn("\(sheet.path):\(entry.line): timepoint \"\(entry.timepointLabel)\" is neither baseline nor follow-up; the sample is not used (map it with --baseline-label or --followup-label)")
        }
        let progress = Terminal.progress(enabled: !quiet, label: "read")
        let analysis = try CohortAnalysis(
            sheet: sheet, tableOptions: columns.tableOptions(), parameters: parameters, threads: threads,
            progress: progress)
        Terminal.endProgress(enabled: !quiet)
        let statistics = try analysis.statistics(options: tests.wilcoxonOptions)

        let outputs = try OutputFolder(path: outputFolder)
        try outputs.stage("audit.tsv", PatientTables.auditTSV(analysis.results))
        try outputs.stage("patients.tsv", PatientTables.patientsTSV(analysis.results))
        try outputs.stage("stats.tsv", StatisticsTable.tsv(statistics))
        try outputs.commit()
        if !quiet {
            Terminal.note("ctdna: \(analysis.results.count) patients; results in \(outputFolder)/")
        }
    }
}
