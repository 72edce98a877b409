import CtDNACore
import CtDNAModel
import CtDNAReport
import CtDNASystem
import Synchronization

/// Writes each patient's rows of `audit.tsv` as soon as the patient is analysed, so that a run
/// holds summaries, never every mutation of the cohort; and counts the mutations of each
/// status for the report.
///
/// Results may arrive in any order and from several threads; rows are written in patient
/// order (see ``OrderedChunkWriter``).
///
/// `@unchecked Sendable`: every stored property is touched only while `lock` is held.
final class ResultStream: @unchecked Sendable {
    private let lock = Mutex(())
    private let audit: OrderedChunkWriter
    private var tally = FilterTally()
    private let tumourInformed: Bool

    /// Starts the stream; writes the audit table's header.
    /// - Parameters:
    ///   - audit: The file `audit.tsv` is written to.
    ///   - scratchFolder: Where early chunks wait when they exceed memory (the output folder).
    ///   - timepoints: The run's timepoints, for the header.
    ///   - tumourInformed: Whether the run has tissue copy numbers (the audit's tissue columns).
    /// - Throws: `SystemError` when the header cannot be written.
    init(audit: OutputFile, scratchFolder: String, timepoints: [Timepoint], tumourInformed: Bool = false) throws {
        try audit.write(PatientTables.auditHeader(timepoints: timepoints, tumourInformed: tumourInformed))
        self.tumourInformed = tumourInformed
        self.audit = OrderedChunkWriter(sink: audit, scratchFolder: scratchFolder)
    }

    /// Formats one patient's audit rows and writes them in their turn.
    /// - Parameters:
    ///   - result: The patient's result.
    ///   - index: The patient's place in the sheet, from 0; each index once.
    /// - Throws: `SystemError` when writing fails.
    func add(_ result: PatientResult, index: Int) throws {
        // Room for a typical row up front: a patient of a large panel has thousands, and
        // growing the buffer by doubling copied it over and over.
        var rows: [UInt8] = []
        rows.reserveCapacity(256 * (result.audit.count + 1))
        PatientTables.appendAuditRows(of: result, to: &rows, tumourInformed: tumourInformed)
        var patientTally = FilterTally()
        patientTally.add(result)
        try lock.withLock { _ in
            try audit.put(rows, number: index)
            tally.add(patientTally)
        }
    }

    /// The number of patients written so far.
    var patientsWritten: Int { lock.withLock { _ in audit.nextChunk } }

    /// The audit rows counted over every patient added.
    var counted: FilterTally { lock.withLock { _ in tally } }
}
