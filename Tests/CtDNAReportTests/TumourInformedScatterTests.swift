import CtDNACore
import CtDNAModel
import CtDNAReport
import CtDNAStats
import Foundation
import Testing

/// The tumour-informed against plasma-only scatter: which samples are drawn, the correlations,
/// and the figure's place (only in runs with tissue copy numbers).
@Suite struct TumourInformedScatterTests {
    /// Three paired patients with tumour-informed fractions (one with a 0 at follow-up), one without
    /// tissue data, one not detected.
    static func document(tumourInformed: Bool = true) -> RunDocument {
        var document = ReportFixtures.trial
        let informed: [String: [Double?]] = ["BSB1": [0.02, 0.01], "BSB2": [0.1, 0.0], "NSO1": [0.001, 0.004]]
        for index in document.patients.indices {
            document.patients[index].tumourInformedFraction = informed[document.patients[index].patient]
        }
        if tumourInformed { document.metrics = Metric.tested(tumourInformed: true) }
        return document
    }

    @Test func pointsAndCorrelations() throws {
        let document = Self.document()
        let (points, leftOut) = TumourInformedScatter.points(document)
        // BSB1 and NSO1 at both timepoints, BSB2 at baseline only: its follow-up 0 cannot sit on log axes.
        #expect(points.map(\.patient) == ["BSB1", "BSB1", "BSB2", "NSO1", "NSO1"])
        #expect(points.map(\.timepoint) == [0, 1, 0, 0, 1] && leftOut == 1)
        #expect(points.map(\.informed) == [0.02, 0.01, 0.1, 0.001, 0.004])
        let plasma = points.map(\.plasma)
        #expect(plasma == [
            document.patients.first { $0.patient == "BSB1" }!.ctDNAFraction![0]!,
            document.patients.first { $0.patient == "BSB1" }!.ctDNAFraction![1]!,
            document.patients.first { $0.patient == "BSB2" }!.ctDNAFraction![0]!,
            document.patients.first { $0.patient == "NSO1" }!.ctDNAFraction![0]!,
            document.patients.first { $0.patient == "NSO1" }!.ctDNAFraction![1]!,
        ])
        let (spearman, pearson) = TumourInformedScatter.correlations(points)
        #expect(spearman == Correlation.spearman(plasma, [0.02, 0.01, 0.1, 0.001, 0.004]))
        #expect(pearson == Correlation.pearson(plasma.map(log10), [0.02, 0.01, 0.1, 0.001, 0.004].map(log10)))
        let caption = TumourInformedScatter.caption(document)
        #expect(caption.contains("n = 5 samples of 3 patients (1 with a fraction of 0 or no value"))
    }

    @Test func theFigureIsMadeOnlyWithTissueData() throws {
        let names = FigureSet.figures(Self.document()).map(\.name)
        #expect(names.contains("tumour_informed_vs_ctdna_fraction.svg"))
        #expect(names.contains("paired_tumour_informed_fraction_Breast_SBRT.svg"))
        let without = FigureSet.figures(Self.document(tumourInformed: false)).map(\.name)
        #expect(!without.contains { $0.contains("tumour_informed") })
        let svg = try #require(FigureSet.figures(Self.document()).first { $0.name == "tumour_informed_vs_ctdna_fraction.svg" }?.svg)
        #expect(svg.components(separatedBy: "data-patient=").count - 1 == 5)
        #expect(svg.contains("stroke-dasharray=\"4 3\""))  // the identity line
        let page = HTMLReport.render(Self.document())
        #expect(page.contains("<section id=\"tumour-informed\">"))
        #expect(!HTMLReport.render(Self.document(tumourInformed: false)).contains("tumour-informed"))
    }
}
