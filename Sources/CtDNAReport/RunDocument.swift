import CtDNACore
import CtDNAModel
import CtDNAStats

/// One parameter of a run, with the value it had and what it means.
public struct RunParameter: Sendable, Equatable {
    /// The parameter's name as the command line spells it (`min-alt-reads`).
    public var name: String
    /// The value used, as text (`2`, `true`, `two.sided`).
    public var value: String
    /// What the parameter does, in one line.
    public var description: String

    /// Creates a parameter entry.
    /// - Parameters:
    ///   - name: the parameter's name.
    ///   - value: the value used, as text.
    ///   - description: what it does.
    public init(name: String, value: String, description: String) {
        self.name = name
        self.value = value
        self.description = description
    }
}

/// One input file of a run, identified by its size and SHA-256.
public struct RunInput: Sendable, Equatable {
    /// The path as the user gave it.
    public var path: String
    /// What the file is to the run: `samplesheet`, `variant_table`, `normal`, `ch_genes`, ...
    public var role: String
    /// Size in bytes, as stored.
    public var byteCount: Int
    /// SHA-256 of the stored bytes, 64 lower-case hex digits (see `CtDNAIO.SHA256`).
    public var sha256: String

    /// Creates an input entry.
    /// - Parameters:
    ///   - path: the path as given.
    ///   - role: the file's role.
    ///   - byteCount: size in bytes.
    ///   - sha256: hex SHA-256 of the file.
    public init(path: String, role: String, byteCount: Int, sha256: String) {
        self.path = path
        self.role = role
        self.byteCount = byteCount
        self.sha256 = sha256
    }
}

/// A patient left out of the paired analysis, and why.
public struct Exclusion: Sendable, Equatable {
    /// Patient identifier.
    public var patient: String
    /// Cohort.
    public var cohort: String
    /// Arm.
    public var arm: String
    /// The reason, as the method gave it (for example which sample is missing).
    public var reason: String

    /// Creates an exclusion entry.
    public init(patient: String, cohort: String, arm: String, reason: String) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.reason = reason
    }
}

/// How many audit rows (mutations, over all patients) ended with one status.
public struct FilterCount: Sendable, Equatable {
    /// The status (`kept`, `ch_gene`, ...).
    public var status: MutationStatus
    /// Mutations with that status.
    public var count: Int
    /// Of those, the mutations annotated as drivers (hotspot or OncoKB `Oncogenic`): for a
    /// filter, drivers it removed.
    public var annotatedDrivers: Int

    /// Creates a count.
    public init(status: MutationStatus, count: Int, annotatedDrivers: Int = 0) {
        self.status = status
        self.count = count
        self.annotatedDrivers = annotatedDrivers
    }
}

/// Counts audit rows by status (and the driver-annotated ones among them), and the mutations a
/// table listed on more than one row, one patient at a time.
public struct FilterTally: Sendable, Codable {
    private var countOfStatus: [Int] = Array(repeating: 0, count: MutationStatus.allCases.count)
    private var driversOfStatus: [Int] = Array(repeating: 0, count: MutationStatus.allCases.count)
    /// Audit rows whose mutation a table listed more than once (the first row was used).
    public private(set) var repeatedMutations = 0
    /// Tissue mutations in S left out of the tumour-informed fraction for want of a mutant copy
    /// number, by the reason (``MutantCopyProblem``, in its declaration order): no C_T, no purity,
    /// no tissue allele fraction.
    public private(set) var tissueWithoutMutantCopies: [Int] = [0, 0, 0]

    /// An empty tally.
    public init() {}

    /// Adds every audit row of one patient.
    public mutating func add(_ result: PatientResult) {
        for row in result.audit {
            let index = MutationStatus.allCases.firstIndex(of: row.status)!
            countOfStatus[index] += 1
            if row.hasDriverAnnotation { driversOfStatus[index] += 1 }
            if row.notes.contains(where: { $0.hasPrefix("duplicate_rows_") }) { repeatedMutations += 1 }
            if let tissue = row.tissue, tissue.inSomaticSet, case let .failure(problem) = tissue.mutantCopies {
                tissueWithoutMutantCopies[Self.problems.firstIndex(of: problem)!] += 1
            }
        }
    }

    /// Adds another tally's counts.
    public mutating func add(_ other: FilterTally) {
        for index in countOfStatus.indices {
            countOfStatus[index] += other.countOfStatus[index]
            driversOfStatus[index] += other.driversOfStatus[index]
        }
        repeatedMutations += other.repeatedMutations
        for index in tissueWithoutMutantCopies.indices {
            tissueWithoutMutantCopies[index] += other.tissueWithoutMutantCopies[index]
        }
    }

    /// The reasons a tissue mutation has no m, in the order of ``tissueWithoutMutantCopies``.
    public static let problems: [MutantCopyProblem] = [.noTotalCopies, .noPurity, .noTissueAlleleFraction]

    /// Every status with its count, in the order of `MutationStatus.allCases`, zeros included.
    public var counts: [FilterCount] {
        MutationStatus.allCases.indices.map {
            FilterCount(status: MutationStatus.allCases[$0], count: countOfStatus[$0], annotatedDrivers: driversOfStatus[$0])
        }
    }
}

/// Everything one `ctdna run` produced, as the reports need it: what ran, on what, and the results.
///
/// The document holds no timestamps, so the same inputs and parameters give byte-identical
/// reports. Filter counts and exclusions are derived from the results.
public struct RunDocument: Sendable, Equatable {
    /// The tool's name (`ctdna`).
    public var toolName: String
    /// The tool's version.
    public var version: String
    /// The command line as run, one argument per element (program name first).
    public var commandLine: [String]
    /// Every parameter with its value, in the order to show them.
    public var parameters: [RunParameter]
    /// The input files, in the order to show them.
    public var inputs: [RunInput]
    /// One summary per patient, in the order to show them.
    public var patients: [PatientSummary]
    /// The mutation count of every status over all patients' audit rows, in the order of
    /// `MutationStatus.allCases` (`kept` first, then each filter); statuses that never occur are
    /// listed with 0 so the table always has the same rows.
    public var filterCounts: [FilterCount]
    /// The statistics rows of every metric, q-values filled in.
    public var statistics: [StatisticsRow]
    /// What the run had to guess or the user should check, each a sentence, in the order found
    /// (also printed on the terminal); empty when there is nothing to say.
    public var warnings: [String]
    /// The sample sheet's own columns (clinical covariates such as `pfs_days`), carried through
    /// to the per-patient outputs after ctdna's columns; empty when the sheet has none.
    public var covariateColumns: [String] = []
    /// Each patient's values of ``covariateColumns``, in the order of ``patients`` (a value the
    /// patient's rows lack is `nil`).
    public var covariates: [[String?]] = []
    /// The survival rows of every clinical endpoint (molecular response against the endpoint);
    /// empty when the run has none.
    public var survival: [SurvivalRow] = []
    /// How the waterfall and change plots measure a patient's change (log2 ratio by default).
    public var changeMeasure: Change = .log2Ratio
    /// The metrics the run tested, in report order (``Metric/tested(tumourInformed:)``).
    public var metrics: [Metric] = Metric.tested
    /// Whether the run had tissue copy numbers, so tumour-informed fractions, columns and figures.
    public var tumourInformed: Bool { metrics.contains(.tumourInformedFraction) }
    /// Which tests formed one Benjamini-Hochberg family for the q-values (the whole report by default).
    public var fdrFamily: FDRFamily = .report
    /// The titles of the tested pair's timepoints in figures, as the sample sheet writes them
    /// (`Week 8` rather than `followup`); `Baseline` and `Follow-up` for the built-in labels.
    public var timepointTitles: [String] = ["Baseline", "Follow-up"]
    /// The run's timepoints, in order: every patient's per-timepoint values follow them.
    public var timepoints: [Timepoint] = Timepoint.pair
    /// One title per timepoint of ``timepoints``, as ``timepointTitles`` titles the pair's.
    public var seriesTitles: [String] = ["Baseline", "Follow-up"]
    /// The tested pairs, the main one first; empty when the run has fewer than two timepoints.
    public var pairs: [TimepointPair] = [.baselineFollowup]
    /// Each sampled timepoint of each patient, for the long table and the trajectories; empty
    /// when the document was made without them.
    public var draws: [TimepointDraw] = []
    /// For a run merged from shards (`ctdna merge`), each shard's command line, in shard
    /// order; empty for a run of its own.
    public var shardCommandLines: [[String]] = []
    /// Each patient's mutations over time, in the order of ``patients``, for the mutation
    /// pages; empty when the run does not draw them.
    public var mutationSeries: [PatientMutationSeries] = []
    /// The Kaplan-Meier curves behind ``survival``, in the same order.
    public var survivalCurves: [SurvivalCurve] = []
    /// Per endpoint, the patients of its analysis (time from the landmark, event, response),
    /// for the swimmer plot.
    public var survivalPatients: [String: [SwimmerEntry]] = [:]
    /// A note on what produced the document (for example "ctdna 0.3.0, Swift 6.3.1, Linux").
    public var generatedBy: String

    /// Creates a run document.
    /// - Parameters:
    ///   - toolName: the tool's name (default `ctdna`).
    ///   - version: the tool's version.
    ///   - commandLine: the arguments as run, program name first.
    ///   - parameters: every parameter with its value and description.
    ///   - inputs: the input files with role, size and SHA-256.
    ///   - patients: the per-patient summaries.
    ///   - filterCounts: the mutations of each status over all patients (see ``FilterTally``).
    ///   - statistics: the statistics rows, with q-values.
    ///   - warnings: what the run had to guess or the user should check.
    ///   - generatedBy: what produced the document; no dates, to keep outputs byte-stable.
    public init(
        toolName: String = "ctdna", version: String, commandLine: [String], parameters: [RunParameter],
        inputs: [RunInput], patients: [PatientSummary], filterCounts: [FilterCount],
        statistics: [StatisticsRow], warnings: [String] = [], generatedBy: String
    ) {
        self.toolName = toolName
        self.version = version
        self.commandLine = commandLine
        self.parameters = parameters
        self.inputs = inputs
        self.patients = patients
        self.filterCounts = filterCounts
        self.statistics = statistics
        self.warnings = warnings
        self.generatedBy = generatedBy
    }

    /// Creates a run document from whole results held in memory: their summaries, and filter
    /// counts tallied from their audit rows.
    /// - Parameters:
    ///   - toolName: the tool's name (default `ctdna`).
    ///   - version: the tool's version.
    ///   - commandLine: the arguments as run, program name first.
    ///   - parameters: every parameter with its value and description.
    ///   - inputs: the input files with role, size and SHA-256.
    ///   - results: the per-patient results.
    ///   - statistics: the statistics rows, with q-values.
    ///   - warnings: what the run had to guess or the user should check.
    ///   - generatedBy: what produced the document.
    public init(
        toolName: String = "ctdna", version: String, commandLine: [String], parameters: [RunParameter],
        inputs: [RunInput], results: [PatientResult], statistics: [StatisticsRow], warnings: [String] = [],
        generatedBy: String
    ) {
        var tally = FilterTally()
        for result in results { tally.add(result) }
        self.init(
            toolName: toolName, version: version, commandLine: commandLine, parameters: parameters,
            inputs: inputs, patients: results.map(\.summary), filterCounts: tally.counts,
            statistics: statistics, warnings: warnings, generatedBy: generatedBy)
    }

    /// The document as its views of one tested pair see it: the pair's statistics rows only,
    /// each patient's ``PatientSummary/testedPair`` set to it, a patient without a sample at
    /// either timepoint of the pair excluded with the reason (`no week8 sample`), and the pair's
    /// titles as ``timepointTitles``. A document focused on its only pair shows what it showed.
    /// - Parameter pair: One of ``pairs``.
    public func focused(on pair: TimepointPair) -> RunDocument {
        var view = self
        view.statistics = statistics.filter { $0.pair == pair }
        let places = [pair.first, pair.second].map { timepoints.firstIndex(of: $0) }
        view.timepointTitles = places.enumerated().map { index, place in
            place.map { seriesTitles[$0] } ?? (index == 0 ? pair.first.name : pair.second.name)
        }
        view.patients = patients.map { summary in
            var summary = summary
            summary.testedPair = pair
            if case .excluded = summary.status { return summary }
            let missing = zip([pair.first, pair.second], places).filter { timepoint, place in
                guard let place, place < summary.sampled.count else { return true }
                return !summary.sampled[place]
            }.map(\.0.name)
            if !missing.isEmpty {
                summary.status = .excluded(reason: "no \(missing.joined(separator: " or ")) sample")
            }
            return summary
        }
        view.focus = pair
        return view
    }

    /// The pair a view made by ``focused(on:)`` speaks of; `nil` for the whole run.
    public private(set) var focus: TimepointPair?

    /// How captions name the two timepoints of the focused pair: `baseline` and `follow-up` for
    /// the default pair (or no focus), else the timepoints' titles.
    public var pairWords: (first: String, second: String) {
        guard let focus, focus != .baselineFollowup else { return ("baseline", "follow-up") }
        return (timepointTitles[0], timepointTitles[1])
    }

    /// What the page's section ids of the focused pair end with: nothing for the main pair (the
    /// first of ``pairs``), `-<second>_vs_<first>` for another.
    public var sectionSuffix: String {
        guard let focus, focus != pairs.first else { return "" }
        return "-\(focus.second.name)_vs_\(focus.first.name)"
    }

    /// Each tested pair's excluded patients (``focused(on:)``), pair by pair in the order of
    /// ``pairs`` and patients in the order of ``patients``; with no pair, the excluded patients.
    public var pairExclusions: [(pair: TimepointPair?, exclusion: Exclusion)] {
        guard !pairs.isEmpty else { return exclusions.map { (nil, $0) } }
        return pairs.flatMap { pair in focused(on: pair).exclusions.map { (Optional(pair), $0) } }
    }

    /// The excluded patients with their reasons, in the order of ``patients``.
    public var exclusions: [Exclusion] {
        patients.compactMap { summary in
            guard case let .excluded(reason) = summary.status else { return nil }
            return Exclusion(patient: summary.patient, cohort: summary.cohort, arm: summary.arm, reason: reason)
        }
    }

    /// The patients in the paired analysis (status `paired` or `not_detected`), in the order of ``patients``.
    public var pairedSummaries: [PatientSummary] {
        patients.filter { $0.status == .paired || $0.status == .notDetected }
    }

    /// How many patients the run has in each status: paired, single sample, not detected and
    /// excluded, which add up to the number of ``patients``.
    public var statusCounts: (paired: Int, singleSample: Int, notDetected: Int, excluded: Int) {
        let paired = patients.filter { $0.status == .paired }.count
        let single = patients.filter { $0.status == .singleSample }.count
        let notDetected = patients.filter { $0.status == .notDetected }.count
        return (paired, single, notDetected, patients.count - paired - single - notDetected)
    }

    /// The patients of the paired analysis (``pairedSummaries``) that have values of `metric`
    /// in one group, in the order of ``patients``: those with status `paired` are the ones its
    /// signed-rank row tested, the `not_detected` ones are drawn beside them.
    /// - Parameters:
    ///   - metric: the metric.
    ///   - cohort: the cohort, or ``GroupedAnalysis/allLabel`` for every cohort.
    ///   - arm: the arm, or ``GroupedAnalysis/allLabel`` for every arm.
    public func pairedMembers(metric: Metric, cohort: String, arm: String) -> [PatientSummary] {
        pairedSummaries.filter {
            (cohort == GroupedAnalysis.allLabel || $0.cohort == cohort)
                && (arm == GroupedAnalysis.allLabel || $0.arm == arm) && $0.pair(of: metric) != nil
        }
    }

    /// The (cohort, arm) groups that have patients, sorted by cohort then arm (code-point order).
    public var groups: [ReportGroup] {
        let all = Set(patients.map { ReportGroup(cohort: $0.cohort, arm: $0.arm) })
        return all.sorted()
    }

    /// The arms of all patients, sorted; their order fixes each arm's colour.
    public var arms: [String] {
        Set(patients.map(\.arm)).sorted()
    }

    /// The cohorts of all patients, sorted.
    public var cohorts: [String] {
        Set(patients.map(\.cohort)).sorted()
    }

    /// The signed-rank row of a metric in one group, if the statistics have one.
    /// - Parameters:
    ///   - metric: the metric's name.
    ///   - cohort: the cohort.
    ///   - arm: the arm.
    public func signedRankRow(metric: Metric, cohort: String, arm: String) -> StatisticsRow? {
        statistics.first { $0.test == .signedRank && $0.metric == metric && $0.cohort == cohort && $0.arm == arm }
    }

    /// The rank-sum rows of a metric within one cohort (`A vs B`), in report order.
    /// - Parameters:
    ///   - metric: the metric's name.
    ///   - cohort: the cohort.
    public func rankSumRows(metric: Metric, cohort: String) -> [StatisticsRow] {
        statistics.filter { $0.test == .rankSum && $0.metric == metric && $0.cohort == cohort }
    }
}

/// A cohort and an arm: the unit of the paired plots and the summaries.
public struct ReportGroup: Sendable, Hashable, Comparable {
    /// The cohort.
    public var cohort: String
    /// The arm.
    public var arm: String

    /// Creates a group.
    public init(cohort: String, arm: String) {
        self.cohort = cohort
        self.arm = arm
    }

    /// Orders by cohort, then arm, by Unicode code points.
    public static func < (lhs: ReportGroup, rhs: ReportGroup) -> Bool {
        if lhs.cohort != rhs.cohort { return lhs.cohort.unicodeScalars.lexicographicallyPrecedes(rhs.cohort.unicodeScalars) }
        return lhs.arm.unicodeScalars.lexicographicallyPrecedes(rhs.arm.unicodeScalars)
    }
}

/// One sampled timepoint of one patient: a row of `timepoints.tsv`.
public struct TimepointDraw: Sendable, Equatable {
    /// The patient's place in ``RunDocument/patients``.
    public var patientIndex: Int
    /// The timepoint's place in ``RunDocument/timepoints``.
    public var timepointIndex: Int
    /// Days from the sheet's origin to the draw, when the sheet gives them.
    public var day: Double?
    /// The sheet row's values of its own columns (``RunDocument/covariateColumns`` are the
    /// per-patient ones; these are the row's, in the sheet's extra-column order).
    public var sheetValues: [String?]

    /// Creates a draw; the parameters are the properties of the same names.
    public init(patientIndex: Int, timepointIndex: Int, day: Double?, sheetValues: [String?]) {
        self.patientIndex = patientIndex
        self.timepointIndex = timepointIndex
        self.day = day
        self.sheetValues = sheetValues
    }
}
