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
    /// A tissue copy-number table of many patients (a `patient` column), for the tumour-informed
    /// fraction (docs/method.md §9); the sheet's `tissue` column may name a table per patient too.
    public var tissueTable: String?
    /// A per-patient tissue purity table (`patient`, `purity`), for tissue rows without a purity.
    public var tissuePurityTable: String?

    /// Creates a request; the parameters are the properties of the same names.
    public init(
        sampleSheet: String, outputFolder: String, timepointLabels: TimepointLabels = TimepointLabels(),
        tableOptions: VariantTableOptions = VariantTableOptions(), method: MethodParameters = MethodParameters(chGenes: []),
        lists: MethodLists = MethodLists(), tests: WilcoxonOptions = WilcoxonOptions(), fdrFamily: FDRFamily = .report,
        changeMeasure: Change = .log2Ratio, threads: Int = 1,
        commandLine: [String], version: String, endpoints: [Endpoint]? = nil, landmarkDays: Double? = nil,
        clinicalTable: String? = nil, tissueTable: String? = nil, tissuePurityTable: String? = nil
    ) {
        precondition(threads >= 1, "at least one thread")
        self.sampleSheet = sampleSheet
        self.outputFolder = outputFolder
        self.timepointLabels = timepointLabels
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
    public static let outputNames = ["audit.tsv", "patients.tsv", "stats.tsv", "report.html", "report.json", "ctdna_mqc.tsv"]

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
        let parameters = try request.lists.load(into: request.method)
        let sheet = try SampleSheet(path: request.sampleSheet, labels: request.timepointLabels)
        // Read before any variant table, so that a bad clinical table stops the run at once.
        let clinical = try request.clinicalTable.map { try DelimitedTable(path: $0) }
        let tissue = try TissueInputs(sheet: sheet, table: request.tissueTable, purityTable: request.tissuePurityTable)
        if parameters.responseMetric == .tumourInformedFraction && !tissue.isEnabled {
            throw InputError(file: sheet.path, message: "the response metric tumour_informed_fraction needs tissue copy numbers: give --tissue or a tissue column in the sample sheet")
        }
        let metrics = Metric.tested(tumourInformed: tissue.isEnabled)
        let timepoints = Timepoint.pair
        for entry in sheet.entries where entry.timepoint.map({ !timepoints.contains($0) }) ?? true {
            observer.warning("\(sheet.path):\(entry.line): timepoint \"\(entry.timepointLabel)\" is neither baseline nor follow-up; the sample is not used (map it with --baseline-label or --followup-label)")
        }
        let outputs = try OutputFolder(path: request.outputFolder)
        // audit.tsv is written as each patient is analysed; a restart (a multi-sample table not
        // grouped by sample) begins it again.
        let stream = CurrentStream(try ResultStream(
            audit: outputs.open("audit.tsv"), scratchFolder: outputs.path, timepoints: timepoints, tumourInformed: tissue.isEnabled))
        let analysis = try CohortAnalysis(
            sheet: sheet, timepoints: timepoints, tableOptions: request.tableOptions, parameters: parameters,
            threads: request.threads, tissue: tissue.patients, progress: observer.progress,
            onResult: { index, result in try stream.value.withLock { $0 }.add(result, index: index) },
            onRestart: {
                let fresh = try ResultStream(
                    audit: outputs.open("audit.tsv"), scratchFolder: outputs.path, timepoints: timepoints,
                    tumourInformed: tissue.isEnabled)
                stream.value.withLock { $0 = fresh }
            })
        let tally = stream.value.withLock { $0 }.counted
        let statistics = try analysis.statistics(options: request.tests, family: request.fdrFamily, metrics: metrics)
        var covariates = PatientCovariates(sheet: sheet, patients: analysis.summaries.map(\.patient))
        var clinicalWarnings: [String] = []
        if let clinical {
            (covariates, clinicalWarnings) = try covariates.merging(clinical: clinical, patients: analysis.summaries.map(\.patient))
        }
        var warnings = RunWarnings.collect(
            summaries: analysis.summaries, withoutDriverAnnotation: analysis.patientsWithoutDriverAnnotation, tally: tally)
        let endpoints = request.endpoints ?? Endpoint.detected(in: covariates.columns)
        let second = timepoints[1]
        // Each patient's day of the second draw: the first sheet row of that patient and timepoint,
        // found through one pass over the sheet rather than a search per patient.
        var secondDraws: [String: Double?] = [:]
        for entry in sheet.entries where entry.timepoint == second && secondDraws[entry.patient] == nil {
            secondDraws[entry.patient] = .some(entry.day)
        }
        let landmarks = analysis.summaries.map { secondDraws[$0.patient] ?? nil }
        let outcome = try OutcomeAnalysis.analyse(
            endpoints: endpoints, summaries: analysis.summaries, covariates: covariates, landmarks: landmarks,
            fixedLandmark: request.landmarkDays, metric: parameters.responseMetric, sheet: sheet.path)
        for conflict in covariates.conflicts {
            warnings.append(
                "sheet column \(conflict.column) differs between the rows of patient \"\(conflict.patient)\" (and maybe others): "
                    + "patients.tsv lists the distinct values joined with ';'")
        }
        warnings += clinicalWarnings + outcome.warnings
        for warning in warnings { observer.warning(warning) }
        var document = RunDocument(
            version: request.version, commandLine: request.commandLine,
            parameters: RunParameters.describe(
                method: parameters, lists: request.lists, table: request.tableOptions, tests: request.tests,
                fdrFamily: request.fdrFamily, labels: request.timepointLabels),
            inputs: try inputs(
                sheet: sheet, lists: request.lists, clinical: request.clinicalTable, tissue: tissue.files,
                checksums: analysis.checksums),
            patients: analysis.summaries, filterCounts: tally.counts, statistics: statistics, warnings: warnings,
            generatedBy: "cfDNA variant tables to ctDNA fractions and paired Wilcoxon tests")
        document.covariateColumns = covariates.columns
        document.covariates = covariates.values
        document.survival = outcome.rows
        document.survivalCurves = outcome.curves
        document.survivalPatients = outcome.patients
        document.changeMeasure = request.changeMeasure
        document.metrics = metrics
        document.fdrFamily = request.fdrFamily
        // Figures name the timepoints as the sheet does when it uses labels of its own (Week 8).
        let builtIn = TimepointLabels()
        document.timepointTitles = zip(timepoints, document.timepointTitles).map { timepoint, title in
            guard let label = sheet.entries.first(where: { $0.timepoint == timepoint })?.timepointLabel,
                builtIn.timepoint(of: label) == nil
            else { return title }
            return label
        }

        try outputs.stage("patients.tsv", PatientTables.patientsTSV(
            analysis.summaries, timepoints: timepoints, covariateColumns: covariates.columns, covariates: covariates.values,
            tumourInformed: tissue.isEnabled))
        try outputs.stage("stats.tsv", StatisticsTable.tsv(statistics))
        try HTMLReport.write(document, to: try outputs.open("report.html"))
        try JSONReport.write(document, to: try outputs.open("report.json"))
        try outputs.stage("ctdna_mqc.tsv", MultiQCTable.render(analysis.summaries))
        var written = outputNames
        // Every figure of the report also as a file of its own, for a paper. Figures and
        // survival tables an earlier run left in this folder and this run does not write are
        // removed when it commits.
        outputs.owns(folder: "figures", suffix: ".svg")
        outputs.owns(files: ["survival.tsv", "km_curves.tsv"])
        try outputs.makeSubfolder("figures")
        for figure in FigureSet.figures(document) {
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
        sheet: SampleSheet, lists: MethodLists, clinical: String?, tissue: [(path: String, role: String)],
        checksums: [String: FileChecksum]
    ) throws -> [RunInput] {
        func input(_ path: String, role: String, _ checksum: FileChecksum) -> RunInput {
            RunInput(path: path, role: role, byteCount: checksum.byteCount, sha256: checksum.sha256)
        }
        var inputs = [input(sheet.path, role: "samplesheet", try FileChecksum(ofFile: sheet.path))]
        var listed: Set<String> = []
        for entry in sheet.entries where entry.timepoint != nil {
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
