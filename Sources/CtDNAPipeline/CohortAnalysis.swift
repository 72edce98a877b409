import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAStats
import CtDNASystem
import Dispatch
import Synchronization

/// Which of a patient's tables a sample is: a timepoint of its series, or its matched normal.
private enum SampleRole: Sendable {
    case timepoint(Int)
    case normal
}

/// What the streaming analysis holds while files are read: the tables of the patients still
/// waiting for a sample, and the summaries of those done.
private struct StreamingState {
    var patients: [PatientSeries]
    /// Samples each patient still waits for.
    var samplesLeft: [Int]
    var summaries: [PatientSummary?]
    var checksums: [String: FileChecksum] = [:]
    var filesWithoutDriverAnnotation: Set<String> = []

    init(patients: [PatientSeries], samplesLeft: [Int]) {
        self.patients = patients
        self.samplesLeft = samplesLeft
        summaries = Array(repeating: nil, count: patients.count)
    }

    /// Gives one sample's records to the patients that use it; returns the patients that now
    /// have every sample, taking their tables out of the state.
    mutating func hand(_ records: [VariantRecord], to users: [SampleUse]) -> [(index: Int, series: PatientSeries)] {
        var ready: [(index: Int, series: PatientSeries)] = []
        var counted: Set<Int> = []
        for (index, role) in users {
            switch role {
            case let .timepoint(place): patients[index].tables[place] = records
            case .normal: patients[index].normal = records
            }
            guard counted.insert(index).inserted else { continue }
            samplesLeft[index] -= 1
            if samplesLeft[index] == 0 {
                ready.append((index, patients[index]))
                patients[index].tables = patients[index].tables.map { _ in nil }
                patients[index].normal = nil
            }
        }
        return ready
    }
}

/// A patient that uses a sample, and as which of its tables.
private typealias SampleUse = (patient: Int, role: SampleRole)

/// The streaming state, shared with worker threads.
private final class SharedState: Sendable {
    let value: Mutex<StreamingState>
    init(_ state: StreamingState) { value = Mutex(state) }
}

/// Runs patients' analyses on background threads, at most `limit` waiting or running at once,
/// and keeps the first error.
private final class PatientWorkers: Sendable {
    private let queue = DispatchQueue(label: "ctdna.patients", attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 0)
    private let firstError = Mutex<(any Error)?>(nil)

    init(limit: Int) {
        // Made at 0 and raised: libdispatch traps when a semaphore is freed below its initial value.
        for _ in 0..<limit { slots.signal() }
    }

    /// Queues `work`, waiting while `limit` tasks are queued or running.
    /// - Throws: The error of an earlier task, so that reading stops soon after a failure.
    func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        try rethrow()
        slots.wait()
        group.enter()
        queue.async { [self] in
            defer {
                slots.signal()
                group.leave()
            }
            do {
                try work()
            } catch {
                firstError.withLock { if $0 == nil { $0 = error } }
            }
        }
    }

    /// Waits until every queued task has run.
    func waitForAll() { group.wait() }

    /// Waits until every queued task has run, then throws the first error a task threw.
    func finish() throws {
        waitForAll()
        try rethrow()
    }

    /// Throws the first error a task threw, if any.
    private func rethrow() throws {
        if let error = firstError.withLock({ $0 }) { throw error }
    }
}

/// A whole cohort's analysis: every sample of a sheet read, every patient analysed as soon as
/// its last sample is read, every group tested.
///
/// Memory holds the samples being read and one summary per patient; each patient's full result
/// (every mutation's audit row) goes to the caller's `onResult` and is let go.
struct CohortAnalysis: Sendable {
    /// One summary per patient over the run's timepoints, in the order patients first appear
    /// in the sheet.
    var summaries: [PatientSummary]
    /// Size and SHA-256 of every variant table read, by path.
    var checksums: [String: FileChecksum]
    /// The patients (by index) all of whose plasma tables lack a driver annotation column, so
    /// that the method could only choose their reference over all mutations.
    var patientsWithoutDriverAnnotation: [Int]

    /// Reads every sample of `sheet` (in parallel, each file once) and analyses each patient.
    ///
    /// A patient is analysed over the analysed timepoints it has, in its own order
    /// (``TimepointPlan/seriesOrder(_:)``), and its result laid onto the run's timepoints
    /// (``CtDNACore/PatientResult/placed(on:)``), with the plan's main pair as its tested pair.
    /// When a multi-sample table turns out not to be grouped by sample, the reading starts over
    /// (after `onRestart`) holding that table's samples until its end.
    /// - Parameters:
    ///   - sheet: A validated sample sheet.
    ///   - plan: The analysed timepoints, in order, and the tested pairs; other rows of the
    ///     sheet are unused.
    ///   - tableOptions: Count columns and overrides for every table (the sample comes from the sheet).
    ///   - parameters: The method's parameters.
    ///   - threads: How many files to read at once.
    ///   - tissue: Each patient's tissue copy numbers, by patient (none for most runs).
    ///   - progress: Called after each file with the number done and the total.
    ///   - onResult: Receives each patient's result (over the run's timepoints) with the
    ///     patient's index in sheet order, as soon as it is known; called from the reading
    ///     threads, possibly at the same time.
    ///   - onRestart: Called before the reading starts over; results delivered before it are void.
    /// - Throws: The first `InputError` met while reading; whatever the closures throw.
    init(
        sheet: SampleSheet, plan: TimepointPlan, tableOptions: VariantTableOptions, parameters: MethodParameters, threads: Int,
        tissue: [String: TissueOfPatient] = [:],
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
        onResult: @escaping @Sendable (_ index: Int, _ result: PatientResult) throws -> Void,
        onRestart: () throws -> Void = {}
    ) throws {
        let origin = { (line: Int) in "\(sheet.path):\(line)" }
        let analysed = Set(plan.timepoints)
        var rowsOfPatient: [String: [SampleEntry]] = [:]
        var patientOrder: [String] = []
        for entry in sheet.entries where analysed.contains(entry.timepoint) {
            if rowsOfPatient[entry.patient] == nil { patientOrder.append(entry.patient) }
            rowsOfPatient[entry.patient, default: []].append(entry)
        }
        var requests: [SampleRequest] = []
        var patients: [PatientSeries] = []
        var usersOfSample: [SampleKey: [SampleUse]] = [:]
        for patient in patientOrder {
            let rows = plan.seriesOrder(rowsOfPatient[patient]!)
            let index = patients.count
            patients.append(PatientSeries(
                patient: patient, cohort: rows[0].cohort, arm: rows[0].arm, timepoints: rows.map(\.timepoint),
                tables: rows.map { _ in nil }))
            for (place, entry) in rows.enumerated() {
                requests.append(SampleRequest(file: entry.file, sample: entry.sample, origin: origin(entry.line)))
                usersOfSample[SampleKey(file: entry.file, sample: entry.sample), default: []].append((index, .timepoint(place)))
            }
            if let normal = rows.first(where: { $0.normal != nil }) {
                requests.append(SampleRequest(file: normal.normal!, sample: normal.normalSample, origin: origin(normal.line)))
                usersOfSample[SampleKey(file: normal.normal!, sample: normal.normalSample), default: []].append((index, .normal))
            }
        }
        var samplesLeft = Array(repeating: 0, count: patients.count)
        for users in usersOfSample.values {
            for patient in Set(users.map(\.patient)) { samplesLeft[patient] += 1 }
        }
        let initial = StreamingState(patients: patients, samplesLeft: samplesLeft)
        var holding: Set<String> = []
        var finished: StreamingState
        while true {
            do {
                finished = try Self.readAll(
                    requests, usersOfSample: usersOfSample, initial: initial, holdingWholeFiles: holding,
                    tableOptions: tableOptions, parameters: parameters, plan: plan, threads: threads, tissue: tissue, progress: progress,
                    onResult: onResult)
                break
            } catch let error as TableNotGroupedBySample {
                holding.insert(error.file)
                try onRestart()
            }
        }
        // Every sample is delivered or an error thrown, so every patient has its summary.
        summaries = finished.summaries.map { $0! }
        checksums = finished.checksums
        let plasmaFiles = usersOfSample.reduce(into: [Int: Set<String>]()) { files, use in
            for user in use.value {
                if case .timepoint = user.role { files[user.patient, default: []].insert(use.key.file) }
            }
        }
        patientsWithoutDriverAnnotation = plasmaFiles.keys.sorted().filter { patient in
            plasmaFiles[patient]!.isSubset(of: finished.filesWithoutDriverAnnotation)
        }
    }

    /// Reads every requested sample once and analyses each patient when its last sample is in.
    /// - Returns: The state at the end: every patient's summary and every file's checksum.
    /// - Throws: What the reading or `onResult` throws, after every queued analysis has ended.
    private static func readAll(
        _ requests: [SampleRequest], usersOfSample: [SampleKey: [SampleUse]], initial: StreamingState,
        holdingWholeFiles: Set<String>, tableOptions: VariantTableOptions, parameters: MethodParameters,
        plan: TimepointPlan, threads: Int, tissue: [String: TissueOfPatient], progress: @Sendable (_ done: Int, _ total: Int) -> Void,
        onResult: @escaping @Sendable (_ index: Int, _ result: PatientResult) throws -> Void
    ) throws -> StreamingState {
        let state = SharedState(initial)
        // With fewer files than threads (one large multi-sample table), patients are analysed
        // and written on worker threads while the reader goes on: parsing need not wait for the
        // analysis of the patient whose rows just ended. With a file per thread or more, every
        // thread reads already, and a patient is analysed where its last sample was read: handing
        // it to a worker only adds a third thread to two cores and frees its records on another
        // thread than the one that made them (Benchmarks/README.md, "Threads of a run").
        let fileCount = Set(requests.map(\.file)).count
        let workers = threads > 1 && fileCount < threads ? PatientWorkers(limit: threads) : nil
        // Each patient's files, in the order of its tables, then its normal: for build checks.
        let patientCount = initial.patients.count
        var filesOfPatient = initial.patients.map { Array(repeating: String?.none, count: $0.tables.count + 1) }
        for (key, users) in usersOfSample {
            for user in users where user.patient < patientCount {
                switch user.role {
                case let .timepoint(place): filesOfPatient[user.patient][place] = key.file
                case .normal: filesOfPatient[user.patient][filesOfPatient[user.patient].count - 1] = key.file
                }
            }
        }
        let files = filesOfPatient
        let analyze: @Sendable (Int, PatientSeries) throws -> Void = { index, series in
            let ownTissue = tissue[series.patient]
            try GenomeBuildCheck.check(series, files: files[index], tissue: ownTissue.map { ($0.file, $0.builds) })
            var result = analyzePatient(series, parameters: parameters, tissue: ownTissue?.data).placed(on: plan.timepoints)
            result.summary.testedPair = plan.mainPair
            result.summary.molecularResponse = MolecularResponse(
                result.summary.pair(of: parameters.responseMetric), threshold: parameters.responseThreshold)
            state.value.withLock { $0.summaries[index] = result.summary }
            try onResult(index, result)
        }
        do {
            try SampleLoader.stream(
                requests, options: tableOptions, threads: threads, holdingWholeFiles: holdingWholeFiles,
                progress: progress,
                deliver: { key, records in
                    // Complete patients leave the state and are analysed outside the lock.
                    let ready = state.value.withLock { $0.hand(records, to: usersOfSample[key] ?? []) }
                    for (index, series) in ready {
                        if let workers {
                            try workers.submit { try analyze(index, series) }
                        } else {
                            try analyze(index, series)
                        }
                    }
                },
                fileRead: { file, facts in
                    state.value.withLock { state in
                        state.checksums[file] = facts.checksum
                        if !facts.hasDriverAnnotation { state.filesWithoutDriverAnnotation.insert(file) }
                    }
                })
        } catch {
            workers?.waitForAll()  // no analysis outlives the reading
            throw error
        }
        try workers?.finish()
        return state.value.withLock { $0 }
    }

    /// The paired values of one metric at a tested pair, one per patient whose status is
    /// `paired` and who has a value at both timepoints (the same rule `ctdna stats` applies to
    /// a patients table).
    /// - Parameters:
    ///   - metric: The metric.
    ///   - pair: The pair, two of the run's timepoints.
    ///   - summaries: The patients, over the run's timepoints.
    static func observations(of metric: Metric, at pair: TimepointPair, in summaries: [PatientSummary]) -> [PairedObservation] {
        summaries.compactMap { summary in
            guard summary.status == .paired, let values = summary.pair(of: metric, at: pair) else { return nil }
            return PairedObservation(patient: summary.patient, cohort: summary.cohort, arm: summary.arm,
                                     baseline: values.baseline, followup: values.followup)
        }
    }

    /// The statistics of every tested pair and metric, with Benjamini-Hochberg q-values over
    /// each family: what a run computes from its patients, and a merge of shards again.
    /// - Parameters:
    ///   - summaries: The patients, over the run's timepoints, in sheet order.
    ///   - pairs: The tested pairs, in order.
    ///   - options: The tests' options.
    ///   - family: Which rows form one family (the whole report by default).
    ///   - metrics: The metrics tested, in report order.
    /// - Throws: `StatisticsError` for a value the tests cannot take (NaN or infinite).
    static func statistics(
        of summaries: [PatientSummary], pairs: [TimepointPair], options: WilcoxonOptions, family: FDRFamily = .report,
        metrics: [Metric] = Metric.tested
    ) throws -> [StatisticsRow] {
        var rows: [StatisticsRow] = []
        for pair in pairs {
            for metric in metrics {
                rows += try GroupedAnalysis.rows(
                    metric: metric, observations: observations(of: metric, at: pair, in: summaries), options: options
                ).map { row in
                    var row = row
                    row.pair = pair
                    return row
                }
            }
        }
        return GroupedAnalysis.addingQValues(rows, family: family)
    }
}

/// A patient's tissue copy numbers as a run holds them until the patient is analysed.
struct TissueOfPatient: Sendable {
    /// The rows and the patient's sex.
    var data: PatientTissue
    /// The table(s) they came from, for messages.
    var file: String
    /// The genome builds the rows name (canonical), for the build check.
    var builds: Set<String>
}
