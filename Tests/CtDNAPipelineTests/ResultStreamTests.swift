import CtDNACore
import CtDNAModel
import CtDNAReport
import CtDNASystem
import TestSupport
import Testing
@testable import CtDNAPipeline

/// The streamed audit table equals the one rendered from all results at once, whatever order
/// the patients finish in, and the filter counts are the sum over patients.
@Suite("Result stream")
struct ResultStreamTests {
    /// Three patients: P1 with a kept and a CH-gene mutation, P2 without a follow-up sample,
    /// P3 with one kept mutation.
    static let results: [PatientResult] = {
        let parameters = MethodParameters(chGenes: ["TET2"])
        return [
            PatientSeries(patient: "P1", cohort: "C", arm: "A", tables: [
                [row("TP53", 100, alt: 20, ref: 80), row("TET2", 50, alt: 4, ref: 96)],
                [row("TP53", 100, alt: 5, ref: 95)],
            ]),
            PatientSeries(patient: "P2", cohort: "C", arm: "A", tables: [[row("KRAS", 7, alt: 9, ref: 91)], nil]),
            PatientSeries(patient: "P3", cohort: "C", arm: "B", tables: [[row("EGFR", 9, alt: 3, ref: 97)], []]),
        ].map { analyzePatient($0, parameters: parameters) }
    }()

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func streamedAuditEqualsTheWholeRendering(order: [Int]) throws {
        let folder = TemporaryFolder()
        let audit = try OutputFile(path: folder.path("audit.tsv"))
        let stream = try ResultStream(audit: audit, scratchFolder: folder.path, timepoints: Timepoint.pair)
        for index in order { try stream.add(Self.results[index], index: index) }
        try audit.commit()
        #expect(try folder.text("audit.tsv") == PatientTables.auditTSV(Self.results))
        #expect(stream.patientsWritten == 3)
        // By hand: kept TP53 (P1) and EGFR (P3); ch_gene TET2 (P1); excluded KRAS (P2).
        let counts = Dictionary(uniqueKeysWithValues: stream.counted.counts.map { ($0.status, $0.count) })
        #expect(counts[.kept] == 2 && counts[.chGene] == 1 && counts[.excluded] == 1)
        #expect(counts.values.reduce(0, +) == 4)
    }
}
