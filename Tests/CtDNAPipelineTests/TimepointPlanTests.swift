import CtDNACore
import CtDNAIO
import CtDNAModel
import TestSupport
import Testing
@testable import CtDNAPipeline

/// Which timepoints a run analyses, in what order, and which pairs it tests (docs/method.md §11).
/// Every expectation is read off the small sheets written here.
@Suite("Timepoint plan")
struct TimepointPlanTests {
    /// A sheet of `rows` (patient, label, day or empty) whose files exist (empty; nothing reads them).
    static func sheet(_ rows: [(String, String, String)], in folder: TemporaryFolder) throws -> SampleSheet {
        var text = "patient\ttimepoint\tarm\tcohort\tfile\tday\n"
        for (index, row) in rows.enumerated() {
            let file = folder.file("t\(index).maf", "")
            text += "\(row.0)\t\(row.1)\tA\tC\t\(file)\t\(row.2)\n"
        }
        return try SampleSheet(path: folder.file("sheet.tsv", text))
    }

    @Test func daysOrderTheRunByMedianDayAndThePatientByItsOwnDays() throws {
        let folder = TemporaryFolder()
        // progression first in the sheet; medians: baseline 0, week8 56, progression 150 (100, 200).
        let sheet = try Self.sheet([
            ("P1", "progression", "200"), ("P1", "baseline", "0"), ("P1", "Week 8", "56"),
            ("P2", "baseline", "0"), ("P2", "progression", "100"), ("P2", "week_8", ""),
        ], in: folder)
        let plan = try TimepointPlan(sheet: sheet, chosen: nil, compare: [], labels: TimepointLabels())
        #expect(plan.timepoints.map(\.name) == ["baseline", "week8", "progression"])
        #expect(plan.titles == ["Baseline", "Week 8", "progression"])
        // No followup label: the first two timepoints are the pair.
        #expect(plan.pairs == [TimepointPair(.baseline, Timepoint("week8"))])
        // P1's rows all have a day: day order. P2's week-8 row has none: the run's order.
        let p1 = plan.seriesOrder(sheet.entries.filter { $0.patient == "P1" })
        #expect(p1.map(\.timepoint.name) == ["baseline", "week8", "progression"])
        let p2 = plan.seriesOrder(sheet.entries.filter { $0.patient == "P2" })
        #expect(p2.map(\.timepoint.name) == ["baseline", "week8", "progression"])
        // An unknown timepoint in --compare: the sheet's timepoints are listed in the run's order.
        #expect(throws: InputError(file: sheet.path, column: "timepoint", message: "--compare names \"week12\", a timepoint the sheet does not have; its timepoints are: baseline, week8, progression")) {
            try TimepointPlan(sheet: sheet, chosen: nil, compare: [("baseline", "week12")], labels: TimepointLabels())
        }
    }

    @Test func withoutDaysBaselineComesFirstThenSheetOrder() throws {
        let folder = TemporaryFolder()
        let sheet = try Self.sheet([("P1", "progression", ""), ("P1", "followup", ""), ("P1", "BL", "")], in: folder)
        let plan = try TimepointPlan(sheet: sheet, chosen: nil, compare: [], labels: TimepointLabels())
        #expect(plan.timepoints.map(\.name) == ["baseline", "progression", "followup"])
        // Both baseline and follow-up analysed: they are the default pair, whatever the order.
        #expect(plan.pairs == [.baselineFollowup])
    }

    @Test func chosenTimepointsRestrictAndOrderAndComparisonsAreChecked() throws {
        let folder = TemporaryFolder()
        let sheet = try Self.sheet([("P1", "baseline", ""), ("P1", "week8", ""), ("P1", "progression", "")], in: folder)
        let plan = try TimepointPlan(
            sheet: sheet, chosen: ["progression", "Baseline"], compare: [("baseline", "progression")], labels: TimepointLabels())
        #expect(plan.timepoints.map(\.name) == ["progression", "baseline"])
        #expect(plan.pairs.map(\.description) == ["baseline:progression"])
        let path = sheet.path
        #expect(throws: InputError(file: path, column: "timepoint", message: "--timepoints names \"week12\", a timepoint the sheet does not have; its timepoints are: baseline, week8, progression")) {
            try TimepointPlan(sheet: sheet, chosen: ["baseline", "week12"], compare: [], labels: TimepointLabels())
        }
        #expect(throws: InputError(file: path, column: "timepoint", message: "--compare week8:progression names a timepoint that --timepoints leaves out")) {
            try TimepointPlan(sheet: sheet, chosen: ["baseline", "progression"], compare: [("week8", "progression")], labels: TimepointLabels())
        }
        #expect(throws: InputError(file: path, column: "timepoint", message: "--compare week8:Week 8 compares week8 with itself")) {
            try TimepointPlan(sheet: sheet, chosen: nil, compare: [("week8", "Week 8")], labels: TimepointLabels())
        }
        #expect(throws: InputError(file: path, column: "timepoint", message: "--compare names baseline:week8 twice")) {
            try TimepointPlan(sheet: sheet, chosen: nil, compare: [("baseline", "week8"), ("BL", "week_8")], labels: TimepointLabels())
        }
    }

    @Test func aSingleTimepointHasNoPair() throws {
        let folder = TemporaryFolder()
        let sheet = try Self.sheet([("P1", "baseline", ""), ("P2", "baseline", "")], in: folder)
        let plan = try TimepointPlan(sheet: sheet, chosen: nil, compare: [], labels: TimepointLabels())
        #expect(plan.timepoints == [.baseline] && plan.pairs.isEmpty && plan.mainPair == nil)
    }
}

/// A result over a patient's own series, laid onto the run's timepoints.
@Suite("Series placement")
struct SeriesPlacementTests {
    @Test func valuesMoveToTheRunsColumnsAndMissingOnesAreNil() {
        let week8 = Timepoint("week8"), progression = Timepoint("progression")
        // The patient's own series: progression (day 40) before week 8 (day 56), no baseline.
        var summary = PatientSummary(
            patient: "P", cohort: "C", arm: "A", timepoints: [progression, week8], status: .paired,
            reference: ReferenceTimepoint(index: 1, rule: .drivers), ctDNAFraction: [0.2, 0.1],
            medianAlleleFraction: [0.1, 0.05])
        summary.detectedCounts = [3, 2]
        let observation = AlleleObservation.absent
        let audit = MutationAudit(
            patient: "P", key: MutationKey(chromosome: "1", position: 5, reference: "A", alternate: "T"), gene: nil,
            proteinChange: nil, variantClassification: nil, observations: [observation, nil], normal: nil, status: .kept,
            isDriver: false, isClonal: false, notes: [])
        let placed = PatientResult(summary: summary, audit: [audit]).placed(on: [.baseline, week8, progression])
        #expect(placed.summary.timepoints == [.baseline, week8, progression])
        #expect(placed.summary.sampled == [false, true, true])
        #expect(placed.summary.ctDNAFraction == [nil, 0.1, 0.2])
        #expect(placed.summary.medianAlleleFraction == [nil, 0.05, 0.1])
        #expect(placed.summary.detectedCounts == [nil, 2, 3])
        // The reference was week 8 (index 1 of the patient's series), index 1 of the run's too.
        #expect(placed.summary.referenceTimepoint == week8)
        #expect(placed.audit[0].observations == [nil, nil, observation])
        // The run's pair baseline:week8 has no baseline value; week8:progression has both.
        #expect(placed.summary.pair(of: .ctDNAFraction, at: TimepointPair(.baseline, week8)) == nil)
        #expect(placed.summary.pair(of: .ctDNAFraction, at: TimepointPair(week8, progression)) == PairedMetric(baseline: 0.1, followup: 0.2))
    }
}
