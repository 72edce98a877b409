/// Factory functions for the SVG shapes the plots use; coordinates are in user units.
extension SVGElement {
    /// A self-contained figure: an `<svg>` root with width, height and a matching `viewBox`
    /// starting at 0,0, whose first children are, in order, a `<title>` (when `title` is given),
    /// a `<style>` holding ``ReportStyle/figureCSS(armCount:)``, and a white background
    /// `<rect class="figure-background">` covering the whole view box; then `children`.
    ///
    /// The figure so needs nothing from the page around it: copied out of `report.html` or
    /// written to a file it keeps its lines, colours and font. The background's white is a
    /// presentation attribute (`fill="#ffffff"`), which the page's CSS overrides to show its
    /// panel colour; see ``ReportStyle``.
    /// - Parameters:
    ///   - width: width in user units (and CSS pixels).
    ///   - height: height in user units.
    ///   - title: the figure's title (a tooltip in browsers, the name screen readers and
    ///     drawing programs show); `nil` writes none.
    ///   - armCount: how many arm colour rules the style holds (default: one per palette
    ///     colour, ``Palette/armColours``).
    ///   - children: the content.
    public static func document(
        width: Double, height: Double, title: String? = nil, armCount: Int = Palette.armColours.count,
        children: [SVGElement]
    ) -> SVGElement {
        let w = SVGNumber.format(width), h = SVGNumber.format(height)
        var head: [SVGElement] = []
        if let title { head.append(SVGElement("title", children: [.text(title)])) }
        head.append(figureStyle(armCount: armCount))
        head.append(figureBackground(width: width, height: height))
        return SVGElement("svg", attributes: [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", w), ("height", h),
            ("viewBox", "0.00 0.00 \(w) \(h)"),
        ]).appending(head + children)
    }

    /// The `<style type="text/css">` of a figure: ``ReportStyle/figureCSS(armCount:)``.
    /// - Parameter armCount: how many arm colour rules it holds.
    public static func figureStyle(armCount: Int) -> SVGElement {
        SVGElement("style", attributes: [("type", "text/css")],
                   children: [.text("\n" + ReportStyle.figureCSS(armCount: armCount) + "\n")])
    }

    /// The white `<rect class="figure-background">` from 0,0 over `width` by `height`.
    public static func figureBackground(width: Double, height: Double) -> SVGElement {
        rect(x: 0, y: 0, width: width, height: height).attribute("fill", "#ffffff").cssClass("figure-background")
    }

    /// A `<g>` group.
    /// - Parameters:
    ///   - className: an optional CSS class.
    ///   - children: the members.
    public static func group(className: String? = nil, _ children: [SVGElement]) -> SVGElement {
        SVGElement("g").attribute("class", className).appending(children)
    }

    /// A `<g>` group shifted by (x, y).
    /// - Parameters:
    ///   - x: horizontal shift.
    ///   - y: vertical shift.
    ///   - children: the members.
    public static func translated(x: Double, y: Double, _ children: [SVGElement]) -> SVGElement {
        SVGElement("g", attributes: [
            ("transform", "translate(\(SVGNumber.format(x)),\(SVGNumber.format(y)))"),
        ]).appending(children)
    }

    /// A straight `<line>` from (x1, y1) to (x2, y2).
    public static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> SVGElement {
        SVGElement("line", attributes: [
            ("x1", SVGNumber.format(x1)), ("y1", SVGNumber.format(y1)),
            ("x2", SVGNumber.format(x2)), ("y2", SVGNumber.format(y2)),
        ])
    }

    /// A `<polyline>` through the points, in order.
    /// - Parameter points: the vertices.
    public static func polyline(_ points: [(x: Double, y: Double)]) -> SVGElement {
        let list = points.map { SVGNumber.format($0.x) + "," + SVGNumber.format($0.y) }
        return SVGElement("polyline", attributes: [("points", list.joined(separator: " "))])
    }

    /// A `<circle>` centred at (x, y).
    public static func circle(x: Double, y: Double, radius: Double) -> SVGElement {
        SVGElement("circle", attributes: [
            ("cx", SVGNumber.format(x)), ("cy", SVGNumber.format(y)), ("r", SVGNumber.format(radius)),
        ])
    }

    /// A `<rect>` with its top-left corner at (x, y); a negative size is flipped so it stays visible.
    public static func rect(x: Double, y: Double, width: Double, height: Double) -> SVGElement {
        SVGElement("rect", attributes: [
            ("x", SVGNumber.format(width < 0 ? x + width : x)),
            ("y", SVGNumber.format(height < 0 ? y + height : y)),
            ("width", SVGNumber.format(abs(width))), ("height", SVGNumber.format(abs(height))),
        ])
    }

    /// Where a text's anchor point sits along the text.
    public enum TextAnchor: String, Sendable {
        /// The text starts at the point.
        case start
        /// The text is centred on the point.
        case middle
        /// The text ends at the point.
        case end
    }

    /// A `<text>` element at (x, y); the content is escaped when rendered.
    /// - Parameters:
    ///   - content: the text.
    ///   - x: anchor x.
    ///   - y: baseline y.
    ///   - anchor: horizontal anchoring (default start; written only when not start).
    public static func text(_ content: String, x: Double, y: Double, anchor: TextAnchor = .start) -> SVGElement {
        var element = SVGElement("text", attributes: [("x", SVGNumber.format(x)), ("y", SVGNumber.format(y))])
        if anchor != .start { element = element.attribute("text-anchor", anchor.rawValue) }
        element.children = [.text(content)]
        return element
    }
}
