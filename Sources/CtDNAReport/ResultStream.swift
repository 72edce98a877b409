import CtDNACore
import CtDNAIO
import Synchronization

/// Writes each patient's rows of `audit.tsv` and entry of `report.json` as soon as the patient
/// is analysed, so that a run holds summaries, never every mutation of the cohort.
///
/// Results may arrive in any order and from several threads; rows and entries are written in
/// patient order (see ``OrderedChunkWriter``). The audit rows go straight to the audit file;
/// the JSON entries wait in a scratch file until ``writeJSON(_:to:)`` splices them into the
/// document, whose head (inputs and their checksums) is known only at the end.
///
/// `@unchecked Sendable`: every stored property is touched only while `lock` is held.
public final class ResultStream: @unchecked Sendable {
    private let lock = Mutex(())
    private let audit: OrderedChunkWriter
    private let jsonEntries: ScratchFile
    private let json: OrderedChunkWriter
    private var tally = FilterTally()

    /// Starts the streams; writes the audit table's header.
    /// - Parameters:
    ///   - audit: The file `audit.tsv` is written to.
    ///   - scratchFolder: Where the JSON entries and any early chunks wait (the output folder).
    /// - Throws: `InputError` when a scratch file cannot be made.
    public init(audit: OutputFile, scratchFolder: String) throws {
        try audit.write(PatientTables.auditHeader)
        self.audit = OrderedChunkWriter(sink: audit, scratchFolder: scratchFolder)
        jsonEntries = try ScratchFile(folder: scratchFolder)
        json = OrderedChunkWriter(sink: jsonEntries, scratchFolder: scratchFolder)
    }

    /// Formats one patient's audit rows and JSON entry and writes them in their turn.
    /// - Parameters:
    ///   - result: The patient's result.
    ///   - index: The patient's place in the sheet, from 0; each index once.
    /// - Throws: `InputError` when writing fails.
    public func add(_ result: PatientResult, index: Int) throws {
        // Room for a typical row and kept mutation up front: a patient of a large panel has
        // thousands, and growing the buffers by doubling copied them over and over.
        var rows: [UInt8] = []
        rows.reserveCapacity(256 * (result.audit.count + 1))
        PatientTables.appendAuditRows(of: result, to: &rows)
        var entry: [UInt8] = []
        entry.reserveCapacity(1024 + 512 * (result.summary.somaticCount ?? 0))
        JSONReport.appendPatientEntry(result, first: index == 0, to: &entry)
        var patientTally = FilterTally()
        patientTally.add(result)
        try lock.withLock { _ in
            try audit.put(rows, number: index)
            try json.put(entry, number: index)
            tally.add(patientTally)
        }
    }

    /// The mutations of each status over every patient added.
    public var filterCounts: [FilterCount] { lock.withLock { _ in tally.counts } }

    /// Writes `report.json`: the document with every patient's entry in order.
    /// - Parameters:
    ///   - document: The run, whose `patients` are the patients added.
    ///   - sink: Where the JSON goes.
    /// - Throws: `InputError` when reading back or writing fails.
    public func writeJSON(_ document: RunDocument, to sink: ByteSink) throws {
        try lock.withLock { _ in
            precondition(json.nextChunk == document.patients.count, "a patient's entry is missing")
            try JSONReport.write(document, patientEntries: jsonEntries, to: sink)
        }
    }
}
