import CtDNAIO
import CtDNACore
import CtDNAStats
import Synchronization

/// What the streaming analysis holds while files are read.
private struct StreamingState {
    var patients: [PatientSamples]
    var filesLeft: [Int: Int]
    var results: [PatientResult?]
    var checksums: [String: FileChecksum] = [:]

    init(patients: [PatientSamples], filesLeft: [Int: Int]) {
        self.patients = patients
        self.filesLeft = filesLeft
        results = Array(repeating: nil, count: patients.count)
    }
}

/// A whole cohort's analysis: every sample of a sheet read, every patient analysed, every group tested.
public struct CohortAnalysis: Sendable {
    /// One result per patient, in the order patients first appear in the sheet.
    public var results: [PatientResult]
    /// Sheet rows whose timepoint is neither baseline nor follow-up: carried, not analysed.
    public var unusedEntries: [SampleEntry]
    /// Size and SHA-256 of every variant table read, by path.
    public var checksums: [String: FileChecksum]

    /// The metrics tested, in report order: the ctDNA fraction, then the median allele fraction.
    public static let metrics = ["ctdna_fraction", "median_af"]

    /// Reads every sample of `sheet` (in parallel, each file once) and analyses each patient.
    /// - Parameters:
    ///   - sheet: A validated sample sheet.
    ///   - tableOptions: Count columns and overrides for every table (the sample comes from the sheet).
    ///   - parameters: The method's parameters.
    ///   - threads: How many files to read at once.
    ///   - progress: Called after each file with the number done and the total.
    /// - Throws: The first `InputError` met while reading.
    public init(
        sheet: SampleSheet, tableOptions: VariantTableOptions, parameters: MethodParameters, threads: Int,
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws {
        let origin = { (line: Int) in "\(sheet.path):\(line)" }
        var requests: [SampleRequest] = []
        for entry in sheet.entries where entry.timepoint != nil {
            requests.append(SampleRequest(file: entry.file, sample: entry.sample, origin: origin(entry.line)))
            if let normal = entry.normal {
                requests.append(SampleRequest(file: normal, sample: nil, origin: origin(entry.line)))
            }
        }
        // Each patient is analysed as soon as its last file is read, and its records let go:
        // memory holds the files in flight and the results, not the whole cohort's tables.
        var patients: [PatientSamples] = []
        var indexOfPatient: [String: Int] = [:]
        var patientsOfFile: [String: Set<Int>] = [:]
        var filesOfPatient: [Int: Set<String>] = [:]
        for entry in sheet.entries where entry.timepoint != nil {
            let index = indexOfPatient[entry.patient] ?? {
                patients.append(PatientSamples(patient: entry.patient, cohort: entry.cohort, arm: entry.arm, baseline: nil, followup: nil))
                indexOfPatient[entry.patient] = patients.count - 1
                return patients.count - 1
            }()
            for file in [entry.file, entry.normal].compactMap({ $0 }) {
                patientsOfFile[file, default: []].insert(index)
                filesOfPatient[index, default: []].insert(file)
            }
        }
        let entriesOfPatient = Dictionary(grouping: sheet.entries.filter { $0.timepoint != nil }) { indexOfPatient[$0.patient]! }
        let state = Mutex(StreamingState(patients: patients, filesLeft: filesOfPatient.mapValues(\.count)))
        let patientsOfFileFinal = patientsOfFile
        try SampleLoader.stream(requests, options: tableOptions, threads: threads, progress: progress) { file, samples, checksum in
            state.withLock { state in
                state.checksums[file] = checksum
                for index in patientsOfFileFinal[file] ?? [] {
                    for entry in entriesOfPatient[index] ?? [] {
                        if entry.file == file, let records = samples[SampleKey(file: file, sample: entry.sample)] {
                            switch entry.timepoint {
                            case .baseline: state.patients[index].baseline = records
                            case .followup: state.patients[index].followup = records
                            case nil: break
                            }
                        }
                        if entry.normal == file, let records = samples[SampleKey(file: file, sample: nil)] {
                            state.patients[index].normal = records
                        }
                    }
                    state.filesLeft[index]! -= 1
                    if state.filesLeft[index] == 0 {
                        state.results[index] = analyzePatient(state.patients[index], parameters: parameters)
                        state.patients[index].baseline = state.patients[index].baseline.map { _ in [] }
                        state.patients[index].followup = state.patients[index].followup.map { _ in [] }
                        state.patients[index].normal = nil
                    }
                }
            }
        }
        let finished = state.withLock { $0 }
        results = finished.results.indices.map { index in
            finished.results[index] ?? analyzePatient(finished.patients[index], parameters: parameters)
        }
        unusedEntries = sheet.entries.filter { $0.timepoint == nil }
        checksums = finished.checksums
    }

    /// The paired values of one metric, one per patient whose status is `paired`
    /// (the same rule `ctdna stats` applies to a patients table).
    /// - Parameter metric: `ctdna_fraction` or `median_af`.
    public func observations(of metric: String) -> [PairedObservation] {
        results.compactMap { result in
            let summary = result.summary
            guard summary.status == .paired else { return nil }
            let values = metric == "median_af" ? summary.medianAlleleFraction : summary.ctDNAFraction
            guard let values else { return nil }
            return PairedObservation(patient: summary.patient, cohort: summary.cohort, arm: summary.arm,
                                     baseline: values.baseline, followup: values.followup)
        }
    }

    /// The statistics of both metrics, with Benjamini-Hochberg q-values over all rows.
    /// - Parameter options: The tests' options.
    /// - Throws: `StatisticsError` for a value the tests cannot take (NaN or infinite).
    public func statistics(options: WilcoxonOptions) throws -> [StatisticsRow] {
        var rows: [StatisticsRow] = []
        for metric in CohortAnalysis.metrics {
            rows += try GroupedAnalysis.rows(metric: metric, observations: observations(of: metric), options: options)
        }
        return GroupedAnalysis.addingQValues(rows)
    }
}
