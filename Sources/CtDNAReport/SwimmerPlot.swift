import CtDNACore

/// One patient's bar in a ``SwimmerPlot``: the time on study, whether the endpoint's event
/// happened, and the molecular response that colours the bar.
public struct SwimmerEntry: Sendable, Hashable {
    /// Patient identifier.
    public var patient: String
    /// The patient's cohort (one panel per cohort).
    public var cohort: String
    /// Time to the event or censoring, in days; finite and at least 0.
    public var time: Double
    /// Whether the event happened at `time` (false: censored then).
    public var event: Bool
    /// The molecular response; `nil` draws the bar as not evaluable.
    public var response: MolecularResponse?

    /// Creates an entry.
    /// - Parameters:
    ///   - patient: the patient's identifier.
    ///   - cohort: the cohort.
    ///   - time: days to the event or censoring (finite, at least 0).
    ///   - event: whether the event happened.
    ///   - response: the molecular response, `nil` when unknown.
    public init(patient: String, cohort: String, time: Double, event: Bool, response: MolecularResponse?) {
        self.patient = patient
        self.cohort = cohort
        self.time = time
        self.event = event
        self.response = response
    }

    /// The survival analysis's group of the response: `responder` (clearance or response),
    /// `non_responder` (no response) or `not_evaluable` (not evaluable or unknown).
    public var responseGroup: String {
        guard let response, response != .notEvaluable else { return "not_evaluable" }
        return response.isResponse ? "responder" : "non_responder"
    }
}

/// Time on study per patient, one panel per cohort: a horizontal bar per patient from 0 to its
/// time, longest at the top, coloured by molecular response (``ResponsePalette``), with a filled
/// circle at the end when the endpoint's event happened and an open circle when censored.
public enum SwimmerPlot {
    /// Panel width in CSS pixels.
    static let width = 520.0
    /// Plot-area margins: left holds the patient identifiers.
    static let margin = (top: 58.0, right: 24.0, bottom: 44.0, left: 90.0)
    /// Height of one patient's row; the bar is ``barHeight`` tall, centred in it.
    static let rowHeight = 14.0
    /// Height of a bar.
    static let barHeight = 8.0
    /// Radius of the end markers.
    static let markerRadius = 3.5

    /// One `<svg class="swimmer">` per cohort in `cohorts`, all on one time axis (0 to the first
    /// nice tick at or after the longest time of any entry).
    ///
    /// In a panel each entry of the cohort is a row: `<rect class="swim-bar ...">` from x = 0 to
    /// its time, `data-patient` set; rows sorted by time, longest first (ties by identifier in
    /// code-point order); at the bar's end a `<circle class="swim-event">` when the event
    /// happened, otherwise a `<circle class="swim-censored">`.
    /// - Parameters:
    ///   - entries: the patients, in any order.
    ///   - cohorts: the cohorts to draw, in order (a cohort without entries gets a panel saying so).
    ///   - endpoint: the endpoint's name (`pfs`), for the title and the legend.
    ///   - timeTitle: the x axis title (default `Days from the landmark`).
    public static func panels(
        _ entries: [SwimmerEntry], cohorts: [String], endpoint: String, timeTitle: String = "Days from the landmark"
    ) -> [SVGElement] {
        panels(entries, cohorts: cohorts, endpoint: endpoint, timeTitle: timeTitle, leftOut: [:])
    }

    /// The panels, with the patients left out of each cohort for the subtitle.
    static func panels(
        _ entries: [SwimmerEntry], cohorts: [String], endpoint: String, timeTitle: String, leftOut: [String: Int]
    ) -> [SVGElement] {
        let axis = SurvivalTimeAxis.ticks(longest: entries.map(\.time).max() ?? 0)
        return cohorts.map { cohort in
            panel(cohort: cohort, entries: entries.filter { $0.cohort == cohort }, endpoint: endpoint,
                  axis: axis, timeTitle: timeTitle, leftOut: leftOut[cohort] ?? 0)
        }
    }

    /// One cohort's panel.
    static func panel(
        cohort: String, entries: [SwimmerEntry], endpoint: String,
        axis: (end: Double, values: [Double], labels: [String]), timeTitle: String, leftOut: Int
    ) -> SVGElement {
        let left = margin.left, right = width - margin.right, top = margin.top
        let sorted = entries.sorted { lhs, rhs in
            if lhs.time != rhs.time { return lhs.time > rhs.time }
            return lhs.patient.unicodeScalars.lexicographicallyPrecedes(rhs.patient.unicodeScalars)
        }
        let bottom = top + rowHeight * Double(max(sorted.count, 1))
        let height = bottom + margin.bottom
        let x = LinearScale(domain: (0, axis.end), range: (left, right))
        let ticks = zip(axis.values, axis.labels).map { AxisTick(value: $0, position: x.position($0), label: $1) }
        var subtitle = "n = \(sorted.count), \(sorted.count(where: \.event)) with an event"
        if leftOut > 0 { subtitle += "; \(leftOut) without a time or event left out" }
        var parts: [SVGElement] = [
            SVGElement.text("\(cohort): \(endpoint.uppercased()) by molecular response", x: width / 2, y: 18, anchor: .middle)
                .cssClass("panel-title"),
            SVGElement.text(subtitle, x: width / 2, y: 34, anchor: .middle).cssClass("panel-subtitle"),
            legend(endpoint: endpoint, x: 16, y: 50),
            SVGAxis.bottom(ticks: ticks, y: bottom, left: left, right: right, title: timeTitle),
        ]
        if sorted.isEmpty {
            parts.append(SVGElement.text("no patient with a time and an event", x: (left + right) / 2, y: top + 10, anchor: .middle)
                .cssClass("floor-label"))
        }
        var rows: [SVGElement] = []
        for (index, entry) in sorted.enumerated() {
            let centre = top + rowHeight * (Double(index) + 0.5)
            let end = x.position(entry.time)
            let group = entry.responseGroup
            let className = ResponsePalette.cssClass(group: group)
            let description = "\(entry.patient): \(NumberFormat.real(entry.time)) days, "
                + (entry.event ? "event" : "censored") + ", " + (entry.response?.rawValue ?? "response unknown")
            rows.append(SVGElement.group(className: "swim-row", [
                SVGElement.text(entry.patient, x: left - 6, y: centre + 3.5, anchor: .end).cssClass("swim-label"),
                SVGElement.rect(x: left, y: centre - barHeight / 2, width: end - left, height: barHeight)
                    .cssClass("swim-bar \(className)").attribute("data-patient", entry.patient).tooltip(description),
                SVGElement.circle(x: end, y: centre, radius: markerRadius)
                    .cssClass(entry.event ? "swim-event" : "swim-censored").tooltip(description),
            ]).attribute("data-group", group))
        }
        parts.append(SVGElement.group(className: "swim-rows", rows))
        return SVGElement.document(
            width: width, height: height, title: "\(cohort): time on study, \(endpoint.uppercased()) by molecular response",
            children: parts)
            .cssClass("swimmer")
            .attribute("data-cohort", cohort)
            .attribute("data-endpoint", endpoint)
            .attribute("role", "img")
            .attribute("aria-label", "Time on study by molecular response, \(cohort), \(endpoint)")
    }

    /// The legend: the three response colours, then the two end markers.
    static func legend(endpoint: String, x: Double, y: Double) -> SVGElement {
        var items: [SVGElement] = []
        var offset = x
        for group in ["responder", "non_responder", "not_evaluable"] {
            let name = ResponsePalette.displayName(group: group)
            items.append(SVGElement.rect(x: offset, y: y - 9, width: 10, height: 10).cssClass(ResponsePalette.cssClass(group: group)))
            items.append(SVGElement.text(name, x: offset + 14, y: y))
            offset += 24 + Double(name.count) * 6
        }
        for (className, name) in [("swim-event", "\(endpoint.uppercased()) event"), ("swim-censored", "censored")] {
            items.append(SVGElement.circle(x: offset + 4, y: y - 4, radius: markerRadius).cssClass(className))
            items.append(SVGElement.text(name, x: offset + 12, y: y))
            offset += 22 + Double(name.count) * 6
        }
        return SVGElement.group(className: "legend", items)
    }
}
