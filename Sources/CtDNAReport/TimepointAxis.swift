/// Where a drawn point sits in a series: its timepoint (an index into the run's ordered
/// timepoints) and its day from the common origin, when the sample sheet gives one.
public struct TimepointPosition: Sendable, Hashable, Codable {
    /// Index into the ordered timepoint titles the figure is given.
    public var timepointIndex: Int
    /// Days from the common origin (the sheet's `day` column); `nil` when unknown.
    public var day: Double?

    /// Creates a position.
    /// - Parameters:
    ///   - timepointIndex: index into the ordered timepoint titles.
    ///   - day: days from the common origin, `nil` when unknown.
    public init(timepointIndex: Int, day: Double?) {
        self.timepointIndex = timepointIndex
        self.day = day
    }
}

/// The x axis of the serial figures (``TrajectoryPlot``, ``MutationTrajectoryPlot``): days from
/// the common origin when every point drawn has a day, otherwise the timepoints' order, one
/// evenly spaced tick per timepoint labelled with its title.
///
/// Invariant: the points' positions lie between `left + inset` and `right - inset`, so no
/// point sits on the y axis; ticks lie between `left` and `right`.
struct TimepointAxis: Sendable {
    /// What the axis measures.
    enum Mode: Sendable, Equatable {
        /// Days from the common origin.
        case days
        /// The timepoints' order: timepoint i at position i.
        case order
    }

    /// What the axis measures.
    var mode: Mode
    /// Data (a day, or a timepoint index) to x.
    var scale: LinearScale
    /// The ticks: nice day values, or one per timepoint title.
    var ticks: [AxisTick]
    /// `Day` for days; `nil` for the order (the tick labels say it all).
    var title: String?

    /// The axis for `positions` (the points to draw) over `titles` (every timepoint, in order).
    /// - Parameters:
    ///   - positions: every point the plot draws; days are used when each has one (and there
    ///     is at least one).
    ///   - titles: the ordered timepoint titles; in order mode every title gets a tick, so a
    ///     timepoint nobody has still shows as a gap.
    ///   - left: the plot area's left edge.
    ///   - right: the plot area's right edge.
    ///   - inset: the room kept between the edges and the outermost points.
    ///   - dayTickCount: about how many ticks a day axis gets.
    ///   - characterWidth: the width of one character of a tick label, to shorten titles that
    ///     would overlap their neighbours (with `…`).
    init(
        positions: [TimepointPosition], titles: [String], left: Double, right: Double, inset: Double,
        dayTickCount: Int = 5, characterWidth: Double = 6
    ) {
        let days = positions.compactMap(\.day)
        if !positions.isEmpty && days.count == positions.count {
            mode = .days
            title = "Day"
            // The days' span maps onto the inner range; the domain is then extended to the
            // edges so the ticks may use the inset too.
            let first = days.min()!, last = days.max()!
            let inner = LinearScale(domain: (first, last), range: (left + inset, right - inset))
            let perUnit = (inner.range.high - inner.range.low) / (inner.domain.high - inner.domain.low)
            scale = LinearScale(
                domain: (inner.domain.low - inset / perUnit, inner.domain.high + inset / perUnit), range: (left, right))
            // One day only (a single sample, or every sample the same day): one tick there,
            // not the day's neighbours.
            ticks = first == last
                ? [AxisTick(value: first, position: scale.position(first), label: Self.dayText(first))]
                : scale.ticks(count: dayTickCount)
        } else {
            mode = .order
            title = nil
            let last = Double(max(titles.count - 1, 0))
            scale = LinearScale(domain: (0, last), range: (left + inset, right - inset))
            let spacing = titles.count > 1 ? (right - left - 2 * inset) / last : right - left
            let room = max(3, Int(spacing / characterWidth) - 1)
            let scale = scale
            ticks = titles.enumerated().map { index, title in
                AxisTick(value: Double(index), position: scale.position(Double(index)),
                         label: title.count > room ? String(title.prefix(room - 1)) + "…" : title)
            }
        }
    }

    /// A day as a reader writes it: `56` for a whole day, otherwise the shortest exact decimal.
    static func dayText(_ day: Double) -> String {
        day == day.rounded() && abs(day) < 1e15 ? String(Int64(day)) : NumberFormat.real(day)
    }

    /// The x of a point: its day, or its timepoint's index.
    /// - Precondition: in day mode the position has a day.
    func x(_ position: TimepointPosition) -> Double {
        switch mode {
        case .days: scale.position(position.day!)
        case .order: scale.position(Double(position.timepointIndex))
        }
    }

    /// The x of data already in the axis's unit (a day, or a timepoint index).
    func x(value: Double) -> Double { scale.position(value) }
}
