import CtDNAModel
import Foundation
import Testing
@testable import CtDNAReport

/// The serial figures of ``SerialFigureFixtures`` against files in `Golden/`, byte for byte,
/// as ``GoldenTests`` does for the report: `CTDNA_UPDATE_GOLDEN=1` writes them anew, and
/// `git diff` shows what a change did. The geometry in them is checked by hand in
/// ``TrajectoryPlotTests`` and ``MutationTrajectoryPlotTests``.
@Suite("Golden serial figures")
struct SerialFigureGoldenTests {
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
