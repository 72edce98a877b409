import Foundation
import Testing
import TestSupport

/// Every number report.html shows is read back from the page and compared with the tables the
/// same run wrote: stats.tsv and patients.tsv. The page checked is SampleData/expected/report.html,
/// which `SampleDataGoldenTests` holds byte for byte to what `ctdna run` writes today, so these
/// checks are about the run's output, not about a file written once. The expected values are the
/// run's own tables, parsed here independently of ctdna's code (plain string splitting and
/// `Double(_:)`), and the tolerance of each comparison is the rounding the page says it applies.
@Suite struct PageAgreesWithTablesTests {
    static let expected = SampleDataGoldenTests.repository.appendingPathComponent("SampleData/expected")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
    }

    /// A TSV as rows of cells, the header first.
    static func tsv(_ name: String) throws -> [[String]] {
        try text(name).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The rows of the page's `<table class="…">`, each a list of cell texts with entities decoded.
    static func htmlTable(_ page: String, class name: String) -> [[String]] {
        guard let start = page.range(of: "<table class=\"\(name)\">"),
            let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex)
        else { return [] }
        let body = String(page[start.upperBound..<end.lowerBound])
        return body.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<t").dropFirst().compactMap { cell -> String? in
                guard cell.hasPrefix("d") || cell.hasPrefix("h"), let open = cell.firstIndex(of: ">") else { return nil }
                // Cell text ends at the closing tag; `<wbr>` (a place the line may break) is not text.
                let inner = cell[cell.index(after: open)...].replacingOccurrences(of: "<wbr>", with: "")
                let text = inner.prefix { $0 != "<" }
                return String(text).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
        }.filter { !$0.isEmpty }
    }

    /// True when `shown`, a number rounded to `digits` significant digits, is `exact` so rounded.
    static func agrees(_ shown: Double, _ exact: Double, digits: Int) -> Bool {
        if shown == exact { return true }
        let scale = pow(10, floor(log10(abs(exact))) - Double(digits - 1))
        return abs(shown - exact) <= 0.5 * scale * (1 + 1e-9)
    }

    @Test func statisticsTableMatchesStatsTSV() throws {
        let page = try Self.text("report.html")
        let shown = Self.htmlTable(page, class: "statistics")
        let table = try Self.tsv("stats.tsv")
        #expect(shown.count == table.count, "the page shows \(shown.count - 1) statistics rows, stats.tsv has \(table.count - 1)")
        #expect(shown.first == table.first)
        var compared = 0
        for (pageRow, fileRow) in zip(shown, table).dropFirst() {
            #expect(pageRow.count == fileRow.count)
            for (column, (cell, exact)) in zip(table[0], zip(pageRow, fileRow)) {
                if let value = Double(exact), value.isFinite, let number = Double(cell) {
                    // The page shows four significant digits (HTMLTable's readable numbers).
                    #expect(Self.agrees(number, value, digits: 4), "\(column): page \(cell), stats.tsv \(exact)")
                    compared += 1
                } else {
                    #expect(cell == exact, "\(column): page \(cell), stats.tsv \(exact)")
                }
            }
        }
        #expect(compared > 100)
    }

    @Test func patientTableMatchesPatientsTSV() throws {
        let page = try Self.text("report.html")
        let shown = Self.htmlTable(page, class: "patients")
        let table = try Self.tsv("patients.tsv")
        #expect(shown.count == table.count)
        // The patient table shows the file's values as written, digit for digit.
        for (pageRow, fileRow) in zip(shown, table) {
            #expect(pageRow == fileRow, "patient \(fileRow.first ?? "")")
        }
    }

    /// Each inline figure of the page with its data attributes and its text.
    static func figures(_ page: String, class name: String) -> [(attributes: [String: String], body: String)] {
        page.components(separatedBy: "<svg ").dropFirst().compactMap { chunk in
            guard let close = chunk.firstIndex(of: ">") else { return nil }
            let tag = String(chunk[..<close])
            guard tag.contains("class=\"\(name)\"") else { return nil }
            var attributes: [String: String] = [:]
            for part in tag.components(separatedBy: "\" ") {
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { attributes[pair[0].trimmingCharacters(in: .whitespaces)] = pair[1].replacingOccurrences(of: "\"", with: "") }
            }
            let body = chunk.components(separatedBy: "</svg>").first ?? chunk
            return (attributes, body)
        }
    }

    /// The texts of the `<title>` elements of a figure.
    static func titles(_ body: String) -> [String] {
        body.components(separatedBy: "<title>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// The patients.tsv rows by patient, each as column -> cell.
    static func patients() throws -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: TableComparison.records(try text("patients.tsv")).map { ($0["patient"]!, $0) })
    }

    @Test func pairedPanelsDrawWhatIsTested() throws {
        let page = try Self.text("report.html")
        let stats = try Self.tsv("stats.tsv")
        let col = Dictionary(uniqueKeysWithValues: stats[0].enumerated().map { ($1, $0) })
        let patients = try Self.patients()
        let panels = Self.figures(page, class: "panel")
        #expect(panels.count == 8)  // 2 metrics x 2 cohorts x 2 arms
        var points = 0
        for panel in panels {
            let metric = panel.attributes["data-metric"] ?? "", cohort = panel.attributes["data-cohort"] ?? ""
            let arm = panel.attributes["data-arm"] ?? ""
            let row = try #require(stats.first { $0[col["metric"]!] == metric && $0[col["cohort"]!] == cohort && $0[col["arm"]!] == arm && $0[col["test"]!] == "signed_rank" })
            let n = row[col["n"]!]
            // The median line is the median of the tested patients, the same numbers as stats.tsv.
            let median = try #require(Self.titles(panel.body).first { $0.hasPrefix("Median of the ") })
            #expect(median == "Median of the \(n) tested: baseline \(row[col["median_first"]!]), follow-up \(row[col["median_second"]!])", "\(metric) \(cohort) \(arm)")
            // The subtitle's n and p are stats.tsv's, p to two significant digits.
            let subtitle = try #require(panel.body.components(separatedBy: ">n = ").dropFirst().first.map { String($0.prefix { $0 != "<" }) })
            #expect(subtitle.hasPrefix("\(n)"), "\(subtitle) vs n = \(n)")
            let p = try #require(Double(subtitle.components(separatedBy: "p = ").last ?? ""))
            #expect(Self.agrees(p, Double(row[col["p_value"]!])!, digits: 2))
            // Each patient's line joins patients.tsv's two values, and patients shown as tested
            // are as many as n.
            var tested = Set<String>()
            for title in Self.titles(panel.body) where title.hasPrefix("P") {
                let id = String(title.prefix { $0 != ":" })
                let patient = try #require(patients[id])
                #expect(patient["cohort"]! == cohort && patient["arm"]! == arm)
                let values = "baseline \(patient["\(metric)_baseline"]!), follow-up \(patient["\(metric)_followup"]!)"
                if patient["status"]! == "paired" {
                    #expect(title == "\(id): \(values)")
                    tested.insert(id)
                } else {
                    // Not-detected patients are drawn on the floor, and each of their marks says so.
                    #expect(title == "\(id): \(values) (not detected: not tested)", "\(title)")
                }
                points += 1
            }
            #expect(String(tested.count) == n, "\(metric) \(cohort) \(arm): \(tested.count) drawn as tested, n = \(n)")
        }
        #expect(points > 100)
    }

    @Test func waterfallBarsAreThePatientsLog2Ratios() throws {
        let page = try Self.text("report.html")
        let patients = try Self.patients()
        let waterfalls = Self.figures(page, class: "waterfall")
        #expect(waterfalls.count == 2)
        var bars = 0
        for figure in waterfalls {
            let metric = figure.attributes["data-metric"] ?? ""
            #expect(figure.attributes["data-change"] == "log2_ratio")
            for title in Self.titles(figure.body) where title.hasPrefix("P") && title.contains(" → ") {
                let id = String(title.prefix { $0 != " " })
                let patient = try #require(patients[id])
                let baseline = patient["\(metric)_baseline"]!, followup = patient["\(metric)_followup"]!
                #expect(title.hasPrefix("\(id) (\(patient["arm"]!)): \(baseline) → \(followup)"), "\(title)")
                guard let a = Double(baseline), let b = Double(followup), a > 0, b > 0,
                    let ratioText = title.components(separatedBy: "log2 ratio ").last?.components(separatedBy: ",").first,
                    let shown = Double(ratioText)
                else { continue }
                // log2(follow-up / baseline) from patients.tsv's values, shown to three significant digits.
                #expect(Self.agrees(shown, log2(b / a), digits: 3), "\(id): \(shown) vs \(log2(b / a))")
                bars += 1
            }
        }
        #expect(bars > 40)
    }
}
