import CtDNACore
import CtDNAModel

/// The paired baseline/follow-up plot of one metric, one panel per (cohort, arm), as in
/// Figure 3C of the CURB trial: one line per patient, a log y axis, zeros on a marked floor,
/// the group median as a thicker line, and the signed-rank p-value in the panel title.
///
/// A panel draws what its test tests: the paired patients, with their median (the medians of
/// `stats.tsv`); not-detected patients, which the test leaves out, are drawn faint on the floor
/// and counted apart in the subtitle ("n = 11 (+2 not detected)").
public enum PairedPlot {
    /// Panel width in CSS pixels; every panel has the same size.
    static let width = 270.0
    /// Panel height in CSS pixels.
    static let height = 300.0
    /// Plot-area margins.
    static let margin = (top: 52.0, right: 18.0, bottom: 34.0, left: 66.0)
    /// The y scale for all panels of a metric (zeros on the floor), from every paired patient's values.
    /// - Parameter values: the metric of every paired patient.
    static func sharedScale(_ values: [PairedMetric]) -> ZeroFloorScale {
        ZeroFloorScale(values: values.flatMap { [$0.baseline, $0.followup] }, range: (height - margin.bottom, margin.top))
    }

    /// One `<svg class="panel">` per (cohort, arm) group of the document, in group order.
    /// - Parameters:
    ///   - document: the run.
    ///   - metric: the metric to plot.
    /// - Returns: the panels' markup, one per group (groups whose patients are all excluded
    ///   get an empty panel, so every group of the run shows).
    public static func panels(_ document: RunDocument, metric: Metric) -> [SVGElement] {
        let paired = document.pairedSummaries.filter { $0.pair(of: metric) != nil }
        let shared = sharedScale(paired.compactMap { $0.pair(of: metric) })
        let arms = document.arms
        return document.groups.map { group in
            let members = document.pairedMembers(metric: metric, cohort: group.cohort, arm: group.arm)
            let row = document.signedRankRow(metric: metric, cohort: group.cohort, arm: group.arm)
            return panel(group: group, members: members, metric: metric, shared: shared,
                         armClass: Palette.armClass(group.arm, among: arms), pValue: row?.pValue,
                         axisTitles: document.timepointTitles, words: document.pairWords)
        }
    }

    /// One group's panel.
    static func panel(
        group: ReportGroup, members: [PatientSummary], metric: Metric, shared: ZeroFloorScale,
        armClass: String, pValue: Double?, axisTitles: [String] = ["Baseline", "Follow-up"],
        words: (first: String, second: String) = ("baseline", "follow-up")
    ) -> SVGElement {
        let left = margin.left, right = width - margin.right
        let bottom = height - margin.bottom, top = margin.top
        let baselineX = left + 34, followupX = right - 34
        func y(_ value: Double) -> Double { shared.position(value) }

        let ticks = shared.ticks()
        let tested = members.filter { $0.status == .paired }
        let notDetected = members.count - tested.count
        let counted = notDetected > 0 ? "n = \(tested.count) (+\(notDetected) not detected)" : "n = \(tested.count)"
        var parts: [SVGElement] = [
            SVGElement.text("\(group.cohort) · \(group.arm)", x: width / 2, y: 18, anchor: .middle)
                .cssClass("panel-title"),
            SVGElement.text("\(counted), \(ReadableNumber.pValue(pValue))", x: width / 2, y: 36, anchor: .middle)
                .cssClass("panel-subtitle"),
            SVGAxis.left(ticks: ticks, x: left, top: top, bottom: bottom, title: metric.title),
            SVGAxis.bottom(
                ticks: [
                    AxisTick(value: 0, position: baselineX, label: axisTitles[0]),
                    AxisTick(value: 1, position: followupX, label: axisTitles[1]),
                ],
                y: bottom, left: left, right: right),
        ] + shared.floorMarks(left: left, right: right)
        let ordered = members.sorted { $0.patient.unicodeScalars.lexicographicallyPrecedes($1.patient.unicodeScalars) }
        for summary in ordered {
            guard let values = summary.pair(of: metric) else { continue }
            let faint = summary.status == .paired ? "" : " not-tested"
            // Every mark of a patient says the same: the values, and for a faint one why it is faint.
            let description = "\(summary.patient): \(words.first) \(NumberFormat.real(values.baseline)), "
                + "\(words.second) \(NumberFormat.real(values.followup))" + (faint.isEmpty ? "" : " (not detected: not tested)")
            var lines = SVGElement.group(className: "patient" + faint, [
                SVGElement.polyline([(baselineX, y(values.baseline)), (followupX, y(values.followup))])
                    .cssClass("patient-line \(armClass)").tooltip(description),
                SVGElement.circle(x: baselineX, y: y(values.baseline), radius: 3).cssClass("point \(armClass)")
                    .tooltip(description),
                SVGElement.circle(x: followupX, y: y(values.followup), radius: 3).cssClass("point \(armClass)")
                    .tooltip(description),
            ])
            if !faint.isEmpty { lines = lines.attribute("opacity", "0.35") }
            parts.append(lines)
        }
        let values = ordered.filter { $0.status == .paired }.compactMap { $0.pair(of: metric) }
        if let medianBaseline = Averages.median(values.map(\.baseline)),
           let medianFollowup = Averages.median(values.map(\.followup)) {
            parts.append(SVGElement.line(x1: baselineX, y1: y(medianBaseline), x2: followupX, y2: y(medianFollowup))
                .cssClass("median-line")
                .tooltip("Median of the \(values.count) tested: \(words.first) \(NumberFormat.real(medianBaseline)), \(words.second) \(NumberFormat.real(medianFollowup))"))
        }
        return SVGElement.document(
            width: width, height: height, title: "\(metric.title), \(group.cohort) · \(group.arm)", children: parts)
            .cssClass("panel")
            .attribute("data-metric", metric.rawValue)
            .attribute("data-cohort", group.cohort)
            .attribute("data-arm", group.arm)
            .attribute("role", "img")
            .attribute("aria-label", "\(metric.title), \(group.cohort), \(group.arm)")
    }
}
