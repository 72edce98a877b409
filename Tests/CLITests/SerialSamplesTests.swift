import Foundation
import Testing
import TestSupport

/// `ctdna run` over a series of more than two timepoints (METHOD.md 3.10), held against
/// `Tests/tools/serial_reference.py`, an independent Python implementation written from
/// METHOD.md alone, whose outputs are committed as `SampleData/serial/reference.tsv` (every
/// timepoint) and `reference_restricted.tsv` (`--timepoints baseline,progression`). The cases the
/// simulator planted, per patient, are listed in SampleData/serial/README.md: rows out of order
/// in the sheet (S01, S06, S12, S17), a missing week 8 (S04), single samples (S07, S20), a
/// reference at the third timepoint (S01, S06), a week-8 row without a day (S10), the tie-break
/// that applies only with two timepoints (S15, S16).
@Suite struct SerialSamplesTests {
    static let serial = SampleDataGoldenTests.repository.appendingPathComponent("SampleData/serial")

    /// A TSV file's rows as dictionaries by column name.
    static func records(ofFile path: String) throws -> [[String: String]] {
        TableComparison.records(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Runs ctdna on the serial sheet with `arguments` and returns its outputs' folder.
    static func run(_ arguments: [String]) throws -> URL {
        let output = try RunCommandTests.temporaryFolder()
        let result = try CLI.run(
            ["run", "--samplesheet", serial.appendingPathComponent("samplesheet.tsv").path, "--outdir", output.path, "--quiet"]
                + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        return output
    }

    /// Every row of a reference table agrees with the run's `timepoints.tsv` (per-draw values)
    /// and `patients.tsv` (per-patient values); numbers to 1e-12 relative, as the order of
    /// floating-point sums may differ from Python's.
    static func agree(reference name: String, output: URL) throws {
        let reference = try Self.records(ofFile: serial.appendingPathComponent(name).path)
        let draws = try Self.records(ofFile: output.appendingPathComponent("timepoints.tsv").path)
        let patients = try Self.records(ofFile: output.appendingPathComponent("patients.tsv").path)
        #expect(draws.count == reference.count, "one draw per sampled timepoint")
        for row in reference {
            let draw = try #require(draws.first { $0["patient"] == row["patient"] && $0["timepoint"] == row["timepoint"] })
            let patient = try #require(patients.first { $0["patient"] == row["patient"] })
            for column in ["ctdna_fraction", "median_af", "n_detected", "n_clonal_detected"] {
                expectSame(draw[column], row[column], "\(row["patient"]!) \(row["timepoint"]!) \(column)")
            }
            for column in ["status", "reference_timepoint", "n_after_filters", "n_clonal"] {
                expectSame(patient[column], row[column], "\(row["patient"]!) \(column)")
            }
        }
    }

    static func expectSame(_ mine: String?, _ theirs: String?, _ what: String) {
        if let a = mine.flatMap(Double.init), let b = theirs.flatMap(Double.init) {
            #expect(abs(a - b) <= 1e-12 * max(abs(a), abs(b)), "\(what): \(a) vs \(b)")
        } else {
            #expect(mine == theirs, "\(what)")
        }
    }

    @Test func everyTimepointAgreesWithTheIndependentReference() throws {
        let output = try Self.run([])
        defer { try? FileManager.default.removeItem(at: output) }
        try Self.agree(reference: "reference.tsv", output: output)
        // The run's order: every timepoint has a day on some row, so by median day (week 16's
        // rows, days 108-118, come before progression's, days 96-322 with median 201).
        let header = try String(contentsOf: output.appendingPathComponent("patients.tsv"), encoding: .utf8).prefix { $0 != "\n" }
        let fractions = header.split(separator: "\t").filter { $0.hasPrefix("ctdna_fraction_") }
        #expect(fractions == [
            "ctdna_fraction_baseline", "ctdna_fraction_week8", "ctdna_fraction_week16", "ctdna_fraction_progression",
            "ctdna_fraction_difference_week8_vs_baseline", "ctdna_fraction_ratio_week8_vs_baseline",
        ])
    }

    @Test func aRestrictedRunAgreesWithTheIndependentReference() throws {
        let output = try Self.run(["--timepoints", "baseline,progression"])
        defer { try? FileManager.default.removeItem(at: output) }
        try Self.agree(reference: "reference_restricted.tsv", output: output)
    }

    /// Two tested pairs: each has its rows, named by its pair, with its own patients (a patient
    /// without week 8 is in the second pair only), and one BH family over both.
    @Test func eachTestedPairHasItsOwnTests() throws {
        let output = try Self.run(["--compare", "baseline:week8", "--compare", "baseline:progression"])
        defer { try? FileManager.default.removeItem(at: output) }
        let stats = try Self.records(ofFile: output.appendingPathComponent("stats.tsv").path)
        let draws = try Self.records(ofFile: output.appendingPathComponent("timepoints.tsv").path)
        let patients = try Self.records(ofFile: output.appendingPathComponent("patients.tsv").path)
        #expect(Set(stats.map { $0["pair"]! }) == ["baseline:week8", "baseline:progression"])
        for pair in [("baseline", "week8"), ("baseline", "progression")] {
            // The tested patients of the pair, counted from timepoints.tsv: status paired and a
            // value of the fraction at both timepoints.
            let tested = patients.filter { patient in
                patient["status"] == "paired" && [pair.0, pair.1].allSatisfy { timepoint in
                    draws.contains { $0["patient"] == patient["patient"] && $0["timepoint"] == timepoint && $0["ctdna_fraction"] != "NA" }
                }
            }.count
            let inPair = stats.filter { $0["pair"] == "\(pair.0):\(pair.1)" && $0["metric"] == "ctdna_fraction" && $0["test"] == "signed_rank" && $0["cohort"] != "all" && $0["arm"] != "all" }
            #expect(!inPair.isEmpty && inPair.map { Int($0["n"]!)! }.reduce(0, +) == tested, "\(pair)")
        }
        // S04 has no week 8: excluded from that pair only (report.json lists it with the pair).
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json"))) as? [String: Any]
        let exclusions = try #require(json?["exclusions"] as? [[String: Any]])
        let s04 = exclusions.filter { $0["patient"] as? String == "S04" }
        #expect(s04.count == 1 && s04.first?["pair"] as? String == "baseline:week8" && s04.first?["reason"] as? String == "no week8 sample")
        // One family: the q-values of the 40 rows are BH over all their p-values together.
        #expect(stats.count == 40)
    }

    /// The sheet's rows of a patient out of order: the series follows the day column, and
    /// `timepoints.tsv` lists the run's order with each draw's day.
    @Test func timepointsTableListsEachDrawWithItsDay() throws {
        let output = try Self.run([])
        defer { try? FileManager.default.removeItem(at: output) }
        let draws = try Self.records(ofFile: output.appendingPathComponent("timepoints.tsv").path)
        let s01 = draws.filter { $0["patient"] == "S01" }
        #expect(s01.map { $0["timepoint"]! } == ["baseline", "week8", "progression"])
        #expect(s01.map { $0["reference"]! } == ["false", "false", "true"])
        #expect(s01.allSatisfy { $0["stage"] != nil })
    }

    /// `ctdna stats` on the run's patients.tsv, with the same pairs, gives the run's stats.tsv.
    @Test func statsFromThePatientsTableEqualTheRunsForEveryPair() throws {
        let compare = ["--compare", "baseline:week8", "--compare", "baseline:progression"]
        let output = try Self.run(compare)
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLI.run(["stats", "--patients", output.appendingPathComponent("patients.tsv").path] + compare)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try String(contentsOf: output.appendingPathComponent("stats.tsv"), encoding: .utf8)))
        let bad = try CLI.run(["stats", "--patients", output.appendingPathComponent("patients.tsv").path, "--compare", "baseline"])
        #expect(bad.status == 64 && bad.standardError.contains("--compare"))
    }

    /// One timepoint left by --timepoints: every patient has its values there, nothing is
    /// tested, and the run says so once, on the terminal and in the report.
    @Test func aSingleTimepointRunSaysNothingIsTested() throws {
        let output = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLI.run([
            "run", "--samplesheet", Self.serial.appendingPathComponent("samplesheet.tsv").path, "--outdir", output.path,
            "--quiet", "--timepoints", "baseline",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let said = "only one timepoint (baseline) is analysed: each patient has its values there, and nothing is tested"
        #expect(result.standardError.contains(said) && !result.standardError.contains("no patient is paired"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("report.json"))) as? [String: Any]
        #expect((json?["warnings"] as? [String])?.contains(said) == true)
        #expect(try String(contentsOf: output.appendingPathComponent("stats.tsv"), encoding: .utf8).split(separator: "\n").count == 1)
        // 19 patients have a baseline draw (S20 has only progression): one row each.
        let draws = try Self.records(ofFile: output.appendingPathComponent("timepoints.tsv").path)
        #expect(draws.count == 19 && draws.allSatisfy { $0["timepoint"] == "baseline" })
    }
}
