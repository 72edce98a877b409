import Testing
import CtDNAStats
@testable import CtDNAReport

/// Every element under `root` (itself included) that `matches`, in document order.
func plotElements(_ root: SVGElement, _ matches: (SVGElement) -> Bool) -> [SVGElement] {
    var found: [SVGElement] = matches(root) ? [root] : []
    for child in root.children {
        if case let .element(element) = child { found += plotElements(element, matches) }
    }
    return found
}

/// The value of an element's attribute, if set.
func plotAttribute(_ element: SVGElement, _ name: String) -> String? {
    element.attributes.first { $0.name == name }?.value
}

/// Whether an element's class attribute holds `name`.
func plotHasClass(_ element: SVGElement, _ name: String) -> Bool {
    (plotAttribute(element, "class") ?? "").split(separator: " ").contains { $0 == name }
}

/// The text directly inside an element.
func plotText(_ element: SVGElement) -> String {
    element.children.map { if case let .text(text) = $0 { text } else { "" } }.joined()
}

@Suite("Kaplan-Meier plot")
struct KaplanMeierPlotTests {
    /// 4 patients: event at 10, censored at 20, event at 20, event at 30.
    /// By hand (R's rule: the patient censored at 20 is still at risk at 20):
    /// at 10, 4 at risk, 1 event: S = 3/4; at 20, 3 at risk, 1 event: S = 3/4 x 2/3 = 1/2;
    /// at 30, 1 at risk, 1 event: S = 0.
    static func fourPatients() throws -> KaplanMeierCurve {
        try KaplanMeierCurve([
            SurvivalObservation(time: 10, event: true), SurvivalObservation(time: 20, event: false),
            SurvivalObservation(time: 20, event: true), SurvivalObservation(time: 30, event: true),
        ])
    }

    /// 2 patients: event at 5, censored at 40. By hand: S = 1/2 at 5, still 1/2 at 40.
    static func twoPatients() throws -> KaplanMeierCurve {
        try KaplanMeierCurve([SurvivalObservation(time: 5, event: true), SurvivalObservation(time: 40, event: false)])
    }

    @Test func stepsOfTheHandMadeCurve() throws {
        let curve = try Self.fourPatients()
        #expect(curve.steps.map(\.survival) == [0.75, 0.5, 0])
        #expect(curve.steps.map(\.numberAtRisk) == [4, 3, 1])
        // Vertices in data units: start at (0, 1), across then down at each event time.
        let vertices = KaplanMeierPlot.vertices(curve)
        #expect(vertices.map(\.time) == [0, 10, 10, 20, 20, 30, 30])
        #expect(vertices.map(\.survival) == [1, 1, 0.75, 0.75, 0.5, 0.5, 0])
    }

    @Test func singleCurvePanel() throws {
        let panels = KaplanMeierPlot.panels(
            curves: [SurvivalCurve(endpoint: "pfs", group: "all", curve: try Self.fourPatients())], rows: [])
        #expect(panels.count == 1)
        let svg = try #require(panels.first)
        #expect(plotHasClass(svg, "km"))
        #expect(plotAttribute(svg, "data-endpoint") == "pfs")
        let texts = plotElements(svg) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("PFS, all patients"))
        #expect(texts.contains("no group comparison"))
        #expect(texts.contains("Survival probability"))
        #expect(texts.contains("Days from the landmark"))

        // By hand: the longest time is 30; tickStep of 0-30 for 5 ticks is 30 / 5 = 6, whose
        // nice step is 5, and 30 is a multiple of 5: ticks 0, 5, ..., 30. The plot runs from
        // x = 110 to 480 - 20 = 460, so x(t) = 110 + t x 350 / 30: x(10) = 226.67,
        // x(20) = 343.33, x(30) = 460; and from y = 62 + 200 = 262 (S = 0) up to 62 (S = 1),
        // so y(S) = 262 - 200 S: y(0.75) = 112, y(0.5) = 162.
        let polylines = plotElements(svg) { $0.name == "polyline" }
        #expect(polylines.count == 1)
        let line = try #require(polylines.first)
        #expect(plotAttribute(line, "data-group") == "all")
        #expect(plotHasClass(line, "km-curve") && plotHasClass(line, "resp-all"))
        #expect(plotAttribute(line, "points")
            == "110.00,62.00 226.67,62.00 226.67,112.00 343.33,112.00 343.33,162.00 460.00,162.00 460.00,262.00")

        // One censoring, at 20 where S = 0.5: a + of half-size 3.5 centred on (343.33, 162).
        let censors = plotElements(svg) { plotHasClass($0, "km-censor") }
        #expect(censors.count == 1)
        #expect(censors.first.flatMap { plotAttribute($0, "d") } == "M339.83,162.00H346.83M343.33,158.50V165.50")

        // Numbers at risk at 0, 5, ..., 30, by hand from the first step at or after each tick:
        // 0, 5, 10 -> the step at 10 (4); 15, 20 -> the step at 20 (3); 25, 30 -> the step at 30 (1).
        let risk = try #require(plotElements(svg) { plotHasClass($0, "km-risk-row") }.first)
        let cells = plotElements(risk) { $0.name == "text" }
        #expect(cells.map(plotText) == ["All patients", "4", "4", "4", "3", "3", "1", "1"])
        // Under the ticks: x(5) = 110 + 350 / 6 = 168.33, x(15) = 110 + 175 = 285.
        #expect(cells.dropFirst().map { plotAttribute($0, "x") ?? "" }
            == ["110.00", "168.33", "226.67", "285.00", "343.33", "401.67", "460.00"])
        // The at-risk counts agree with KaplanMeierCurve.points(at:).
        let points = try Self.fourPatients().points(at: [0, 5, 10, 15, 20, 25, 30])
        #expect(points.map { String($0.numberAtRisk) } == Array(cells.dropFirst().map(plotText)))
        // One row: 262 + 74 + 14 = 350 tall.
        #expect(plotAttribute(svg, "height") == "350.00")
    }

    @Test func groupedPanelWithStatistics() throws {
        let responders = try Self.fourPatients(), nonResponders = try Self.twoPatients()
        let all = try KaplanMeierCurve([
            SurvivalObservation(time: 10, event: true), SurvivalObservation(time: 20, event: false),
            SurvivalObservation(time: 20, event: true), SurvivalObservation(time: 30, event: true),
            SurvivalObservation(time: 5, event: true), SurvivalObservation(time: 40, event: false),
        ])
        let osCurve = try KaplanMeierCurve([SurvivalObservation(time: 7, event: false)])
        let curves = [
            SurvivalCurve(endpoint: "pfs", group: "all", curve: all),
            SurvivalCurve(endpoint: "pfs", group: "non_responder", curve: nonResponders),
            SurvivalCurve(endpoint: "pfs", group: "responder", curve: responders),
            SurvivalCurve(endpoint: "os", group: "all", curve: osCurve),
        ]
        // Made-up statistics: the test checks which rows are read and how they are written.
        var logRank = SurvivalRow(endpoint: "pfs", group: "all", test: .logRank, count: 6, events: 4)
        logRank.pValue = 0.0342
        var otherLogRank = SurvivalRow(endpoint: "os", group: "all", test: .logRank, count: 1, events: 0)
        otherLogRank.pValue = 0.9
        var covariate = SurvivalRow(endpoint: "pfs", group: "log2_ratio", test: .cox, count: 6, events: 4)
        covariate.hazardRatio = 9.99
        covariate.confidenceLow = 1
        covariate.confidenceHigh = 20
        var comparison = SurvivalRow(endpoint: "pfs", group: "responder vs non_responder", test: .cox, count: 6, events: 4)
        comparison.hazardRatio = 0.5712
        comparison.confidenceLow = 0.1905
        comparison.confidenceHigh = 1.7134
        let rows = [otherLogRank, logRank, covariate, comparison]

        let panels = KaplanMeierPlot.panels(curves: curves, rows: rows)
        #expect(panels.map { plotAttribute($0, "data-endpoint") } == ["pfs", "os"])
        let svg = panels[0]
        let texts = plotElements(svg) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("PFS by molecular response"))
        // p = 0.0342 to 2 significant digits; the covariate's row is skipped for the comparison's,
        // whose ratio and limits have 2 decimals.
        #expect(texts.contains("Log-rank p = 0.034 · HR 0.57 (0.19-1.71), responder vs non_responder"))
        #expect(texts.contains("Non-responders") && texts.contains("Responders"))

        // `all` is left out when there are groups; the groups keep the curves' order.
        let lines = plotElements(svg) { $0.name == "polyline" }
        #expect(lines.map { plotAttribute($0, "data-group") } == ["non_responder", "responder"])
        #expect(plotHasClass(lines[0], "resp-non-responder") && plotHasClass(lines[1], "resp-responder"))
        // By hand: the longest time is now 40; 40 / 5 = 8 rounds to a step of 10: ticks 0, 10,
        // ..., 40 and x(t) = 110 + 8.75 t, so x(5) = 153.75. Non-responders: (0, 1), across to
        // 5, down to 0.5 (y = 162), across to the censoring at 40 (x = 460).
        #expect(plotAttribute(lines[0], "points") == "110.00,62.00 153.75,62.00 153.75,162.00 460.00,162.00")
        // Responders: x(10) = 197.5, x(20) = 285, x(30) = 372.5.
        #expect(plotAttribute(lines[1], "points")
            == "110.00,62.00 197.50,62.00 197.50,112.00 285.00,112.00 285.00,162.00 372.50,162.00 372.50,262.00")
        let censors = plotElements(svg) { plotHasClass($0, "km-censor") }
        // Non-responders' censoring at (460, 162); responders' at (285, 162).
        #expect(censors.map { plotAttribute($0, "d") ?? "" }
            == ["M456.50,162.00H463.50M460.00,158.50V165.50", "M281.50,162.00H288.50M285.00,158.50V165.50"])
        #expect(plotHasClass(censors[0], "resp-non-responder") && plotHasClass(censors[1], "resp-responder"))

        // At risk at 0, 10, 20, 30, 40, by hand. Non-responders (5 event, 40 censored): 2 at 0;
        // the step at 40 (1 at risk) is the first at or after 10, 20, 30 and 40. Responders:
        // 4 at 0 and 10, 3 at 20, 1 at 30, 0 at 40 (past the last time).
        let riskRows = plotElements(svg) { plotHasClass($0, "km-risk-row") }
        #expect(riskRows.map { plotAttribute($0, "data-group") } == ["non_responder", "responder"])
        #expect(riskRows.map { plotElements($0) { $0.name == "text" }.map(plotText) } == [
            ["Non-responders", "2", "1", "1", "1", "1"],
            ["Responders", "4", "4", "3", "1", "0"],
        ])
        // Two rows: 262 + 74 + 14 + 14 = 364 tall.
        #expect(plotAttribute(svg, "height") == "364.00")

        // The os panel: one curve, its own log-rank row, no hazard ratio.
        let osTexts = plotElements(panels[1]) { $0.name == "text" }.map(plotText)
        #expect(osTexts.contains("OS, all patients"))
        #expect(osTexts.contains("Log-rank p = 0.9"))
    }

    @Test func statisticsText() {
        var comparison = SurvivalRow(endpoint: "pfs", group: "b vs a", test: .cox, count: 3, events: 1)
        comparison.hazardRatio = 12345
        comparison.confidenceLow = 0.5
        comparison.confidenceHigh = .infinity
        // No log-rank row; a ratio from 1000 on gets 3 significant digits; an infinite limit is NA.
        #expect(KaplanMeierPlot.statistics([comparison]) == "HR 1.23e+04 (0.50-NA), b vs a")
        #expect(KaplanMeierPlot.statistics([]) == "no group comparison")
        #expect(KaplanMeierPlot.panels(curves: [], rows: []).isEmpty)
    }

    @Test func timeAxisEndsOnATick() {
        // By hand: 0-95 over 5 ticks is 19 a tick, nice step 20; 95 rounds up to 100.
        let axis = SurvivalTimeAxis.ticks(longest: 95)
        #expect(axis.end == 100)
        #expect(axis.labels == ["0", "20", "40", "60", "80", "100"])
        // 0.8 / 5 = 0.16, nice step 0.2 (one decimal); nothing to show gives 0 to 1 by 0.2.
        #expect(SurvivalTimeAxis.ticks(longest: 0.8).labels == ["0.0", "0.2", "0.4", "0.6", "0.8"])
        #expect(SurvivalTimeAxis.ticks(longest: 0).end == 1)
    }

    @Test func styleSheetColoursTheResponseGroups() {
        let css = ReportStyle.css(armCount: 2)
        #expect(css.contains(".resp-responder { stroke: \(ResponsePalette.responder); fill: \(ResponsePalette.responder); }"))
        #expect(css.contains(".resp-non-responder { stroke: \(ResponsePalette.nonResponder); fill: \(ResponsePalette.nonResponder); }"))
        #expect(css.contains(".resp-not-evaluable { stroke: \(ResponsePalette.notEvaluable); fill: \(ResponsePalette.notEvaluable); }"))
        #expect(css.contains(".resp-all { stroke: \(ResponsePalette.all); fill: \(ResponsePalette.all); }"))
        for (index, colour) in ResponsePalette.others.enumerated() {
            #expect(css.contains(".km-other-\(index) { stroke: \(colour); fill: \(colour); }"))
        }
        #expect(ResponsePalette.cssClass(group: "arm B", otherIndex: 5) == "km-other-1")
    }
}
