import Testing
import CtDNACore
@testable import CtDNAReport

@Suite("Swimmer plot")
struct SwimmerPlotTests {
    @Test func barsMarkersAndOrder() throws {
        let entries = [
            SwimmerEntry(patient: "A", cohort: "NSCLC", time: 100, event: true, response: .clearance),
            SwimmerEntry(patient: "B", cohort: "NSCLC", time: 250, event: false, response: .noResponse),
            SwimmerEntry(patient: "C", cohort: "NSCLC", time: 40, event: true, response: nil),
        ]
        let panels = SwimmerPlot.panels(entries, cohorts: ["NSCLC", "Breast"], endpoint: "pfs")
        #expect(panels.map { plotAttribute($0, "data-cohort") } == ["NSCLC", "Breast"])
        let svg = panels[0]
        #expect(plotHasClass(svg, "swimmer"))

        // By hand: the longest time is 250; 250 / 5 = 50 is already a nice step, so the axis
        // runs 0 to 250 from x = 90 to 520 - 24 = 496: x(t) = 90 + t x 406 / 250 = 90 + 1.624 t.
        // Bars start at 90 and are 1.624 t wide: B 406, A 162.4, C 64.96.
        // Longest first: B, A, C; rows of 14 from y = 58, bars 8 tall centred: B 61-69 (centre 65),
        // A 75-83 (79), C 89-97 (93).
        let bars = plotElements(svg) { plotHasClass($0, "swim-bar") }
        #expect(bars.map { plotAttribute($0, "data-patient") } == ["B", "A", "C"])
        #expect(bars.map { plotAttribute($0, "x") } == ["90.00", "90.00", "90.00"])
        #expect(bars.map { plotAttribute($0, "width") } == ["406.00", "162.40", "64.96"])
        #expect(bars.map { plotAttribute($0, "y") } == ["61.00", "75.00", "89.00"])
        #expect(bars.map { plotAttribute($0, "height") } == ["8.00", "8.00", "8.00"])
        // Colours: B no response, A clearance (a response), C unknown (not evaluable).
        #expect(plotHasClass(bars[0], "resp-non-responder"))
        #expect(plotHasClass(bars[1], "resp-responder"))
        #expect(plotHasClass(bars[2], "resp-not-evaluable"))

        // Markers at the bars' ends (x = 90 + width): B censored (open) at (496, 65); A and C
        // had the event (filled) at (252.40, 79) and (154.96, 93). The legend's two markers
        // are outside the rows.
        let rows = try #require(plotElements(svg) { plotHasClass($0, "swim-rows") }.first)
        let markers = plotElements(rows) { $0.name == "circle" }
        #expect(markers.map { plotAttribute($0, "class") } == ["swim-censored", "swim-event", "swim-event"])
        #expect(markers.map { plotAttribute($0, "cx") } == ["496.00", "252.40", "154.96"])
        #expect(markers.map { plotAttribute($0, "cy") } == ["65.00", "79.00", "93.00"])

        let texts = plotElements(svg) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("NSCLC: PFS by molecular response"))
        #expect(texts.contains("n = 3, 2 with an event"))
        #expect(texts.contains("Days from the landmark"))
        #expect(texts.contains("PFS event") && texts.contains("censored"))
        // Ticks 0, 50, ..., 250.
        #expect(texts.contains("250") && texts.contains("50"))
        // Three rows: 58 + 3 x 14 + 44 = 144 tall.
        #expect(plotAttribute(svg, "height") == "144.00")

        // The Breast cohort has no entry: an empty panel that says so, on the same axis.
        let empty = plotElements(panels[1]) { $0.name == "text" }.map(plotText)
        #expect(empty.contains("no patient with a time and an event"))
        #expect(plotElements(panels[1]) { plotHasClass($0, "swim-bar") }.isEmpty)
    }
}
