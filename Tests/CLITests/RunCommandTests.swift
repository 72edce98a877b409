import Foundation
import Testing

/// `ctdna run` end to end on Fixtures/method-cohort, whose expected_patients.tsv was computed by
/// Tests/tools/reference_method.py, an independent pandas implementation of METHOD.md.
@Suite struct RunCommandTests {
    static func table(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func patientsTableMatchesTheIndependentReference() throws {
        let cohort = CLI.fixture("method-cohort")
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLI.run(["run", "--samplesheet", cohort + "/samplesheet.tsv", "--outdir", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let produced = Self.table(try String(contentsOfFile: output.path + "/patients.tsv", encoding: .utf8))
        let expected = Self.table(try String(contentsOfFile: cohort + "/expected_patients.tsv", encoding: .utf8))
        #expect(produced[0] == expected[0])
        #expect(produced.count == expected.count)
        for (row, reference) in zip(produced.dropFirst(), expected.dropFirst()) {
            for (column, (mine, theirs)) in zip(expected[0], zip(row, reference)) {
                if let a = Double(mine), let b = Double(theirs) {
                    // Relative 1e-12: the order of floating-point operations may differ from pandas'.
                    #expect(abs(a - b) <= 1e-12 * max(abs(a), abs(b)), "\(row[0]) \(column): \(mine) vs \(theirs)")
                } else {
                    #expect(mine == theirs, "\(row[0]) \(column)")
                }
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["audit.tsv", "ctdna_mqc.tsv", "figures", "patients.tsv", "report.html", "report.json", "stats.tsv", "timepoints.tsv"])
    }

    /// A sheet that names its timepoints itself ("Day 0", "Week 8", with --baseline-label and
    /// --followup-label) gets those names on the figures' x axes, on the page and in the files
    /// under figures/, in place of the built-in "Baseline" and "Follow-up".
    @Test func figuresNameTheSheetsTimepoints() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = CLI.fixture("method-cohort")
        var sheet = try String(contentsOfFile: cohort + "/samplesheet.tsv", encoding: .utf8)
        sheet = sheet.replacingOccurrences(of: "\tP0", with: "\t" + cohort + "/P0")
            .replacingOccurrences(of: "\tbaseline\t", with: "\tDay 0\t").replacingOccurrences(of: "\tfollowup\t", with: "\tWeek 8\t")
        try sheet.write(to: folder.appendingPathComponent("sheet.tsv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["run", "--samplesheet", "sheet.tsv", "--outdir", "out", "--baseline-label", "Day 0", "--followup-label", "Week 8", "--quiet"],
            in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let page = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        let figure = try String(contentsOf: folder.appendingPathComponent("out/figures/paired_ctdna_fraction_NSCLC_SBRT.svg"), encoding: .utf8)
        for text in [page, figure] {
            #expect(text.contains(">Day 0</text>") && text.contains(">Week 8</text>"))
            #expect(!text.contains(">Follow-up</text>"))
        }
    }

    /// A one-letter sheet and output folder, named relative to the working folder. Foundation's
    /// path methods trap on a one-character path, and `--outdir o` used to crash the run.
    @Test func oneLetterPathsRelativeToTheWorkingFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = CLI.fixture("method-cohort")
        var sheet = try String(contentsOfFile: cohort + "/samplesheet.tsv", encoding: .utf8)
        sheet = sheet.replacingOccurrences(of: "\tP0", with: "\t" + cohort + "/P0")  // the file columns
        try sheet.write(to: folder.appendingPathComponent("s"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--samplesheet", "s", "--outdir", "o", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let produced = try String(contentsOf: folder.appendingPathComponent("o/patients.tsv"), encoding: .utf8)
        let expected = try String(contentsOfFile: cohort + "/expected_patients.tsv", encoding: .utf8)
        #expect(Self.table(produced).map(\.first) == Self.table(expected).map(\.first))
    }

    @Test func aFailedRunLeavesTheFolderAsItWas() throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let sheet = output.appendingPathComponent("sheet.tsv")
        let table = CLI.fixture("truncated.gz")
        // The follow-up reads a good table: the same one twice is a sheet error of its own.
        try "patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\tC\t\(table)\nP1\tfollowup\tA\tC\t\(CLI.fixture("small.maf"))\n"
            .write(to: sheet, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--samplesheet", sheet.path, "--outdir", output.path + "/out"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("gzip data is truncated"))
        #expect(result.standardError.contains("listed at \(sheet.path):2"))
        // The folder the run made is removed again: nothing is left of a failed run.
        #expect(!FileManager.default.fileExists(atPath: output.path + "/out"))
    }

    /// The method cohort's plasma tables merged into one multi-sample table, its rows either
    /// grouped by sample or dealt round-robin (so that every sample's rows resume after
    /// others'), with a sheet naming each sample by its barcode.
    static func multiSampleCohort(interleaved: Bool, in folder: URL) throws -> String {
        let cohort = CLI.fixture("method-cohort")
        let sheetRows = try String(contentsOfFile: cohort + "/samplesheet.tsv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var header = ""
        var rowsOfSample: [[String]] = []
        var sheet = "patient\ttimepoint\tarm\tcohort\tfile\tsample\tnormal\n"
        for row in sheetRows {
            let lines = try String(contentsOfFile: cohort + "/" + row[4], encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
            header = lines[0]
            rowsOfSample.append(Array(lines.dropFirst()))
            let barcode = lines[1].split(separator: "\t", omittingEmptySubsequences: false)[6]
            let normal = row[5].isEmpty ? "" : cohort + "/" + row[5]
            sheet += "\(row[0])\t\(row[1])\t\(row[2])\t\(row[3])\tall.maf\t\(barcode)\t\(normal)\n"
        }
        var body: [String] = []
        if interleaved {
            for index in 0..<rowsOfSample.map(\.count).max()! {
                for rows in rowsOfSample where index < rows.count { body.append(rows[index]) }
            }
        } else {
            body = rowsOfSample.flatMap { $0 }
        }
        try ([header] + body).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("all.maf"), atomically: true, encoding: .utf8)
        try sheet.write(to: folder.appendingPathComponent("sheet.tsv"), atomically: true, encoding: .utf8)
        return folder.appendingPathComponent("sheet.tsv").path
    }

    /// A multi-sample table is analysed sample by sample as its rows move on; one whose rows
    /// are not grouped by sample is read again, holding its samples, with the same results:
    /// the independent reference's patients.tsv, and the same audit table either way.
    @Test(arguments: [1, 2])
    func aMultiSampleTableGivesTheSameResultsInAnyRowOrder(threads: Int) throws {
        var audits: [String] = []
        for interleaved in [false, true] {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let sheet = try Self.multiSampleCohort(interleaved: interleaved, in: folder)
            let output = folder.appendingPathComponent("out").path
            let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", output, "--quiet", "-j", String(threads)])
            #expect(result.status == 0, "\(result.standardError)")
            let produced = Self.table(try String(contentsOfFile: output + "/patients.tsv", encoding: .utf8))
            let expected = Self.table(try String(contentsOfFile: CLI.fixture("method-cohort") + "/expected_patients.tsv", encoding: .utf8))
            #expect(produced.count == expected.count)
            for (row, reference) in zip(produced, expected) {
                for (mine, theirs) in zip(row, reference) {
                    if let a = Double(mine), let b = Double(theirs) {
                        #expect(abs(a - b) <= 1e-12 * max(abs(a), abs(b)), "\(row[0]): \(mine) vs \(theirs)")
                    } else {
                        #expect(mine == theirs, "\(row[0])")
                    }
                }
            }
            audits.append(try String(contentsOfFile: output + "/audit.tsv", encoding: .utf8))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        }
        // And the same audit table as the cohort read from one file per sample.
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["run", "--samplesheet", CLI.fixture("method-cohort") + "/samplesheet.tsv", "--outdir", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let perFile = try String(contentsOfFile: folder.path + "/audit.tsv", encoding: .utf8)
        #expect(audits == [perFile, perFile])
    }

    @Test func sheetErrorsNameTheRow() throws {
        let output = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let sheet = output.appendingPathComponent("sheet.tsv")
        let table = CLI.fixture("small.maf")
        try "patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\tC\t\(table)\nP1\tBaseline\tA\tC\t\(table)\nP2\tfollowup\tA\tC\tmissing.maf\n"
            .write(to: sheet, atomically: true, encoding: .utf8)
        let duplicate = try CLI.run(["run", "--samplesheet", sheet.path, "--outdir", output.path])
        #expect(duplicate.status == 1)
        #expect(duplicate.standardError.contains("\(sheet.path):3: patient \"P1\" has a second baseline sample (the first is on line 2)"))
        // A column that is not known is carried (a covariate); one a letter or two from a known
        // column that the sheet lacks is a misspelling.
        try "pateint\ttimepoint\tarm\tcohort\tfile\n".write(to: sheet, atomically: true, encoding: .utf8)
        let unknown = try CLI.run(["run", "--samplesheet", sheet.path, "--outdir", output.path])
        #expect(unknown.standardError.contains("\(sheet.path):1: column \"pateint\": did you mean \"patient\"?"))
        try "patient\ttimepoint\tarm\tcohort\tfile\nP2\tfollowup\tA\tC\tmissing.maf\n".write(to: sheet, atomically: true, encoding: .utf8)
        let missing = try CLI.run(["run", "--samplesheet", sheet.path, "--outdir", output.path])
        #expect(missing.standardError.contains("\(sheet.path):2: column file: no such file: \(output.path)/missing.maf"))
    }

    @Test func patientCommandPrintsTheRowAndTheMutations() throws {
        // Patient P01 of the fixture cohort, as in expected_patients.tsv.
        let cohort = CLI.fixture("method-cohort")
        let result = try CLI.run(["patient", "--baseline", cohort + "/P01_baseline.maf", "--followup", cohort + "/P01_followup.maf",
                                  "--patient", "P01", "--cohort", "NSCLC", "--arm", "SBRT"])
        #expect(result.status == 0)
        let blocks = result.standardOutput.components(separatedBy: "\n\n")
        #expect(blocks.count == 2)
        let expected = try String(contentsOfFile: cohort + "/expected_patients.tsv", encoding: .utf8).split(separator: "\n")
        #expect(blocks[0].split(separator: "\n")[1] == expected[1])
        #expect(blocks[1].hasPrefix("patient\t"))
    }
}
