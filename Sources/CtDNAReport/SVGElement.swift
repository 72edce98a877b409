/// One element of an SVG (or HTML) tree: a name, attributes in the order given, and children.
///
/// Attributes keep the order they were added in and every number goes through
/// ``SVGNumber/format(_:)``, so the same tree always renders to the same bytes.
///
/// ```swift
/// SVGElement("circle", ["cx": ..., ]) // see the factory functions in SVGShapes.swift
/// SVGElement.circle(x: 1, y: 2, radius: 3).render() // <circle cx="1.00" cy="2.00" r="3.00"/>
/// ```
public struct SVGElement: Sendable, Equatable {
    /// A child of an element: another element or escaped text.
    public enum Child: Sendable, Equatable {
        /// A nested element.
        case element(SVGElement)
        /// Character data, escaped when rendered.
        case text(String)
    }

    /// The tag name (`line`, `g`, ...).
    public var name: String
    /// Attribute names and values (values unescaped), in output order.
    public var attributes: [(name: String, value: String)]
    /// The children, in output order.
    public var children: [Child]

    /// Creates an element.
    /// - Parameters:
    ///   - name: the tag name.
    ///   - attributes: attribute names and unescaped values, in output order.
    ///   - children: the children, in output order.
    public init(_ name: String, attributes: [(name: String, value: String)] = [], children: [Child] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// Two elements are equal when they render to the same text.
    public static func == (lhs: SVGElement, rhs: SVGElement) -> Bool {
        lhs.render() == rhs.render()
    }

    /// Returns the element with one more attribute (ignored when `value` is `nil`).
    /// - Parameters:
    ///   - name: the attribute's name.
    ///   - value: the attribute's unescaped value.
    public func attribute(_ name: String, _ value: String?) -> SVGElement {
        guard let value else { return self }
        var copy = self
        copy.attributes.append((name, value))
        return copy
    }

    /// Returns the element with a CSS class attribute.
    /// - Parameter name: one or more class names separated by spaces.
    public func cssClass(_ name: String) -> SVGElement {
        attribute("class", name)
    }

    /// Returns the element with a `<title>` child, which browsers show as a tooltip.
    /// - Parameter text: the tooltip text (escaped when rendered).
    public func tooltip(_ text: String) -> SVGElement {
        var copy = self
        copy.children.insert(.element(SVGElement("title", children: [.text(text)])), at: 0)
        return copy
    }

    /// Returns the element with more children appended.
    /// - Parameter elements: the children to append, in order.
    public func appending(_ elements: [SVGElement]) -> SVGElement {
        var copy = self
        copy.children += elements.map { .element($0) }
        return copy
    }

    /// The markup: `<name a="v"/>` without children, otherwise `<name a="v">...</name>`.
    ///
    /// Elements that hold elements put each child on its own line; an element that holds only
    /// text keeps it inline.
    public func render() -> String {
        var text = ""
        render(into: &text)
        return text
    }

    /// Appends the markup of ``render()`` to `text`: one growing string for a whole tree, not a
    /// string per element copied into its parent's.
    /// - Parameter text: where the markup goes.
    public func render(into text: inout String) {
        text += "<"
        text += name
        for (attributeName, value) in attributes {
            text += " "
            text += attributeName
            text += "=\""
            text += MarkupEscaping.escape(value)
            text += "\""
        }
        guard !children.isEmpty else {
            text += "/>"
            return
        }
        text += ">"
        let holdsElements = children.contains { if case .element = $0 { true } else { false } }
        for child in children {
            switch child {
            case let .element(element):
                if holdsElements { text += "\n" }
                element.render(into: &text)
            case let .text(content):
                text += MarkupEscaping.escape(content)
            }
        }
        if holdsElements { text += "\n" }
        text += "</"
        text += name
        text += ">"
    }
}

/// Escaping of text and attribute values for HTML and SVG.
public enum MarkupEscaping {
    /// Replaces `&`, `<`, `>`, `"` and `'` with character references.
    /// - Parameter text: raw text.
    /// - Returns: text safe inside an element or a quoted attribute.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to replace: one scan of the bytes, no copy.
        let special: (UInt8) -> Bool = { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard text.utf8.contains(where: special) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Fixed-precision number text for SVG coordinates, independent of locale.
public enum SVGNumber {
    /// `value` rounded to `decimals` places (half away from zero), always with that many decimals;
    /// `-0.00` is written `0.00` and a non-finite value `0.00`.
    /// - Parameters:
    ///   - value: the number.
    ///   - decimals: places after the point (default 2).
    /// - Returns: for example `12.50` or `-3.07`.
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return format(0, decimals: decimals) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(Int64(value.rounded())) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}
