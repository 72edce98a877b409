import CtDNACore
import CtDNAModel

/// The change of a metric per arm within a cohort, as a box plot with every patient as a dot,
/// titled with the rank-sum p-value comparing the arms. By default the change is the log2
/// ratio, cleared and appearing patients at a marked cap (``Change``, ``ChangeValues``); the
/// rank-sum test itself is the statistics table's, on the differences.
public enum ChangeBoxPlot {
    /// The measure of change (``Change``).
    public typealias Change = CtDNAReport.Change

    /// Panel width in CSS pixels.
    static let width = 300.0
    /// Panel height in CSS pixels.
    static let height = 300.0
    /// Plot-area margins.
    static let margin = (top: 52.0, right: 16.0, bottom: 34.0, left: 74.0)

    /// One `<svg class="boxplot">` per cohort, in cohort order, sharing one y scale.
    ///
    /// Per arm: a box from the first to the third quartile of the drawn changes
    /// (``ChangeValues/value(_:)``, capped values included: the cap keeps their rank), the
    /// median line, whiskers to the extremes, and a `<circle class="dot arm-N">` per patient, or
    /// for a patient at the log2 cap a `<path class="cap-marker">` triangle there (down for
    /// cleared, up for appeared, with a legend entry). Ticks at or beyond the cap are left out.
    /// - Parameters:
    ///   - document: the run.
    ///   - metric: the metric whose change is drawn.
    ///   - change: the measure (default ``Change/log2Ratio``).
    public static func panels(_ document: RunDocument, metric: Metric, change: Change = .log2Ratio) -> [SVGElement] {
        let paired = document.pairedSummaries.filter { $0.pair(of: metric) != nil }
        let values = ChangeValues(change: change, pairs: paired.compactMap { $0.pair(of: metric) }, words: document.pairWords)
        let changes = paired.compactMap { $0.pair(of: metric).map { values.value($0).value } }
        let scale = LinearScale(includingZeroAnd: changes, padding: 0.08, range: (height - margin.bottom, margin.top))
        return document.cohorts.map { cohort in
            panel(document, cohort: cohort, members: paired.filter { $0.cohort == cohort }, metric: metric,
                  values: values, scale: scale)
        }
    }

    /// The figure's title: `Change in ctDNA fraction per arm, NSCLC`.
    static func title(metric: Metric, cohort: String) -> String {
        "Change in \(metric.title) per arm, \(cohort)"
    }

    /// One cohort's box plot.
    static func panel(
        _ document: RunDocument, cohort: String, members: [PatientSummary], metric: Metric, values: ChangeValues,
        scale: LinearScale
    ) -> SVGElement {
        let left = margin.left, right = width - margin.right, bottom = height - margin.bottom
        let arms = document.groups.filter { $0.cohort == cohort }.map(\.arm)
        let slot = (right - left) / Double(max(arms.count, 1))
        let rankSum = document.rankSumRows(metric: metric, cohort: cohort)
        let subtitle = rankSum.isEmpty
            ? "rank-sum: no comparison"
            : rankSum.map { "\($0.arm): \(ReadableNumber.pValue($0.pValue))" }.joined(separator: "; ")
        let capped = values.change == .log2Ratio
        let ticks = capped ? scale.ticks().filter { abs($0.value) < values.cap - 1e-9 } : scale.ticks()
        var parts: [SVGElement] = [
            SVGElement.text(cohort, x: width / 2, y: 18, anchor: .middle).cssClass("panel-title"),
            SVGElement.text(subtitle, x: width / 2, y: 36, anchor: .middle).cssClass("panel-subtitle"),
            SVGAxis.left(ticks: ticks, x: left, top: margin.top, bottom: bottom, title: values.change.axisTitle(document.pairWords)),
            SVGAxis.bottom(
                ticks: arms.enumerated().map { index, arm in
                    AxisTick(value: Double(index), position: left + slot * (Double(index) + 0.5), label: arm)
                },
                y: bottom, left: left, right: right),
            SVGElement.line(x1: left, y1: scale.position(0), x2: right, y2: scale.position(0)).cssClass("zero-line"),
        ]
        let kinds = members.compactMap { $0.pair(of: metric).map { values.value($0).kind } }
        let capEntries = values.capEntries(kinds)
        for entry in capEntries {
            let y = scale.position(entry.pointsDown ? -values.cap : values.cap)
            parts.append(SVGElement.line(x1: left, y1: y, x2: right, y2: y).cssClass("cap-line"))
        }
        for (index, arm) in arms.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            let armClass = Palette.armClass(arm, among: document.arms)
            let entries = members.filter { $0.arm == arm }.compactMap { summary in
                summary.pair(of: metric).map { pair in
                    let drawn = values.value(pair)
                    return (patient: summary.patient, pair: pair, change: drawn.value, kind: drawn.kind)
                }
            }.sorted { lhs, rhs in
                if lhs.change != rhs.change { return lhs.change < rhs.change }
                return lhs.patient.unicodeScalars.lexicographicallyPrecedes(rhs.patient.unicodeScalars)
            }
            guard !entries.isEmpty else { continue }
            let changes = entries.map(\.change)
            let unit = capped ? " (log2)" : ""
            let q1 = Averages.quantile(changes, 0.25), q3 = Averages.quantile(changes, 0.75)
            let middle = Averages.quantile(changes, 0.5)
            let boxWidth = min(slot * 0.5, 60)
            parts.append(SVGElement.group(className: "box", [
                SVGElement.line(x1: centre, y1: scale.position(changes.first!), x2: centre, y2: scale.position(changes.last!))
                    .cssClass("whisker"),
                SVGElement.rect(x: centre - boxWidth / 2, y: scale.position(q3), width: boxWidth,
                                height: scale.position(q1) - scale.position(q3))
                    .cssClass("box-body")
                    .tooltip("\(arm): median \(ReadableNumber.signedChange(middle))\(unit), IQR \(ReadableNumber.signedChange(q1)) to \(ReadableNumber.signedChange(q3))"),
                SVGElement.line(x1: centre - boxWidth / 2, y1: scale.position(middle), x2: centre + boxWidth / 2,
                                y2: scale.position(middle)).cssClass("box-median"),
            ]))
            let dots = entries.enumerated().map { rank, entry in
                // Spread dots sideways in a fixed pattern so equal values stay visible.
                let offset = Double(rank % 5 - 2) * 5
                let description = "\(entry.patient): \(values.describe(entry.pair))"
                if entry.kind == .cleared || entry.kind == .appeared {
                    return SVGElement.capMarker(x: centre + offset, y: scale.position(entry.change),
                                                pointsDown: entry.kind == .cleared)
                        .attribute("data-patient", entry.patient).tooltip(description)
                }
                return SVGElement.circle(x: centre + offset, y: scale.position(entry.change), radius: 3.2)
                    .cssClass("dot \(armClass)")
                    .attribute("data-patient", entry.patient)
                    .tooltip(description)
            }
            parts.append(SVGElement.group(className: "dots", dots))
        }
        if !capEntries.isEmpty {
            parts.append(WaterfallPlot.legend(arms: [], allArms: document.arms, caps: capEntries, x: left + 4, y: 50))
        }
        return SVGElement.document(width: width, height: height, title: title(metric: metric, cohort: cohort),
                                   armCount: document.arms.count, children: parts)
            .cssClass("boxplot").attribute("data-cohort", cohort).attribute("data-metric", metric.rawValue)
            .attribute("data-change", values.change.rawValue)
    }
}
