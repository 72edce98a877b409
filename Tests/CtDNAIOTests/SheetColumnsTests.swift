import CtDNAIO
import CtDNAModel
import Foundation
import Testing
import TestSupport

/// The sheet's columns beyond the required ones: extra columns carried, `day` and `sex` read,
/// misspellings of known columns refused; and two timepoints naming the same sample refused.
/// Every expected value is worked out by hand from the sheet text in the test.
@Suite struct SheetColumnsTests {
    static let required = "patient\ttimepoint\tarm\tcohort\tfile"

    /// A folder with two empty variant tables the sheets can name (the sheet is only validated).
    static func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.file("a.maf", "")
        folder.file("b.maf", "")
        return folder
    }

    /// The error a sheet gives, as the user reads it, with the folder's path cut off the front.
    static func error(_ text: String, name: String = "s.tsv") -> String? {
        let folder = folder()
        let path = folder.file(name, text)
        let error = inputError { _ = try SampleSheet(path: path) }
        return error?.description.replacingOccurrences(of: folder.path + "/", with: "")
    }

    // MARK: Extra columns

    @Test func extraColumnsAreCarriedInHeaderOrderWithTheirValues() throws {
        let folder = Self.folder()
        // Extra columns before, between and after the known ones, one in capitals.
        let path = folder.file("s.tsv", """
            patient\tpfs_days\ttimepoint\tarm\tStage\tcohort\tfile\tpfs_event
            P1\t412\tbaseline\tA\tIIIb\tC\ta.maf\t1
            P1\t\tfollowup\tA\tNA\tC\tb.maf\t 0
            P2\t.\tbaseline\tA\tII\tC\ta.maf\t0

            """)
        let sheet = try SampleSheet(path: path)
        // The names as written, in header order (columns 2, 5 and 8).
        #expect(sheet.extraColumns == ["pfs_days", "Stage", "pfs_event"])
        // Row by row, in the same order; empty, "NA" and "." cells are nil, " 0" is trimmed.
        #expect(sheet.entries.map(\.extraValues) == [["412", "IIIb", "1"], [nil, nil, "0"], [nil, "II", "0"]])
        // Looked up by name in any letter case; a name that is not an extra column gives nil.
        #expect(sheet.extraValue("STAGE", of: sheet.entries[0]) == "IIIb")
        #expect(sheet.extraValue("pfs_event", of: sheet.entries[1]) == "0")
        #expect(sheet.extraValue("patient", of: sheet.entries[0]) == nil)
        // The known columns are read as before.
        #expect(sheet.entries.map(\.patient) == ["P1", "P1", "P2"])
        #expect(sheet.entries.map(\.file) == [folder.path("a.maf"), folder.path("b.maf"), folder.path("a.maf")])
    }

    @Test func aSheetWithoutExtraColumnsHasNone() throws {
        let folder = Self.folder()
        let path = folder.file("s.csv", "patient,timepoint,arm,cohort,file\nP1,baseline,A,C,a.maf\n")
        let sheet = try SampleSheet(path: path)
        #expect(sheet.extraColumns.isEmpty)
        #expect(sheet.entries[0].extraValues.isEmpty)
        #expect(sheet.entries[0].day == nil && sheet.entries[0].sex == nil)
    }

    @Test func twoExtraColumnsDifferingOnlyInCaseAreRefused() {
        #expect(Self.error("\(Self.required)\tAge\tage\nP1\tbaseline\tA\tC\ta.maf\t1\t2\n")
            == "s.tsv:1: column \"age\" appears more than once")
    }

    @Test func aColumnWithoutANameIsRefused() {
        // A trailing tab makes a sixth, empty header cell.
        #expect(Self.error("\(Self.required)\t\nP1\tbaseline\tA\tC\ta.maf\t\n")
            == "s.tsv:1: column 6 has no name in the header")
    }

    // MARK: day and sex

    @Test func dayAndSexAreRead() throws {
        let folder = Self.folder()
        let path = folder.file("s.tsv", """
            \(Self.required)\tday\tsex
            P1\tbaseline\tA\tC\ta.maf\t-3\tM
            P1\tfollowup\tA\tC\tb.maf\t56.5\tfemale
            P2\tbaseline\tA\tC\ta.maf\t\t
            P2\tfollowup\tA\tC\tb.maf\tNA\tf
            P3\tbaseline\tA\tC\ta.maf\t+10\tMALE
            P3\tfollowup\tA\tC\tb.maf\t.5\t.

            """)
        let sheet = try SampleSheet(path: path)
        // Read by hand from the day and sex cells above; empty, NA and "." are missing.
        #expect(sheet.entries.map(\.day) == [-3, 56.5, nil, nil, 10, 0.5])
        #expect(sheet.entries.map(\.sex) == [.male, .female, nil, .female, .male, nil])
        // Known optional columns are not extra columns.
        #expect(sheet.extraColumns.isEmpty)
    }

    @Test(arguments: ["1e3", "ten", "5 days", "inf", "nan", "1,5", "--3", "0x10", "3.", "-", String(repeating: "9", count: 400)])
    func aDayThatIsNotANumberIsRefused(cell: String) {
        // "3." is refused on purpose: a decimal point is followed by digits ("3.0").
        #expect(Self.error("\(Self.required)\tday\nP1\tbaseline\tA\tC\ta.maf\t\(cell)\n")
            == "s.tsv:2: column day: \"\(cell)\" is not a number of days (such as 0, 56, -3 or 10.5)")
    }

    @Test(arguments: ["U", "unknown", "X", "mf", "fem"])
    func aSexOtherThanMOrFIsRefused(cell: String) {
        #expect(Self.error("\(Self.required)\tsex\nP1\tbaseline\tA\tC\ta.maf\tM\nP1\tfollowup\tA\tC\tb.maf\t\(cell)\n")
            == "s.tsv:3: column sex: \"\(cell)\" is not a sex: write M or F (also male or female, in any letter case)")
    }

    // MARK: Misspelled known columns

    /// (header name replacing a column of the full header, the known column it is taken for).
    /// Each distance by hand (optimal string alignment): a swap of two neighbours is 1.
    static let nearMisses: [(String, String, String)] = [
        // pateint: "ei" swapped = 1, within 2 for a 7-letter name.
        ("patient", "pateint", "patient"),
        // Letter case is ignored: "Timepiont" is "timepiont", "oi" swapped = 1.
        ("timepoint", "Timepiont", "timepoint"),
        // cohrot: "or" swapped = 1.
        ("cohort", "cohrot", "cohort"),
        // time_point: one inserted "_" = 1.
        ("timepoint", "time_point", "timepoint"),
        // fiel: "le" swapped = 1, within 1 for a 4-letter name.
        ("file", "fiel", "file"),
        // amr: "rm" swapped = 1, within 1 for a 3-letter name.
        ("arm", "amr", "arm"),
    ]

    @Test(arguments: nearMisses)
    func aMisspelledRequiredColumnIsNamed(replaced: String, written: String, meant: String) {
        let header = Self.required.replacingOccurrences(of: replaced, with: written)
        let row = "P1\tbaseline\tA\tC\ta.maf"
        #expect(Self.error("\(header)\n\(row)\n") == "s.tsv:1: column \"\(written)\": did you mean \"\(meant)\"?")
    }

    /// Optional columns that the sheet lacks are looked for too.
    @Test(arguments: [
        // samples: one extra "s" = 1, within 2 for "sample" (6 letters).
        ("samples", "sample"),
        // normla: "al" swapped = 1.
        ("normla", "normal"),
        // dya: "ay" swapped = 1; days: one extra "s" = 1; both within 1 for "day".
        ("dya", "day"), ("days", "day"),
        // sx: one missing "e" = 1, within 1 for "sex".
        ("sx", "sex"),
    ])
    func aMisspelledOptionalColumnIsNamed(written: String, meant: String) {
        #expect(Self.error("\(Self.required)\t\(written)\nP1\tbaseline\tA\tC\ta.maf\tx\n")
            == "s.tsv:1: column \"\(written)\": did you mean \"\(meant)\"?")
    }

    /// Covariate names that must be carried, each with the reason it is not a misspelling.
    @Test(arguments: [
        // More than 1 from every known name of 4 letters or fewer, more than 2 from the longer ones
        // (site/file 2, time/file 2, date/day 2, line/file 2, age/arm 2, stage/sample 4).
        "site", "time", "date", "line", "age", "stage", "pfs_days", "pfs_event", "os_days", "ecog",
        "gender", "patient_id", "sample_id", "response",
        // Within reach of a known name, but that name is in the header already (arms/arm 1).
        "arms", "cohorts",
        // A digit: known names have none (arm2/arm 1, day0/day 1, sample2/sample 1).
        "arm2", "day0", "sample2",
    ])
    func aCovariateNameIsCarried(name: String) throws {
        let folder = Self.folder()
        let path = folder.file("s.tsv", "\(Self.required)\t\(name)\nP1\tbaseline\tA\tC\ta.maf\tx\n")
        let sheet = try SampleSheet(path: path)
        #expect(sheet.extraColumns == [name])
        #expect(sheet.entries[0].extraValues == ["x"])
    }

    @Test func theMisspellingRuleSeesTheWholeHeader() {
        let header = ["patient", "timepoint", "arm", "cohort", "file"]
        // days is 1 from day: a misspelling while day is absent, a covariate beside it.
        #expect(SampleSheet.misspelledColumn("days", header: header) == "day")
        #expect(SampleSheet.misspelledColumn("days", header: header + ["Day"]) == nil)
        // A known name is never a misspelling, in any letter case.
        #expect(SampleSheet.misspelledColumn("SEX", header: header) == nil)
    }

    /// Optimal string alignment distances worked by hand.
    @Test(arguments: [
        ("pateint", "patient", 1),  // one swap of neighbours
        ("arm", "arm2", 1),         // one insertion
        ("site", "file", 2),        // two substitutions (s/f, t/l)
        ("kitten", "sitting", 3),   // k/s, e/i, and an inserted g
        ("", "abc", 3),             // three insertions
        ("abc", "abc", 0),
        // "ca" to "abc": 3 here (the swapped pair may not then take an insertion between its
        // letters); the unrestricted Damerau-Levenshtein distance would be 2.
        ("ca", "abc", 3),
        ("Arm", "arm", 1),          // letter case counts: callers lower-case first
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(SampleSheet.editDistance(a, b) == distance)
        #expect(SampleSheet.editDistance(b, a) == distance)
    }

    // MARK: The same sample at two timepoints

    @Test func twoTimepointsNamingOneTableWithoutBarcodeAreRefused() {
        let folder = Self.folder()
        let path = folder.file("s.tsv", "\(Self.required)\nP1\tbaseline\tA\tC\ta.maf\nP1\tfollowup\tA\tC\ta.maf\n")
        let error = inputError { _ = try SampleSheet(path: path) }
        #expect(error?.description == "\(path):3: patient \"P1\" has the same sample at two timepoints: line 2 (baseline) and line 3 (followup) both name \(folder.path("a.maf")) without a sample barcode; give each timepoint its own table, or its own barcode in the sample column")
    }

    @Test func twoTimepointsNamingOneBarcodeAreRefusedHoweverTheFileIsSpelled() {
        let folder = Self.folder()
        // "./a.maf" and "a.maf" are one file; the labels are shown as written.
        let path = folder.file("s.tsv", "\(Self.required)\tsample\nP1\tWeek 0\tA\tC\ta.maf\tS1\nP1\tprogression\tA\tC\t./a.maf\tS1\n")
        let error = inputError { _ = try SampleSheet(path: path, labels: TimepointLabels(extraBaseline: ["week 0"])) }
        #expect(error?.description == "\(path):3: patient \"P1\" has the same sample at two timepoints: line 2 (Week 0) and line 3 (progression) both name sample \"S1\" of \(folder.path)/./a.maf; give each timepoint its own table, or its own barcode in the sample column")
    }

    @Test func oneTableWithTwoBarcodesOrTwoPatientsIsFine() throws {
        let folder = Self.folder()
        // P1 reads S1 and S2 of one table (a multi-sample table); P2 reads b.maf as P3 does.
        let path = folder.file("s.tsv", """
            \(Self.required)\tsample
            P1\tbaseline\tA\tC\ta.maf\tS1
            P1\tfollowup\tA\tC\ta.maf\tS2
            P2\tbaseline\tA\tC\tb.maf\t
            P3\tbaseline\tA\tC\tb.maf\t

            """)
        let sheet = try SampleSheet(path: path)
        #expect(sheet.entries.map(\.sample) == ["S1", "S2", nil, nil])
    }

    @Test func aRepeatedTimepointIsStillReportedAsSuch() {
        // Line 3 repeats line 2's timepoint and sample: the repeated timepoint is named first.
        #expect(Self.error("\(Self.required)\nP1\tbaseline\tA\tC\ta.maf\nP1\tBL\tA\tC\ta.maf\n")
            == "s.tsv:3: patient \"P1\" has a second baseline sample (the first is on line 2)")
    }
}
