import Dispatch
import Synchronization

/// A sample to read: a table, and optionally one barcode inside it.
public struct SampleRequest: Sendable, Hashable {
    /// The variant table's path.
    public var file: String
    /// The `Tumor_Sample_Barcode` to keep, or `nil` for a single-sample table.
    public var sample: String?
    /// Where the request came from, for messages (`samplesheet.tsv:4`).
    public var origin: String

    /// Creates a request.
    public init(file: String, sample: String?, origin: String) {
        self.file = file
        self.sample = sample
        self.origin = origin
    }

    /// The key a loaded sample is found under.
    public var key: SampleKey { SampleKey(file: file, sample: sample) }
}

/// Identifies a loaded sample: a file and a barcode.
public struct SampleKey: Sendable, Hashable {
    /// The variant table's path.
    public var file: String
    /// The barcode, or `nil` for the whole table.
    public var sample: String?

    /// Creates a key.
    public init(file: String, sample: String?) {
        self.file = file
        self.sample = sample
    }
}

/// A file as read: its size and SHA-256, for a report's list of inputs.
public struct FileChecksum: Sendable, Hashable {
    /// Bytes in the file as stored (compressed).
    public var byteCount: Int
    /// SHA-256 of the stored bytes, in hex.
    public var sha256: String
}

/// What `SampleLoader.load` read: the records of each sample and each file's checksum.
public struct LoadedSamples: Sendable {
    /// The records of each requested sample, in input order.
    public var records: [SampleKey: [VariantRecord]]
    /// The checksum of each file read, by path.
    public var checksums: [String: FileChecksum]
}

/// Reads many variant tables in parallel, each file once, however many samples it holds.
public enum SampleLoader {
    /// Loads every requested sample into memory.
    ///
    /// Requests are grouped by file, and a file is read once: a multi-sample table named by
    /// many rows of a sample sheet is not read once per row. A request without a barcode wants
    /// a single-sample table; a table that holds several samples then is an error.
    /// - Parameters:
    ///   - requests: The samples to read.
    ///   - options: Count columns and overrides (its `sample` is ignored: each request names its own).
    ///   - threads: How many files to read at once (at least 1).
    ///   - progress: Called after each file with the number of files done and the total.
    /// - Returns: The records of each requested sample, in input order, and each file's checksum,
    ///   computed while reading (no second read).
    /// - Throws: The first `InputError` met, in file order, with the request's origin added.
    public static func load(
        _ requests: [SampleRequest], options: VariantTableOptions, threads: Int,
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> LoadedSamples {
        let loaded = Mutex(LoadedSamples(records: [:], checksums: [:]))
        try stream(requests, options: options, threads: threads, progress: progress) { file, samples, checksum in
            loaded.withLock {
                $0.records.merge(samples) { first, _ in first }
                $0.checksums[file] = checksum
            }
        }
        return loaded.withLock { $0 }
    }

    /// Reads every requested sample and hands each file's samples to `consume` as soon as the
    /// file is read, so a caller can finish with them and let them go: memory then holds the
    /// files being read, not the whole cohort.
    ///
    /// Files are read in the order of their first request, `threads` at a time; `consume` is
    /// called once per file, never concurrently with itself, in the order files finish.
    /// - Parameters:
    ///   - requests: The samples to read.
    ///   - options: Count columns and overrides (its `sample` is ignored: each request names its own).
    ///   - threads: How many files to read at once (at least 1).
    ///   - progress: Called after each file with the number of files done and the total.
    ///   - consume: Receives a file's path, its samples' records and its checksum.
    /// - Throws: The first `InputError` met, in file order, with the request's origin added;
    ///   files not yet started when an error is met are not read.
    public static func stream(
        _ requests: [SampleRequest], options: VariantTableOptions, threads: Int,
        progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
        consume: @Sendable (_ file: String, _ samples: [SampleKey: [VariantRecord]], _ checksum: FileChecksum) -> Void
    ) throws {
        var files: [String] = []
        var requestsOfFile: [String: [SampleRequest]] = [:]
        for request in requests {
            if requestsOfFile[request.file] == nil { files.append(request.file) }
            requestsOfFile[request.file, default: []].append(request)
        }
        let total = files.count
        let errors = Mutex<[Int: InputError]>([:])
        let delivery = Mutex(0)
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
                    // With fewer files than threads, the idle cores decompress ahead of the parsing.
                    let (samples, checksum) = try readFile(file, requests: groups[file]!, options: options, readAhead: threads > workers)
                    let done = delivery.withLock { finished -> Int in
                        consume(file, samples, checksum)
                        finished += 1
                        return finished
                    }
                    progress(done, total)
                } catch {
                    let inputError = error as? InputError ?? InputError(file: file, message: "\(error)")
                    errors.withLock { $0[index] = inputError }
                    failed.store(true, ordering: .relaxed)
                }
            }
        }
        if let first = errors.withLock({ $0.min { $0.key < $1.key } }) {
            throw first.value
        }
    }

    private static func readFile(_ file: String, requests: [SampleRequest], options: VariantTableOptions, readAhead: Bool) throws -> ([SampleKey: [VariantRecord]], FileChecksum) {
        let origin = requests[0].origin
        func located(_ error: InputError) -> InputError {
            var error = error
            error.message += " (listed at \(origin))"
            return error
        }
        let wanted = Set(requests.compactMap(\.sample))
        let wholeTable = requests.contains { $0.sample == nil }
        var options = options
        options.sample = (wanted.count == 1 && !wholeTable) ? wanted.first : nil
        var bySample: [String?: [VariantRecord]] = [:]
        var samplesInTable: [String] = []
        var samplesSeen: Set<String> = []
        let checksum: FileChecksum
        do {
            var reader = try VariantTableReader(path: file, options: options, computesDigest: true)
            if readAhead { reader.byteReader.startReadingAhead() }
            try reader.forEachRecord { record in
                if options.sample != nil {
                    bySample[record.sample, default: []].append(record)
                    return
                }
                if let sample = record.sample, samplesInTable.last != sample, samplesSeen.insert(sample).inserted {
                    samplesInTable.append(sample)
                }
                if wholeTable {
                    bySample[nil, default: []].append(record)
                } else if let sample = record.sample, wanted.contains(sample) {
                    bySample[sample, default: []].append(record)
                }
            }
            checksum = FileChecksum(byteCount: reader.byteReader.rawBytesRead, sha256: reader.byteReader.rawDigest() ?? "")
        } catch let error as InputError {
            throw located(error)
        } catch {
            throw located(InputError(file: file, message: "\(error)"))
        }
        if wholeTable && samplesInTable.count > 1 {
            let listed = samplesInTable.prefix(10).joined(separator: ", ") + (samplesInTable.count > 10 ? ", ..." : "")
            throw located(InputError(file: file, message: "the table holds \(samplesInTable.count) samples (\(listed)): name one in the sample sheet's sample column"))
        }
        var loaded: [SampleKey: [VariantRecord]] = [:]
        if wholeTable { loaded[SampleKey(file: file, sample: nil)] = bySample[nil] ?? [] }
        for sample in wanted {
            if options.sample == nil && bySample[sample] == nil {
                let listed = samplesInTable.prefix(10).joined(separator: ", ")
                throw located(InputError(file: file, message: "sample \"\(sample)\" not found; the file has \(samplesInTable.isEmpty ? "no data rows" : "samples: " + listed)"))
            }
            loaded[SampleKey(file: file, sample: sample)] = bySample[sample] ?? []
        }
        return (loaded, checksum)
    }
}
