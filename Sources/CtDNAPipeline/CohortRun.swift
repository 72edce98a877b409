import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNAStats
import CtDNASystem
import Synchronization

/// Everything a cohort's run needs: the sample sheet, where the outputs go, and every option.
public struct RunRequest: Sendable {
    /// The sample sheet (TSV or CSV).
    public var sampleSheet: String
    /// The folder the outputs go to; made when missing.
    public var outputFolder: String
    /// How the sheet's timepoint labels map to the analysed timepoints.
    public var timepointLabels: TimepointLabels
    /// The timepoint labels to analyse, in order (`--timepoints`); `nil` for every timepoint
    /// of the sheet, ordered as ``TimepointPlan`` says.
    public var timepoints: [String]?
    /// The pairs of timepoint labels to test (`--compare first:second`); empty for the default
    /// (baseline against follow-up, else the first two timepoints).
    public var comparisons: [(first: String, second: String)]
    /// Which columns of the variant tables hold the counts.
    public var tableOptions: VariantTableOptions
    /// The method's numeric parameters (its lists come from ``lists``).
    public var method: MethodParameters
    /// Where the method's lists come from.
    public var lists: MethodLists
    /// The Wilcoxon tests' options.
    public var tests: WilcoxonOptions
    /// Which tests form one Benjamini-Hochberg family.
    public var fdrFamily: FDRFamily
    /// How the waterfall and change plots measure a patient's change.
    public var changeMeasure: Change
    /// How many files are read at once (at least 1).
    public var threads: Int
    /// The command line, for the reports' provenance.
    public var commandLine: [String]
    /// The tool's version, for the reports.
    public var version: String
    /// The clinical endpoints to relate to molecular response; `nil` for those the sheet's own
    /// columns name (`<name>_days` or `<name>_time` with `<name>_event`).
    public var endpoints: [Endpoint]?
    /// A per-patient clinical table (a `patient` column, then endpoint and covariate columns),
    /// merged with the sample sheet's own columns.
    public var clinicalTable: String?
    /// A landmark in days from the sheet's origin for every patient; `nil` for the day of each
    /// patient's second draw (the sheet's `day` column), when there is one.
    public var landmarkDays: Double?
    /// The shard of the cohort to analyse (`--shard K/N`), or `nil` for every patient.
    public var shard: ShardSelection?
    /// Whether the run draws each patient's mutations over time (figures/mutations_page*.svg).
    public var mutationPages: MutationPages = .auto
    /// A tissue copy-number table of many patients (a `patient` column), for the tumour-informed
    /// fraction (docs/method.md §9); the sheet's `tissue` column may name a table per patient too.
    public var tissueTable: String?
    /// A per-patient tissue purity table (`patient`, `purity`), for tissue rows without a purity.
    public var tissuePurityTable: String?

    /// Creates a request; the parameters are the properties of the same names.
    public init(
        sampleSheet: String, outputFolder: String, timepointLabels: TimepointLabels = TimepointLabels(),
        timepoints: [String]? = nil, comparisons: [(first: String, second: String)] = [],
        tableOptions: VariantTableOptions = VariantTableOptions(), method: MethodParameters = MethodParameters(chGenes: []),
        lists: MethodLists = MethodLists(), tests: WilcoxonOptions = WilcoxonOptions(), fdrFamily: FDRFamily = .report,
        changeMeasure: Change = .log2Ratio, threads: Int = 1,
        commandLine: [String], version: String, endpoints: [Endpoint]? = nil, landmarkDays: Double? = nil,
        clinicalTable: String? = nil, shard: ShardSelection? = nil, mutationPages: MutationPages = .auto,
        tissueTable: String? = nil, tissuePurityTable: String? = nil
    ) {
        self.shard = shard
        self.mutationPages = mutationPages
        precondition(threads >= 1, "at least one thread")
        self.sampleSheet = sampleSheet
        self.outputFolder = outputFolder
        self.timepointLabels = timepointLabels
        self.timepoints = timepoints
        self.comparisons = comparisons
        self.tableOptions = tableOptions
        self.method = method
        self.lists = lists
        self.tests = tests
        self.fdrFamily = fdrFamily
        self.changeMeasure = changeMeasure
        self.threads = threads
        self.commandLine = commandLine
        self.version = version
        self.endpoints = endpoints
        self.landmarkDays = landmarkDays
        self.clinicalTable = clinicalTable
        self.tissueTable = tissueTable
        self.tissuePurityTable = tissuePurityTable
    }
}

/// What a run tells its caller while it works: warnings and reading progress.
public struct RunObserver: Sendable {
    /// Called with each warning, once, as soon as it is known.
    public var warning: @Sendable (String) -> Void
    /// Called after each file with the number of files read and the total.
    public var progress: @Sendable (_ done: Int, _ total: Int) -> Void

    /// Creates an observer.
    public init(
        warning: @escaping @Sendable (String) -> Void = { _ in },
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) {
        self.warning = warning
        self.progress = progress
    }
}

/// What a finished run produced.
public struct RunOutcome: Sendable {
    /// The run: parameters, inputs, patients, statistics.
    public var document: RunDocument
    /// The files written, in the order they were staged.
    public var outputs: [String]
    /// The HTML report's path.
    public var reportPath: String

    /// The run's summary for a terminal: patients by status and each signed-rank test.
    public var terminalSummary: String { TerminalSummary.render(document) }
}

/// A whole cohort's analysis, from a sample sheet to a folder of results: the library's front
/// door, called by `ctdna run`, the tests and any other front end.
public enum CohortRun {
    /// The files every run writes, in the order they are staged; the figures (`figures/*.svg`)
    /// follow, then `survival.tsv` and `km_curves.tsv` when the run has clinical endpoints.
    public static let outputNames = [
        "audit.tsv", "patients.tsv", "timepoints.tsv", "stats.tsv", "report.html", "report.json", "ctdna_mqc.tsv",
    ]

    /// Reads every variant table of the sheet (in parallel, each file once), analyses each
    /// patient as soon as its samples are read, tests every group, and writes the outputs.
    ///
    /// The outputs are written under temporary names and renamed into place only when the whole
    /// run has succeeded; a failed run leaves the output folder as it was. For the same inputs
    /// and request the outputs are byte-identical, whatever the number of threads.
    /// - Parameters:
    ///   - request: The run's inputs and options.
    ///   - observer: Receives warnings and progress.
    /// - Returns: The run's document and outputs.
    /// - Throws: `InputError` for bad input (naming the file, line and column), `SystemError`
    ///   for a file that cannot be read or written, `StatisticsError` for a value the tests
    ///   cannot take.
    public static func run(_ request: RunRequest, observer: RunObserver = RunObserver()) throws -> RunOutcome {
        let setup = try RunSetup(request, observer: observer)
        let sheet = setup.sheet, timepoints = setup.plan.timepoints
        let outputs = try OutputFolder(path: request.outputFolder)
        // audit.tsv is written as each patient is analysed; a restart (a multi-sample table not
        // grouped by sample) begins it again.
        let tumourInformed = setup.tissue.isEnabled
        let stream = CurrentStream(try ResultStream(
            audit: outputs.open("audit.tsv"), scratchFolder: outputs.path, timepoints: timepoints, tumourInformed: tumourInformed))
        // Each patient's mutations over time, for the mutation pages: a few values per mutation
        // kept, as the summaries are (decided over the whole sheet, so that shards agree).
        let drawsMutations = request.mutationPages.draws(patientCount: setup.cohortPatientCount)
        let samples = SampledTimepoint.byPatient(setup.draws, timepoints: timepoints)
        let mutationSeries = Mutex<[Int: PatientMutationSeries]>([:])
        let analysis = try CohortAnalysis(
            sheet: sheet, plan: setup.plan, tableOptions: request.tableOptions, parameters: setup.parameters,
            threads: request.threads, tissue: setup.tissue.patients, progress: observer.progress,
            onResult: { index, result in
                try stream.value.withLock { $0 }.add(result, index: index)
                if drawsMutations {
                    let series = PatientMutationSeries(result, samples: samples[index] ?? [], order: timepoints)
                    mutationSeries.withLock { $0[index] = series }
                }
            },
            onRestart: {
                let fresh = try ResultStream(
                    audit: outputs.open("audit.tsv"), scratchFolder: outputs.path, timepoints: timepoints, tumourInformed: tumourInformed)
                stream.value.withLock { $0 = fresh }
                mutationSeries.withLock { $0 = [:] }
            })
        let drawn = mutationSeries.withLock { $0 }
        let results = CohortResults(
            summaries: analysis.summaries, tally: stream.value.withLock { $0 }.counted, checksums: analysis.checksums,
            withoutDriverAnnotation: analysis.patientsWithoutDriverAnnotation.map { analysis.summaries[$0].patient },
            mutationSeries: drawsMutations ? analysis.summaries.indices.compactMap { drawn[$0] } : nil)
        var extra: [String] = []
        if let shard = request.shard {
            let state = ShardState(
                shard: shard, commandLine: request.commandLine, version: request.version, sampleSheet: sheet.path,
                sampleSheetSHA256: try FileChecksum(ofFile: sheet.path).sha256,
                parameters: Dictionary(setup.parameterRows.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                patients: results.summaries, tally: results.tally, checksums: results.checksums,
                patientsWithoutDriverAnnotation: results.withoutDriverAnnotation, mutationSeries: results.mutationSeries)
            try outputs.stage(ShardState.fileName, try state.encoded())
            extra.append(ShardState.fileName)
        }
        return try finish(request, setup: setup, results: results, outputs: outputs, observer: observer, extraOutputs: extra)
    }

    /// Joins the output folders of `ctdna run --shard K/N` for K = 1...N into one folder whose
    /// files are byte-identical to those of one run over the whole sheet, report.json and
    /// report.html aside (they list the shards' command lines): patients.tsv, timepoints.tsv,
    /// the statistics and survival recomputed over all patients, audit.tsv put together from
    /// the shards' in sheet order. No variant table is read.
    ///
    /// The shards must be every shard of one split, run with the same parameters on the same
    /// sample sheet (its SHA-256), each patient in one shard only.
    /// - Parameters:
    ///   - request: The run as the shards ran it (from the first shard's command line), with
    ///     the merge's output folder and command line.
    ///   - shards: The shards' output folders.
    ///   - observer: Receives warnings.
    /// - Returns: The merged run's document and outputs.
    /// - Throws: `InputError` naming the shard for a missing or foreign state, a parameter that
    ///   differs between shards (named), a missing or repeated shard, a patient in two shards or
    ///   in none; what ``run(_:observer:)`` throws for the sheet and the writing.
    public static func merge(_ request: RunRequest, shards: [String], observer: RunObserver = RunObserver()) throws -> RunOutcome {
        var states = try shards.map { try ShardState.read(folder: $0) }
        try ShardState.checkAgreement(states, folders: shards)
        // Shard order, whatever the order of the folders given.
        let ordered = zip(states, shards).sorted { $0.0.shard.index < $1.0.shard.index }
        states = ordered.map(\.0)
        let shards = ordered.map(\.1)
        var request = request
        request.shard = nil
        let setup = try RunSetup(request, observer: observer, isMerge: true)
        let sheetSHA = try FileChecksum(ofFile: setup.sheet.path).sha256
        guard sheetSHA == states[0].sampleSheetSHA256 else {
            throw InputError(file: setup.sheet.path, message: "the sample sheet changed since the shards ran (SHA-256 \(sheetSHA), the shards read \(states[0].sampleSheetSHA256))")
        }
        let order = setup.patients
        let seen = Set(order)
        var byPatient: [String: (summary: PatientSummary, shard: Int)] = [:]
        for (place, state) in states.enumerated() {
            for summary in state.patients {
                if let earlier = byPatient[summary.patient] {
                    throw InputError(file: PathNames.joining(shards[place], ShardState.fileName), message: "patient \"\(summary.patient)\" is also in \(shards[earlier.shard])")
                }
                byPatient[summary.patient] = (summary, place)
            }
        }
        for patient in order where byPatient[patient] == nil {
            throw InputError(file: setup.sheet.path, message: "patient \"\(patient)\" of the sheet is in none of the shards")
        }
        guard byPatient.count == order.count else {
            let stranger = byPatient.keys.sorted().first { !seen.contains($0) }!
            throw InputError(file: setup.sheet.path, message: "patient \"\(stranger)\" of a shard is not in the sheet")
        }
        var tally = FilterTally()
        var checksums: [String: FileChecksum] = [:]
        var without: Set<String> = []
        for state in states {
            tally.add(state.tally)
            checksums.merge(state.checksums) { first, _ in first }
            without.formUnion(state.patientsWithoutDriverAnnotation)
        }
        var series: [String: PatientMutationSeries]?
        if states.allSatisfy({ $0.mutationSeries != nil }) {
            series = [:]
            for state in states { for one in state.mutationSeries! { series![one.patient] = one } }
        }
        let results = CohortResults(
            summaries: order.map { byPatient[$0]!.summary }, tally: tally, checksums: checksums,
            withoutDriverAnnotation: order.filter { without.contains($0) },
            mutationSeries: series.map { series in order.compactMap { series[$0] } })
        let outputs = try OutputFolder(path: request.outputFolder)
        try ShardAudit.join(
            shards: shards, order: order,
            header: PatientTables.auditHeader(timepoints: setup.plan.timepoints, tumourInformed: setup.tissue.isEnabled),
            into: try outputs.open("audit.tsv"), scratchFolder: outputs.path)
        return try finish(
            request, setup: setup, results: results, outputs: outputs, observer: observer, shardCommandLines: states.map(\.commandLine))
    }

    /// Everything after the reading: statistics, survival, warnings, the document and every
    /// output but audit.tsv (already in `outputs`), then the commit.
    private static func finish(
        _ request: RunRequest, setup: RunSetup, results: CohortResults, outputs: OutputFolder, observer: RunObserver,
        extraOutputs: [String] = [], shardCommandLines: [[String]] = []
    ) throws -> RunOutcome {
        let sheet = setup.sheet, plan = setup.plan, timepoints = plan.timepoints, summaries = results.summaries
        let patients = summaries.map(\.patient)
        precondition(patients == setup.patients, "the summaries follow the setup's patients, which the draws index")
        let statistics = try CohortAnalysis.statistics(
            of: summaries, pairs: plan.pairs, options: request.tests, family: request.fdrFamily, metrics: setup.metrics)
        var covariates = PatientCovariates(sheet: sheet, patients: patients)
        var clinicalWarnings: [String] = []
        if let clinical = setup.clinical {
            (covariates, clinicalWarnings) = try covariates.merging(clinical: clinical, patients: patients)
        }
        let without = Set(results.withoutDriverAnnotation)
        var warnings = RunWarnings.collect(
            summaries: summaries, withoutDriverAnnotation: summaries.indices.filter { without.contains(summaries[$0].patient) },
            tally: results.tally, timepoints: timepoints)
        let endpoints = request.endpoints ?? Endpoint.detected(in: covariates.columns)
        // Each patient's day of its draw at the main pair's second timepoint.
        var landmarks = [Double?](repeating: nil, count: summaries.count)
        if let second = plan.mainPair.flatMap({ timepoints.firstIndex(of: $0.second) }) {
            for draw in setup.draws where draw.timepointIndex == second { landmarks[draw.patientIndex] = draw.day }
        }
        let outcome = try OutcomeAnalysis.analyse(
            endpoints: endpoints, summaries: summaries, covariates: covariates, landmarks: landmarks,
            fixedLandmark: request.landmarkDays, metric: setup.parameters.responseMetric, sheet: sheet.path)
        for conflict in covariates.conflicts {
            warnings.append(
                "sheet column \(conflict.column) differs between the rows of patient \"\(conflict.patient)\" (and maybe others): "
                    + "patients.tsv lists the distinct values joined with ';'")
        }
        warnings += clinicalWarnings + outcome.warnings
        if results.mutationSeries == nil && request.mutationPages == .auto {
            warnings.append(
                "each patient's mutations are not drawn for \(setup.cohortPatientCount) patients (more than "
                    + "\(MutationPages.automaticLimit)): --mutation-pages all draws them")
        }
        for warning in warnings { observer.warning(warning) }
        var document = RunDocument(
            version: request.version, commandLine: request.commandLine, parameters: setup.parameterRows,
            inputs: try inputs(
                sheet: sheet, analysed: Set(timepoints), lists: request.lists, clinical: request.clinicalTable,
                tissue: setup.tissue.files, checksums: results.checksums),
            patients: summaries, filterCounts: results.tally.counts, statistics: statistics, warnings: warnings,
            generatedBy: "cfDNA variant tables to ctDNA fractions and paired Wilcoxon tests")
        document.covariateColumns = covariates.columns
        document.covariates = covariates.values
        document.survival = outcome.rows
        document.survivalCurves = outcome.curves
        document.survivalPatients = outcome.patients
        document.changeMeasure = request.changeMeasure
        document.fdrFamily = request.fdrFamily
        document.metrics = setup.metrics
        document.timepoints = timepoints
        document.seriesTitles = plan.titles
        document.pairs = plan.pairs
        if let main = plan.mainPair {
            document.timepointTitles = [main.first, main.second].map { plan.titles[timepoints.firstIndex(of: $0)!] }
        }
        document.draws = setup.draws
        document.shardCommandLines = shardCommandLines
        document.mutationSeries = results.mutationSeries ?? []

        // The figure files and report.json are made on the other core while this thread writes
        // the tables and the page: those three are most of this function's time, and it runs
        // after every file has been read, when the other core has nothing left to do.
        let finalDocument = document
        let figures = BackgroundValue { FigureSet.figures(finalDocument) }
        let json = BackgroundValue { JSONReport.bytes(finalDocument) }
        try outputs.stage("patients.tsv", PatientTables.patientsTSV(
            summaries, timepoints: timepoints, pairs: plan.pairs, covariateColumns: covariates.columns,
            covariates: covariates.values, tumourInformed: setup.tissue.isEnabled))
        try outputs.stage("timepoints.tsv", PatientTables.timepointsTSV(document, sheetColumns: sheet.extraColumns))
        try outputs.stage("stats.tsv", StatisticsTable.tsv(statistics))
        try HTMLReport.write(document, to: try outputs.open("report.html"))
        try outputs.open("report.json").write(json.value)
        try outputs.stage("ctdna_mqc.tsv", MultiQCTable.render(summaries))
        var written = outputNames + extraOutputs
        // Every figure of the report also as a file of its own, for a paper. Figures, survival
        // tables and a shard's state that an earlier run left in this folder and this run does
        // not write are removed when it commits.
        outputs.owns(folder: "figures", suffix: ".svg")
        outputs.owns(files: ["survival.tsv", "km_curves.tsv", ShardState.fileName])
        try outputs.makeSubfolder("figures")
        for figure in figures.value {
            try outputs.stage("figures/" + figure.name, figure.svg)
            written.append("figures/" + figure.name)
        }
        if !endpoints.isEmpty {
            try outputs.stage("survival.tsv", SurvivalTable.tsv(outcome.rows))
            try outputs.stage("km_curves.tsv", SurvivalTable.curvesTSV(outcome.curves))
            written += ["survival.tsv", "km_curves.tsv"]
        }
        try outputs.commit()
        return RunOutcome(
            document: document, outputs: written.map { PathNames.joining(request.outputFolder, $0) },
            reportPath: PathNames.joining(request.outputFolder, "report.html"))
    }

    /// Every input with its role, size and SHA-256: the sheet, each table (checksummed as it
    /// was read), each list file.
    private static func inputs(
        sheet: SampleSheet, analysed: Set<Timepoint>, lists: MethodLists, clinical: String?,
        tissue: [(path: String, role: String)], checksums: [String: FileChecksum]
    ) throws -> [RunInput] {
        func input(_ path: String, role: String, _ checksum: FileChecksum) -> RunInput {
            RunInput(path: path, role: role, byteCount: checksum.byteCount, sha256: checksum.sha256)
        }
        var inputs = [input(sheet.path, role: "samplesheet", try FileChecksum(ofFile: sheet.path))]
        var listed: Set<String> = []
        for entry in sheet.entries where analysed.contains(entry.timepoint) {
            for (path, role) in [(entry.file, "variant_table"), (entry.normal, "normal")] {
                guard let path, listed.insert(path).inserted, let checksum = checksums[path] else { continue }
                inputs.append(input(path, role: role, checksum))
            }
        }
        for (role, path) in lists.files { inputs.append(input(path, role: role, try FileChecksum(ofFile: path))) }
        if let clinical { inputs.append(input(clinical, role: "clinical", try FileChecksum(ofFile: clinical))) }
        for (path, role) in tissue { inputs.append(input(path, role: role, try FileChecksum(ofFile: path))) }
        return inputs
    }
}

/// The audit stream a run writes to, replaced when the reading starts over.
private final class CurrentStream: Sendable {
    let value: Mutex<ResultStream>
    init(_ stream: ResultStream) { value = Mutex(stream) }
}

/// What a run reads before any variant table: the method's lists, the sheet (only the shard's
/// patients for a shard), the clinical table, the timepoints and pairs (of the whole sheet, so
/// that every shard analyses the same ones) and the parameters' description.
private struct RunSetup {
    var parameters: MethodParameters
    var sheet: SampleSheet
    var clinical: DelimitedTable?
    var plan: TimepointPlan
    var parameterRows: [RunParameter]
    /// The patients of the whole sheet (of every shard).
    var cohortPatientCount: Int
    /// The tissue copy numbers of the whole sheet's patients (every shard reads them, so that
    /// each has the tumour-informed columns when the run has any).
    var tissue: TissueInputs
    /// The metrics tested, in report order (the tumour-informed fraction with tissue data).
    var metrics: [Metric]
    /// The analysed patients of ``sheet`` (a shard's, or the whole sheet's), in the order patients
    /// first appear on rows of the analysed timepoints: the order of every per-patient output.
    var patients: [String]
    /// Each of their sampled timepoints with its day, the rows of `timepoints.tsv`.
    var draws: [TimepointDraw]

    /// - Parameters:
    ///   - request: The run.
    ///   - observer: Receives the warnings about the sheet's rows.
    ///   - isMerge: Whether a merge of shards sets up (it reads no variant table, so their files are not checked).
    init(_ request: RunRequest, observer: RunObserver, isMerge: Bool = false) throws {
        parameters = try request.lists.load(into: request.method)
        // A shard checks that its own patients' files are there (not the whole cohort's, which
        // on a network file system costs a request per file and shard); a merge reads none.
        let checked: (String) -> Bool = isMerge ? { _ in false } : request.shard.map { shard in { shard.contains(patient: $0) } } ?? { _ in true }
        let whole = try SampleSheet(path: request.sampleSheet, labels: request.timepointLabels, checkingFilesOf: checked)
        cohortPatientCount = whole.patients.count
        // Read before any variant table, so that a bad clinical table stops the run at once.
        clinical = try request.clinicalTable.map { try DelimitedTable(path: $0) }
        tissue = try TissueInputs(sheet: whole, table: request.tissueTable, purityTable: request.tissuePurityTable)
        if parameters.responseMetric == .tumourInformedFraction && !tissue.isEnabled {
            throw InputError(file: whole.path, message: "the response metric tumour_informed_fraction needs tissue copy numbers: give --tissue or a tissue column in the sample sheet")
        }
        metrics = Metric.tested(tumourInformed: tissue.isEnabled)
        plan = try TimepointPlan(
            sheet: whole, chosen: request.timepoints, compare: request.comparisons.map { ($0.first, $0.second) },
            labels: request.timepointLabels)
        sheet = request.shard.map { shard in whole.restricted { shard.contains(patient: $0) } } ?? whole
        for entry in sheet.entries where !plan.timepoints.contains(entry.timepoint) {
            observer.warning("\(sheet.path):\(entry.line): timepoint \"\(entry.timepointLabel)\" is not among --timepoints; the sample is not used")
        }
        let analysed = Set(plan.timepoints)
        var seen: Set<String> = []
        patients = sheet.entries.filter { analysed.contains($0.timepoint) && seen.insert($0.patient).inserted }.map(\.patient)
        draws = TimepointDraws.collect(sheet: sheet, patients: patients, timepoints: plan.timepoints)
        parameterRows = RunParameters.describe(
            method: parameters, lists: request.lists, table: request.tableOptions, tests: request.tests,
            fdrFamily: request.fdrFamily, labels: request.timepointLabels)
    }
}

/// What the reading of a cohort's (or a shard's) variant tables yields, beside audit.tsv.
private struct CohortResults {
    /// One summary per patient, in sheet order.
    var summaries: [PatientSummary]
    /// Mutations by audit status over the patients.
    var tally: FilterTally
    /// Size and SHA-256 of every variant table read.
    var checksums: [String: FileChecksum]
    /// The patients all of whose plasma tables lack a driver annotation column.
    var withoutDriverAnnotation: [String]
    /// Each patient's mutations over time, in sheet order; `nil` when they are not drawn.
    var mutationSeries: [PatientMutationSeries]?
}

/// When a run draws each patient's mutations over time (`--mutation-pages`).
public enum MutationPages: String, Sendable, CaseIterable {
    /// For cohorts of at most ``automaticLimit`` patients (a page holds 24; beyond that the
    /// pages are more than anyone reads, and cost time and disk).
    case auto
    /// Always.
    case all
    /// Never.
    case none

    /// The largest cohort `auto` draws.
    public static let automaticLimit = 240

    /// Whether a cohort of `patientCount` patients gets the pages.
    func draws(patientCount: Int) -> Bool {
        switch self {
        case .auto: return patientCount <= Self.automaticLimit
        case .all: return true
        case .none: return false
        }
    }
}
