import CtDNACore
import CtDNAModel

/// Per-patient change of the ctDNA fraction (follow-up - baseline), one panel per cohort:
/// bars sorted from the largest rise to the largest fall, coloured by arm.
public enum WaterfallPlot {
    /// Panel width in CSS pixels.
    static let width = 520.0
    /// Panel height in CSS pixels.
    static let height = 280.0
    /// Plot-area margins.
    static let margin = (top: 44.0, right: 16.0, bottom: 28.0, left: 74.0)

    /// One `<svg class="waterfall">` per cohort, in cohort order.
    /// - Parameters:
    ///   - document: the run.
    ///   - metric: the metric whose change is drawn (the report uses the ctDNA fraction).
    public static func panels(_ document: RunDocument, metric: Metric) -> [SVGElement] {
        let paired = document.pairedSummaries.filter { $0.pair(of: metric) != nil }
        let changes = paired.compactMap { $0.pair(of: metric)?.difference }
        let scale = LinearScale(includingZeroAnd: changes, padding: 0.05, range: (height - margin.bottom, margin.top))
        let arms = document.arms
        return document.cohorts.map { cohort in
            let members = paired.filter { $0.cohort == cohort }
            return panel(cohort: cohort, members: members, metric: metric, scale: scale, arms: arms)
        }
    }

    /// One cohort's waterfall.
    static func panel(
        cohort: String, members: [PatientSummary], metric: Metric, scale: LinearScale, arms: [String]
    ) -> SVGElement {
        let left = margin.left, right = width - margin.right
        let sorted = members.compactMap { summary in
            summary.pair(of: metric).map { (summary: summary, change: $0.difference) }
        }.sorted { lhs, rhs in
            if lhs.change != rhs.change { return lhs.change > rhs.change }
            return lhs.summary.patient.unicodeScalars.lexicographicallyPrecedes(rhs.summary.patient.unicodeScalars)
        }
        let slot = (right - left) / Double(max(sorted.count, 1))
        let barWidth = max(slot * 0.8, 1)
        var parts: [SVGElement] = [
            SVGElement.text("\(cohort) (n = \(sorted.count))", x: width / 2, y: 18, anchor: .middle)
                .cssClass("panel-title"),
            SVGAxis.left(ticks: scale.ticks(), x: left, top: margin.top, bottom: height - margin.bottom,
                         title: "Change (follow-up − baseline)"),
            SVGElement.line(x1: left, y1: scale.position(0), x2: right, y2: scale.position(0)).cssClass("zero-line"),
        ]
        var bars: [SVGElement] = []
        for (index, entry) in sorted.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let zero = scale.position(0)
            bars.append(SVGElement.rect(x: x, y: zero, width: barWidth, height: scale.position(entry.change) - zero)
                .cssClass("bar \(Palette.armClass(entry.summary.arm, among: arms))")
                .tooltip("\(entry.summary.patient) (\(entry.summary.arm)): \(ReadableNumber.signedChange(entry.change))"))
        }
        parts.append(SVGElement.group(className: "bars", bars))
        parts.append(legend(arms: Array(Set(sorted.map(\.summary.arm))).sorted(), allArms: arms, x: left + 8, y: 34))
        return SVGElement.document(width: width, height: height, children: parts)
            .cssClass("waterfall").attribute("data-cohort", cohort).attribute("data-metric", metric.rawValue)
    }

    /// A row of coloured squares with the arm names.
    static func legend(arms: [String], allArms: [String], x: Double, y: Double) -> SVGElement {
        var items: [SVGElement] = []
        var offset = x
        for arm in arms {
            items.append(SVGElement.rect(x: offset, y: y - 9, width: 10, height: 10)
                .cssClass(Palette.armClass(arm, among: allArms)))
            items.append(SVGElement.text(arm, x: offset + 14, y: y))
            offset += 24 + Double(arm.count) * 7
        }
        return SVGElement.group(className: "legend", items)
    }
}
