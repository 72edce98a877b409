import Foundation
import Testing
import CtDNACore
import CtDNAModel
import CtDNAStats
@testable import CtDNAReport

/// A minimal well-formedness check of XML text: every tag closed in order, attribute values
/// quoted, `&` only in character references, no `<` in text. Returns the root's start tag.
func xmlRootTag(_ text: String) throws -> String {
    struct Malformed: Error { var reason: String }
    var stack: [String] = []
    var root: String?
    var rest = Substring(text)
    if rest.hasPrefix("<?xml") {
        guard let end = rest.range(of: "?>") else { throw Malformed(reason: "declaration") }
        rest = rest[end.upperBound...]
    }
    while let open = rest.firstIndex(of: "<") {
        let between = rest[..<open]
        if between.contains(">") { throw Malformed(reason: "> in text") }
        for (index, character) in between.enumerated() where character == "&" {
            let after = between.dropFirst(index + 1)
            guard let semicolon = after.firstIndex(of: ";"),
                  after[..<semicolon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" }) else {
                throw Malformed(reason: "bare &")
            }
        }
        guard let close = rest[open...].firstIndex(of: ">") else { throw Malformed(reason: "unclosed tag") }
        let tag = String(rest[rest.index(after: open)..<close])
        if tag.hasPrefix("/") {
            guard stack.popLast() == String(tag.dropFirst()) else { throw Malformed(reason: "mismatched </\(tag)>") }
        } else {
            let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" })
            if root == nil { root = "<" + tag + ">" }
            // Attribute values are double-quoted and hold no raw < or ".
            if tag.filter({ $0 == "\"" }).count % 2 != 0 { throw Malformed(reason: "unbalanced quotes in <\(name)>") }
            if !tag.hasSuffix("/") { stack.append(name) }
        }
        rest = rest[rest.index(after: close)...]
    }
    guard stack.isEmpty, rest.allSatisfy(\.isWhitespace), let root else { throw Malformed(reason: "unclosed \(stack)") }
    return root
}

@Suite("Standalone figures and the log2 change")
struct FigureTests {
    /// ``ReportFixtures/small`` with one PFS endpoint: curves and rows for `pfs` and `pfs, SBRT`
    /// (an endpoint name with a comma and a space) and three swimmer entries.
    static func withSurvival() throws -> RunDocument {
        var document = ReportFixtures.small
        let curve = try KaplanMeierCurve([
            SurvivalObservation(time: 10, event: true), SurvivalObservation(time: 20, event: false),
            SurvivalObservation(time: 30, event: true),
        ])
        document.survivalCurves = [
            SurvivalCurve(endpoint: "pfs", group: "all", curve: curve),
            SurvivalCurve(endpoint: "pfs, SBRT", group: "all", curve: curve),
        ]
        document.survival = [
            SurvivalRow(endpoint: "pfs", group: "all", test: .logRank, count: 3, events: 2),
            SurvivalRow(endpoint: "pfs, SBRT", group: "all", test: .logRank, count: 3, events: 2),
        ]
        document.survivalPatients = ["pfs": [
            SwimmerEntry(patient: "P2", cohort: "NSCLC", time: 10, event: true, response: .clearance),
            SwimmerEntry(patient: "P4", cohort: "NSCLC", time: 20, event: false, response: .noResponse),
            SwimmerEntry(patient: "P5", cohort: "NSCLC", time: 30, event: true, response: nil),
        ]]
        return document
    }

    /// A run in which every patient is excluded (here: each lacks its follow-up sample) has nothing
    /// to draw: no figure file, and each figure section of the page says so instead of drawing
    /// empty panels.
    @Test func nothingPairedDrawsNoEmptyPanels() {
        let results = ["P1", "P2", "P3"].map {
            ReportFixtures.excluded($0, cohort: "NSCLC", arm: $0 == "P2" ? "SOC" : "SBRT", missing: .followup)
        }
        #expect(results.allSatisfy { if case .excluded = $0.summary.status { true } else { false } })
        let document = RunDocument(
            version: "0.1.0", commandLine: ["ctdna", "run"], parameters: [], inputs: [],
            results: results, statistics: [], generatedBy: "ctdna test fixture")
        #expect(FigureSet.figures(document).isEmpty)
        let html = HTMLReport.render(document)
        #expect(!html.contains("<svg"))
        // The two paired sections, the waterfall and the change section.
        #expect(html.components(separatedBy: "Nothing to draw: no patient is in the paired analysis").count - 1 == 4)
    }

    @Test func everyFigureHasAStableSafeName() throws {
        let names = FigureSet.figures(try Self.withSurvival()).map(\.name)
        // ReportFixtures.small: one cohort (NSCLC), arms SBRT and SOC; both tested metrics.
        #expect(names == [
            "paired_ctdna_fraction_NSCLC_SBRT.svg", "paired_ctdna_fraction_NSCLC_SOC.svg",
            "paired_median_af_NSCLC_SBRT.svg", "paired_median_af_NSCLC_SOC.svg",
            "waterfall_ctdna_fraction_NSCLC.svg",
            "change_ctdna_fraction_NSCLC.svg", "change_median_af_NSCLC.svg",
            "km_pfs.svg", "km_pfs_SBRT.svg",
            "swimmer_pfs_NSCLC.svg",
        ])
        // Without survival there are no survival figures.
        #expect(FigureSet.figures(ReportFixtures.small).count == 7)
    }

    @Test func fileNamesAreSafe() {
        #expect(FigureSet.fileName(["paired", "ctdna_fraction", "NSCLC", "SBRT"]) == "paired_ctdna_fraction_NSCLC_SBRT.svg")
        // Each run of other characters is one `_`; non-ASCII letters too; a leading dot is not kept.
        #expect(FigureSet.fileName(["swimmer", "pfs, SBRT", "Non small/cell"]) == "swimmer_pfs_SBRT_Non_small_cell.svg")
        #expect(FigureSet.fileName(["km", "überleben"]) == "km__berleben.svg")
        #expect(FigureSet.fileName([".hidden", ""]) == "_hidden_NA.svg")
        #expect(FigureSet.fileName(["../x"]) == "_._x.svg")
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        #expect(FigureSet.fileName(["a/b\\c:d*e?f\"g<h>i|j k"]).allSatisfy { allowed.contains($0) })
    }

    @Test func clashingNamesGetANumber() {
        // Cohorts "A B" and "A/B" both make "A_B".
        let results = [
            ReportFixtures.patient("Q1", cohort: "A B", arm: "X", fraction: (0.1, 0.05), medianAF: (0.1, 0.05)),
            ReportFixtures.patient("Q2", cohort: "A/B", arm: "X", fraction: (0.1, 0.05), medianAF: (0.1, 0.05)),
        ]
        let document = RunDocument(
            version: "0", commandLine: [], parameters: [], inputs: [], results: results, statistics: [],
            generatedBy: "test")
        let names = FigureSet.figures(document).map(\.name).filter { $0.hasPrefix("waterfall") }
        #expect(names == ["waterfall_ctdna_fraction_A_B.svg", "waterfall_ctdna_fraction_A_B-2.svg"])
    }

    @Test func everyFigureStandsAlone() throws {
        for figure in FigureSet.figures(try Self.withSurvival()) {
            let root = try xmlRootTag(figure.svg)
            #expect(root.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), "\(figure.name)")
            #expect(figure.svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), "\(figure.name)")
            #expect(figure.svg.hasSuffix("</svg>\n"))
            // Exactly one title, style and background, in that order, before anything else.
            let head = figure.svg.components(separatedBy: "\n").dropFirst(2).prefix(1).joined()
            #expect(head.hasPrefix("<title>"), "\(figure.name)")
            #expect(figure.svg.components(separatedBy: "<style type=\"text/css\">").count == 2)
            #expect(figure.svg.contains("font-family: &quot;Helvetica Neue&quot;"))
            #expect(figure.svg.contains("sans-serif;"))
            #expect(figure.svg.components(separatedBy: "class=\"figure-background\"").count == 2)
            // The background covers the whole (grown) figure.
            let width = try #require(root.split(separator: "width=\"").dropFirst().first?.prefix { $0 != "\"" })
            let height = try #require(root.split(separator: "height=\"").dropFirst().first?.prefix { $0 != "\"" })
            #expect(figure.svg.contains(
                "<rect x=\"0.00\" y=\"0.00\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\" class=\"figure-background\"/>"),
                "\(figure.name)")
            #expect(root.contains("viewBox=\"0.00 0.00 \(width) \(height)\""))
            #expect(figure.svg.contains("<g class=\"figure-caption\">"))
        }
    }

    @Test func captionsSayWhatNAndTheTest() throws {
        let figures = Dictionary(uniqueKeysWithValues: FigureSet.figures(try Self.withSurvival()).map { ($0.name, $0.svg) })
        func caption(_ name: String) throws -> String {
            let svg = try #require(figures[name])
            let group = try #require(svg.components(separatedBy: "<g class=\"figure-caption\">").last)
            return group.components(separatedBy: "\n").compactMap { line -> String? in
                guard line.hasPrefix("<text"), let start = line.firstIndex(of: ">"), let end = line.range(of: "</text>") else { return nil }
                return String(line[line.index(after: start)..<end.lowerBound])
            }.joined(separator: " ")
        }
        // ReportFixtures.small, NSCLC SBRT: <P&1> and P2 paired, P3 not detected; p = 0.25.
        let paired = try caption("paired_ctdna_fraction_NSCLC_SBRT.svg")
        #expect(paired.contains("n = 2 tested + 1 not detected at either timepoint"))
        #expect(paired.contains("Wilcoxon signed-rank test of follow-up against baseline: p = 0.25."))
        // The waterfall: 5 patients; the largest finite |log2| is 2 (<P&1>), so the cap is 3.
        let waterfall = try caption("waterfall_ctdna_fraction_NSCLC.svg")
        #expect(waterfall.contains("(n = 5): log2(follow-up / baseline); patients cleared (follow-up 0) are drawn at -3, "
            + "marked ▼; patients at 0 at both timepoints at 0."))
        #expect(!waterfall.contains("appearing"))  // no patient appears
        #expect(waterfall.contains("SBRT p = 0.25; SOC p = 1."))
        let change = try caption("change_ctdna_fraction_NSCLC.svg")
        #expect(change.contains("Wilcoxon rank-sum test of the arms&#39; differences follow-up − baseline: SBRT vs SOC p = 0.4."))
        let km = try caption("km_pfs.svg")
        #expect(km.contains("n = 3, 2 events"))
        #expect(km.contains("Log-rank p = NA."))  // the fixture's row has no p-value
        let swimmer = try caption("swimmer_pfs_NSCLC.svg")
        #expect(swimmer.contains("(n = 3, 2 events)"))
        #expect(swimmer.contains("Descriptive, no test."))
    }

    @Test func changeValuesByHand() {
        let pairs = [
            PairedMetric(baseline: 0.2, followup: 0.05), PairedMetric(baseline: 0.04, followup: 0),
            PairedMetric(baseline: 0, followup: 0), PairedMetric(baseline: 0.01, followup: 0.03),
            PairedMetric(baseline: 0, followup: 0.1),
        ]
        let values = ChangeValues(change: .log2Ratio, pairs: pairs)
        // |log2| of the pairs with two positive values: 0.05 / 0.2 = 1/4 gives 2, 3 gives 1.585;
        // the cap is 2 + 1.
        #expect(values.cap == 3)
        #expect(values.value(pairs[0]) == (-2, .finite))
        #expect(values.value(pairs[1]) == (-3, .cleared))
        #expect(values.value(pairs[2]) == (0, .bothZero))
        #expect(values.value(pairs[4]) == (3, .appeared))
        #expect(values.describe(pairs[0]) == "0.2 → 0.05, log2 ratio -2, -75%")
        #expect(values.describe(pairs[1]) == "0.04 → 0.0: cleared (follow-up 0), -100%")
        // (0.03 - 0.01) / 0.01 = +200%; log2 3 = 1.58496 to 3 digits.
        #expect(values.describe(pairs[3]) == "0.01 → 0.03, log2 ratio +1.58, +200%")
        #expect(ChangeValues.percent(2.5) == "+2.5%" && ChangeValues.percent(-0.01) == "0%")
        // The cap is a whole number: the largest |log2| 1.585 (0.01 → 0.03) rounds up to 2, cap 3.
        #expect(ChangeValues(change: .log2Ratio, pairs: [pairs[3], pairs[1]]).cap == 3)
        // Without any pair of two positive values the cap is 1.
        #expect(ChangeValues(change: .log2Ratio, pairs: [pairs[1]]).cap == 1)
        let difference = ChangeValues(change: .difference, pairs: pairs)
        #expect(difference.value(pairs[1]) == (-0.04, .finite))
    }

    @Test func waterfallBarsOnTheLog2Scale() throws {
        let svg = try #require(WaterfallPlot.panels(ReportFixtures.small, metric: .ctDNAFraction).first)
        #expect(plotAttribute(svg, "data-change") == "log2_ratio")
        // By hand, ReportFixtures.small's ctDNA fraction: <P&1> 0.2 → 0.05 is log2 -2; P2
        // 0.04 → 0 is cleared; P3 0 → 0 sits at 0; P4 0.01 → 0.03 is log2 3 = 1.585; P5
        // 0.5 → 0.4 is log2 0.8 = -0.322. The largest finite |log2| is 2, so P2 is at -3.
        // Domain: -3 to 1.585 (span 4.585) widened by 5% each side, -3.2292 to 1.8142 (span
        // 5.0435), over y 252 (bottom) to 44: 208 / 5.0435 = 41.2415 px per log2 unit; zero at
        // 252 - 3.2292 x 41.2415 = 118.82.
        // Largest rise first: P4, P3, P5, <P&1>, P2; slots of (504 - 74) / 5 = 86, bars 68.8
        // wide from 74 + 8.6 + 86 i.
        let bars = plotElements(svg) { plotHasClass($0, "bar") }
        #expect(bars.map { plotAttribute($0, "data-patient") } == ["P4", "P3", "P5", "<P&1>", "P2"])
        #expect(bars.map { plotAttribute($0, "x") } == ["82.60", "168.60", "254.60", "340.60", "426.60"])
        // Heights: |log2| x 41.2415: P4 65.37, P3 0, P5 13.28, <P&1> 82.48, P2 3 x 41.2415 = 123.72.
        #expect(bars.map { plotAttribute($0, "height") } == ["65.37", "0.00", "13.28", "82.48", "123.72"])
        // Rises go up from zero (y = 118.82 - 65.37 = 53.45), falls start at zero.
        #expect(bars.map { plotAttribute($0, "y") } == ["53.45", "118.82", "118.82", "118.82", "118.82"])
        #expect(plotHasClass(bars[4], "capped") && !plotHasClass(bars[3], "capped"))
        #expect(plotHasClass(bars[4], "arm-0"))  // SBRT, the first arm
        // P3, 0 at both timepoints, also has a grey dash on the zero line across its slot.
        let dashes = plotElements(svg) { plotHasClass($0, "both-zero") }
        #expect(dashes.map { plotAttribute($0, "data-patient") } == ["P3"])
        #expect(dashes.map { [plotAttribute($0, "x1"), plotAttribute($0, "x2"), plotAttribute($0, "y1")] } == [["168.60", "237.40", "118.82"]])
        // The cleared bar's triangle, centred on the bar (426.6 + 34.4 = 461), points down 5 below its end (118.82 + 123.72 + 5 = 247.55),
        // and the dotted cap line runs at -3.
        let markers = plotElements(svg) { plotHasClass($0, "cap-marker") }
        #expect(markers.count == 2)  // the bar's, and the legend's
        #expect(plotAttribute(markers[0], "d") == "M457.00,243.55L465.00,243.55L461.00,251.55Z")
        let capLines = plotElements(svg) { plotHasClass($0, "cap-line") }
        #expect(capLines.map { plotAttribute($0, "y1") } == ["242.55"])
        // Tooltips carry the values, the log2 ratio and the percent change.
        let tooltips = bars.map { bar in plotElements(bar) { $0.name == "title" }.map(plotText).joined() }
        #expect(tooltips[3] == "<P&1> (SBRT): 0.2 → 0.05, log2 ratio -2, -75%")
        #expect(tooltips[4] == "P2 (SBRT): 0.04 → 0.0: cleared (follow-up 0), -100%")
        // The axis: ticks at whole log2 units inside the cap (-3, the cap, is not a value).
        let texts = plotElements(svg) { $0.name == "text" }.map(plotText)
        #expect(texts.contains("log2(follow-up / baseline)"))
        #expect(texts.contains("cleared (follow-up 0)"))
        #expect(!texts.contains("appeared (baseline 0)"))
        let axis = try #require(plotElements(svg) { plotHasClass($0, "axis") }.first)
        #expect(plotElements(axis) { $0.name == "text" }.map(plotText) == ["-2", "-1", "0", "1", "log2(follow-up / baseline)"])
    }

    @Test func waterfallDifferenceIsAsBefore() throws {
        let svg = try #require(WaterfallPlot.panels(ReportFixtures.small, metric: .ctDNAFraction, change: .difference).first)
        // Differences: P4 +0.02, P3 0, P5 -0.1, <P&1> -0.15, P2 -0.04: P4, P3, P2, P5, <P&1>.
        let bars = plotElements(svg) { plotHasClass($0, "bar") }
        #expect(bars.map { plotAttribute($0, "data-patient") } == ["P4", "P3", "P2", "P5", "<P&1>"])
        #expect(!bars.contains { plotHasClass($0, "capped") })
        #expect(plotElements(svg) { $0.name == "text" }.map(plotText).contains("Change (follow-up − baseline)"))
        #expect(plotElements(svg) { plotHasClass($0, "cap-marker") }.isEmpty)
    }

    @Test func boxPlotMarksTheCappedPatient() throws {
        let svg = try #require(ChangeBoxPlot.panels(ReportFixtures.small, metric: .ctDNAFraction).first)
        // Same values as the waterfall, y from 266 to 52 and 8% padding: domain -3.3668 to
        // 1.9518 (span 5.3185), 214 / 5.3185 = 40.2365 px per unit; zero at
        // 266 - 3.3668 x 40.2365 = 130.53; -3 at 130.53 + 120.71 = 251.24; -2 at 211.00.
        let marker = try #require(plotElements(svg) { plotHasClass($0, "cap-marker") && plotAttribute($0, "data-patient") == "P2" }.first)
        // SBRT box centred at 74 + 210 / 4 = 126.5; P2 is the lowest (rank 0): offset -10.
        #expect(plotAttribute(marker, "d") == "M112.50,247.24L120.50,247.24L116.50,255.24Z")
        let dots = plotElements(svg) { plotHasClass($0, "dot") }
        #expect(dots.map { plotAttribute($0, "data-patient") } == ["<P&1>", "P3", "P5", "P4"])
        #expect(plotAttribute(dots[0], "cy") == "211.00")
        #expect(plotElements(dots[0]) { $0.name == "title" }.map(plotText) == ["<P&1>: 0.2 → 0.05, log2 ratio -2, -75%"])
        #expect(plotElements(svg) { $0.name == "text" }.map(plotText).contains("log2(follow-up / baseline)"))
    }

    @Test func thePageKeepsItsLook() {
        let page = ReportStyle.css(armCount: 2)
        // One definition: the page's sheet ends with the figures' sheet.
        #expect(page.hasSuffix(ReportStyle.figureCSS(armCount: 2)))
        // The page's own rules beat any figure rule wherever the figures' copies stand.
        #expect(page.contains("main svg { background: var(--panel);"))
        #expect(page.contains("font-family: inherit;"))
        #expect(page.contains("main svg rect.figure-background { fill: none; }"))
        // No figure rule uses a CSS variable or names an HTML element.
        let figure = ReportStyle.figureCSS(armCount: 2)
        #expect(!figure.contains("var(--"))
        let selectors = figure.split(separator: "\n").map { $0.prefix { $0 != "{" } }
        for element in ["body", "main", "table", "section", "header", "nav", "p", "h2"] {
            #expect(!selectors.contains { $0.split(whereSeparator: { " ,".contains($0) }).contains { $0 == element } }, "\(element)")
        }
        // Every plot of the page carries its own style and background.
        let html = HTMLReport.render(ReportFixtures.small)
        let svgCount = html.components(separatedBy: "<svg ").count - 1
        #expect(svgCount > 0)
        #expect(html.components(separatedBy: "<style type=\"text/css\">").count - 1 == svgCount)
        #expect(html.components(separatedBy: "class=\"figure-background\"").count - 1 == svgCount)
    }
}

/// Just enough of PNG to read Chromium's screenshots: 8-bit RGB or RGBA, not interlaced, the
/// IDAT chunks inflated by a small DEFLATE decoder (RFC 1951, after puff.c), rows unfiltered.
/// The test target has no zlib, and a screenshot's pixels are the honest check of colour.
enum TinyPNG {
    struct Malformed: Error { var reason: String }

    /// The image's pixels as (width, height, RGB triples row by row).
    static func decode(_ png: [UInt8]) throws -> (width: Int, height: Int, rgb: [UInt8]) {
        guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Malformed(reason: "signature") }
        func u32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var at = 8, width = 0, height = 0, channels = 0
        var compressed: [UInt8] = []
        while at + 8 <= png.count {
            let length = u32(at), type = String(decoding: png[at + 4..<at + 8], as: UTF8.self)
            let data = Array(png[at + 8..<at + 8 + length])
            switch type {
            case "IHDR":
                width = u32(at + 8)
                height = u32(at + 12)
                guard data[8] == 8, data[12] == 0, data[9] == 2 || data[9] == 6 else { throw Malformed(reason: "format") }
                channels = data[9] == 2 ? 3 : 4
            case "IDAT": compressed += data
            default: break
            }
            at += 12 + length
        }
        var inflater = Inflater(bytes: Array(compressed.dropFirst(2)))  // the zlib header
        let raw = try inflater.inflate()
        let stride = width * channels
        guard raw.count >= height * (stride + 1) else { throw Malformed(reason: "short image data") }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for column in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + column])
                let a = column >= channels ? Int(pixels[row * stride + column - channels]) : 0
                let b = row > 0 ? Int(pixels[(row - 1) * stride + column]) : 0
                let c = row > 0 && column >= channels ? Int(pixels[(row - 1) * stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Malformed(reason: "filter \(filter)")
                }
                pixels[row * stride + column] = UInt8((x + predictor) & 0xFF)
            }
        }
        var rgb: [UInt8] = []
        rgb.reserveCapacity(width * height * 3)
        for index in 0..<(width * height) { rgb += pixels[index * channels..<index * channels + 3] }
        return (width, height, rgb)
    }

    /// A DEFLATE decoder: stored, fixed and dynamic Huffman blocks.
    struct Inflater {
        var bytes: [UInt8]
        var position = 0, bitBuffer = 0, bitCount = 0
        var output: [UInt8] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func bits(_ count: Int) throws -> Int {
            while bitCount < count {
                guard position < bytes.count else { throw Malformed(reason: "out of input") }
                bitBuffer |= Int(bytes[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let value = bitBuffer & ((1 << count) - 1)
            bitBuffer >>= count
            bitCount -= count
            return value
        }

        /// Canonical Huffman code: how many codes of each length, and the symbols in code order.
        struct Huffman {
            var counts = [Int](repeating: 0, count: 16)
            var symbols: [Int]
            init(lengths: [Int]) {
                for length in lengths { counts[length] += 1 }
                counts[0] = 0
                var offsets = [Int](repeating: 0, count: 16)
                for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
                symbols = [Int](repeating: 0, count: lengths.count)
                for (symbol, length) in lengths.enumerated() where length != 0 {
                    symbols[offsets[length]] = symbol
                    offsets[length] += 1
                }
            }
        }

        mutating func decode(_ code: Huffman) throws -> Int {
            var value = 0, first = 0, index = 0
            for length in 1...15 {
                value |= try bits(1)
                let count = code.counts[length]
                if value - count < first { return code.symbols[index + value - first] }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw Malformed(reason: "bad code")
        }

        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                   2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

        mutating func codes(_ literals: Huffman, _ distances: Huffman) throws {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let lengthIndex = symbol - 257
                    guard lengthIndex < 29 else { throw Malformed(reason: "length symbol") }
                    let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
                    let distanceIndex = try decode(distances)
                    guard distanceIndex < 30 else { throw Malformed(reason: "distance symbol") }
                    let distance = Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
                    guard distance <= output.count else { throw Malformed(reason: "distance too far") }
                    let start = output.count - distance
                    for offset in 0..<length { output.append(output[start + offset]) }
                }
            }
        }

        mutating func inflate() throws -> [UInt8] {
            var last = 0
            while last == 0 {
                last = try bits(1)
                switch try bits(2) {
                case 0:
                    bitBuffer = 0
                    bitCount = 0
                    guard position + 4 <= bytes.count else { throw Malformed(reason: "stored header") }
                    let length = Int(bytes[position]) | Int(bytes[position + 1]) << 8
                    position += 4
                    guard position + length <= bytes.count else { throw Malformed(reason: "stored data") }
                    output += bytes[position..<position + length]
                    position += length
                case 1:
                    let literals = Huffman(lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                                           + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8))
                    try codes(literals, Huffman(lengths: [Int](repeating: 5, count: 30)))
                case 2:
                    let literalCount = try bits(5) + 257, distanceCount = try bits(5) + 1, codeCount = try bits(4) + 4
                    var codeLengths = [Int](repeating: 0, count: 19)
                    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                    for index in 0..<codeCount { codeLengths[order[index]] = try bits(3) }
                    let lengthCode = Huffman(lengths: codeLengths)
                    var lengths: [Int] = []
                    while lengths.count < literalCount + distanceCount {
                        let symbol = try decode(lengthCode)
                        switch symbol {
                        case 0..<16: lengths.append(symbol)
                        case 16:
                            guard let previous = lengths.last else { throw Malformed(reason: "repeat first") }
                            lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
                        case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
                        default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
                        }
                    }
                    try codes(Huffman(lengths: Array(lengths[..<literalCount])),
                              Huffman(lengths: Array(lengths[literalCount..<literalCount + distanceCount])))
                default:
                    throw Malformed(reason: "block type 3")
                }
            }
            return output
        }
    }

    /// How many pixels are within `tolerance` of a colour written `#RRGGBB` in each channel.
    static func count(_ rgb: [UInt8], colour: String, tolerance: Int = 3) -> Int {
        let hex = Array(colour.dropFirst())
        let target = (0..<3).map { Int(String(hex[$0 * 2..<$0 * 2 + 2]), radix: 16)! }
        var found = 0
        var index = 0
        while index + 2 < rgb.count {
            if abs(Int(rgb[index]) - target[0]) <= tolerance && abs(Int(rgb[index + 1]) - target[1]) <= tolerance
                && abs(Int(rgb[index + 2]) - target[2]) <= tolerance {
                found += 1
            }
            index += 3
        }
        return found
    }
}

@Suite("A standalone figure in a real browser")
struct FigureBrowserTests {
    /// Screenshots an SVG file alone (a window of its size) and returns its pixels.
    static func screenshot(_ svg: String, width: Int, height: Int, in folder: URL, name: String) throws -> (width: Int, height: Int, rgb: [UInt8]) {
        let file = folder.appendingPathComponent(name + ".svg"), png = folder.appendingPathComponent(name + ".png")
        try svg.write(to: file, atomically: true, encoding: .utf8)
        _ = try BrowserRenderingTests.chromium([
            "--force-device-scale-factor=1", "--screenshot=\(png.path)", "--window-size=\(width),\(height)", file.absoluteString,
        ])
        return try TinyPNG.decode(Array(try Data(contentsOf: png)))
    }

    /// The check: the arm colours are pixels of the standalone figure's screenshot, and are not
    /// when the same file has its `<style>` removed (then every bar is default black). Pixels,
    /// not the PNG's size, because that is what a reader sees; a size comparison would pass for
    /// any change at all. The decoder is ``TinyPNG`` (no zlib in this target).
    @Test(
        .enabled(if: chromiumIsInstalled, "Chromium is not installed (apt-get install -y chromium); browser test skipped"),
        .timeLimit(.minutes(2)))
    func standaloneWaterfallShowsTheArmColours() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-figure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let figure = try #require(FigureSet.figures(ReportFixtures.trial).first { $0.name == "waterfall_ctdna_fraction_NSCLC.svg" })
        let root = try xmlRootTag(figure.svg)
        func size(_ name: String) throws -> Int {
            let text = try #require(root.split(separator: "\(name)=\"").dropFirst().first?.prefix { $0 != "\"" })
            return Int(try #require(Double(text)).rounded(.up))
        }
        let width = try size("width"), height = try size("height")

        let styled = try Self.screenshot(figure.svg, width: width, height: height, in: folder, name: "styled")
        #expect(styled.width == width && styled.height == height)
        // ReportFixtures.trial, NSCLC: 7 SBRT and 7 SOC patients, most with a visible bar.
        let arms = Palette.armColours.prefix(2)  // SBRT, SOC
        for colour in arms {
            #expect(TinyPNG.count(styled.rgb, colour: colour) > 200, "\(colour)")
        }
        // Kept in /tmp so a person can look at it after the run.
        try? FileManager.default.removeItem(atPath: "/tmp/ctdna-figure-waterfall.png")
        try? FileManager.default.copyItem(at: folder.appendingPathComponent("styled.png"),
                                          to: URL(fileURLWithPath: "/tmp/ctdna-figure-waterfall.png"))
        // The white background: the corner pixel is white.
        #expect(Array(styled.rgb[0..<3]) == [255, 255, 255])

        let start = try #require(figure.svg.range(of: "<style type=\"text/css\">"))
        let end = try #require(figure.svg.range(of: "</style>"))
        var unstyled = figure.svg
        unstyled.removeSubrange(start.lowerBound..<end.upperBound)
        let plain = try Self.screenshot(unstyled, width: width, height: height, in: folder, name: "unstyled")
        for colour in arms {
            #expect(TinyPNG.count(plain.rgb, colour: colour) < 10, "\(colour)")
        }
    }

    /// Every figure `make expected` wrote for SampleData (SampleData/expected/figures), each
    /// screenshot alone: a white corner, and pixels of the series' colours (the arms' in the
    /// paired, waterfall and change figures; the response groups' in the survival figures).
    @Test(
        .enabled(if: chromiumIsInstalled, "Chromium is not installed (apt-get install -y chromium); browser test skipped"),
        .timeLimit(.minutes(3)))
    func everySampleDataFigureDrawsItsSeries() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let figures = repository.appendingPathComponent("SampleData/expected/figures")
        let names = try FileManager.default.contentsOfDirectory(atPath: figures.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(names.count == 23)  // 20 figures and 3 pages of mutations (59 patients, 24 a page)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let series = Array(Palette.armColours.prefix(2)) + [ResponsePalette.responder, ResponsePalette.nonResponder]
        for name in names {
            let svg = try String(contentsOf: figures.appendingPathComponent(name), encoding: .utf8)
            let root = try xmlRootTag(svg)
            func size(_ attribute: String) throws -> Int {
                let text = try #require(root.split(separator: "\(attribute)=\"").dropFirst().first?.prefix { $0 != "\"" })
                return Int(try #require(Double(text)).rounded(.up))
            }
            let image = try Self.screenshot(svg, width: try size("width"), height: try size("height"), in: folder, name: name)
            #expect(Array(image.rgb[0..<3]) == [255, 255, 255], "\(name): background")
            let coloured = series.map { TinyPNG.count(image.rgb, colour: $0) }.reduce(0, +)
            // Lines are anti-aliased, so exact-colour pixels come mostly from bars, points and curve
            // runs: the change box plots, whose series are a dozen small dots each, show 31-46;
            // the same figures without their style show none (the waterfall test above).
            #expect(coloured > 20, "\(name): \(coloured) pixels of the series' colours")
        }
    }
}

