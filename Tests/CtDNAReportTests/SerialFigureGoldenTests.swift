import CtDNAModel
import Foundation
import Testing
@testable import CtDNAReport

/// The serial figures of ``SerialFigureFixtures`` against files in `Golden/`, byte for byte,
/// as ``GoldenTests`` does for the report: `CTDNA_UPDATE_GOLDEN=1` writes them anew, and
/// `git diff` shows what a change did. The geometry in them is checked by hand in
/// ``TrajectoryPlotTests`` and ``MutationTrajectoryPlotTests``. Its name begins
/// `GoldenTests` so that `make golden` (`--filter CtDNAReportTests.GoldenTests`) rewrites these too.
@Suite("Golden serial figures")
struct GoldenTestsOfSerialFigures {
    /// Each golden file's name and the figure it holds (standalone SVG text).
    static let renderings: [(name: String, render: @Sendable () -> String)] = [
        ("serial.trajectory_ctdna_fraction_NSCLC_SBRT.svg", { trajectory(0) }),
        ("serial.trajectory_ctdna_fraction_NSCLC_SOC.svg", { trajectory(1) }),
        ("serial.mutations_page1.svg", {
            FigureSet.render(MutationTrajectoryPlot.pages(
                SerialFigureFixtures.mutationSeries, timepointTitles: SerialFigureFixtures.titles)[0])
        }),
    ]

    /// The trajectory panel of the fixture's group `index`.
    static func trajectory(_ index: Int) -> String {
        let panels = TrajectoryPlot.panels(
            SerialFigureFixtures.trajectories, metric: .ctDNAFraction, timepointTitles: SerialFigureFixtures.titles,
            groups: SerialFigureFixtures.groups, arms: SerialFigureFixtures.arms)
        return FigureSet.render(panels[index])
    }

    @Test(arguments: renderings.map(\.name))
    func renderingEqualsTheGoldenFile(name: String) throws {
        let text = Self.renderings.first { $0.name == name }!.render()
        let file = GoldenTests.folder.appendingPathComponent(name)
        if GoldenTests.updating {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(name) differs from Tests/CtDNAReportTests/Golden/\(name): run `make golden` and review the diff")
        #expect(try xmlRootTag(text).hasPrefix("<svg"))
    }
}

/// The standalone files the integrator writes: each figure through ``FigureSet/standalone(_:title:caption:armCount:)``.
@Suite("Serial figures standalone")
struct SerialFigureStandaloneTests {
    @Test func captionsSayWhatIsDrawn() throws {
        let trajectories = SerialFigureFixtures.trajectories
        let caption = TrajectoryPlot.caption(
            trajectories, metric: .ctDNAFraction, timepointTitles: SerialFigureFixtures.titles,
            group: SerialFigureFixtures.groups[0])
        #expect(caption.hasPrefix("ctDNA fraction of each patient over time, NSCLC, SBRT (n = 4, 1 with one value, drawn as a dot): "))
        #expect(caption.contains("x: days from the common origin"))
        var withoutDay = trajectories
        withoutDay[0].points[0].day = nil
        let ordered = TrajectoryPlot.caption(
            withoutDay, metric: .ctDNAFraction, timepointTitles: SerialFigureFixtures.titles,
            group: SerialFigureFixtures.groups[1])
        #expect(ordered.contains("NSCLC, SOC (n = 2): ") && ordered.contains("x: timepoints in order (Baseline, Week 8, Progression)"))
        #expect(MutationTrajectoryPlot.caption().contains("(ch_gene, ch_variant, matched_normal)"))

        let page = MutationTrajectoryPlot.pages(SerialFigureFixtures.mutationSeries, timepointTitles: SerialFigureFixtures.titles)[0]
        let standalone = FigureSet.standalone(page, title: "Mutations over time", caption: MutationTrajectoryPlot.caption(),
                                              armCount: SerialFigureFixtures.arms.count)
        let text = FigureSet.render(standalone)
        #expect(try xmlRootTag(text).contains("class=\"mutation-trajectories\""))
        if let path = ProcessInfo.processInfo.environment["CTDNA_SERIAL_FIGURE_OUT"] {
            // For the eye: CTDNA_SERIAL_FIGURE_OUT=/tmp/x.svg writes the standalone page there.
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
