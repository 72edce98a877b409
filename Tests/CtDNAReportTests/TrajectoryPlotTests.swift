import Testing
import CtDNAModel
@testable import CtDNAReport

/// ``TrajectoryPlot`` on ``SerialFigureFixtures/trajectories``, every coordinate computed by
/// hand from the scale formulas (the arithmetic is in the comments; a Python one-liner of the
/// same formulas gave the decimals).
@Suite("Trajectory plot")
struct TrajectoryPlotTests {
    static func panels(_ trajectories: [PatientTrajectory] = SerialFigureFixtures.trajectories) -> [SVGElement] {
        TrajectoryPlot.panels(trajectories, metric: .ctDNAFraction, timepointTitles: SerialFigureFixtures.titles,
                              groups: SerialFigureFixtures.groups, arms: SerialFigureFixtures.arms)
    }

    /// The patient group of `patient` in a panel.
    static func patient(_ panel: SVGElement, _ patient: String) throws -> SVGElement {
        try #require(plotElements(panel) { plotAttribute($0, "data-patient") == patient }.first)
    }

    /// The `points` of the elements of class `name` in `root`.
    static func polylinePoints(_ root: SVGElement, class name: String) -> [String?] {
        plotElements(root) { $0.name == "polyline" && plotHasClass($0, name) }.map { plotAttribute($0, "points") }
    }

    // Scales, by hand. y: the smallest non-zero value drawn is 0.002 (P6, week 8), so the floor
    // is 0.002 / 3 = 0.000667 and the log domain runs from 0.000667 / 1.4 = 0.000476 to the
    // largest, 0.1, x 1.4 = 0.14, onto 300 - 46 = 254 (bottom) .. 52 (top):
    // y(v) = 254 - 202 x (log10 v - log10 0.000476) / (log10 0.14 - log10 0.000476).
    // x: every drawn point has a day; the days drawn run 0..180 (P6's day 200 has no value and
    // is not drawn), onto 66 + 20 = 86 .. 360 - 18 - 20 = 322: x(d) = 86 + d x 236 / 180.

    @Test func pointsLandWhereTheScalesPutThem() throws {
        let panels = Self.panels()
        #expect(panels.map { plotAttribute($0, "data-arm") } == ["SBRT", "SOC"])
        // P1: 0.02 at day 0, 0 (on the floor) at day 56, 0.015 at day 180.
        // y(0.02) = 121.16, y(floor) = 242.04, y(0.015) = 131.38; x(56) = 159.42, x(180) = 322.
        let p1 = try Self.patient(panels[0], "P1")
        #expect(Self.polylinePoints(p1, class: "trajectory-line") == ["86.00,121.16 159.42,242.04 322.00,131.38"])
        let circles = plotElements(p1) { $0.name == "circle" }
        #expect(circles.map { plotAttribute($0, "cx") } == ["86.00", "159.42", "322.00"])
        #expect(circles.map { plotAttribute($0, "cy") } == ["121.16", "242.04", "131.38"])
        #expect(circles.allSatisfy { plotHasClass($0, "arm-0") && plotAttribute($0, "r") == "2.50" })
        // The zero sits on the dashed floor, which is where the floor line runs, in both panels.
        for panel in panels {
            let floor = try #require(plotElements(panel) { plotHasClass($0, "zero-floor") }.first)
            #expect(plotAttribute(floor, "y1") == "242.04" && plotAttribute(floor, "y2") == "242.04")
        }
        // SOC patients are coloured as the second arm.
        let p5 = try Self.patient(panels[1], "P5")
        #expect(plotElements(p5) { $0.name == "polyline" }.allSatisfy { plotHasClass($0, "arm-1") })
    }

    @Test func missingTimepointsAreSkippedNotBroken() throws {
        let panels = Self.panels()
        // P3 lacks week 8 (and its points come out of order): one line from 0.008 at day 0 to
        // 0.03 at day 170: y(0.008) = 153.73, y(0.03) = 106.75, x(170) = 308.89.
        let p3 = try Self.patient(panels[0], "P3")
        #expect(Self.polylinePoints(p3, class: "trajectory-line") == ["86.00,153.73 308.89,106.75"])
        // P6 has no value at progression: a line through its two values, nothing at day 200.
        let p6 = try Self.patient(panels[1], "P6")
        #expect(Self.polylinePoints(p6, class: "trajectory-line").count == 1)
        #expect(plotElements(p6) { $0.name == "circle" }.count == 2)
        // P4 has one sample: a dot, no line, and the subtitle counts it.
        let p4 = try Self.patient(panels[0], "P4")
        #expect(plotHasClass(p4, "single-sample"))
        #expect(plotElements(p4) { $0.name == "polyline" }.isEmpty)
        let dot = try #require(plotElements(p4) { $0.name == "circle" }.first)
        // y(0.1) = 63.96.
        #expect(plotAttribute(dot, "cx") == "86.00" && plotAttribute(dot, "cy") == "63.96" && plotAttribute(dot, "r") == "3.50")
        let texts = plotElements(panels[0]) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("n = 4 (1 with one value)"))
        #expect(plotElements(panels[1]) { $0.name == "text" }.map(plotText).contains("n = 2"))
    }

    @Test func medianLineJoinsTheMediansAtTheMedianDays() throws {
        // SBRT by hand: baseline values 0.02, 0.05, 0.008, 0.1 -> (0.02 + 0.05) / 2 = 0.035 at
        // day 0; week 8: 0 and 0.01 -> 0.005 at day 56; progression: 0.015 (day 180) and 0.03
        // (day 170) -> 0.0225 at day 175. y(0.035) = 101.27, y(0.005) = 170.43,
        // y(0.0225) = 116.97; x(175) = 315.44.
        let medians = TrajectoryPlot.medians(
            SerialFigureFixtures.trajectories.filter { $0.arm == "SBRT" }, mode: .days)
        #expect(medians.map(\.median) == [0.035, 0.005, 0.0225])
        #expect(medians.map(\.at) == [0, 56, 175])
        #expect(medians.map(\.count) == [4, 2, 2])
        let panels = Self.panels()
        #expect(Self.polylinePoints(panels[0], class: "median-line") == ["86.00,101.27 159.42,170.43 315.44,116.97"])
        let line = try #require(plotElements(panels[0]) { plotHasClass($0, "median-line") }.first)
        #expect(plotAttribute(line, "fill") == "none")
    }

    @Test func withoutADayForEveryPointTheAxisIsTheTimepointOrder() throws {
        // P5's week-8 sample has no day: the whole figure falls back to the order, timepoint i at
        // 86 + i x (322 - 86) / 2 = 86, 204, 322, each tick labelled with its title.
        var trajectories = SerialFigureFixtures.trajectories
        trajectories[4].points[1].day = nil
        let panels = Self.panels(trajectories)
        let p3 = try Self.patient(panels[0], "P3")
        #expect(Self.polylinePoints(p3, class: "trajectory-line") == ["86.00,153.73 322.00,106.75"])
        // The median sits at the timepoint, whatever the days: 204 for week 8, 322 for progression.
        #expect(Self.polylinePoints(panels[0], class: "median-line") == ["86.00,101.27 204.00,170.43 322.00,116.97"])
        let texts = plotElements(panels[0]) { $0.name == "text" }.map(plotText)
        #expect(["Baseline", "Week 8", "Progression"].allSatisfy(texts.contains))
        #expect(!texts.contains("Day"))
    }

    @Test func aGroupWithoutPatientsSaysSo() {
        let panels = TrajectoryPlot.panels(
            [], metric: .medianAlleleFraction, timepointTitles: SerialFigureFixtures.titles,
            groups: [ReportGroup(cohort: "Breast", arm: "SBRT")], arms: ["SBRT"])
        #expect(panels.count == 1)
        let texts = plotElements(panels[0]) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("no patient with a value") && texts.contains("Median allele fraction"))
        #expect(plotElements(panels[0]) { plotHasClass($0, "median-line") }.isEmpty)
    }

    @Test func linesFadeAsAPanelFills() {
        // 0.6 up to 10 patients; 0.6 x sqrt(10 / 40) = 0.3; 0.6 x sqrt(10 / 1000) = 0.06 -> 0.15.
        #expect(TrajectoryPlot.lineOpacity(patients: 10) == 0.6)
        #expect(abs(TrajectoryPlot.lineOpacity(patients: 40) - 0.3) < 1e-12)
        #expect(TrajectoryPlot.lineOpacity(patients: 1000) == 0.15)
        // Points: opaque up to 10 patients (no attribute: the fixture's circles have none), then
        // the line's opacity + 0.25: 0.3 + 0.25 = 0.55 for 40.
        #expect(TrajectoryPlot.pointOpacity(patients: 10) == nil)
        #expect(abs(TrajectoryPlot.pointOpacity(patients: 40)! - 0.55) < 1e-12)
        let circles = plotElements(Self.panels()[0]) { $0.name == "circle" }
        #expect(!circles.isEmpty && circles.allSatisfy { plotAttribute($0, "fill-opacity") == nil })
    }
}
