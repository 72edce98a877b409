import CtDNACore
import CtDNAModel
import CtDNAStats

/// Every figure of the report as its own standalone SVG file: what a journal submission or a
/// slide needs, with no page around it.
///
/// Each file is the figure the page draws (the same plot functions, the same defaults), made
/// standalone by ``standalone(_:title:caption:armCount:)``: an XML declaration, the `<svg>` root
/// with `xmlns`, a `<title>`, its own `<style>` (``ReportStyle/figureCSS(armCount:)`` for the
/// run's arms), a white background, and a caption at the bottom saying what is drawn, n, and
/// the test. The list and the text are byte-stable: the same document gives the same files in
/// the same order.
public enum FigureSet {
    /// The figures of a run, in the page's order: the paired plots of each tested metric (one
    /// per cohort and arm), the waterfall of the ctDNA fraction (one per cohort), the change box
    /// plots of each tested metric (one per cohort), the tumour-informed against the plasma-only
    /// fraction when the run has tissue copy numbers, then, when the run has survival, the
    /// Kaplan-Meier panel of each endpoint and the swimmer plot of each endpoint and cohort.
    ///
    /// Names: `paired_<metric>_<cohort>_<arm>.svg`, `waterfall_<metric>_<cohort>.svg`,
    /// `change_<metric>_<cohort>.svg`, `tumour_informed_vs_ctdna_fraction.svg`, `km_<endpoint>.svg`, `swimmer_<endpoint>_<cohort>.svg`,
    /// each made safe by ``fileName(_:)``; names are unique within the list (a clash gets
    /// `-2`, `-3`, ... before `.svg`).
    /// - Parameter document: the run; its ``RunDocument/changeMeasure`` is the measure of the
    ///   waterfall and change box plots, as on the page.
    /// - Returns: file names and the files' text (UTF-8, ending in a newline).
    public static func figures(_ document: RunDocument) -> [(name: String, svg: String)] {
        let change = document.changeMeasure
        var figures: [(name: String, svg: String)] = []
        var taken: Set<String> = []
        func add(_ parts: [String], _ svg: SVGElement) {
            var name = fileName(parts)
            var counter = 2
            while taken.contains(name) {
                name = fileName(parts + [String(counter)]).replacingLastUnderscore()
                counter += 1
            }
            taken.insert(name)
            figures.append((name, render(svg)))
        }
        let armCount = document.arms.count
        // Each tested pair's figures, from the document focused on it; those of a pair other
        // than the main one carry the pair in their names (`paired_ctdna_fraction_progression_vs_baseline_...`).
        for pair in document.pairs {
            let document = document.focused(on: pair)
            let tag = document.sectionSuffix.isEmpty ? [] : ["\(pair.second.name)_vs_\(pair.first.name)"]
            let words = document.pairWords
            let span = document.sectionSuffix.isEmpty ? "" : ", \(words.first) to \(words.second)"
            // With no patient in the paired analysis every panel would be empty: none is written
            // (the run has already warned that nothing is paired).
            let drawsChanges = !document.pairedSummaries.isEmpty
            for metric in document.metrics where drawsChanges {
                for (group, panel) in zip(document.groups, PairedPlot.panels(document, metric: metric)) {
                    add(["paired", metric.rawValue] + tag + [group.cohort, group.arm], standalone(
                        panel, title: "\(metric.title) at \(words.first) and \(words.second), \(group.cohort), \(group.arm)",
                        caption: pairedCaption(document, metric: metric, group: group), armCount: armCount))
                }
            }
            let waterfallMetric = Metric.ctDNAFraction
            let waterfalls = drawsChanges ? WaterfallPlot.panels(document, metric: waterfallMetric, change: change) : []
            for (cohort, panel) in zip(document.cohorts, waterfalls) {
                add(["waterfall", waterfallMetric.rawValue] + tag + [cohort], standalone(
                    panel, title: WaterfallPlot.title(metric: waterfallMetric, cohort: cohort) + span,
                    caption: waterfallCaption(document, metric: waterfallMetric, cohort: cohort, change: change),
                    armCount: armCount))
            }
            for metric in document.metrics where drawsChanges {
                for (cohort, panel) in zip(document.cohorts, ChangeBoxPlot.panels(document, metric: metric, change: change)) {
                    add(["change", metric.rawValue] + tag + [cohort], standalone(
                        panel, title: ChangeBoxPlot.title(metric: metric, cohort: cohort) + span,
                        caption: changeCaption(document, metric: metric, cohort: cohort, change: change),
                        armCount: armCount))
                }
            }
        }
        if document.drawsTrajectories {
            for metric in document.metrics {
                let trajectories = document.trajectories(of: metric)
                let panels = TrajectoryPlot.panels(
                    trajectories, metric: metric, timepointTitles: document.seriesTitles, groups: document.groups,
                    arms: document.arms)
                for (group, panel) in zip(document.groups, panels) {
                    add(["trajectory", metric.rawValue, group.cohort, group.arm], standalone(
                        panel, title: TrajectoryPlot.title(metric: metric, group: group),
                        caption: TrajectoryPlot.caption(trajectories, metric: metric, timepointTitles: document.seriesTitles, group: group),
                        armCount: armCount))
                }
            }
        }
        let pages = MutationTrajectoryPlot.pages(document.mutationPageOrder, timepointTitles: document.seriesTitles)
        let digits = String(pages.count).count
        for (number, page) in pages.enumerated() {
            let label = String(repeating: "0", count: digits - String(number + 1).count) + String(number + 1)
            add(["mutations", "page" + label], standalone(
                page, title: "Mutations over time, page \(number + 1) of \(pages.count)",
                caption: MutationTrajectoryPlot.caption(), armCount: armCount))
        }
        // The two estimates side by side, at the main pair's timepoints.
        if document.tumourInformed, let main = document.pairs.first, !document.focused(on: main).pairedSummaries.isEmpty {
            let view = document.focused(on: main)
            add(["tumour_informed_vs_ctdna_fraction"], standalone(
                TumourInformedScatter.panel(view), title: TumourInformedScatter.title,
                caption: TumourInformedScatter.caption(view), armCount: armCount))
        }
        guard !document.survival.isEmpty else { return figures }
        var endpoints: [String] = []
        for curve in document.survivalCurves where !endpoints.contains(curve.endpoint) { endpoints.append(curve.endpoint) }
        let kaplanMeier = KaplanMeierPlot.panels(curves: document.survivalCurves, rows: document.survival)
        for (endpoint, panel) in zip(endpoints, kaplanMeier) {
            add(["km", endpoint], standalone(
                panel, title: "\(endpoint.uppercased()): Kaplan-Meier curves",
                caption: kaplanMeierCaption(document, endpoint: endpoint), armCount: armCount))
        }
        for endpoint in document.survivalPatients.keys.sorted() {
            let entries = document.survivalPatients[endpoint] ?? []
            let panels = SwimmerPlot.panels(entries, cohorts: document.cohorts, endpoint: endpoint)
            for (cohort, panel) in zip(document.cohorts, panels) {
                add(["swimmer", endpoint, cohort], standalone(
                    panel, title: "\(cohort): time on study, \(endpoint.uppercased()) by molecular response",
                    caption: swimmerCaption(entries.filter { $0.cohort == cohort }, endpoint: endpoint, cohort: cohort),
                    armCount: armCount))
            }
        }
        return figures
    }

    /// A file name from parts joined with `_`, ending `.svg`: every run of characters other
    /// than ASCII letters, digits, `-` and `.` within a part becomes one `_`; a part left empty
    /// becomes `NA`; a leading `.` becomes `_`, so no name is hidden or a path.
    /// - Parameter parts: for example `["paired", "ctdna_fraction", "NSCLC", "SBRT"]`.
    /// - Returns: for example `paired_ctdna_fraction_NSCLC_SBRT.svg`.
    public static func fileName(_ parts: [String]) -> String {
        let safe = parts.map { part -> String in
            var text = ""
            var lastWasReplaced = false
            for scalar in part.unicodeScalars {
                let ok = scalar.isASCII && (
                    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                        || scalar == "-" || scalar == "." || scalar == "_")
                if ok {
                    text.unicodeScalars.append(scalar)
                    lastWasReplaced = false
                } else if !lastWasReplaced {
                    text += "_"
                    lastWasReplaced = true
                }
            }
            return text.isEmpty ? "NA" : text
        }
        var name = safe.joined(separator: "_") + ".svg"
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name
    }

    /// The figure made standalone: its leading `<title>`, `<style>` and background replaced by
    /// `title`, the figure style for `armCount` arms and a white background over the new size;
    /// the caption's lines (``wrap(_:width:)``) in a `<g class="figure-caption">` below the
    /// figure, which grows by their height.
    /// - Parameters:
    ///   - figure: an `<svg>` made by ``SVGElement/document(width:height:title:armCount:children:)``.
    ///   - title: the figure's title.
    ///   - caption: what is drawn, n, and the test.
    ///   - armCount: how many arms the run has.
    public static func standalone(_ figure: SVGElement, title: String, caption: String, armCount: Int) -> SVGElement {
        let width = Double(attribute(figure, "width") ?? "") ?? 400
        let height = Double(attribute(figure, "height") ?? "") ?? 300
        var content = figure.children
        while let first = content.first, case let .element(element) = first,
              element.name == "title" || element.name == "style"
                || (element.name == "rect" && attribute(element, "class") == "figure-background") {
            content.removeFirst()
        }
        let lineHeight = 13.0
        let lines = wrap(caption, width: Int((width - 16) / 5.6))
        let captionTop = height + 6
        let captionGroup = SVGElement.group(className: "figure-caption", lines.enumerated().map { index, line in
            SVGElement.text(line, x: 8, y: captionTop + lineHeight * Double(index + 1))
        })
        let total = captionTop + lineHeight * Double(lines.count) + 8
        var result = SVGElement.document(width: width, height: total, title: title, armCount: armCount, children: [])
        // The root's own attributes (class, data-*, role, aria-label) after the new size.
        result.attributes += figure.attributes.filter { !["xmlns", "width", "height", "viewBox"].contains($0.name) }
        result.children += content + [.element(captionGroup)]
        return result
    }

    /// The file text of a figure: the XML declaration, the markup, a newline.
    public static func render(_ figure: SVGElement) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + figure.render() + "\n"
    }

    /// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The value of an attribute.
    static func attribute(_ element: SVGElement, _ name: String) -> String? {
        element.attributes.first { $0.name == name }?.value
    }

    /// `1 patient`, `3 patients`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)" + (n == 1 ? "" : "s")
    }

    /// The paired plot's caption.
    static func pairedCaption(_ document: RunDocument, metric: Metric, group: ReportGroup) -> String {
        let members = document.pairedMembers(metric: metric, cohort: group.cohort, arm: group.arm)
        let tested = members.filter { $0.status == .paired }.count
        let notDetected = members.count - tested
        let row = document.signedRankRow(metric: metric, cohort: group.cohort, arm: group.arm)
        let words = document.pairWords
        return "\(metric.title) of each patient at \(words.first) and \(words.second), \(group.cohort), \(group.arm): "
            + "one line per patient, log scale, 0 drawn on the dashed floor; thick line: medians. "
            + "n = \(tested) tested" + (notDetected > 0 ? " + \(notDetected) not detected at either timepoint" : "")
            + ". Wilcoxon signed-rank test of \(words.second) against \(words.first): \(ReadableNumber.pValue(row?.pValue))."
    }

    /// What the change axis shows and how the patients of `cohort` without a finite log2 ratio
    /// are drawn (only the kinds present).
    static func changeText(_ document: RunDocument, metric: Metric, cohort: String, change: Change) -> String {
        let words = document.pairWords
        switch change {
        case .difference:
            return "difference \(words.second) − \(words.first)"
        case .log2Ratio:
            let values = ChangeValues(change: change, pairs: document.pairedSummaries.compactMap { $0.pair(of: metric) })
            let kinds = document.pairedSummaries.filter { $0.cohort == cohort }
                .compactMap { $0.pair(of: metric).map { values.value($0).kind } }
            let cap = ReadableNumber.significant(values.cap, digits: 3)
            var notes: [String] = []
            if kinds.contains(.cleared) { notes.append("patients cleared (\(words.second) 0) are drawn at -\(cap), marked ▼") }
            if kinds.contains(.appeared) { notes.append("patients appearing (\(words.first) 0) at +\(cap), marked ▲") }
            if kinds.contains(.bothZero) { notes.append("patients at 0 at both timepoints at 0") }
            return (["log2(\(words.second) / \(words.first))"] + notes).joined(separator: "; ")
        }
    }

    /// The waterfall's caption.
    static func waterfallCaption(_ document: RunDocument, metric: Metric, cohort: String, change: Change) -> String {
        let n = document.pairedMembers(metric: metric, cohort: cohort, arm: GroupedAnalysis.allLabel).count
        let tests = document.groups.filter { $0.cohort == cohort }.map { group in
            "\(group.arm) \(ReadableNumber.pValue(document.signedRankRow(metric: metric, cohort: cohort, arm: group.arm)?.pValue))"
        }
        return "Change in \(metric.title) per patient, \(cohort) (n = \(n)): \(changeText(document, metric: metric, cohort: cohort, change: change)). "
            + "Bars sorted from the largest rise to the largest fall, coloured by arm. "
            + "Wilcoxon signed-rank test of \(document.pairWords.second) against \(document.pairWords.first) per arm: \(tests.joined(separator: "; "))."
    }

    /// The change box plot's caption.
    static func changeCaption(_ document: RunDocument, metric: Metric, cohort: String, change: Change) -> String {
        let n = document.pairedMembers(metric: metric, cohort: cohort, arm: GroupedAnalysis.allLabel).count
        let rows = document.rankSumRows(metric: metric, cohort: cohort)
        let test = rows.isEmpty
            ? "no comparison of arms"
            : rows.map { "\($0.arm) \(ReadableNumber.pValue($0.pValue))" }.joined(separator: "; ")
        return "Change in \(metric.title) per arm, \(cohort) (n = \(n)): \(changeText(document, metric: metric, cohort: cohort, change: change)). "
            + "Box: first to third quartile; line: median; whiskers: extremes; one mark per patient. "
            + "Wilcoxon rank-sum test of the arms' differences \(document.pairWords.second) − \(document.pairWords.first): \(test)."
    }

    /// The Kaplan-Meier panel's caption.
    static func kaplanMeierCaption(_ document: RunDocument, endpoint: String) -> String {
        let curves = document.survivalCurves.filter { $0.endpoint == endpoint }
        let all = curves.first { $0.group == "all" }?.curve
        let n = all?.count ?? curves.map(\.curve.count).reduce(0, +)
        let events = all?.eventCount ?? curves.map(\.curve.eventCount).reduce(0, +)
        return "Kaplan-Meier estimate of \(endpoint.uppercased()) from the landmark at the second draw, "
            + "n = \(n), \(count(events, "event")); + marks censored times; numbers at risk below the axis. "
            + "\(KaplanMeierPlot.statistics(document.survival.filter { $0.endpoint == endpoint }))."
    }

    /// The swimmer plot's caption.
    static func swimmerCaption(_ entries: [SwimmerEntry], endpoint: String, cohort: String) -> String {
        "Time from the landmark per patient, \(cohort) (n = \(entries.count), "
            + "\(count(entries.count(where: \.event), "event"))): a bar to the \(endpoint.uppercased()) event "
            + "(filled circle) or censoring (open circle), coloured by molecular response. Descriptive, no test."
    }
}

extension String {
    /// The name with its last `_` before `.svg` turned into `-` (`a_b_2.svg` → `a_b-2.svg`).
    fileprivate func replacingLastUnderscore() -> String {
        guard let index = lastIndex(of: "_") else { return self }
        var copy = self
        copy.replaceSubrange(index...index, with: "-")
        return copy
    }
}
