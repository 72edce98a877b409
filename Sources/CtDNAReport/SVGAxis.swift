/// Axes: a line, tick marks and labels, with an optional title, as one `<g class="axis">`.
public enum SVGAxis {
    /// Length of a labelled tick mark; minor ticks are half as long.
    static let tickLength = 5.0

    /// A vertical axis at `x` from `top` to `bottom`, ticks and labels on its left.
    /// - Parameters:
    ///   - ticks: the ticks (positions are y values).
    ///   - x: where the axis line runs.
    ///   - top: upper end of the line.
    ///   - bottom: lower end of the line.
    ///   - title: an optional title, written vertically left of the labels.
    public static func left(ticks: [AxisTick], x: Double, top: Double, bottom: Double, title: String? = nil) -> SVGElement {
        var parts = [SVGElement.line(x1: x, y1: top, x2: x, y2: bottom)]
        for tick in ticks {
            let length = tick.label == nil ? tickLength / 2 : tickLength
            parts.append(SVGElement.line(x1: x - length, y1: tick.position, x2: x, y2: tick.position))
            if let label = tick.label {
                parts.append(SVGElement.text(label, x: x - tickLength - 3, y: tick.position + 3.5, anchor: .end))
            }
        }
        if let title {
            let middle = (top + bottom) / 2
            parts.append(SVGElement.text(title, x: 0, y: 0, anchor: .middle)
                .attribute("transform", "translate(\(SVGNumber.format(x - 42)),\(SVGNumber.format(middle))) rotate(-90)")
                .cssClass("axis-title"))
        }
        return SVGElement.group(className: "axis", parts)
    }

    /// A horizontal axis at `y` from `left` to `right`, ticks and labels below it.
    /// - Parameters:
    ///   - ticks: the ticks (positions are x values).
    ///   - y: where the axis line runs.
    ///   - left: left end of the line.
    ///   - right: right end of the line.
    ///   - title: an optional title, centred below the labels.
    public static func bottom(ticks: [AxisTick], y: Double, left: Double, right: Double, title: String? = nil) -> SVGElement {
        var parts = [SVGElement.line(x1: left, y1: y, x2: right, y2: y)]
        for tick in ticks {
            let length = tick.label == nil ? tickLength / 2 : tickLength
            parts.append(SVGElement.line(x1: tick.position, y1: y, x2: tick.position, y2: y + length))
            if let label = tick.label {
                parts.append(SVGElement.text(label, x: tick.position, y: y + tickLength + 12, anchor: .middle))
            }
        }
        if let title {
            parts.append(SVGElement.text(title, x: (left + right) / 2, y: y + 36, anchor: .middle).cssClass("axis-title"))
        }
        return SVGElement.group(className: "axis", parts)
    }
}
