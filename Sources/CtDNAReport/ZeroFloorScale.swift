/// A log scale for values that may be 0, as the report's log plots draw them: zeros (not
/// detected) sit on a marked floor a factor of ``floorFactor`` below the smallest non-zero value,
/// and the scale runs from a little below the floor to a little above the largest value.
///
/// One rule for every log plot of the report, so a floor means the same thing in each: the
/// trajectories (``TrajectoryPlot``), the mutations' allele fractions over time
/// (``MutationTrajectoryPlot``), and the paired plots.
///
/// Invariant: `floor > 0`, and the scale's domain is `(floor / headroom, largest x headroom)`
/// where `largest` is the largest value given (at least the smallest non-zero one); without a
/// non-zero value the smallest is taken as 0.01 and the largest as 0.1.
struct ZeroFloorScale: Sendable, Equatable {
    /// How far below the smallest non-zero value the floor sits (a factor).
    static let floorFactor = 3.0
    /// The room left below the floor and above the largest value (a factor).
    static let headroom = 1.4
    /// Ticks closer to the floor than this factor are left out, so no label crowds the floor's.
    static let tickClearance = 1.6

    /// Where zeros are drawn: the smallest non-zero value divided by ``floorFactor``.
    var floor: Double
    /// The log scale from ``floor`` / ``headroom`` to the largest value x ``headroom``.
    var scale: LogScale

    /// The scale over `values`.
    /// - Parameters:
    ///   - values: every value the plot draws (zeros and negatives count for nothing; they are
    ///     drawn on the floor).
    ///   - range: where the low and high ends of the domain go (for a y axis, bottom then top).
    init(values: some Sequence<Double>, range: (low: Double, high: Double)) {
        var smallest = Double.infinity, largest = -Double.infinity
        for value in values where value > 0 && value.isFinite {
            smallest = min(smallest, value)
            largest = max(largest, value)
        }
        if smallest == .infinity { (smallest, largest) = (0.01, 0.1) }
        let floor = smallest / Self.floorFactor
        self.floor = floor
        self.scale = LogScale(domain: (floor / Self.headroom, max(largest, smallest) * Self.headroom), range: range)
    }

    /// The position of a value; 0 (and any value not above 0) lands on the floor.
    func position(_ value: Double) -> Double {
        scale.position(value > 0 ? value : floor)
    }

    /// The log scale's ticks above the floor, leaving out those within ``tickClearance`` of it.
    func ticks() -> [AxisTick] {
        scale.ticks().filter { $0.value > floor * Self.tickClearance }
    }

    /// The floor's marks: a dashed `<line class="zero-floor">` from `left` to `right` and, when
    /// `label` is not `nil`, the label `<text class="floor-label">` ending 2 units before
    /// `right`, 4 units above the line.
    /// - Parameters:
    ///   - left: where the line starts.
    ///   - right: where the line ends.
    ///   - label: the label (default `0 / not detected`).
    func floorMarks(left: Double, right: Double, label: String? = "0 / not detected") -> [SVGElement] {
        let y = position(floor)
        var marks = [SVGElement.line(x1: left, y1: y, x2: right, y2: y).cssClass("zero-floor")]
        if let label { marks.append(SVGElement.text(label, x: right - 2, y: y - 4, anchor: .end).cssClass("floor-label")) }
        return marks
    }
}
