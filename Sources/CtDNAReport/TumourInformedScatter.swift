#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNACore
import CtDNAModel
import CtDNAStats

/// The tumour-informed ctDNA fraction against the plasma-only one, one point per patient and
/// timepoint, on log axes with the identity line, and the agreement in numbers: Spearman's rho
/// and Pearson's r of the log10 values (the CURB paper's appendix p 11 figure).
public enum TumourInformedScatter {
    /// Panel width and height in CSS pixels.
    static let width = 380.0, height = 360.0
    /// Plot-area margins.
    static let margin = (top: 56.0, right: 18.0, bottom: 46.0, left: 66.0)

    /// One drawn point: a patient at a timepoint of the tested pair, both fractions above 0.
    public struct Point: Sendable, Equatable {
        /// The patient.
        public var patient: String
        /// The patient's arm.
        public var arm: String
        /// 0 for the first timepoint of the pair, 1 for the second.
        public var timepoint: Int
        /// The plasma-only ctDNA fraction (x).
        public var plasma: Double
        /// The tumour-informed fraction (y).
        public var informed: Double
    }

    /// The points and what was left out: patients with status `paired` and a tumour-informed
    /// fraction, at both timepoints of the pair, in patient order; a sample with either fraction
    /// 0 or missing cannot sit on log axes and is counted instead.
    /// - Parameter document: The run.
    /// - Returns: The points, and the number of samples left out.
    public static func points(_ document: RunDocument) -> (points: [Point], leftOut: Int) {
        var points: [Point] = []
        var leftOut = 0
        for summary in document.patients where summary.status == .paired {
            guard let informed = summary.tumourInformedFraction, informed.contains(where: { $0 != nil }),
                let plasma = summary.ctDNAFraction
            else { continue }
            for index in 0..<min(2, informed.count, plasma.count) {
                guard let x = plasma[index], let y = informed[index], x > 0, y > 0 else {
                    leftOut += 1
                    continue
                }
                points.append(Point(patient: summary.patient, arm: summary.arm, timepoint: index, plasma: x, informed: y))
            }
        }
        return (points, leftOut)
    }

    /// Spearman's rho and Pearson's r of the log10 values of the points; `nil` each when it cannot be
    /// computed (fewer than 2 points, or a constant side).
    public static func correlations(_ points: [Point]) -> (spearman: Double?, pearsonLog: Double?) {
        let x = points.map(\.plasma), y = points.map(\.informed)
        return (Correlation.spearman(x, y), Correlation.pearson(x.map(log10), y.map(log10)))
    }

    /// The figure's title.
    public static let title = "Tumour-informed against plasma-only ctDNA fraction"

    /// The panel: a `<svg class="scatter">` with a dot per point (a circle at the first timepoint,
    /// a square at the second, coloured by arm), the dashed identity line, the correlations under
    /// the title and a legend.
    /// - Parameter document: The run (tumour-informed).
    public static func panel(_ document: RunDocument) -> SVGElement {
        let (points, _) = points(document)
        let values = points.flatMap { [$0.plasma, $0.informed] }
        let low = (values.min() ?? 0.01) / 1.5, high = (values.max() ?? 0.1) * 1.5
        let left = margin.left, right = width - margin.right, top = margin.top, bottom = height - margin.bottom
        let x = LogScale(domain: (low, high), range: (left, right))
        let y = LogScale(domain: (low, high), range: (bottom, top))
        let (spearman, pearson) = correlations(points)
        let subtitle = "Spearman ρ = \(ReadableNumber.significant(spearman, digits: 3)), "
            + "Pearson r (log10) = \(ReadableNumber.significant(pearson, digits: 3)), n = \(points.count)"
        let titles = document.timepointTitles
        var parts: [SVGElement] = [
            SVGElement.text("Tumour-informed vs plasma-only", x: width / 2, y: 18, anchor: .middle).cssClass("panel-title"),
            SVGElement.text(subtitle, x: width / 2, y: 36, anchor: .middle).cssClass("panel-subtitle"),
            SVGAxis.left(ticks: y.ticks(), x: left, top: top, bottom: bottom, title: Metric.tumourInformedFraction.title),
            SVGAxis.bottom(ticks: x.ticks(), y: bottom, left: left, right: right, title: "ctDNA fraction (plasma only)"),
            SVGElement.line(x1: x.position(low), y1: y.position(low), x2: x.position(high), y2: y.position(high))
                .cssClass("zero-line").attribute("stroke-dasharray", "4 3"),
        ]
        let dots = points.map { point -> SVGElement in
            let cx = x.position(point.plasma), cy = y.position(point.informed)
            let armClass = Palette.armClass(point.arm, among: document.arms)
            let shape = point.timepoint == 0
                ? SVGElement.circle(x: cx, y: cy, radius: 3.4)
                : SVGElement.rect(x: cx - 3, y: cy - 3, width: 6, height: 6)
            let when = point.timepoint < titles.count ? titles[point.timepoint] : "timepoint \(point.timepoint + 1)"
            return shape.cssClass("dot \(armClass)").attribute("data-patient", point.patient)
                .tooltip("\(point.patient), \(when): plasma-only \(ReadableNumber.significant(point.plasma)), "
                    + "tumour-informed \(ReadableNumber.significant(point.informed))")
        }
        parts.append(SVGElement.group(className: "dots", dots))
        var legend = WaterfallPlot.legend(arms: document.arms, allArms: document.arms, x: left + 6, y: top + 12)
        let shapesY = top + 28
        legend = legend.appending([
            SVGElement.circle(x: left + 11, y: shapesY - 4, radius: 3.4).cssClass("dot"),
            SVGElement.text(titles.first ?? "Baseline", x: left + 19, y: shapesY),
            SVGElement.rect(x: left + 88, y: shapesY - 7, width: 6, height: 6).cssClass("dot"),
            SVGElement.text(titles.count > 1 ? titles[1] : "Follow-up", x: left + 98, y: shapesY),
        ])
        parts.append(legend)
        return SVGElement.document(width: width, height: height, title: title, armCount: document.arms.count, children: parts)
            .cssClass("scatter").attribute("data-metric", Metric.tumourInformedFraction.rawValue)
    }

    /// The caption: what is drawn, n, the correlations.
    /// - Parameter document: The run (tumour-informed).
    public static func caption(_ document: RunDocument) -> String {
        let (points, leftOut) = points(document)
        let patients = Set(points.map(\.patient)).count
        let (spearman, pearson) = correlations(points)
        return "Tumour-informed ctDNA fraction (tissue copy numbers, docs/method.md §9) against the plasma-only ctDNA "
            + "fraction of each paired patient with tissue data, one point per patient and timepoint (circle: "
            + "\(document.timepointTitles.first ?? "baseline"), square: \(document.timepointTitles.count > 1 ? document.timepointTitles[1] : "follow-up")), "
            + "coloured by arm, log axes; dashed line: identity. n = \(points.count) samples of \(patients) patients"
            + (leftOut > 0 ? " (\(leftOut) with a fraction of 0 or no value cannot be drawn on log axes and are left out)" : "")
            + ". Spearman's rho = \(ReadableNumber.significant(spearman, digits: 3)); Pearson's r of the log10 values = "
            + "\(ReadableNumber.significant(pearson, digits: 3)). Descriptive, no test."
    }
}
