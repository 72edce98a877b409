import CtDNAStats

/// The colours and CSS classes of the molecular-response groups in the survival figures
/// (``KaplanMeierPlot``, ``SwimmerPlot``).
///
/// Responders are Okabe-Ito bluish green (`Palette.armColours[2]`) and non-responders
/// Okabe-Ito orange (`Palette.armColours[4]`): a pair colour-blind readers tell apart, and
/// neither is blue or vermillion, the colours of a two-arm run's arms, so a response group is
/// never read as an arm. Not evaluable is grey and `all` is black. The rules themselves are in
/// `ReportStyle` (`.resp-*` and `.km-other-*`); a test holds them to these values.
public enum ResponsePalette {
    /// Responders (clearance or response): `#009E73`.
    public static let responder = Palette.armColours[2]
    /// Non-responders: `#E69F00`.
    public static let nonResponder = Palette.armColours[4]
    /// Patients whose response cannot be evaluated: grey.
    public static let notEvaluable = "#999999"
    /// Every patient together (the `all` curve): black.
    public static let all = Palette.armColours[6]
    /// Colours of any other group label, in the order the labels come, reused from the start:
    /// blue, reddish purple, sky blue, vermillion.
    public static let others = [Palette.armColours[0], Palette.armColours[3], Palette.armColours[5], Palette.armColours[1]]

    /// The CSS class of a group's marks: `resp-responder`, `resp-non-responder`,
    /// `resp-not-evaluable` (also for `NA`), `resp-all`, or `km-other-<n>` for any other label,
    /// n being `otherIndex` modulo the count of ``others``.
    /// - Parameters:
    ///   - group: the group's label as the survival rows write it (`responder`, `non_responder`, ...).
    ///   - otherIndex: the label's index among the labels that are none of the above.
    public static func cssClass(group: String, otherIndex: Int = 0) -> String {
        switch group {
        case "responder": "resp-responder"
        case "non_responder": "resp-non-responder"
        case "not_evaluable", "NA": "resp-not-evaluable"
        case "all": "resp-all"
        default: "km-other-\(otherIndex % others.count)"
        }
    }

    /// The name a legend shows for a group: `Responders`, `Non-responders`, `Not evaluable`,
    /// `All patients`, or the label itself.
    /// - Parameter group: the group's label.
    public static func displayName(group: String) -> String {
        switch group {
        case "responder": "Responders"
        case "non_responder": "Non-responders"
        case "not_evaluable", "NA": "Not evaluable"
        case "all": "All patients"
        default: group
        }
    }
}

/// Time axes of the survival figures: from 0 to the first multiple of a nice step at or after
/// the longest time, so the axis ends on a labelled tick.
enum SurvivalTimeAxis {
    /// The labelled ticks 0, step, ..., end, where step is ``LinearScale/tickStep(count:)`` of
    /// 0 to `longest` for about 5 ticks and end the first multiple of step at or after
    /// `longest`; `longest` of 0 (or less, or not finite) gives the axis 0 to 1.
    /// - Parameter longest: the longest time to show.
    /// - Returns: the tick values and their labels (positions are filled in by the caller).
    static func ticks(longest: Double) -> (end: Double, values: [Double], labels: [String]) {
        let top = longest.isFinite && longest > 0 ? longest : 1
        let step = LinearScale(domain: (0, top), range: (0, 1)).tickStep(count: 5)
        let count = Int((top / step - 1e-9).rounded(.up))
        var decimals = 0
        var power = 1.0
        while step * power != (step * power).rounded() && decimals < 6 {
            decimals += 1
            power *= 10
        }
        let values = (0...max(count, 1)).map { Double($0) * step }
        return (values[values.count - 1], values, values.map { SVGNumber.format($0, decimals: decimals) })
    }
}

/// Kaplan-Meier curves of each clinical endpoint by molecular response, as a trial paper draws
/// them: a step curve per group from S = 1 at time 0, `+` marks at censored times, the log-rank
/// p-value and the Cox hazard ratio of the group comparison, and the numbers at risk under the
/// x axis.
public enum KaplanMeierPlot {
    /// Panel width in CSS pixels.
    static let width = 480.0
    /// Plot-area margins: left holds the y axis and the at-risk table's group names.
    static let margin = (top: 62.0, right: 20.0, left: 110.0)
    /// Height of the plot area (S from 0 to 1).
    static let plotHeight = 200.0
    /// Baseline of the at-risk table's heading, below the plot area's bottom.
    static let riskHeadingOffset = 58.0
    /// Baseline of the at-risk table's first row, below the plot area's bottom; rows follow every ``riskRowHeight``.
    static let riskFirstRowOffset = 74.0
    /// Distance between the at-risk table's rows.
    static let riskRowHeight = 14.0
    /// Half the size of a censoring `+` mark.
    static let censorHalfSize = 3.5

    /// One `<svg class="km">` per endpoint of `curves`, in the order the endpoints first appear.
    ///
    /// A panel draws the endpoint's group curves when it has any curve besides `all`, otherwise
    /// its `all` curve; each curve is a `<polyline class="km-curve ...">` with `data-group`,
    /// starting at (0, 1) and going across then down at each event time, ending at the curve's
    /// last time; each censored time gets a `<path class="km-censor ...">` `+` centred on the
    /// curve there. The subtitle gives the endpoint's `logrank` p-value (``ReadableNumber/pValue(_:)``)
    /// and the hazard ratio of its first `cox` row that compares groups (a group written
    /// `LEVEL vs REFERENCE`, not the covariate) as `HR 0.57 (0.19-1.71), LEVEL vs REFERENCE`.
    /// Under the x axis, the number at risk of each curve at each labelled tick (R's `n.risk`:
    /// patients whose time is at or after the tick, 0 past the last).
    /// - Parameters:
    ///   - curves: the curves of every endpoint (`all`, then each group), as the survival
    ///     analysis gives them.
    ///   - rows: the survival rows of every endpoint (for the p-value and hazard ratio).
    /// - Returns: one panel per endpoint; none when `curves` is empty.
    public static func panels(curves: [SurvivalCurve], rows: [SurvivalRow]) -> [SVGElement] {
        var endpoints: [String] = []
        for curve in curves where !endpoints.contains(curve.endpoint) { endpoints.append(curve.endpoint) }
        return endpoints.map { endpoint in
            let own = curves.filter { $0.endpoint == endpoint }
            let groups = own.filter { $0.group != "all" }
            return panel(endpoint: endpoint, curves: groups.isEmpty ? own : groups,
                         rows: rows.filter { $0.endpoint == endpoint })
        }
    }

    /// The subtitle: the log-rank p and the group comparison's hazard ratio, or what is missing.
    /// - Parameter rows: the endpoint's survival rows.
    static func statistics(_ rows: [SurvivalRow]) -> String {
        var parts: [String] = []
        if let logRank = rows.first(where: { $0.test == .logRank }) {
            parts.append("Log-rank " + ReadableNumber.pValue(logRank.pValue))
        }
        if let cox = rows.first(where: { $0.test == .cox && $0.group.contains(" vs ") }) {
            parts.append("HR \(ratio(cox.hazardRatio)) (\(ratio(cox.confidenceLow))-\(ratio(cox.confidenceHigh))), \(cox.group)")
        }
        return parts.isEmpty ? "no group comparison" : parts.joined(separator: " · ")
    }

    /// A hazard ratio or limit with two decimals (`0.57`), `NA` when missing or not finite,
    /// and with 3 significant digits from 1000 on (`1.23e+04`).
    static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return NumberFormat.missing }
        return abs(value) < 1000 ? SVGNumber.format(value) : ReadableNumber.significant(value, digits: 3)
    }

    /// The polyline vertices of a curve in data units: (0, 1), then for each step with events,
    /// (time, S before) and (time, S after); then (last time, last S) if the last step has no event.
    /// - Parameter curve: the curve.
    static func vertices(_ curve: KaplanMeierCurve) -> [(time: Double, survival: Double)] {
        var points: [(time: Double, survival: Double)] = [(0, 1)]
        var current = 1.0
        for step in curve.steps where step.events > 0 {
            points.append((step.time, current))
            points.append((step.time, step.survival))
            current = step.survival
        }
        if let last = curve.steps.last, last.events == 0 {
            points.append((last.time, last.survival))
        }
        return points
    }

    /// One endpoint's panel.
    static func panel(endpoint: String, curves: [SurvivalCurve], rows: [SurvivalRow]) -> SVGElement {
        let left = margin.left, right = width - margin.right
        let top = margin.top, bottom = margin.top + plotHeight
        let longest = curves.compactMap { $0.curve.steps.last?.time }.max() ?? 0
        let axis = SurvivalTimeAxis.ticks(longest: longest)
        let x = LinearScale(domain: (0, axis.end), range: (left, right))
        let y = LinearScale(domain: (0, 1), range: (bottom, top))
        let xTicks = zip(axis.values, axis.labels).map { AxisTick(value: $0, position: x.position($0), label: $1) }
        let onlyAll = curves.allSatisfy { $0.group == "all" }
        let title = endpoint.uppercased() + (onlyAll ? ", all patients" : " by molecular response")

        var otherIndex = 0
        let classes: [String] = curves.map { named in
            let name = ResponsePalette.cssClass(group: named.group, otherIndex: otherIndex)
            if name.hasPrefix("km-other") { otherIndex += 1 }
            return name
        }

        var parts: [SVGElement] = [
            SVGElement.text(title, x: width / 2, y: 18, anchor: .middle).cssClass("panel-title"),
            SVGElement.text(statistics(rows), x: width / 2, y: 34, anchor: .middle).cssClass("panel-subtitle km-stats"),
            legend(curves.map(\.group), classes: classes, x: left, y: 50),
            SVGAxis.left(ticks: y.ticks(count: 5), x: left, top: top, bottom: bottom, title: "Survival probability"),
            SVGAxis.bottom(ticks: xTicks, y: bottom, left: left, right: right, title: "Days from the landmark"),
        ]
        for (named, className) in zip(curves, classes) {
            let curve = named.curve
            let description = "\(ResponsePalette.displayName(group: named.group)): \(curve.count) patient"
                + (curve.count == 1 ? "" : "s") + ", \(curve.eventCount) event" + (curve.eventCount == 1 ? "" : "s")
            var members: [SVGElement] = [
                SVGElement.polyline(vertices(curve).map { (x.position($0.time), y.position($0.survival)) })
                    .cssClass("km-curve \(className)").attribute("data-group", named.group).tooltip(description),
            ]
            for step in curve.steps where step.censored > 0 {
                let cx = x.position(step.time), cy = y.position(step.survival)
                let h = censorHalfSize
                members.append(SVGElement("path", attributes: [(
                    "d",
                    "M\(SVGNumber.format(cx - h)),\(SVGNumber.format(cy))H\(SVGNumber.format(cx + h))"
                        + "M\(SVGNumber.format(cx)),\(SVGNumber.format(cy - h))V\(SVGNumber.format(cy + h))"
                )]).cssClass("km-censor \(className)")
                    .tooltip("censored at day \(NumberFormat.real(step.time)): \(step.censored) patient" + (step.censored == 1 ? "" : "s")))
            }
            parts.append(SVGElement.group(className: "km-group", members).attribute("data-group", named.group))
        }
        parts.append(riskTable(curves: curves, classes: classes, ticks: xTicks, bottom: bottom))
        let height = bottom + riskFirstRowOffset + riskRowHeight * Double(max(curves.count - 1, 0)) + 14
        return SVGElement.document(width: width, height: height, title: title + ": Kaplan-Meier curves",
                                   children: parts)
            .cssClass("km")
            .attribute("data-endpoint", endpoint)
            .attribute("role", "img")
            .attribute("aria-label", "Kaplan-Meier curves of \(endpoint)")
    }

    /// The legend: a line swatch and the group's name per curve, in a row.
    static func legend(_ groups: [String], classes: [String], x: Double, y: Double) -> SVGElement {
        var items: [SVGElement] = []
        var offset = x
        for (group, className) in zip(groups, classes) {
            let name = ResponsePalette.displayName(group: group)
            items.append(SVGElement.line(x1: offset, y1: y - 4, x2: offset + 16, y2: y - 4).cssClass("km-swatch \(className)"))
            items.append(SVGElement.text(name, x: offset + 20, y: y))
            offset += 36 + Double(name.count) * 6.5
        }
        return SVGElement.group(className: "legend", items)
    }

    /// The numbers-at-risk table: a heading, then per curve its name (right-aligned left of the
    /// plot) and the number at risk under each labelled tick (``KaplanMeierCurve/points(at:)``).
    static func riskTable(curves: [SurvivalCurve], classes: [String], ticks: [AxisTick], bottom: Double) -> SVGElement {
        var parts: [SVGElement] = [
            SVGElement.text("Number at risk", x: 8, y: bottom + riskHeadingOffset).cssClass("km-risk-title"),
        ]
        let times = ticks.map(\.value)
        for (index, (named, className)) in zip(curves, classes).enumerated() {
            let rowY = bottom + riskFirstRowOffset + riskRowHeight * Double(index)
            // The tick values are finite, the only case `points(at:)` throws for.
            let points = (try? named.curve.points(at: times)) ?? []
            var cells: [SVGElement] = [
                SVGElement.text(ResponsePalette.displayName(group: named.group), x: margin.left - 12, y: rowY, anchor: .end)
                    .cssClass("km-risk-group \(className)"),
            ]
            for (tick, point) in zip(ticks, points) {
                cells.append(SVGElement.text(String(point.numberAtRisk), x: tick.position, y: rowY, anchor: .middle))
            }
            parts.append(SVGElement.group(className: "km-risk-row", cells).attribute("data-group", named.group))
        }
        return SVGElement.group(className: "km-risk", parts)
    }
}
