import ArgumentParser
import CtDNAIO
import CtDNAPipeline
import CtDNASystem

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
            it was kept or dropped), patients.tsv (one row per patient), stats.tsv (one row per \
            test), report.html, report.json and ctdna_mqc.tsv. Files appear only when the whole \
            run succeeded. Defaults reproduce the CURB analysis (Tsai et al., Lancet 2024); every \
            step and choice is in docs/method.md.
            """)

    @Option(name: .customLong("samplesheet"), help: ArgumentHelp("TSV or CSV with columns patient, timepoint, arm, cohort, file, and optionally sample and normal (README, 'Sample sheet').", valueName: "file"))
    var sampleSheet: String

    @Option(name: .customLong("outdir"), help: ArgumentHelp("Folder for the results; made when missing.", valueName: "dir"))
    var outputFolder: String

    @Option(name: [.customShort("j"), .customLong("threads")], help: ArgumentHelp("Files read at once; by default one per core.", valueName: "n"))
    var threads: Int?

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
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
    }

    func run() throws {
        Allocator.keepFreedMemoryForReuse()
        let request = RunRequest(
            sampleSheet: sampleSheet, outputFolder: outputFolder,
            timepointLabels: TimepointLabels(extraBaseline: baselineLabels, extraFollowup: followupLabels),
            tableOptions: columns.tableOptions(), method: method.parameters, lists: method.lists,
            tests: tests.wilcoxonOptions, threads: threads ?? onlineProcessorCount,
            commandLine: ["ctdna"] + CommandLine.arguments.dropFirst(), version: CtDNA.version)
        let outcome = try CohortRun.run(request, observer: RunObserver(
            warning: Terminal.warn, progress: Terminal.progress(enabled: !quiet, label: "read")))
        Terminal.endProgress(enabled: !quiet)
        if !quiet {
            print(outcome.terminalSummary, terminator: "")
            print("Report: \(outcome.reportPath)")
        }
    }
}
