import Foundation
import Testing
@testable import CtDNAReport
import CtDNAModel

@Suite("HTML report")
struct HTMLReportTests {
    /// The `<svg ...>` opening tags of the page with their content, split at each `<svg `.
    static func svgBlocks(_ html: String, className: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst()
            .map { String($0.prefix { $0 != "\u{0}" }.components(separatedBy: "</svg>")[0]) }
            .filter { $0.contains("class=\"\(className)\"") }
    }

    @Test func onePanelPerGroupAndMetricWithOneLinePerPairedPatient() {
        let html = HTMLReport.render(ReportFixtures.small)
        let panels = Self.svgBlocks(html, className: "panel")
        #expect(panels.count == 4)
        for metric in ["ctdna_fraction", "median_af"] {
            let sbrt = panels.filter { $0.contains("data-metric=\"\(metric)\" data-cohort=\"NSCLC\" data-arm=\"SBRT\"") }
            let soc = panels.filter { $0.contains("data-metric=\"\(metric)\" data-cohort=\"NSCLC\" data-arm=\"SOC\"") }
            #expect(sbrt.count == 1 && soc.count == 1)
            // SBRT: two paired and one not-detected patient; SOC: two paired, P6 excluded.
            #expect(sbrt.first?.components(separatedBy: "class=\"patient-line ").count == 4)
            #expect(soc.first?.components(separatedBy: "class=\"patient-line ").count == 3)
        }
        // SBRT: two tested patients and P3, not detected, drawn but not tested.
        #expect(html.contains("n = 2 (+1 not detected), p = 0.25"))
        #expect(html.contains("n = 2 (+1 not detected), p = 0.022"))
        #expect(html.contains("SBRT vs SOC: p &lt; 0.0001"))
        #expect(html.contains("0 / not detected"))
        #expect(html.contains("class=\"median-line\""))
    }

    @Test func trialDocumentHasEveryGroup() {
        let panels = Self.svgBlocks(HTMLReport.render(ReportFixtures.trial), className: "panel")
        #expect(panels.count == 8)
        #expect(panels.allSatisfy { $0.components(separatedBy: "class=\"patient-line ").count == 8 })
    }

    @Test func patientNamesAreEscaped() {
        let html = HTMLReport.render(ReportFixtures.small)
        #expect(!html.contains("<P&1>"))
        #expect(html.contains("&lt;P&amp;1&gt;: baseline 0.2, follow-up 0.05"))
        #expect(html.contains("<td>&lt;P&amp;1&gt;</td>"))
    }

    /// The statistics caption names the Benjamini-Hochberg family the run used.
    @Test func statisticsCaptionNamesTheFDRFamily() {
        #expect(HTMLReport.render(ReportFixtures.small).contains("q: Benjamini-Hochberg over every test of the report as one family"))
        var perMetric = ReportFixtures.small
        perMetric.fdrFamily = .metric
        let html = HTMLReport.render(perMetric)
        #expect(html.contains("q: Benjamini-Hochberg over the tests of each metric apart (--fdr-family metric)"))
        #expect(!html.contains("as one family"))
    }

    @Test func tablesAndProvenanceArePresent() {
        let html = HTMLReport.render(ReportFixtures.small)
        #expect(html.contains("<td>P6</td><td>NSCLC</td><td>SOC</td><td>no followup sample</td>"))
        // ReportFixtures.small: two ch_gene rows (P2, P3); its rows carry no driver annotation.
        #expect(html.contains("<tr><td>ch_gene</td><td class=\"num\">2</td><td class=\"num\">0</td></tr>"))
        #expect(html.contains("<td>min_alt_reads</td><td class=\"num\">2</td>"))
        #expect(html.contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        #expect(html.contains("<code>ctdna run --samplesheet sheet.tsv --outdir &#39;out dir/run&#39;</code>"))
        #expect(html.contains("<th>q_<wbr>value</th>"))  // the statistics header may break at its underscores
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1
            == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    }

    @Test func renderingIsByteStable() {
        let first = HTMLReport.render(ReportFixtures.small)
        #expect(HTMLReport.render(ReportFixtures.small) == first)
        // A fresh document built the same way (new sets and dictionaries inside) renders the same.
        var rebuilt = ReportFixtures.small
        rebuilt.patients = rebuilt.patients.map { $0 }
        #expect(HTMLReport.render(rebuilt) == first)
        #expect(JSONReport.render(rebuilt) == JSONReport.render(ReportFixtures.small))
        #expect(HTMLReport.render(ReportFixtures.trial) == HTMLReport.render(ReportFixtures.trial))
    }

    /// Written section by section, the page is the rendered page byte for byte; a write that
    /// fails stops the page there and its error comes out, with the sections after it not written.
    @Test func writtenSectionBySection() throws {
        let sink = CollectingSink()
        try HTMLReport.write(ReportFixtures.trial, to: sink)
        #expect(String(decoding: sink.bytes, as: UTF8.self) == HTMLReport.render(ReportFixtures.trial))
        #expect(sink.writes > 3)

        let failing = CollectingSink(failingAtWrite: 3)
        #expect(throws: SinkFull.self) { try HTMLReport.write(ReportFixtures.trial, to: failing) }
        #expect(failing.writes == 2)
        #expect(HTMLReport.render(ReportFixtures.trial).utf8.starts(with: failing.bytes))
    }

    @Test func derivedCounts() {
        let document = ReportFixtures.small
        #expect(document.exclusions == [Exclusion(patient: "P6", cohort: "NSCLC", arm: "SOC", reason: "no followup sample")])
        let counts = Dictionary(uniqueKeysWithValues: document.filterCounts.map { ($0.status.rawValue, $0.count) })
        #expect(counts["kept"] == 4 && counts["ch_gene"] == 2 && counts["low_depth"] == 1 && counts["matched_normal"] == 1)
        #expect(document.filterCounts.first?.status == .kept)
    }
}

/// What ``CollectingSink`` throws at its failing write, as a full disk would.
private struct SinkFull: Error {}

/// A sink that keeps what it is given, and can refuse its n-th write as a full disk would.
private final class CollectingSink: ByteSink {
    var bytes: [UInt8] = []
    var writes = 0
    let failingAtWrite: Int?

    init(failingAtWrite: Int? = nil) { self.failingAtWrite = failingAtWrite }

    func write(bytes: UnsafeRawBufferPointer) throws {
        if writes + 1 == failingAtWrite { throw SinkFull() }
        writes += 1
        self.bytes += bytes
    }
}
