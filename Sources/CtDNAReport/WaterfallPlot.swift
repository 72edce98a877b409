#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNACore
import CtDNAModel

/// How the waterfall and the change box plots measure a patient's change of a metric.
public enum Change: String, Sendable, Hashable, CaseIterable {
    /// log2(follow-up / baseline), the convention of ctDNA papers: a halving is -1 whatever
    /// the level. A patient cleared (follow-up 0, baseline above 0) or appearing (baseline 0,
    /// follow-up above 0) has no finite ratio and is drawn at a marked cap below or above every
    /// finite value (``ChangeValues``); a patient at 0 at both timepoints is drawn at 0.
    case log2Ratio = "log2_ratio"
    /// Follow-up - baseline, in the metric's units.
    case difference

    /// The y axis title: `log2(follow-up / baseline)` or `Change (follow-up − baseline)`.
    public var axisTitle: String { axisTitle(("baseline", "follow-up")) }

    /// The y axis title for a pair of timepoints: `log2(<second> / <first>)` or
    /// `Change (<second> − <first>)`.
    /// - Parameter words: How the pair's timepoints are named (``RunDocument/pairWords``).
    public func axisTitle(_ words: (first: String, second: String)) -> String {
        switch self {
        case .log2Ratio: "log2(\(words.second) / \(words.first))"
        case .difference: "Change (\(words.second) − \(words.first))"
        }
    }
}

/// Each patient's drawn change under a ``Change``, with the cap of cleared and appearing patients.
public struct ChangeValues: Sendable, Equatable {
    /// Where a patient's change is drawn, and why.
    public enum Kind: Sendable, Equatable {
        /// A finite change (a log2 ratio of two positive values, or any difference).
        case finite
        /// Baseline above 0, follow-up 0: drawn at `-cap`.
        case cleared
        /// Baseline 0, follow-up above 0: drawn at `+cap`.
        case appeared
        /// 0 at both timepoints (log2 ratio only): drawn at 0.
        case bothZero
    }

    /// The measure.
    public var change: Change
    /// The cap of the log2 ratio: the largest |log2 ratio| of any patient with two positive
    /// values rounded up to a whole number, plus 1 (1 when there is none), so the cap sits a
    /// whole unit or more beyond every finite value and reads as a mark. 0 for
    /// ``Change/difference``, which has no cap.
    public var cap: Double
    /// How tooltips and legends name the pair's first timepoint (`baseline`).
    public var firstName = "baseline"
    /// How tooltips and legends name the pair's second timepoint (`follow-up`).
    public var secondName = "follow-up"

    /// The cap over every pair given (every paired patient of the metric, so that all panels
    /// share it).
    /// - Parameters:
    ///   - change: the measure.
    ///   - pairs: the metric's values of every patient drawn.
    ///   - words: how the pair's timepoints are named (``RunDocument/pairWords``).
    public init(change: Change, pairs: [PairedMetric], words: (first: String, second: String) = ("baseline", "follow-up")) {
        self.change = change
        (firstName, secondName) = words
        switch change {
        case .difference:
            cap = 0
        case .log2Ratio:
            let finite = pairs.filter { $0.baseline > 0 && $0.followup > 0 }.map { abs(Self.log2($0.followup / $0.baseline)) }
            cap = (finite.max() ?? 0).rounded(.up) + 1
        }
    }

    /// log2 of a positive number (C's `log2`, exact for powers of two).
    static func log2(_ value: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log2(value)
        #else
        Darwin.log2(value)
        #endif
    }

    /// Where a pair is drawn and why: the log2 ratio (or ±``cap``, or 0 when both are 0), or
    /// the difference.
    /// - Parameter pair: the patient's baseline and follow-up.
    public func value(_ pair: PairedMetric) -> (value: Double, kind: Kind) {
        switch change {
        case .difference:
            return (pair.difference, .finite)
        case .log2Ratio:
            switch (pair.baseline > 0, pair.followup > 0) {
            case (true, true): return (Self.log2(pair.followup / pair.baseline), .finite)
            case (true, false): return (-cap, .cleared)
            case (false, true): return (cap, .appeared)
            case (false, false): return (0, .bothZero)
            }
        }
    }

    /// The tooltip text of a patient's change: `0.2 → 0.05, log2 ratio -2, -75%`, or
    /// `0.04 → 0: cleared (follow-up 0), -100%`, or the signed difference.
    /// - Parameter pair: the patient's baseline and follow-up.
    public func describe(_ pair: PairedMetric) -> String {
        let values = "\(NumberFormat.real(pair.baseline)) → \(NumberFormat.real(pair.followup))"
        switch change {
        case .difference:
            return "\(ReadableNumber.signedChange(pair.difference)) (\(values))"
        case .log2Ratio:
            let drawn = value(pair)
            switch drawn.kind {
            case .finite:
                let percent = (pair.followup - pair.baseline) / pair.baseline * 100
                return "\(values), log2 ratio \(ReadableNumber.signedChange(drawn.value)), \(Self.percent(percent))"
            case .cleared: return "\(values): cleared (\(secondName) 0), -100%"
            case .appeared: return "\(values): appeared (\(firstName) 0)"
            case .bothZero: return "\(values): not detected at either timepoint"
            }
        }
    }

    /// A signed percentage: whole numbers from 10% on (`-75%`, `+200%`), one decimal below
    /// (`+2.5%`), `0%` for no change.
    public static func percent(_ value: Double) -> String {
        let text = SVGNumber.format(value, decimals: abs(value) >= 10 ? 0 : 1)
        if text == "0" || text == "0.0" { return "0%" }
        return (value > 0 ? "+" : "") + text + "%"
    }

    /// The legend entries of the marked caps a set of kinds needs, in order: `cleared (follow-up 0)`
    /// (a downward triangle) and `appeared (baseline 0)` (an upward triangle).
    func capEntries(_ kinds: [Kind]) -> [(pointsDown: Bool, label: String)] {
        var entries: [(pointsDown: Bool, label: String)] = []
        if kinds.contains(.cleared) { entries.append((true, "cleared (\(secondName) 0)")) }
        if kinds.contains(.appeared) { entries.append((false, "appeared (\(firstName) 0)")) }
        return entries
    }
}

extension SVGElement {
    /// A small triangle `<path class="cap-marker">` centred at (x, y), pointing down or up:
    /// the mark of a change drawn at the log2 cap.
    static func capMarker(x: Double, y: Double, pointsDown: Bool, size: Double = 4) -> SVGElement {
        let tip = pointsDown ? y + size : y - size, base = pointsDown ? y - size : y + size
        let d = "M\(SVGNumber.format(x - size)),\(SVGNumber.format(base))L\(SVGNumber.format(x + size)),\(SVGNumber.format(base))"
            + "L\(SVGNumber.format(x)),\(SVGNumber.format(tip))Z"
        return SVGElement("path", attributes: [("d", d)]).cssClass("cap-marker")
    }
}

/// Per-patient change of a metric, one panel per cohort: bars sorted from the largest rise to
/// the largest fall, coloured by arm. By default the change is the log2 ratio, with cleared and
/// appearing patients at a marked cap (``Change``, ``ChangeValues``).
public enum WaterfallPlot {
    /// The measure of change (``Change``).
    public typealias Change = CtDNAReport.Change

    /// Panel width in CSS pixels.
    static let width = 520.0
    /// Panel height in CSS pixels.
    static let height = 280.0
    /// Plot-area margins.
    static let margin = (top: 44.0, right: 16.0, bottom: 28.0, left: 74.0)

    /// One `<svg class="waterfall">` per cohort, in cohort order, all on one y scale.
    ///
    /// Each paired patient of the cohort is a `<rect class="bar arm-N">` from 0 to its change
    /// (``ChangeValues/value(_:)``) with a tooltip of the values, the log2 ratio and the percent
    /// change (``ChangeValues/describe(_:)``); bars at the log2 cap also have the class `capped`
    /// and a triangle at their end, the cap a dotted line, and the legend an entry per kind of
    /// cap present; a patient at 0 at both timepoints has a bar of height 0 and a grey
    /// `<line class="both-zero">` dash on the zero line. Ticks at or beyond the cap are left
    /// out: the cap is a mark, not a value.
    /// - Parameters:
    ///   - document: the run.
    ///   - metric: the metric whose change is drawn (the report uses the ctDNA fraction).
    ///   - change: the measure (default ``Change/log2Ratio``).
    public static func panels(_ document: RunDocument, metric: Metric, change: Change = .log2Ratio) -> [SVGElement] {
        let paired = document.pairedSummaries.filter { $0.pair(of: metric) != nil }
        let values = ChangeValues(change: change, pairs: paired.compactMap { $0.pair(of: metric) }, words: document.pairWords)
        let changes = paired.compactMap { $0.pair(of: metric).map { values.value($0).value } }
        let scale = LinearScale(includingZeroAnd: changes, padding: 0.05, range: (height - margin.bottom, margin.top))
        let arms = document.arms
        return document.cohorts.map { cohort in
            let members = paired.filter { $0.cohort == cohort }
            return panel(cohort: cohort, members: members, metric: metric, values: values, scale: scale, arms: arms,
                         words: document.pairWords)
        }
    }

    /// The figure's title: `Change in ctDNA fraction per patient, NSCLC`.
    static func title(metric: Metric, cohort: String) -> String {
        "Change in \(metric.title) per patient, \(cohort)"
    }

    /// One cohort's waterfall.
    static func panel(
        cohort: String, members: [PatientSummary], metric: Metric, values: ChangeValues, scale: LinearScale,
        arms: [String], words: (first: String, second: String) = ("baseline", "follow-up")
    ) -> SVGElement {
        let left = margin.left, right = width - margin.right
        let sorted = members.compactMap { summary in
            summary.pair(of: metric).map { pair in
                let drawn = values.value(pair)
                return (summary: summary, pair: pair, change: drawn.value, kind: drawn.kind)
            }
        }.sorted { lhs, rhs in
            if lhs.change != rhs.change { return lhs.change > rhs.change }
            return lhs.summary.patient.unicodeScalars.lexicographicallyPrecedes(rhs.summary.patient.unicodeScalars)
        }
        let slot = (right - left) / Double(max(sorted.count, 1))
        let barWidth = max(slot * 0.8, 1)
        let capped = values.change == .log2Ratio
        let ticks = capped ? scale.ticks().filter { abs($0.value) < values.cap - 1e-9 } : scale.ticks()
        var parts: [SVGElement] = [
            SVGElement.text("\(cohort) (n = \(sorted.count))", x: width / 2, y: 18, anchor: .middle)
                .cssClass("panel-title"),
            SVGAxis.left(ticks: ticks, x: left, top: margin.top, bottom: height - margin.bottom,
                         title: values.change.axisTitle(words)),
            SVGElement.line(x1: left, y1: scale.position(0), x2: right, y2: scale.position(0)).cssClass("zero-line"),
        ]
        let capEntries = values.capEntries(sorted.map(\.kind))
        for entry in capEntries {
            let y = scale.position(entry.pointsDown ? -values.cap : values.cap)
            parts.append(SVGElement.line(x1: left, y1: y, x2: right, y2: y).cssClass("cap-line"))
        }
        var bars: [SVGElement] = []
        for (index, entry) in sorted.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let zero = scale.position(0), end = scale.position(entry.change)
            let armClass = Palette.armClass(entry.summary.arm, among: arms)
            let atCap = entry.kind == .cleared || entry.kind == .appeared
            let description = "\(entry.summary.patient) (\(entry.summary.arm)): \(values.describe(entry.pair))"
            bars.append(SVGElement.rect(x: x, y: zero, width: barWidth, height: end - zero)
                .cssClass("bar \(atCap ? "capped " : "")\(armClass)")
                .attribute("data-patient", entry.summary.patient)
                .tooltip(description))
            if entry.kind == .bothZero {
                bars.append(SVGElement.line(x1: x, y1: zero, x2: x + barWidth, y2: zero).cssClass("both-zero")
                    .attribute("data-patient", entry.summary.patient).tooltip(description))
            }
            if atCap {
                let down = entry.kind == .cleared
                bars.append(SVGElement.capMarker(x: x + barWidth / 2, y: end + (down ? 5 : -5), pointsDown: down,
                                                 size: min(4, max(barWidth / 2, 2)))
                    .tooltip(description))
            }
        }
        parts.append(SVGElement.group(className: "bars", bars))
        parts.append(legend(arms: Array(Set(sorted.map(\.summary.arm))).sorted(), allArms: arms, caps: capEntries,
                            x: left + 8, y: 34))
        return SVGElement.document(width: width, height: height, title: title(metric: metric, cohort: cohort),
                                   armCount: arms.count, children: parts)
            .cssClass("waterfall").attribute("data-cohort", cohort).attribute("data-metric", metric.rawValue)
            .attribute("data-change", values.change.rawValue)
    }

    /// A row of coloured squares with the arm names, then a triangle per kind of cap.
    static func legend(
        arms: [String], allArms: [String], caps: [(pointsDown: Bool, label: String)] = [], x: Double, y: Double
    ) -> SVGElement {
        var items: [SVGElement] = []
        var offset = x
        for arm in arms {
            items.append(SVGElement.rect(x: offset, y: y - 9, width: 10, height: 10)
                .cssClass(Palette.armClass(arm, among: allArms)))
            items.append(SVGElement.text(arm, x: offset + 14, y: y))
            offset += 24 + Double(arm.count) * 7
        }
        for cap in caps {
            items.append(SVGElement.capMarker(x: offset + 5, y: y - 4, pointsDown: cap.pointsDown))
            items.append(SVGElement.text(cap.label, x: offset + 14, y: y))
            offset += 24 + Double(cap.label.count) * 6
        }
        return SVGElement.group(className: "legend", items)
    }
}
