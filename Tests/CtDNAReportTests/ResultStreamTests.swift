import CtDNAIO
import Foundation
import Testing
@testable import CtDNAReport

/// The streamed audit table and JSON report equal the ones rendered from all results at once,
/// whatever order the patients finish in.
@Suite("Result stream")
struct ResultStreamTests {
    @Test(arguments: [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [2, 0, 5, 1, 3, 4]])
    func streamedOutputsEqualTheWholeRendering(order: [Int]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = ReportFixtures.smallResults
        let audit = try OutputFile(path: folder.appendingPathComponent("audit.tsv").path)
        let stream = try ResultStream(audit: audit, scratchFolder: folder.path)
        for index in order { try stream.add(results[index], index: index) }
        try audit.commit()
        #expect(try String(contentsOf: folder.appendingPathComponent("audit.tsv"), encoding: .utf8)
            == PatientTables.auditTSV(results))

        let whole = ReportFixtures.small
        let streamed = RunDocument(
            version: whole.version, commandLine: whole.commandLine, parameters: whole.parameters,
            inputs: whole.inputs, patients: whole.patients, filterCounts: stream.filterCounts,
            statistics: whole.statistics, generatedBy: whole.generatedBy)
        #expect(streamed == whole)
        let json = try OutputFile(path: folder.appendingPathComponent("report.json").path)
        try stream.writeJSON(streamed, to: json)
        try json.commit()
        #expect(try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8)
            == JSONReport.render(whole, results: results))
    }

    /// With no patients the `patients` array is written `[]`, and the document is still valid JSON.
    @Test func aRunWithoutPatientsIsValidJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let audit = try OutputFile(path: folder.appendingPathComponent("audit.tsv").path)
        let stream = try ResultStream(audit: audit, scratchFolder: folder.path)
        var empty = ReportFixtures.small
        empty.patients = []
        let json = try OutputFile(path: folder.appendingPathComponent("report.json").path)
        try stream.writeJSON(empty, to: json)
        try json.commit()
        let text = try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(text.contains("\n  \"patients\": [],\n"))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((object?["patients"] as? [Any])?.isEmpty == true)
    }
}
