import CtDNACore

/// One mutation of a patient over the patient's timepoints.
public struct MutationSeries: Sendable, Hashable, Codable {
    /// What a reader knows it by: gene and protein change (`TP53 p.R273H`), or the key when the
    /// mutation has no protein change. Shown beside clonal mutations and in tooltips.
    public var label: String
    /// The audit status: `kept` (in S) or why it left S.
    public var status: MutationStatus
    /// Member of the clonal set C (only meaningful when `status` is `kept`).
    public var isClonal: Bool
    /// The allele fraction at each of the patient's timepoints (``PatientMutationSeries/timepoints``),
    /// in the same order; `nil` where it has none (no read covered the site), which is skipped.
    public var alleleFractions: [Double?]

    /// Creates a mutation's series; the parameters are the properties of the same names.
    public init(label: String, status: MutationStatus, isClonal: Bool, alleleFractions: [Double?]) {
        self.label = label
        self.status = status
        self.isClonal = isClonal
        self.alleleFractions = alleleFractions
    }
}

/// One patient's mutations over time: the small multiple of ``MutationTrajectoryPlot``.
public struct PatientMutationSeries: Sendable, Hashable, Codable {
    /// Patient identifier.
    public var patient: String
    /// The patient's cohort.
    public var cohort: String
    /// The patient's arm.
    public var arm: String
    /// The timepoints the patient has a sample at, in timepoint order.
    public var timepoints: [TimepointPosition]
    /// The index (into the figure's timepoint titles) of the reference timepoint, `nil` when
    /// the patient has none (nothing detected).
    public var referenceIndex: Int?
    /// The patient's mutations, each with one allele fraction per entry of ``timepoints``.
    public var mutations: [MutationSeries]

    /// Creates a patient's series; the parameters are the properties of the same names.
    public init(
        patient: String, cohort: String, arm: String, timepoints: [TimepointPosition], referenceIndex: Int?,
        mutations: [MutationSeries]
    ) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.timepoints = timepoints
        self.referenceIndex = referenceIndex
        self.mutations = mutations
    }
}

/// Every mutation's allele fraction over time, one small panel per patient, in pages of at
/// most ``defaultPatientsPerPage`` patients (4 per row): the view of a patient's clones that
/// a reader checks the method against.
///
/// In a panel each mutation is a line through its allele fractions at the patient's
/// timepoints (a timepoint without a value is skipped; a mutation with one value is a dot):
/// - clonal mutations (C) solid and coloured, one Okabe-Ito colour each, with a dot per value
///   and, where the label column has room, their label (gene and protein change) beside the
///   last value, in the same colour;
/// - the other kept mutations (S minus C) thin and faint grey;
/// - mutations removed as clonal haematopoiesis or germline (``clonalHaematopoiesisStatuses``)
///   dashed grey with a `×` at each value;
/// - mutations removed for any other reason (low depth, population AF, ...) are not drawn;
///   the panel's tooltip counts them.
///
/// The reference timepoint is a dotted vertical line marked `ref`.
///
/// Axes: y is the log scale of ``ZeroFloorScale`` over the allele fractions of every drawn
/// mutation of every patient given (all pages share it, so panels compare by eye and the floor
/// means the same everywhere); log because ctDNA falls and rises by factors and a cleared
/// mutation at 0.1 % must stay visible beside one at 30 %; an AF of 0 sits on the dashed floor.
/// x is per patient (``TimepointAxis``): days when each of the patient's timepoints has a day,
/// otherwise every timepoint title in order, so a timepoint the patient lacks is a gap.
///
/// Size: a page is 4 panels wide (1024 px) and at most ``defaultPatientsPerPage`` / 4 rows tall,
/// so any cohort gives pages of a bounded size; the caller decides where each page goes.
public enum MutationTrajectoryPlot {
    /// Panels per row.
    static let columns = 4
    /// A panel's width.
    static let panelWidth = 250.0
    /// A panel's height.
    static let panelHeight = 192.0
    /// The page's left and right margin.
    static let pageMargin = 12.0
    /// The page's header: its title, subtitle and the legend.
    static let headerHeight = 76.0
    /// The plot area inside a panel; the right margin is the column of clonal labels.
    static let plot = (top: 48.0, right: 176.0, bottom: 162.0, left: 48.0)
    /// Room between the plot area's sides and the first and last timepoints.
    static let inset = 10.0
    /// Vertical distance between two clonal labels.
    static let labelSpacing = 9.5
    /// The longest label drawn, in characters (longer ones end in `…`).
    static let labelLength = 14

    /// The most patients on one page: 6 rows of 4 (a page about 1,200 px tall).
    public static let defaultPatientsPerPage = 24

    /// The audit statuses drawn as clonal haematopoiesis or germline: `ch_gene`, `ch_variant`
    /// and `matched_normal` (plasma AF not above the matched normal's).
    public static let clonalHaematopoiesisStatuses: [MutationStatus] = [.chGene, .chVariant, .matchedNormal]

    /// The colours of a patient's clonal mutations, in the order they come (reused from the
    /// start after six): the Okabe-Ito colours other than black.
    static let clonalColours = Array(Palette.armColours.prefix(6))

    /// How a mutation is drawn.
    enum Role: Equatable {
        /// In C: solid, coloured, labelled.
        case clonal
        /// In S, not in C: faint.
        case kept
        /// Removed as CH or germline: dashed with `×` markers.
        case clonalHaematopoiesis
        /// Removed for another reason: not drawn.
        case hidden
    }

    /// The role of a mutation, from its status first: a clonal flag on a removed mutation is ignored.
    static func role(_ mutation: MutationSeries) -> Role {
        if mutation.status == .kept { return mutation.isClonal ? .clonal : .kept }
        return clonalHaematopoiesisStatuses.contains(mutation.status) ? .clonalHaematopoiesis : .hidden
    }

    /// The pages of the figure: `patients` in the order given, `patientsPerPage` to a page, all
    /// on one y scale. No patient gives no page.
    /// - Parameters:
    ///   - patients: the patients, in the order their panels should come.
    ///   - timepointTitles: the ordered timepoint titles that positions and the reference index refer to.
    ///   - patientsPerPage: at most this many panels on a page (at least 1; default
    ///     ``defaultPatientsPerPage``).
    ///   - limit: at most this many pages are drawn, the first ones (the page shows one; every
    ///     page keeps its number of the whole set and the scale of all patients).
    /// - Returns: one `<svg class="mutation-trajectories">` per page, with `data-page` set (1, 2, ...).
    /// - Precondition: every timepoint index is an index of `timepointTitles`, and each
    ///   mutation has one allele fraction per timepoint of its patient.
    public static func pages(
        _ patients: [PatientMutationSeries], timepointTitles: [String], patientsPerPage: Int = defaultPatientsPerPage,
        limit: Int = .max
    ) -> [SVGElement] {
        precondition(patientsPerPage >= 1, "a page holds at least one patient")
        precondition(patients.allSatisfy { patient in
            patient.timepoints.allSatisfy { timepointTitles.indices.contains($0.timepointIndex) }
                && patient.mutations.allSatisfy { $0.alleleFractions.count == patient.timepoints.count }
        }, "a mutation series does not match its patient's timepoints")
        let y = sharedScale(patients)
        let pageCount = self.pageCount(patients.count, patientsPerPage: patientsPerPage)
        return (0..<min(pageCount, limit)).map { page in
            let first = page * patientsPerPage
            let members = Array(patients[first..<min(first + patientsPerPage, patients.count)])
            return self.page(members, first: first, total: patients.count, number: page + 1, of: pageCount,
                             titles: timepointTitles, y: y)
        }
    }

    /// How many pages `patientCount` patients fill, `patientsPerPage` to a page.
    public static func pageCount(_ patientCount: Int, patientsPerPage: Int = defaultPatientsPerPage) -> Int {
        (patientCount + patientsPerPage - 1) / patientsPerPage
    }

    /// The caption of a page in a standalone figure: what each kind of line is, the axes.
    public static func caption() -> String {
        "Allele fraction of each mutation over time, one panel per patient (title: the patient and n, "
            + "the number of mutations kept in S). Clonal mutations (C) solid, one colour each, labelled with gene "
            + "and protein change where there is room; other kept mutations faint grey; mutations removed as "
            + "clonal haematopoiesis or germline (\(clonalHaematopoiesisStatuses.map(\.rawValue).joined(separator: ", "))) "
            + "dashed grey with × at each value; mutations removed for other reasons are not drawn. Dotted line: "
            + "the reference timepoint. Log scale shared by every panel, AF 0 drawn on the dashed floor; x: days "
            + "when every sample of the patient has one, otherwise the timepoints in order. Descriptive, no test."
    }

    /// The y scale of every panel, from the allele fractions of every drawn mutation.
    static func sharedScale(_ patients: [PatientMutationSeries]) -> ZeroFloorScale {
        let values = patients.flatMap { patient in
            patient.mutations.filter { role($0) != .hidden }.flatMap { $0.alleleFractions.compactMap { $0 } }
        }
        return ZeroFloorScale(values: values, range: (plot.bottom, plot.top))
    }

    /// One page: the header with the legend, then the panels, row by row.
    static func page(
        _ members: [PatientMutationSeries], first: Int, total: Int, number: Int, of pageCount: Int,
        titles: [String], y: ZeroFloorScale
    ) -> SVGElement {
        let rows = (members.count + columns - 1) / columns
        let width = 2 * pageMargin + Double(columns) * panelWidth
        let height = headerHeight + Double(rows) * panelHeight + 8
        let range = first + 1 == first + members.count ? "Patient \(first + 1)" : "Patients \(first + 1)–\(first + members.count)"
        let title = "Allele fraction of each mutation over time"
        var parts: [SVGElement] = [
            SVGElement.text(title, x: pageMargin, y: 20).cssClass("panel-title"),
            SVGElement.text("\(range) of \(total) (page \(number) of \(pageCount)); log scale, 0 on the dashed floor",
                            x: pageMargin, y: 37).cssClass("panel-subtitle"),
            legend(x: pageMargin, y: 60),
        ]
        for (index, member) in members.enumerated() {
            let column = index % columns, row = index / columns
            parts.append(SVGElement.translated(
                x: pageMargin + Double(column) * panelWidth, y: headerHeight + Double(row) * panelHeight,
                [panel(member, titles: titles, y: y)]))
        }
        return SVGElement.document(width: width, height: height, title: "\(title): \(range.lowercased()) of \(total)",
                                   children: parts)
            .cssClass("mutation-trajectories")
            .attribute("data-page", String(number))
            .attribute("role", "img")
            .attribute("aria-label", "\(title), \(range.lowercased()) of \(total)")
    }

    /// The legend: one sample mark and its words per kind of line.
    static func legend(x: Double, y: Double) -> SVGElement {
        var items: [SVGElement] = []
        var at = x
        func words(_ text: String) {
            items.append(SVGElement.text(text, x: at + 26, y: y + 4))
            at += 26 + Double(text.count) * 6.2 + 18
        }
        items.append(SVGElement.polyline([(at, y + 3), (at + 10, y - 3)]).attribute("fill", "none")
            .attribute("stroke", clonalColours[0]).attribute("stroke-width", "2"))
        items.append(SVGElement.polyline([(at + 10, y + 3), (at + 20, y - 3)]).attribute("fill", "none")
            .attribute("stroke", clonalColours[1]).attribute("stroke-width", "2"))
        words("clonal (one colour each)")
        items.append(styled(SVGElement.line(x1: at, y1: y, x2: at + 20, y2: y), role: .kept))
        words("kept, not clonal")
        items.append(styled(SVGElement.line(x1: at, y1: y, x2: at + 20, y2: y), role: .clonalHaematopoiesis))
        items.append(crossMarker(x: at + 10, y: y))
        words("CH or germline (ch_gene, ch_variant, matched_normal)")
        items.append(SVGElement.line(x1: at + 10, y1: y - 6, x2: at + 10, y2: y + 6).cssClass("reference-timepoint")
            .attribute("stroke", "#1d2327").attribute("stroke-width", "1").attribute("stroke-dasharray", "1 2"))
        words("reference timepoint")
        return SVGElement.group(className: "legend", items)
    }

    /// A mark in the look of a role (stroke, width, opacity, dashes), for lines and legend samples.
    static func styled(_ element: SVGElement, role: Role, colour: String? = nil) -> SVGElement {
        let element = element.attribute("fill", "none")
        switch role {
        case .clonal:
            return element.attribute("stroke", colour ?? clonalColours[0]).attribute("stroke-width", "1.8")
        case .kept:
            return element.attribute("stroke", "#6b757c").attribute("stroke-width", "1").attribute("stroke-opacity", "0.45")
        case .clonalHaematopoiesis, .hidden:
            return element.attribute("stroke", "#5f6b73").attribute("stroke-width", "1.1")
                .attribute("stroke-dasharray", "3 2")
        }
    }

    /// The `×` marking a CH or germline mutation's value.
    static func crossMarker(x: Double, y: Double) -> SVGElement {
        let r = 2.6
        let d = "M" + [(x - r, y - r), (x + r, y + r)].map { SVGNumber.format($0.0) + "," + SVGNumber.format($0.1) }.joined(separator: "L")
            + "M" + [(x - r, y + r), (x + r, y - r)].map { SVGNumber.format($0.0) + "," + SVGNumber.format($0.1) }.joined(separator: "L")
        return SVGElement("path", attributes: [("d", d)]).cssClass("ch-marker")
            .attribute("stroke", "#5f6b73").attribute("stroke-width", "1.2").attribute("fill", "none")
    }

    /// One patient's panel, its top-left corner at 0,0 (the page moves it into place).
    static func panel(_ series: PatientMutationSeries, titles: [String], y: ZeroFloorScale) -> SVGElement {
        let x = TimepointAxis(positions: series.timepoints, titles: titles, left: plot.left, right: plot.right,
                              inset: inset, dayTickCount: 3, characterWidth: 5)
        let roles = series.mutations.map(role)
        let kept = roles.count { $0 == .clonal || $0 == .kept }
        let clonal = roles.count { $0 == .clonal }
        let haematopoiesis = roles.count { $0 == .clonalHaematopoiesis }
        let hidden = roles.count { $0 == .hidden }
        var subtitle = "\(series.cohort) · \(series.arm) · \(clonal) clonal"
        if haematopoiesis > 0 { subtitle += " · \(haematopoiesis) CH" }
        var parts: [SVGElement] = [
            SVGElement.text("\(series.patient) · n = \(kept)", x: plot.left, y: 15).cssClass("mini-title")
                .attribute("font-size", "11.5").attribute("font-weight", "600"),
            SVGElement.text(subtitle, x: plot.left, y: 29).cssClass("mini-subtitle").attribute("font-size", "9.5"),
            SVGAxis.left(ticks: y.ticks(), x: plot.left, top: plot.top, bottom: plot.bottom).attribute("font-size", "9"),
            SVGAxis.bottom(ticks: x.ticks, y: plot.bottom, left: plot.left, right: plot.right).attribute("font-size", "9"),
        ]
        parts += y.floorMarks(left: plot.left, right: plot.right, label: nil)
        parts.append(SVGElement.text("0", x: plot.left - SVGAxis.tickLength - 3, y: y.position(0) + 3.5, anchor: .end)
            .cssClass("floor-label").attribute("font-size", "9"))
        if let title = x.title {
            parts.append(SVGElement.text(title, x: plot.right, y: plot.bottom + 27, anchor: .end).attribute("font-size", "9")
                .cssClass("mini-subtitle"))
        }
        if let reference = series.referenceIndex,
           let position = series.timepoints.first(where: { $0.timepointIndex == reference }) {
            let at = x.x(position)
            parts.append(SVGElement.line(x1: at, y1: plot.top - 5, x2: at, y2: plot.bottom).cssClass("reference-timepoint")
                .attribute("stroke", "#1d2327").attribute("stroke-width", "1").attribute("stroke-dasharray", "1 2"))
            parts.append(SVGElement.text("ref", x: at, y: plot.top - 7, anchor: .middle).attribute("font-size", "8.5")
                .cssClass("reference-label"))
        }
        if kept + haematopoiesis == 0 {
            parts.append(SVGElement.text("no mutation kept", x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2,
                                         anchor: .middle).cssClass("floor-label"))
        }
        // Faint lines first, clonal lines on top of them.
        var clonalIndex = 0
        var labels: [(text: String, y: Double, colour: String, priority: Double)] = []
        var faint: [SVGElement] = [], strong: [SVGElement] = []
        for (mutation, role) in zip(series.mutations, roles) where role != .hidden {
            let values = zip(series.timepoints, mutation.alleleFractions).compactMap { position, value in
                value.map { (position: position, value: $0) }
            }
            let vertices = values.map { (x: x.x($0.position), y: y.position($0.value)) }
            let description = "\(mutation.label) (\(role == .clonal ? "clonal" : mutation.status.rawValue)): "
                + zip(series.timepoints, mutation.alleleFractions).map { position, value in
                    "\(titles[position.timepointIndex]) \(value.map { NumberFormat.real($0) } ?? "no value")"
                }.joined(separator: ", ")
            var marks: [SVGElement] = []
            let colour = clonalColours[clonalIndex % clonalColours.count]
            if vertices.count > 1 { marks.append(styled(SVGElement.polyline(vertices), role: role, colour: colour)) }
            for vertex in vertices {
                switch role {
                case .clonal:
                    marks.append(SVGElement.circle(x: vertex.x, y: vertex.y, radius: 2.2).attribute("fill", colour)
                        .attribute("stroke", "#ffffff").attribute("stroke-width", "0.6"))
                case .kept where vertices.count == 1:
                    marks.append(SVGElement.circle(x: vertex.x, y: vertex.y, radius: 1.6).attribute("fill", "#6b757c")
                        .attribute("fill-opacity", "0.6"))
                case .clonalHaematopoiesis:
                    marks.append(crossMarker(x: vertex.x, y: vertex.y))
                default:
                    break
                }
            }
            let className: String
            switch role {
            case .clonal: className = "mutation clonal"
            case .kept: className = "mutation kept"
            default: className = "mutation ch-filtered"
            }
            let group = SVGElement.group(className: className, marks).attribute("data-status", mutation.status.rawValue)
                .tooltip(description)
            if role == .clonal {
                strong.append(group)
                if let last = vertices.last {
                    labels.append((mutation.label, last.y, colour, values.map(\.value).max() ?? 0))
                }
                clonalIndex += 1
            } else {
                faint.append(group)
            }
        }
        parts += faint + strong
        parts += labelMarks(labels)
        let counts = "\(series.patient): \(kept) kept (\(clonal) clonal), \(haematopoiesis) CH or germline"
            + (hidden > 0 ? ", \(hidden) removed for other reasons (not drawn)" : "")
        return SVGElement.group(className: "patient-panel", parts).attribute("data-patient", series.patient).tooltip(counts)
    }

    /// The clonal labels in the column right of the plot area, each as near its line's last
    /// value as the others allow (``labelSpacing`` apart, inside the plot's height); when more
    /// labels than fit, those of the highest allele fractions are kept.
    static func labelMarks(_ labels: [(text: String, y: Double, colour: String, priority: Double)]) -> [SVGElement] {
        let capacity = Int((plot.bottom - plot.top) / labelSpacing) + 1
        let chosen = labels.enumerated()
            .sorted { $0.element.priority != $1.element.priority ? $0.element.priority > $1.element.priority : $0.offset < $1.offset }
            .prefix(capacity).map(\.element)
            .sorted { $0.y < $1.y }
        let placed = spread(chosen.map(\.y), spacing: labelSpacing, low: plot.top, high: plot.bottom)
        return zip(chosen, placed).flatMap { label, at -> [SVGElement] in
            let text = label.text.count > labelLength ? String(label.text.prefix(labelLength - 1)) + "…" : label.text
            return [
                SVGElement.line(x1: plot.right + 1, y1: label.y, x2: plot.right + 5, y2: at)
                    .attribute("stroke", label.colour).attribute("stroke-width", "0.8"),
                SVGElement.text(text, x: plot.right + 7, y: at + 3).cssClass("clonal-label")
                    .attribute("font-size", "8.5").attribute("style", "fill: \(label.colour)"),
            ]
        }
    }

    /// Positions as near `wanted` (ascending) as possible, each at least `spacing` after the
    /// one before, all within `low` and `high` when they fit there.
    static func spread(_ wanted: [Double], spacing: Double, low: Double, high: Double) -> [Double] {
        var placed: [Double] = []
        for value in wanted { placed.append(max(value, low, (placed.last ?? -.infinity) + spacing)) }
        // Pushed past the bottom: move back up from the last one.
        var limit = high
        for index in placed.indices.reversed() {
            placed[index] = min(placed[index], limit)
            limit = placed[index] - spacing
        }
        return placed
    }
}
