/// A JSON value whose objects keep their keys in the order given, so output is deterministic.
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number.
    case integer(Int)
    /// A real number: shortest round-trip text; NaN and infinities become `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; keys are written in this order.
    case object([JSONMember])

    /// A number, or `null` for `nil`.
    public static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    /// A whole number, or `null` for `nil`.
    public static func integer(_ value: Int?) -> JSONValue {
        value.map { .integer($0) } ?? .null
    }

    /// A string, or `null` for `nil`.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// The value as JSON text, indented by two spaces per level, without a trailing newline.
    /// - Parameter level: the current nesting depth (0 for a document).
    public func render(level: Int = 0) -> String {
        let indent = String(repeating: "  ", count: level + 1)
        let closing = String(repeating: "  ", count: level)
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .integer(value): return String(value)
        case let .number(value):
            guard value.isFinite else { return "null" }
            if value == 0 { return "0.0" }
            return value.description
        case let .string(value): return JSONValue.quoted(value)
        case let .array(items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { indent + $0.render(level: level + 1) }.joined(separator: ",\n") + "\n" + closing + "]"
        case let .object(members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { member in
                indent + JSONValue.quoted(member.key) + ": " + member.value.render(level: level + 1)
            }.joined(separator: ",\n") + "\n" + closing + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// One key and value of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
