import Testing
import CtDNACore
@testable import CtDNAReport

/// ``MutationTrajectoryPlot`` on ``SerialFigureFixtures/mutationSeries``, coordinates by hand
/// from the scale formulas (the arithmetic is in the comments).
@Suite("Mutation trajectory plot")
struct MutationTrajectoryPlotTests {
    /// The panel of fixture patient `index`, on the scale of every fixture patient.
    static func panel(_ index: Int) -> SVGElement {
        let patients = SerialFigureFixtures.mutationSeries
        return MutationTrajectoryPlot.panel(
            patients[index], titles: SerialFigureFixtures.titles, y: MutationTrajectoryPlot.sharedScale(patients))
    }

    /// The mutation groups of a panel with `status`.
    static func mutations(_ panel: SVGElement, status: String) -> [SVGElement] {
        plotElements(panel) { $0.name == "g" && plotAttribute($0, "data-status") == status }
    }

    // y, by hand: the drawn allele fractions (P1's low-depth mutation at 0.9 is not drawn and
    // does not count) run from 0.001 (P1 KRAS, week 8) to 0.5 (P5's germline mutation), so the
    // floor is 0.001 / 3 = 0.000333, the domain 0.000333 / 1.4 = 0.000238 to 0.5 x 1.4 = 0.7,
    // onto 162 (bottom) .. 48 (top): y(v) = 162 - 114 x (log10 v - log10 0.000238) / (log10 0.7 - log10 0.000238).
    // x, P1: days 0, 56, 180 onto 48 + 10 = 58 .. 176 - 10 = 166: x(d) = 58 + d x 108 / 180.

    @Test func clonalLinesLandWhereTheScalesPutThem() throws {
        let panel = Self.panel(0)
        let clonal = plotElements(panel) { plotHasClass($0, "clonal") && $0.name == "g" }
        #expect(clonal.count == 3)
        // TP53: 0.12 at day 0, 0 at day 56, 0.08 at day 180: y(0.12) = 73.17, y(floor) = 157.20,
        // y(0.08) = 78.96; x(56) = 91.60.
        let line = try #require(plotElements(clonal[0]) { $0.name == "polyline" }.first)
        #expect(plotAttribute(line, "points") == "58.00,73.17 91.60,157.20 166.00,78.96")
        #expect(plotAttribute(line, "stroke") == Palette.armColours[0])
        // KRAS at week 8: 0.001 at y = 141.51, in the second colour.
        let kras = plotElements(clonal[1]) { $0.name == "circle" }
        #expect(kras.count == 3)
        #expect(plotAttribute(kras[1], "cy") == "141.51" && plotAttribute(kras[1], "fill") == Palette.armColours[1])
        // The floor line runs at the zeros' height.
        let floor = try #require(plotElements(panel) { plotHasClass($0, "zero-floor") }.first)
        #expect(plotAttribute(floor, "y1") == "157.20")
        // Each clonal mutation is labelled, in its colour.
        let labels = plotElements(panel) { plotHasClass($0, "clonal-label") }
        #expect(Set(labels.map(plotText)) == ["TP53 p.R273H", "KRAS p.G12C", "PIK3CA p.E545K"])
    }

    @Test func clonalHaematopoiesisIsMarkedAndOtherRemovalsAreNotDrawn() throws {
        let panel = Self.panel(0)
        // DNMT3A (ch_gene): dashed grey with a cross at each of its 3 values.
        let ch = Self.mutations(panel, status: "ch_gene")
        #expect(ch.count == 1)
        #expect(plotHasClass(ch[0], "ch-filtered"))
        #expect(plotElements(ch[0]) { $0.name == "polyline" }.map { plotAttribute($0, "stroke-dasharray") } == ["3 2"])
        #expect(plotElements(ch[0]) { plotHasClass($0, "ch-marker") }.count == 3)
        // P2's ch_variant and P5's matched_normal are drawn the same way.
        #expect(plotHasClass(try #require(Self.mutations(Self.panel(1), status: "ch_variant").first), "ch-filtered"))
        #expect(plotHasClass(try #require(Self.mutations(Self.panel(4), status: "matched_normal").first), "ch-filtered"))
        // The low-depth mutation is left out, and the panel's tooltip says so.
        #expect(Self.mutations(panel, status: "low_depth").isEmpty)
        let tooltip = try #require(plotElements(panel) { $0.name == "title" }.first)
        #expect(plotText(tooltip) == "P1: 5 kept (3 clonal), 1 CH or germline, 1 removed for other reasons (not drawn)")
        // Kept, not clonal: faint, no cross.
        let kept = plotElements(panel) { $0.name == "g" && plotHasClass($0, "kept") }
        #expect(kept.count == 2)
        #expect(kept.allSatisfy { plotElements($0) { plotHasClass($0, "ch-marker") }.isEmpty })
        // Title: patient and n = |S|.
        #expect(plotElements(panel) { $0.name == "text" }.map(plotText).contains("P1 · n = 5"))
    }

    @Test func missingValuesAndTimepointsAreSkipped() throws {
        // P1's KEAP1 has no value at progression: one line through its first two values
        // (0.004 at day 0, 0.002 at day 56), no point at day 180.
        let keap1 = try #require(plotElements(Self.panel(0)) { $0.name == "g" && plotHasClass($0, "kept") }.last)
        let points = try #require(plotElements(keap1) { $0.name == "polyline" }.first.flatMap { plotAttribute($0, "points") })
        #expect(points.split(separator: " ").map { $0.split(separator: ",")[0] } == ["58.00", "91.60"])
        // P3 has no days and lacks week 8: the x axis is the order of all three titles,
        // 58, 112, 166, the line joins baseline (58) and progression (166), and the reference
        // (progression) is the dotted line at 166.
        let p3 = Self.panel(2)
        let alk = try #require(plotElements(p3) { $0.name == "g" && plotHasClass($0, "clonal") }.first)
        let alkPoints = try #require(plotElements(alk) { $0.name == "polyline" }.first.flatMap { plotAttribute($0, "points") })
        #expect(alkPoints.hasPrefix("58.00,157.20 166.00,"))
        let reference = try #require(plotElements(p3) { plotHasClass($0, "reference-timepoint") }.first)
        #expect(plotAttribute(reference, "x1") == "166.00" && plotAttribute(reference, "x2") == "166.00")
        let texts = plotElements(p3) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("Week 8") && !texts.contains("Day"))
        // P4 has one sample at day 0: a dot in the middle, (58 + 166) / 2 = 112, and one day tick.
        let p4 = Self.panel(3)
        let dot = try #require(plotElements(p4) { $0.name == "circle" }.first)
        #expect(plotAttribute(dot, "cx") == "112.00")
        #expect(plotElements(p4) { $0.name == "polyline" }.isEmpty)
        let p4Texts = plotElements(p4) { $0.name == "text" }.map(plotText)
        #expect(p4Texts.contains("0") && !p4Texts.contains("-1") && !p4Texts.contains("1"))
    }

    @Test func labelsSpreadAndKeepTheLargestWhenCrowded() {
        // Ascending wishes 50, 52, 100, 9.5 apart from 48 to 162: 50, 59.5, 100.
        #expect(MutationTrajectoryPlot.spread([50, 52, 100], spacing: 9.5, low: 48, high: 162) == [50, 59.5, 100])
        // Near the bottom: forward 160, 169.5, 179; back up from 162: 143, 152.5, 162.
        #expect(MutationTrajectoryPlot.spread([160, 161, 162], spacing: 9.5, low: 48, high: 162) == [143, 152.5, 162])
        // 15 clonal mutations: the column holds (162 - 48) / 9.5 + 1 = 13 labels; the two of the
        // smallest allele fractions go unlabelled.
        let many = PatientMutationSeries(
            patient: "P9", cohort: "C", arm: "A", timepoints: [TimepointPosition(timepointIndex: 0, day: 0)],
            referenceIndex: 0, mutations: (1...15).map {
                MutationSeries(label: "M\($0)", status: .kept, isClonal: true, alleleFractions: [Double($0) / 100])
            })
        let panel = MutationTrajectoryPlot.panel(many, titles: ["Baseline"], y: MutationTrajectoryPlot.sharedScale([many]))
        let labels = plotElements(panel) { plotHasClass($0, "clonal-label") }.map(plotText)
        #expect(labels.count == 13)
        #expect(!labels.contains("M1") && !labels.contains("M2") && labels.contains("M15"))
        // Long labels end in an ellipsis at 14 characters.
        #expect(MutationTrajectoryPlot.labelLength == 14)
    }

    @Test func patientsArePagedOnOneScale() throws {
        let patients = SerialFigureFixtures.mutationSeries
        let pages = MutationTrajectoryPlot.pages(patients, timepointTitles: SerialFigureFixtures.titles, patientsPerPage: 4)
        #expect(pages.map { plotAttribute($0, "data-page") } == ["1", "2"])
        let panels = pages.map { plotElements($0) { plotHasClass($0, "patient-panel") } }
        #expect(panels.map { $0.map { plotAttribute($0, "data-patient") ?? "" } } == [["P1", "P2", "P3", "P4"], ["P5", "P6"]])
        // One row each: 76 + 192 + 8 = 276 tall, 2 x 12 + 4 x 250 = 1024 wide.
        #expect(pages.map { plotAttribute($0, "height") } == ["276.00", "276.00"])
        #expect(plotAttribute(pages[0], "width") == "1024.00")
        // The floor is at the same height on both pages (one scale for all patients).
        let floors = pages.flatMap { plotElements($0) { plotHasClass($0, "zero-floor") } }.map { plotAttribute($0, "y1") }
        #expect(Set(floors) == ["157.20"])
        // The second panel of a row is moved 250 to the right.
        let moved = plotElements(pages[1]) { plotAttribute($0, "transform") != nil && $0.name == "g" }
            .map { plotAttribute($0, "transform") }
        #expect(moved.contains("translate(262.00,76.00)"))
        #expect(plotElements(pages[1]) { $0.name == "text" }.map(plotText).contains {
            $0.hasPrefix("Patients 5–6 of 6 (page 2 of 2)")
        })
        // By default every patient of the fixture fits one page of two rows: 76 + 2 x 192 + 8 = 468.
        let single = MutationTrajectoryPlot.pages(patients, timepointTitles: SerialFigureFixtures.titles)
        #expect(single.count == 1 && plotAttribute(single[0], "height") == "468.00")
        #expect(MutationTrajectoryPlot.pages([], timepointTitles: SerialFigureFixtures.titles).isEmpty)
    }
}

@Suite("Zero-floor log scale")
struct ZeroFloorScaleTests {
    @Test func floorAndDomainFollowThePairedPlotRule() {
        // Values 0, 0.004, 0.2: floor 0.004 / 3; domain (floor / 1.4, 0.2 x 1.4); a zero lands
        // on the floor. The paired plots' scale of the same values, on their range (300 - 34 = 266
        // to 52), is the same.
        let scale = ZeroFloorScale(values: [0, 0.004, 0.2], range: (266, 52))
        #expect(scale.floor == 0.004 / 3)
        #expect(scale.scale.domain.low == 0.004 / 3 / 1.4 && scale.scale.domain.high == 0.2 * 1.4)
        #expect(scale.position(0) == scale.scale.position(0.004 / 3))
        let paired = PairedPlot.sharedScale([PairedMetric(baseline: 0.2, followup: 0), PairedMetric(baseline: 0.004, followup: 0.2)])
        #expect(paired.floor == scale.floor && paired.scale == scale.scale)
        // No ticks crowd the floor: none below 1.6 x floor = 0.00213.
        #expect(scale.ticks().allSatisfy { $0.value > 0.004 / 3 * 1.6 })
        // Without a non-zero value: 0.01 / 3 to 0.1 x 1.4.
        let empty = ZeroFloorScale(values: [0, 0], range: (1, 0))
        #expect(empty.floor == 0.01 / 3 && empty.scale.domain.high == 0.1 * 1.4)
    }
}
