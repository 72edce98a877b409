import Foundation
import Testing
import CtDNAIO
import CtDNAPipeline
import CtDNAReport
import CtDNAStats
import TestSupport

/// The survival fixture of the CLI tests: survival::lung as a per-patient table, with the rows R
/// computed for it (Tests/CLITests/Fixtures/survival/make_expected.R, R 4.2.2, survival 3.5.3).
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CLITests/Fixtures/survival")

private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

private func records(_ text: String) -> [[String: String]] { TableComparison.records(text) }

private func differences(_ actual: String, _ expected: String) -> [String] { TableComparison.differences(actual, expected) }

@Suite("Survival analysis")
struct SurvivalAnalysisTests {
    static let request = SurvivalRequest(
        patientsTable: fixture("patients.tsv"), timeColumn: "pfs_days", eventColumn: "pfs_event",
        groupColumn: "arm", covariateColumn: "log2_ratio")

    @Test func agreesWithR() throws {
        let result = try SurvivalAnalysis.run(Self.request)
        let expected = try String(contentsOfFile: fixture("expected_survival.tsv"), encoding: .utf8)
        #expect(records(expected).count == 8)  // km all + 3 groups, logrank, 2 group levels, covariate
        #expect(differences(SurvivalAnalysis.tsv(result.rows), expected) == [])
        let expectedCurves = try String(contentsOfFile: fixture("expected_km_curves.tsv"), encoding: .utf8)
        #expect(records(expectedCurves).count == 402)  // one step per distinct time, 4 curves
        #expect(differences(SurvivalAnalysis.curvesTSV(result.curves), expectedCurves) == [])
    }

    @Test func countsWhatItLeavesOut() throws {
        let result = try SurvivalAnalysis.run(Self.request)
        let table = fixture("patients.tsv")
        // By make_expected.R: rows X001 (time ".") and X002 (event "NA"); P014's ECOG is missing;
        // 47 patients lack meal.cal and P004's log2_ratio is Inf.
        #expect(result.notes == [
            "\(table): 2 rows without a time or an event left out",
            "\(table): 1 patient with no arm left out of the group comparison",
            "\(table): 48 patients without a finite log2_ratio left out of its Cox model",
        ])
        let notes = result.rows.map(\.note)
        #expect(notes == ["", "", "", "", "1 patient with no arm left out", "1 patient with no arm left out",
                          "1 patient with no arm left out", "48 patients without a finite log2_ratio left out"])
        #expect(result.rows.map(\.group) == ["all", "ecog0", "ecog1", "ecog2_3", "all", "ecog1 vs ecog0", "ecog2_3 vs ecog0", "log2_ratio"])
    }

    @Test func endpointName() {
        #expect(SurvivalAnalysis.defaultEndpoint(timeColumn: "pfs_days") == "pfs")
        #expect(SurvivalAnalysis.defaultEndpoint(timeColumn: "OS_TIME") == "OS")
        #expect(SurvivalAnalysis.defaultEndpoint(timeColumn: "days") == "days")
        #expect(SurvivalAnalysis.defaultEndpoint(timeColumn: "_days") == "_days")
        #expect(SurvivalRequest(patientsTable: "t", timeColumn: "pfs_days", eventColumn: "e", endpoint: "PFS").endpointName == "PFS")
    }

    @Test func withoutGroupOrCovariateOneCurve() throws {
        let table = try DelimitedTable(text: "t\te\n1\t1\n2\tno\n3\tTRUE\n", name: "small.tsv")
        let result = try SurvivalAnalysis.run(SurvivalRequest(patientsTable: "", timeColumn: "t", eventColumn: "e"), table: table)
        // By hand: S = 2/3 at 1, 2/3 at 2 (censored), 0 at 3, so the median is 3 and its upper limit
        // is never reached (the upper curve stays at 1 until S = 0 where it has no value).
        #expect(result.rows.count == 1 && result.curves.count == 1 && result.notes.isEmpty)
        let row = try #require(result.rows.first)
        #expect(row.endpoint == "t" && row.group == "all" && row.test == .kaplanMeier)
        #expect(row.count == 3 && row.events == 2 && row.median == 3)
    }

    @Test func refusesUnreadableCells() throws {
        let request = SurvivalRequest(patientsTable: "", timeColumn: "pfs_days", eventColumn: "pfs_event", covariateColumn: "x")
        func error(_ text: String) throws -> InputError? {
            let table = try DelimitedTable(text: text, name: "p.tsv")
            do {
                _ = try SurvivalAnalysis.run(request, table: table)
                return nil
            } catch let error as InputError {
                return error
            }
        }
        #expect(try error("pfs_days\tpfs_event\tx\n1\t1\t0\n-3\t0\t0\n")?.description
                == "p.tsv:3: column pfs_days: \"-3\" is negative; a time cannot be below 0")
        #expect(try error("pfs_days\tpfs_event\tx\n1\tdead\t0\n")?.description
                == "p.tsv:2: column pfs_event: \"dead\" is not an event; write 1/0, TRUE/FALSE or yes/no")
        #expect(try error("PFS_DAYS\tpfs_event\tx\nten\t1\t0\n")?.description
                == "p.tsv:2: column PFS_DAYS: \"ten\" is not a time (a number of days)")
        #expect(try error("pfs_days\tpfs_event\tx\n1\t1\thigh\n")?.description
                == "p.tsv:2: column x: \"high\" is not a number")
        #expect(try error("pfs_days\tpfs_event\tx\n.\t1\t0\n5\tNA\t0\n")?.description
                == "p.tsv: no row has both a time and an event")
        #expect(try error("pfs_days\tevent\tx\n1\t1\t0\n")?.description.hasPrefix("p.tsv:1: no column \"pfs_event\"") == true)
    }

    @Test func groupWithoutEventsIsFlagged() throws {
        // Group b has no events: the Cox coefficient runs off to -infinity (R warns "Loglik
        // converged before variable 1; coefficient may be infinite").
        let table = try DelimitedTable(
            text: "t\te\tg\n1\t1\ta\n2\t1\ta\n3\t0\tb\n4\t1\ta\n5\t0\tb\n6\t0\tb\n7\t1\ta\n", name: "sep.tsv")
        let result = try SurvivalAnalysis.run(
            SurvivalRequest(patientsTable: "", timeColumn: "t", eventColumn: "e", groupColumn: "g"), table: table)
        let cox = try #require(result.rows.last)
        #expect(cox.test == .cox && cox.group == "b vs a")
        #expect(cox.note.hasPrefix("coefficient may be infinite"))
        #expect(cox.likelihoodRatioPValue.map { $0 > 0 && $0 < 1 } == true)
        let median = try #require(result.rows.first { $0.group == "b" })
        #expect(median.median == nil && median.events == 0)  // by hand: no events, S stays 1
    }

    @Test func oneGroupHasNoComparison() throws {
        let table = try DelimitedTable(text: "t\te\tg\n1\t1\ta\n2\t0\ta\n3\t1\tNA\n", name: "one.tsv")
        let result = try SurvivalAnalysis.run(
            SurvivalRequest(patientsTable: "", timeColumn: "t", eventColumn: "e", groupColumn: "g"), table: table)
        #expect(result.rows.map(\.test) == [.kaplanMeier, .kaplanMeier, .logRank])
        let logRank = try #require(result.rows.last)
        #expect(logRank.pValue == nil && logRank.count == 2)
        #expect(logRank.note == "1 patient with no g left out; a comparison needs two groups, but there is 1")
    }
}
