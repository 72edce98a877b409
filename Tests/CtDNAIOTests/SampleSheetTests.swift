import CtDNAIO
import CtDNAModel
import Foundation
import Testing
import TestSupport

@Suite struct SampleSheetTests {
    /// A folder with two empty variant tables the sheets below can name.
    static func folderWithTables() -> TemporaryFolder {
        let folder = TemporaryFolder()
        _ = folder.file("a.maf", "")
        _ = folder.file("b.maf", "")
        _ = folder.file("wbc.maf", "")
        return folder
    }

    @Test func readsACsvSheetWithRelativePathsAndLabels() throws {
        let folder = Self.folderWithTables()
        let path = folder.file("sheet.csv", "patient,timepoint,arm,cohort,file,sample,normal\nP1,Week 0,SBRT,NSCLC,a.maf,S1,\r\nP1,8 Weeks,SBRT,NSCLC,b.maf,,wbc.maf\n")
        let sheet = try SampleSheet(path: path, labels: TimepointLabels(extraBaseline: ["week 0"], extraFollowup: ["8 weeks"]))
        #expect(sheet.entries.count == 2)
        #expect(sheet.entries[0].timepoint == .baseline && sheet.entries[1].timepoint == .followup)
        #expect(sheet.entries[0].file == folder.url.appendingPathComponent("a.maf").path)
        #expect(sheet.entries[0].sample == "S1" && sheet.entries[1].sample == nil)
        // The normal named on the follow-up row belongs to the patient, so the baseline row has it too.
        #expect(sheet.entries[0].normal == folder.url.appendingPathComponent("wbc.maf").path)
        #expect(sheet.entries.map(\.line) == [2, 3])
    }

    /// `normal_sample` names the normal's column in a multi-sample table: with `normal` empty, in
    /// the row's own file (a tumour-normal VCF); it belongs to the patient like `normal`, and two
    /// different normal samples of one patient are refused.
    @Test func normalSampleNamesTheNormalInTheSameFile() throws {
        let folder = Self.folderWithTables()
        let path = folder.file("sheet.tsv", "patient\ttimepoint\tarm\tcohort\tfile\tsample\tnormal_sample\nP1\tbaseline\tA\tX\ta.maf\tT0\tN1\nP1\tfollowup\tA\tX\ta.maf\tT1\t\n")
        let sheet = try SampleSheet(path: path)
        let file = folder.url.appendingPathComponent("a.maf").path
        #expect(sheet.entries.map(\.normal) == [file, file])
        #expect(sheet.entries.map(\.normalSample) == ["N1", "N1"])
        #expect(sheet.extraColumns.isEmpty)
        let clash = folder.file("clash.tsv", "patient\ttimepoint\tarm\tcohort\tfile\tsample\tnormal_sample\nP1\tbaseline\tA\tX\ta.maf\tT0\tN1\nP1\tfollowup\tA\tX\ta.maf\tT1\tN2\n")
        #expect(inputError { _ = try SampleSheet(path: clash) }?.description
            == "\(clash):3: column normal_sample: patient \"P1\" has another matched normal on line 2")
    }

    @Test(arguments: ["Baseline", "BL", "pre-treatment", "FOLLOW_UP", "Follow-up", "fu"])
    func builtInLabels(label: String) {
        #expect(TimepointLabels().timepoint(of: label) != nil)
    }

    /// `timepoint(of:)` replaces `kind(of:)`: labels name the run's `Timepoint`s.
    @Test func labelsNameTimepoints() {
        let labels = TimepointLabels(extraBaseline: ["week 0"], extraFollowup: ["8 weeks"])
        #expect(labels.timepoint(of: "BL") == .baseline)
        #expect(labels.timepoint(of: "Week 0") == .baseline)
        #expect(labels.timepoint(of: "follow-up") == .followup)
        #expect(labels.timepoint(of: "8 Weeks") == .followup)
        #expect(labels.timepoint(of: "progression") == nil)
    }

    /// A label that is neither baseline nor follow-up names a timepoint of its own (METHOD.md
    /// 3.10), written in lower case without blanks, hyphens and underscores, so that `Week 8`
    /// and `week_8` are one timepoint (and a patient's second sample of it a duplicate).
    @Test func anyOtherLabelNamesATimepointOfItsOwn() throws {
        let folder = Self.folderWithTables()
        let path = folder.file("s.tsv", "patient\ttimepoint\tarm\tcohort\tfile\nP1\tprogression\tA\tC\ta.maf\nP2\tWeek 8\tA\tC\ta.maf\n")
        let sheet = try SampleSheet(path: path)
        #expect(sheet.entries[0].timepoint == Timepoint("progression") && sheet.entries[0].timepointLabel == "progression")
        #expect(sheet.entries[1].timepoint == Timepoint("week8") && sheet.entries[1].timepointLabel == "Week 8")
        let twice = folder.file("t.tsv", "patient\ttimepoint\tarm\tcohort\tfile\nP1\tWeek 8\tA\tC\ta.maf\nP1\tweek_8\tA\tC\tb.maf\n")
        #expect(throws: InputError(file: twice, line: 3, message: "patient \"P1\" has a second week8 sample (the first is on line 2)")) {
            try SampleSheet(path: twice)
        }
        let blank = folder.file("u.tsv", "patient\ttimepoint\tarm\tcohort\tfile\nP1\t-\tA\tC\ta.maf\n")
        #expect(throws: InputError(file: blank, line: 2, column: "timepoint", message: "\"-\" is not a timepoint label: write a name such as baseline, week8 or progression")) {
            try SampleSheet(path: blank)
        }
    }

    @Test(arguments: [
        ("patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\tC\ta.maf\nP1\tfollowup\tB\tC\tb.maf\n",
         "s.tsv:3: column arm: patient \"P1\" is \"A\" on line 2 and \"B\" here"),
        ("patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\t\ta.maf\n", "s.tsv:2: column cohort: empty cell"),
        ("patient\ttimepoint\tarm\tfile\nP1\tbaseline\tA\ta.maf\n", "s.tsv:1: missing column \"cohort\"; the header has: patient, timepoint, arm, file"),
        ("patient\ttimepoint\tarm\tcohort\tfile\tnormal\nP1\tbaseline\tA\tC\ta.maf\ta.maf\nP1\tfollowup\tA\tC\tb.maf\tb.maf\n",
         "s.tsv:3: column normal: patient \"P1\" has another matched normal on line 2"),
        ("patient\ttimepoint\tarm\tcohort\tfile\n", "s.tsv: the sample sheet has no rows"),
    ])
    func invalidSheetsNameTheRow(text: String, message: String) {
        let folder = Self.folderWithTables()
        let path = folder.file("s.tsv", text)
        let error = inputError { _ = try SampleSheet(path: path) }
        #expect(error?.description == folder.url.path + "/" + message)
    }
}
