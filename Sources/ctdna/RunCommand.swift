import ArgumentParser
import CtDNAIO
import CtDNAModel
import CtDNAPipeline
import CtDNAReport
import CtDNASystem

/// `ctdna run`: the whole analysis of a cohort, from a sample sheet to a folder of results.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse a cohort: ctDNA fractions per patient and paired statistics per arm.",
        discussion: """
            Reads every variant table (MAF-like or VCF) of the sample sheet (in parallel, each \
            file once), filters clonal-haematopoiesis and artifact mutations, selects clonal \
            mutations, computes the ctDNA fraction and median allele fraction at every timepoint \
            of each patient (baseline and follow-up, or any labels the sheet uses, ordered by its \
            day column), and tests the change of each tested pair (--compare) per arm and cohort. \
            Writes to --outdir: audit.tsv (every mutation and why it was kept or dropped), \
            patients.tsv (one row per patient), timepoints.tsv (one row per patient and draw), \
            stats.tsv (one row per test), report.html, report.json, ctdna_mqc.tsv and figures/. \
            Files appear only when the whole run succeeded. Defaults reproduce the CURB analysis \
            (Tsai et al., Lancet 2024); every step and choice is in docs/method.md.
            """)

    @Option(name: .customLong("samplesheet"), help: ArgumentHelp("TSV or CSV with columns patient, timepoint, arm, cohort, file (a MAF-like table or a VCF), and optionally sample, normal, normal_sample, day, sex and tissue (README, 'Sample sheet').", valueName: "file"))
    var sampleSheet: String

    @Option(name: .customLong("outdir"), help: ArgumentHelp("Folder for the results; made when missing.", valueName: "dir"))
    var outputFolder: String

    @Option(name: [.customShort("j"), .customLong("threads")], help: ArgumentHelp("Files read at once; by default one per core.", valueName: "n"))
    var threads: Int?

    @Option(name: .customLong("baseline-label"), help: ArgumentHelp("Another timepoint label meaning baseline (repeatable).", valueName: "label"))
    var baselineLabels: [String] = []

    @Option(name: .customLong("followup-label"), help: ArgumentHelp("Another timepoint label meaning follow-up, such as '8 Weeks' (repeatable).", valueName: "label"))
    var followupLabels: [String] = []

    @Option(name: .customLong("timepoints"), help: ArgumentHelp("The timepoints to analyse, in order, comma-separated (such as baseline,week8,progression); other rows of the sheet are not used. Without it, every timepoint, ordered by the sheet's day column or baseline first (docs/method.md §11).", valueName: "labels"))
    var timepoints: String?

    @Option(name: .customLong("compare"), help: ArgumentHelp("A pair of timepoints to test, first:second (repeatable; the first named is the main pair). Default: baseline:followup, or the first two timepoints.", valueName: "first:second"))
    var comparisons: [PairOption] = []

    @Option(name: .customLong("endpoint"), help: ArgumentHelp("A clinical endpoint in the sheet: name=time_column,event_column (repeatable). Without it, every <name>_days or <name>_time column with a <name>_event column (docs/method.md §10).", valueName: "name=time,event"))
    var endpoints: [String] = []

    @Option(name: .customLong("clinical"), help: ArgumentHelp("A per-patient clinical table (TSV or CSV: patient, then endpoint and covariate columns), merged with the sheet's own columns.", valueName: "file"))
    var clinical: String?

    @Option(name: .customLong("tissue"), help: ArgumentHelp("A tissue copy-number table (FACETS or cBioPortal MAF columns, or patient, the MAF key columns, tcn, lcn, purity, t_alt_count, t_ref_count) with a patient column: the tumour-informed fraction of the patients it names (docs/method.md §9). The sheet's tissue column may name a table per patient instead.", valueName: "file"))
    var tissue: String?

    @Option(name: .customLong("tissue-purity"), help: ArgumentHelp("Per-patient tissue purities (TSV or CSV: patient, purity), for tissue rows without a purity.", valueName: "file"))
    var tissuePurity: String?

    @Option(name: .customLong("landmark-days"), help: ArgumentHelp("Measure survival from this day for every patient; without it, from each patient's second draw (the sheet's day column).", valueName: "days"))
    var landmarkDays: Double?

    @Option(name: .customLong("change-plot"), help: ArgumentHelp("How the waterfall and change plots measure a patient's change: log2_ratio (patients cleared to 0 at a marked cap) or difference.", valueName: "measure"))
    var changePlot: Change = .log2Ratio

    @Option(name: .customLong("shard"), help: ArgumentHelp("Analyse only shard K of N (a stable split by patient) and save what `ctdna merge` needs beside the outputs (README, 'Running on a cluster').", valueName: "K/N"))
    var shard: ShardSelection?

    @Option(name: .customLong("mutation-pages"), help: ArgumentHelp("Draw each patient's mutations over time (figures/mutations_page*.svg): auto (for cohorts of up to 240 patients), all or none.", valueName: "when"))
    var mutationPages: MutationPages = .auto

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
        _ = try parsedEndpoints()
        if let timepoints, parsedTimepoints(timepoints).isEmpty { throw ValidationError("--timepoints takes labels separated by commas, such as baseline,week8") }
        if let landmarkDays, !landmarkDays.isFinite || landmarkDays < 0 { throw ValidationError("--landmark-days must be 0 or more") }
    }

    /// The `--timepoints` labels, without blanks around them; empty ones dropped.
    private func parsedTimepoints(_ text: String) -> [String] {
        text.split(separator: ",").map { CellText.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// The `--endpoint` values, or `nil` when none was given.
    private func parsedEndpoints() throws -> [Endpoint]? {
        guard !endpoints.isEmpty else { return nil }
        return try endpoints.map { text in
            let parts = text.split(separator: "=", maxSplits: 1)
            let columns = parts.count == 2 ? parts[1].split(separator: ",").map(String.init) : []
            guard parts.count == 2, !parts[0].isEmpty, columns.count == 2, columns.allSatisfy({ !$0.isEmpty }) else {
                throw ValidationError("--endpoint takes name=time_column,event_column, not \"\(text)\"")
            }
            return Endpoint(name: String(parts[0]), timeColumn: columns[0], eventColumn: columns[1])
        }
    }

    /// The run these options ask for.
    /// - Parameters:
    ///   - outputFolder: Where the outputs go (the `--outdir`, or a merge's).
    ///   - commandLine: The command line to record.
    func request(outputFolder: String, commandLine: [String]) throws -> RunRequest {
        RunRequest(
            sampleSheet: sampleSheet, outputFolder: outputFolder,
            timepointLabels: TimepointLabels(extraBaseline: baselineLabels, extraFollowup: followupLabels),
            timepoints: timepoints.map(parsedTimepoints), comparisons: comparisons.map { ($0.first, $0.second) },
            tableOptions: columns.tableOptions(), method: method.parameters, lists: method.lists,
            tests: tests.wilcoxonOptions, fdrFamily: tests.fdrFamily, changeMeasure: changePlot,
            threads: threads ?? onlineProcessorCount, commandLine: commandLine, version: CtDNA.version,
            endpoints: try parsedEndpoints(), landmarkDays: landmarkDays, clinicalTable: clinical, shard: shard,
            mutationPages: mutationPages, tissueTable: tissue, tissuePurityTable: tissuePurity)
    }

    func run() throws {
        Allocator.keepFreedMemoryForReuse()
        let request = try request(outputFolder: outputFolder, commandLine: ["ctdna"] + CommandLine.arguments.dropFirst())
        let outcome = try CohortRun.run(request, observer: RunObserver(
            warning: Terminal.warn, progress: Terminal.progress(enabled: !quiet, label: "read")))
        Terminal.endProgress(enabled: !quiet)
        if !quiet {
            print(outcome.terminalSummary, terminator: "")
            print("Report: \(outcome.reportPath)")
        }
    }
}

extension ShardSelection: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Change: ExpressibleByArgument {}
extension MutationPages: ExpressibleByArgument {}
