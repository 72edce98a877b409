import CtDNAModel

/// One value of a patient's series: the metric at one timepoint.
public struct TrajectoryPoint: Sendable, Hashable {
    /// Index into the figure's ordered timepoint titles.
    public var timepointIndex: Int
    /// Days from the common origin; `nil` when the sheet gives none.
    public var day: Double?
    /// The metric there; `nil` when it has no value (no member of the set covered), in which
    /// case the point is not drawn and the patient's line joins its neighbours.
    public var value: Double?

    /// Creates a point.
    /// - Parameters:
    ///   - timepointIndex: index into the ordered timepoint titles.
    ///   - day: days from the common origin, `nil` when unknown.
    ///   - value: the metric, `nil` when it has none.
    public init(timepointIndex: Int, day: Double?, value: Double?) {
        self.timepointIndex = timepointIndex
        self.day = day
        self.value = value
    }

    /// Where the point sits on the time axis.
    var position: TimepointPosition { TimepointPosition(timepointIndex: timepointIndex, day: day) }
}

/// One patient's series of a metric.
public struct PatientTrajectory: Sendable, Hashable {
    /// Patient identifier.
    public var patient: String
    /// The patient's cohort.
    public var cohort: String
    /// The patient's arm.
    public var arm: String
    /// The samples the patient has, at most one per timepoint, in any order (drawn in timepoint
    /// order); a timepoint the patient lacks is simply absent.
    public var points: [TrajectoryPoint]

    /// Creates a series; the parameters are the properties of the same names.
    public init(patient: String, cohort: String, arm: String, points: [TrajectoryPoint]) {
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.points = points
    }

    /// The points with a value, in timepoint order.
    var drawn: [(position: TimepointPosition, value: Double)] {
        points.sorted { $0.timepointIndex < $1.timepointIndex }
            .compactMap { point in point.value.map { (point.position, $0) } }
    }
}

/// The trajectories of a metric over every timepoint, one panel per (cohort, arm): a faint line
/// per patient through the timepoints it has (a missing timepoint is skipped, the line joins
/// the points on either side), a dot for a patient with one value, and the group median as a
/// thick black line.
///
/// Axes: y is the log scale of ``ZeroFloorScale``, shared by every panel (zeros on the dashed
/// floor, as in the paired plots); x is ``TimepointAxis``, also shared: days from the origin
/// when every point drawn has a day, otherwise the timepoints' order.
///
/// The median line has one vertex per timepoint at which a patient of the group has a value:
/// the median of those values (zeros included), at the median of their days on a day axis or
/// at the timepoint's tick otherwise.
public enum TrajectoryPlot {
    /// Panel width in CSS pixels; every panel has the same size.
    static let width = 360.0
    /// Panel height in CSS pixels.
    static let height = 300.0
    /// Plot-area margins (the bottom holds the tick labels and the axis title).
    static let margin = (top: 52.0, right: 18.0, bottom: 46.0, left: 66.0)
    /// Room between the plot area's sides and the first and last timepoints.
    static let inset = 20.0
    /// Radius of a patient's points; a patient with one value gets ``singleRadius``.
    static let pointRadius = 2.5
    /// Radius of the dot of a patient with a single value.
    static let singleRadius = 3.5

    /// The opacity of the patients' lines in a panel of `count` patients: 0.6 up to 10 patients,
    /// then falling with the square root of the count so a crowded panel stays readable, never
    /// below 0.15.
    static func lineOpacity(patients count: Int) -> Double {
        guard count > 10 else { return 0.6 }
        return max(0.15, 0.6 * (10 / Double(count)).squareRoot())
    }

    /// The fill opacity of the patients' points in a panel of `count` patients: `nil` (opaque)
    /// up to 10 patients, then ``lineOpacity(patients:)`` + 0.25, so the points of a crowded
    /// panel do not hide the lines and the median.
    static func pointOpacity(patients count: Int) -> Double? {
        count > 10 ? lineOpacity(patients: count) + 0.25 : nil
    }

    /// The panel's title as a figure file would name it: `<metric> over time, <cohort> · <arm>`.
    public static func title(metric: Metric, group: ReportGroup) -> String {
        "\(metric.title) over time, \(group.cohort) · \(group.arm)"
    }

    /// The caption of a group's panel in a standalone figure: what is drawn, n, the axes.
    /// - Parameters:
    ///   - trajectories: every patient's series, as given to ``panels(_:metric:timepointTitles:groups:arms:)``
    ///     (the x axis is decided over all of them).
    ///   - metric: the metric.
    ///   - timepointTitles: the ordered timepoint titles.
    ///   - group: the panel's group.
    public static func caption(
        _ trajectories: [PatientTrajectory], metric: Metric, timepointTitles: [String], group: ReportGroup
    ) -> String {
        let drawn = trajectories.flatMap(\.drawn)
        let axis = TimepointAxis(positions: drawn.map(\.position), titles: timepointTitles, left: 0, right: 1, inset: 0)
        let members = trajectories.filter { $0.cohort == group.cohort && $0.arm == group.arm && !$0.drawn.isEmpty }
        let single = members.count { $0.drawn.count == 1 }
        let x = axis.mode == .days
            ? "x: days from the common origin; thick line: the median at each timepoint, drawn at the median day of its samples"
            : "x: timepoints in order (\(timepointTitles.joined(separator: ", "))); thick line: the median at each timepoint"
        return "\(metric.title) of each patient over time, \(group.cohort), \(group.arm) (n = \(members.count)"
            + (single > 0 ? ", \(single) with one value, drawn as a dot" : "") + "): "
            + "one line per patient through the timepoints it has (a missing timepoint is skipped); "
            + "log scale shared by all panels, 0 drawn on the dashed floor; \(x). Descriptive, no test."
    }

    /// One `<svg class="panel trajectory">` per group, in the order given.
    /// - Parameters:
    ///   - trajectories: every patient's series (patients of other groups are ignored by a panel).
    ///   - metric: the metric the values are (the y axis title).
    ///   - timepointTitles: the ordered timepoint titles the points' indices refer to.
    ///   - groups: the (cohort, arm) panels to draw, in order; a group without patients gets a
    ///     panel saying so.
    ///   - arms: every arm of the run, sorted: a patient's colour is ``Palette/armClass(_:among:)``.
    /// - Precondition: every point's `timepointIndex` is an index of `timepointTitles`.
    public static func panels(
        _ trajectories: [PatientTrajectory], metric: Metric, timepointTitles: [String],
        groups: [ReportGroup], arms: [String]
    ) -> [SVGElement] {
        let drawn = trajectories.flatMap(\.drawn)
        precondition(trajectories.allSatisfy { $0.points.allSatisfy { timepointTitles.indices.contains($0.timepointIndex) } },
                     "a trajectory point refers to a timepoint the figure was not given")
        let y = ZeroFloorScale(values: drawn.map(\.value), range: (height - margin.bottom, margin.top))
        let x = TimepointAxis(positions: drawn.map(\.position), titles: timepointTitles,
                              left: margin.left, right: width - margin.right, inset: inset)
        return groups.map { group in
            panel(group: group, members: trajectories.filter { $0.cohort == group.cohort && $0.arm == group.arm },
                  metric: metric, titles: timepointTitles, x: x, y: y, armClass: Palette.armClass(group.arm, among: arms))
        }
    }

    /// A vertex of the median line: where it is drawn and what it summarises.
    struct MedianVertex: Equatable {
        /// The timepoint.
        var timepointIndex: Int
        /// The x: the median day of the values, or the timepoint's index.
        var at: Double
        /// The median of the values at the timepoint.
        var median: Double
        /// How many values it is the median of.
        var count: Int
    }

    /// The median line of a group: one vertex per timepoint with at least one value, in
    /// timepoint order.
    /// - Parameters:
    ///   - members: the group's patients.
    ///   - mode: the x axis's unit.
    static func medians(_ members: [PatientTrajectory], mode: TimepointAxis.Mode) -> [MedianVertex] {
        var byTimepoint: [Int: [(position: TimepointPosition, value: Double)]] = [:]
        for member in members {
            for point in member.drawn { byTimepoint[point.position.timepointIndex, default: []].append(point) }
        }
        return byTimepoint.keys.sorted().compactMap { index in
            let points = byTimepoint[index]!
            guard let median = Averages.median(points.map(\.value)) else { return nil }
            let at: Double
            switch mode {
            case .days: at = Averages.median(points.compactMap(\.position.day)) ?? Double(index)
            case .order: at = Double(index)
            }
            return MedianVertex(timepointIndex: index, at: at, median: median, count: points.count)
        }
    }

    /// One group's panel.
    static func panel(
        group: ReportGroup, members: [PatientTrajectory], metric: Metric, titles: [String],
        x: TimepointAxis, y: ZeroFloorScale, armClass: String
    ) -> SVGElement {
        let left = margin.left, right = width - margin.right
        let bottom = height - margin.bottom, top = margin.top
        let ordered = members.sorted { $0.patient.unicodeScalars.lexicographicallyPrecedes($1.patient.unicodeScalars) }
        let drawable = ordered.filter { !$0.drawn.isEmpty }
        let single = drawable.count { $0.drawn.count == 1 }
        let withoutValue = ordered.count - drawable.count
        var counted = "n = \(drawable.count)"
        var notes: [String] = []
        if single > 0 { notes.append("\(single) with one value") }
        if withoutValue > 0 { notes.append("+\(withoutValue) without a value") }
        if !notes.isEmpty { counted += " (" + notes.joined(separator: ", ") + ")" }
        var parts: [SVGElement] = [
            SVGElement.text("\(group.cohort) · \(group.arm)", x: width / 2, y: 18, anchor: .middle).cssClass("panel-title"),
            SVGElement.text(counted, x: width / 2, y: 36, anchor: .middle).cssClass("panel-subtitle"),
            SVGAxis.left(ticks: y.ticks(), x: left, top: top, bottom: bottom, title: metric.title),
            SVGAxis.bottom(ticks: x.ticks, y: bottom, left: left, right: right, title: x.title),
        ]
        parts += y.floorMarks(left: left, right: right)
        if drawable.isEmpty {
            parts.append(SVGElement.text("no patient with a value", x: (left + right) / 2, y: (top + bottom) / 2, anchor: .middle)
                .cssClass("floor-label"))
        }
        let opacity = SVGNumber.format(lineOpacity(patients: drawable.count))
        let pointOpacity = pointOpacity(patients: drawable.count).map { SVGNumber.format($0) }
        for member in drawable {
            let points = member.drawn
            let description = member.patient + ": " + points.map { point in
                let day = point.position.day.map { " (day \(TimepointAxis.dayText($0)))" } ?? ""
                return "\(titles[point.position.timepointIndex])\(day) \(NumberFormat.real(point.value))"
            }.joined(separator: ", ")
            let vertices = points.map { (x: x.x($0.position), y: y.position($0.value)) }
            var marks: [SVGElement] = []
            if vertices.count > 1 {
                marks.append(SVGElement.polyline(vertices).cssClass("trajectory-line \(armClass)")
                    .attribute("fill", "none").attribute("stroke-width", "1.2").attribute("stroke-opacity", opacity))
            }
            let radius = vertices.count == 1 ? singleRadius : pointRadius
            for vertex in vertices {
                marks.append(SVGElement.circle(x: vertex.x, y: vertex.y, radius: radius).cssClass("point \(armClass)")
                    .attribute("fill-opacity", pointOpacity))
            }
            parts.append(SVGElement.group(className: vertices.count == 1 ? "patient single-sample" : "patient", marks)
                .attribute("data-patient", member.patient).tooltip(description))
        }
        let medians = medians(drawable, mode: x.mode)
        if !medians.isEmpty {
            let description = "Median of the group: " + medians.map {
                "\(titles[$0.timepointIndex]) \(NumberFormat.real($0.median)) (n = \($0.count))"
            }.joined(separator: ", ")
            var vertices = medians.map { (x: x.x(value: $0.at), y: y.position($0.median)) }
            // A single timepoint: a short level stroke, so the median still reads as a line.
            if vertices.count == 1 { vertices = [(vertices[0].x - 10, vertices[0].y), (vertices[0].x + 10, vertices[0].y)] }
            parts.append(SVGElement.polyline(vertices).cssClass("median-line").attribute("fill", "none")
                .tooltip(description))
        }
        return SVGElement.document(
            width: width, height: height, title: title(metric: metric, group: group), children: parts)
            .cssClass("panel trajectory")
            .attribute("data-metric", metric.rawValue)
            .attribute("data-cohort", group.cohort)
            .attribute("data-arm", group.arm)
            .attribute("role", "img")
            .attribute("aria-label", "\(metric.title) over time, \(group.cohort), \(group.arm)")
    }
}
