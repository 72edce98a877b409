import CtDNAModel
import Foundation
import Testing
@testable import CtDNAReport

/// Every rendering of ``ReportFixtures/small`` against the files in `Golden/`, byte for byte.
///
/// The golden files are the renderings as they were last reviewed; `make golden` (which runs
/// this suite with `CTDNA_UPDATE_GOLDEN=1`) writes them anew, and `git diff` then shows what a
/// change did to each output. The numbers in them are checked by the other suites (by hand).
@Suite("Golden report files")
struct GoldenTests {
    /// The folder of the golden files, beside this source file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Whether this run writes the golden files instead of checking them.
    static let updating = ProcessInfo.processInfo.environment["CTDNA_UPDATE_GOLDEN"] == "1"

    /// Each golden file's name and the rendering it holds.
    static let renderings: [(name: String, render: @Sendable () -> String)] = [
        ("small.report.html", { HTMLReport.render(ReportFixtures.small) }),
        ("small.report.json", { JSONReport.render(ReportFixtures.small) }),
        ("small.patients.tsv", { PatientTables.patientsTSV(ReportFixtures.small.patients) }),
        ("small.audit.tsv", { PatientTables.auditTSV(ReportFixtures.smallResults) }),
        ("small.stats.tsv", { StatisticsTable.tsv(ReportFixtures.small.statistics) }),
        ("small.ctdna_mqc.tsv", { MultiQCTable.render(ReportFixtures.small.patients) }),
        ("small.terminal.txt", { TerminalSummary.render(ReportFixtures.small) }),
        ("trial.report.html", { HTMLReport.render(ReportFixtures.trial) }),
    ]

    @Test(arguments: renderings.map(\.name))
    func renderingEqualsTheGoldenFile(name: String) throws {
        let text = Self.renderings.first { $0.name == name }!.render()
        let file = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(name) differs from Tests/CtDNAReportTests/Golden/\(name): run `make golden` and review the diff")
    }
}
