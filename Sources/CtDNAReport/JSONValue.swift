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
        var output = ""
        write(to: &output, level: level)
        return output
    }

    /// Appends the rendering to `output`: one growing string, never a string per nested value.
    func write(to output: inout String, level: Int) {
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .integer(value): output += String(value)
        case let .number(value):
            if !value.isFinite { output += "null" } else if value == 0 { output += "0.0" } else { output += value.description }
        case let .string(value): output += JSONValue.quoted(value)
        case let .array(items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                if index > 0 { output += ",\n" }
                JSONValue.indent(&output, level + 1)
                item.write(to: &output, level: level + 1)
            }
            output += "\n"
            JSONValue.indent(&output, level)
            output += "]"
        case let .object(members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, member) in members.enumerated() {
                if index > 0 { output += ",\n" }
                JSONValue.indent(&output, level + 1)
                output += JSONValue.quoted(member.key)
                output += ": "
                member.value.write(to: &output, level: level + 1)
            }
            output += "\n"
            JSONValue.indent(&output, level)
            output += "}"
        }
    }

    private static func indent(_ output: inout String, _ level: Int) {
        for _ in 0..<level { output += "  " }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        // Most keys and values need no escaping: one scan, then one copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
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
