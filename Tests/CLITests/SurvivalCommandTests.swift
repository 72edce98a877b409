import Foundation
import TestSupport
import Testing

/// `ctdna survival` end to end on Fixtures/survival/patients.tsv (survival::lung as a per-patient
/// table); the expected rows are R's (Fixtures/survival/make_expected.R, R 4.2.2, survival 3.5.3).
@Suite("ctdna survival")
struct SurvivalCommandTests {
    static let table = CLI.fixture("survival/patients.tsv")

    static func records(_ text: String) -> [[String: String]] { TableComparison.records(text) }

    static func differences(_ actual: String, _ expected: String) -> [String] { TableComparison.differences(actual, expected) }

    @Test func writesRowsAndCurvesAsR() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-survival-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = folder.appendingPathComponent("survival.tsv").path, curves = folder.appendingPathComponent("km_curves.tsv").path
        let result = try CLI.run([
            "survival", "--patients", Self.table, "--time", "pfs_days", "--event", "pfs_event",
            "--group", "arm", "--covariate", "log2_ratio", "-o", rows, "--curves", curves,
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        // make_expected.R: X001 and X002 lack a time or an event, P014 an ECOG group; 47 patients
        // lack meal.cal and P004's log2_ratio is Inf.
        #expect(result.standardError == """
            ctdna: warning: \(Self.table): 2 rows without a time or an event left out
            ctdna: warning: \(Self.table): 1 patient with no arm left out of the group comparison
            ctdna: warning: \(Self.table): 48 patients without a finite log2_ratio left out of its Cox model

            """)
        let text = try String(contentsOfFile: rows, encoding: .utf8)
        #expect(text.hasPrefix("endpoint\tgroup\ttest\tn\tevents\tstatistic\tdf\tp_value\tp_lr\tcoefficient\tse\thazard_ratio\tconf_low\tconf_high\tmedian\tmedian_low\tmedian_high\tnote\n"))
        #expect(Self.records(text).count == 8)  // as expected_survival.tsv: the comparison below is not vacuous
        #expect(Self.differences(text, try String(contentsOfFile: CLI.fixture("survival/expected_survival.tsv"), encoding: .utf8)) == [])
        #expect(Self.differences(try String(contentsOfFile: curves, encoding: .utf8),
                                 try String(contentsOfFile: CLI.fixture("survival/expected_km_curves.tsv"), encoding: .utf8)) == [])
    }

    @Test func oneCurveToStandardOutput() throws {
        let result = try CLI.run(["survival", "--patients", Self.table, "--time", "pfs_days", "--event", "pfs_event", "--endpoint", "PFS"])
        #expect(result.status == 0)
        let rows = Self.records(result.standardOutput)
        // R's survfit on all 228 patients of lung: median 310 (285, 363), as in expected_survival.tsv.
        #expect(rows.count == 1)
        #expect(rows.first?["endpoint"] == "PFS" && rows.first?["test"] == "km" && rows.first?["n"] == "228")
        #expect(rows.first?["median"] == "310.0" && rows.first?["median_low"] == "285.0" && rows.first?["median_high"] == "363.0")
    }

    @Test func badEventNamesFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-survival-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("p.csv").path
        try "patient,os_days,died\nA,10,1\nB,20,maybe\n".write(toFile: table, atomically: true, encoding: .utf8)
        let result = try CLI.run(["survival", "--patients", table, "--time", "os_days", "--event", "died"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "Error: \(table):3: column died: \"maybe\" is not an event; write 1/0, TRUE/FALSE or yes/no\n")
    }
}
