import CtDNAIO
import CtDNAModel
import CtDNASystem
import Dispatch
import Synchronization

/// A sample to read: a table, and optionally one barcode inside it.
struct SampleRequest: Sendable, Hashable {
    /// The variant table's path.
    var file: String
    /// The `Tumor_Sample_Barcode` to keep, or `nil` for a single-sample table.
    var sample: String?
    /// Where the request came from, for messages (`samplesheet.tsv:4`).
    var origin: String

    /// Creates a request.
    init(file: String, sample: String?, origin: String) {
        self.file = file
        self.sample = sample
        self.origin = origin
    }

    /// The key a loaded sample is found under.
    var key: SampleKey { SampleKey(file: file, sample: sample) }
}

/// Identifies a loaded sample: a file and a barcode.
struct SampleKey: Sendable, Hashable {
    /// The variant table's path.
    var file: String
    /// The barcode, or `nil` for the whole table.
    var sample: String?

    /// Creates a key.
    init(file: String, sample: String?) {
        self.file = file
        self.sample = sample
    }
}

/// What reading a whole file told: its checksum, and whether its header has a driver
/// annotation column (`ONCOGENIC`, `IS-A-HOTSPOT`, `hotspot_whitelist`; a VCF's INFO `ONCOGENIC`
/// or `HOTSPOT`).
struct FileFacts: Sendable {
    var checksum: FileChecksum
    var hasDriverAnnotation: Bool
}

/// A multi-sample table whose rows are not grouped by sample: a sample's rows resume after
/// another sample's rows began. ``SampleLoader/stream(_:options:threads:holdingWholeFiles:progress:deliver:fileRead:)``
/// throws it so that its caller can read the table again holding all of it
/// (`holdingWholeFiles`), instead of handing over a sample before its last row.
struct TableNotGroupedBySample: Error, Sendable, Equatable {
    /// The table.
    var file: String
    /// The sample whose rows resumed.
    var sample: String
    /// The line where they resumed.
    var line: Int
}

/// Reads many variant tables in parallel, each file once, however many samples it holds.
enum SampleLoader {
    /// Reads every requested sample and hands each one to `deliver` as soon as its last row is
    /// read, so that a caller can finish with it and let it go: memory then holds the samples
    /// being read, not the whole cohort.
    ///
    /// Requests are grouped by file, and a file is read once: a multi-sample table named by
    /// many rows of a sample sheet is not read once per row. A request without a barcode wants
    /// a single-sample table; a table that holds several samples then is an error.
    ///
    /// A single-sample table (a request without a barcode), or a table of which one sample is
    /// wanted, is handed over when the file ends. A multi-sample table of which several samples
    /// are wanted is handed over sample by sample as its rows move on to the next sample; when
    /// a sample's rows resume later, the table was not grouped by sample and
    /// ``TableNotGroupedBySample`` is thrown (after samples of it were delivered): read it
    /// again with its path in `holdingWholeFiles`, which holds a table's samples until it ends.
    ///
    /// Files are read in the order of their first request, `threads` at a time. The closures
    /// are called from the reading threads, possibly at the same time for different files.
    /// - Parameters:
    ///   - requests: The samples to read.
    ///   - options: Count columns and overrides (its `sample` is ignored: each request names its own).
    ///   - threads: How many files to read at once (at least 1).
    ///   - holdingWholeFiles: Multi-sample tables whose samples are handed over only at their end.
    ///   - progress: Called after each file with the number of files done and the total.
    ///   - deliver: Receives each requested sample's records, once per distinct sample, in input order.
    ///   - fileRead: Receives a file's path and what was learnt of it once the whole file is read.
    /// - Throws: The first `InputError` met, in file order, with the request's origin added;
    ///   ``TableNotGroupedBySample``; whatever `deliver` throws. Files not yet started when an
    ///   error is met are not read.
    static func stream(
        _ requests: [SampleRequest], options: VariantTableOptions, threads: Int,
        holdingWholeFiles: Set<String> = [],
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
        deliver: @Sendable (_ sample: SampleKey, _ records: [VariantRecord]) throws -> Void,
        fileRead: @Sendable (_ file: String, _ facts: FileFacts) -> Void
    ) throws {
        var files: [String] = []
        var requestsOfFile: [String: [SampleRequest]] = [:]
        for request in requests {
            if requestsOfFile[request.file] == nil { files.append(request.file) }
            requestsOfFile[request.file, default: []].append(request)
        }
        let total = files.count
        let errors = Mutex<[Int: any Error]>([:])
        let finished = Atomic<Int>(0)
        let next = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let workers = max(1, min(threads, total))
        let groups = requestsOfFile
        let fileOrder = files
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !failed.load(ordering: .relaxed) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < total else { return }
                let file = fileOrder[index]
                do {
                    // With fewer files than threads, the idle cores decompress ahead of the parsing
                    // (a BGZF file on as many threads as are spare, and the reading one).
                    let facts = try readFile(
                        file, requests: groups[file]!, options: options,
                        readAheadThreads: threads > workers ? threads - workers + 1 : 0,
                        holdingWholeFile: holdingWholeFiles.contains(file), deliver: deliver)
                    fileRead(file, facts)
                    progress(finished.wrappingAdd(1, ordering: .relaxed).newValue, total)
                } catch {
                    errors.withLock { $0[index] = error }
                    failed.store(true, ordering: .relaxed)
                }
            }
        }
        if let first = errors.withLock({ $0.min { $0.key < $1.key } }) {
            throw first.value
        }
    }

    /// Reads one file, delivering its requested samples; returns its checksum and layout facts.
    private static func readFile(
        _ file: String, requests: [SampleRequest], options: VariantTableOptions, readAheadThreads: Int,
        holdingWholeFile: Bool, deliver: (SampleKey, [VariantRecord]) throws -> Void
    ) throws -> FileFacts {
        /// Where the request an error is about was listed: the first request's unless an error names another.
        var origin = requests[0].origin
        func located(_ error: InputError) -> InputError {
            var error = error
            error.message += " (listed at \(origin))"
            return error
        }
        let wanted = Set(requests.compactMap(\.sample))
        let wholeTable = requests.contains { $0.sample == nil }
        var options = options
        options.sample = (wanted.count == 1 && !wholeTable) ? wanted.first : nil
        // Several samples wanted from one table: each is handed over when its rows end.
        var byRuns = options.sample == nil && !wholeTable && !holdingWholeFile
        var isVCF = false
        var held: [String?: [VariantRecord]] = [:]
        var samplesInTable: [String] = []
        var samplesSeen: Set<String> = []
        var run: (sample: String, records: [VariantRecord])?
        var delivered: Set<String> = []
        /// The length of the last run handed over: the next run's array is made that large at
        /// once (a table's samples have similar row counts), not grown by doubling and copying.
        var lastRunLength = 0
        /// The sample of the last row and whether it is wanted: rows come in runs of one
        /// sample, so the set of wanted samples is asked once a run, not once a row.
        var lastSample: String?, lastSampleIsWanted = false
        func isWanted(_ sample: String) -> Bool {
            if sample != lastSample {
                lastSample = sample
                lastSampleIsWanted = wanted.contains(sample)
            }
            return lastSampleIsWanted
        }
        func endRun() throws {
            guard let ended = run else { return }
            run = nil
            lastRunLength = ended.records.count
            delivered.insert(ended.sample)
            try deliver(SampleKey(file: file, sample: ended.sample), ended.records)
        }
        let checksum: FileChecksum
        var hasDriverAnnotation = false
        do {
            var reader = try VariantTableReader(path: file, options: options, computesDigest: true)
            if readAheadThreads > 0 { try reader.byteReader.startReadingAhead(threads: readAheadThreads) }
            try reader.forEachRecord(onHeader: { layout in
                hasDriverAnnotation = layout.hasDriverAnnotation
                guard let vcf = layout.vcf else { return }
                // Each line of a VCF holds every sample: its samples' records come interleaved,
                // never in runs, and are held until the file ends.
                isVCF = true
                byRuns = false
                let samples = vcf.samples
                let listed = samples.prefix(20).joined(separator: ", ") + (samples.count > 20 ? ", ... (\(samples.count) in all)" : "")
                for sample in wanted.sorted() where !samples.contains(sample) {
                    origin = requests.first { $0.sample == sample }?.origin ?? origin
                    throw InputError(file: file, message: "sample \"\(sample)\" not found; " + (samples.isEmpty
                        ? "the VCF has no sample columns (sites only)" : "the VCF header has samples: \(listed)"))
                }
                if wholeTable && samples.count > 1 {
                    throw InputError(file: file, message: "the VCF holds \(samples.count) samples (\(listed)): name one in the sample sheet's sample column")
                }
            }) { record in
                if options.sample != nil {
                    held[record.sample, default: []].append(record)
                    return
                }
                if let sample = record.sample, samplesInTable.last != sample, samplesSeen.insert(sample).inserted {
                    samplesInTable.append(sample)
                }
                if wholeTable {
                    held[nil, default: []].append(record)
                } else if let sample = record.sample, isWanted(sample) {
                    guard byRuns else {
                        held[sample, default: []].append(record)
                        return
                    }
                    if run?.sample != sample {
                        try endRun()
                        if delivered.contains(sample) {
                            throw TableNotGroupedBySample(file: file, sample: sample, line: record.lineNumber)
                        }
                        var records: [VariantRecord] = []
                        records.reserveCapacity(lastRunLength)
                        run = (sample, records)
                    }
                    run!.records.append(record)
                } else if run != nil {
                    try endRun()
                }
            }
            try endRun()
            checksum = FileChecksum(byteCount: reader.byteReader.rawBytesRead, sha256: reader.byteReader.rawDigest() ?? "")
        } catch let error as InputError {
            throw located(error)
        } catch let error as SystemError {
            throw located(InputError(file: file, message: "\(error.action): \(error.code)"))
        }
        if wholeTable && samplesInTable.count > 1 {
            let listed = samplesInTable.prefix(10).joined(separator: ", ") + (samplesInTable.count > 10 ? ", ..." : "")
            throw located(InputError(file: file, message: "the table holds \(samplesInTable.count) samples (\(listed)): name one in the sample sheet's sample column"))
        }
        for sample in wanted.sorted() where options.sample == nil && !isVCF && held[sample] == nil && !delivered.contains(sample) {
            let listed = samplesInTable.prefix(10).joined(separator: ", ")
            throw located(InputError(file: file, message: "sample \"\(sample)\" not found; the file has \(samplesInTable.isEmpty ? "no data rows" : "samples: " + listed)"))
        }
        if wholeTable { try deliver(SampleKey(file: file, sample: nil), held.removeValue(forKey: nil) ?? []) }
        for sample in wanted.sorted() where !delivered.contains(sample) {
            try deliver(SampleKey(file: file, sample: sample), held.removeValue(forKey: sample) ?? [])
        }
        return FileFacts(checksum: checksum, hasDriverAnnotation: hasDriverAnnotation)
    }
}
