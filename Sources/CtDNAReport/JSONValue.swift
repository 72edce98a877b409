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

    /// The value as JSON text, indented by two spaces per level (one line from
    /// ``singleLineLevel`` on), without a trailing newline.
    /// - Parameter level: the current nesting depth (0 for a document).
    public func render(level: Int = 0) -> String {
        var output: [UInt8] = []
        write(to: &output, level: level)
        return String(decoding: output, as: UTF8.self)
    }

    /// The nesting depth from which arrays and objects are written on one line (`{"a": 1, "b": [2]}`):
    /// in `report.json`, each of a patient's kept mutations, which a large panel has thousands of.
    public static let singleLineLevel = 4

    /// Appends the rendering's UTF-8 bytes to `output`: one growing buffer, never a string per
    /// nested value. Arrays and objects at ``singleLineLevel`` or deeper go on one line.
    /// - Parameters:
    ///   - output: where the bytes go.
    ///   - level: the current nesting depth (0 for a document).
    public func write(to output: inout [UInt8], level: Int) {
        if level >= JSONValue.singleLineLevel {
            switch self {
            case let .array(items) where !items.isEmpty:
                output.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { output.append(text: ", ") }
                    item.write(to: &output, level: level + 1)
                }
                output.append(UInt8(ascii: "]"))
                return
            case let .object(members) where !members.isEmpty:
                output.append(UInt8(ascii: "{"))
                for (index, member) in members.enumerated() {
                    if index > 0 { output.append(text: ", ") }
                    JSONValue.appendQuoted(member.key, to: &output)
                    output.append(text: ": ")
                    member.value.write(to: &output, level: level + 1)
                }
                output.append(UInt8(ascii: "}"))
                return
            default:
                break
            }
        }
        switch self {
        case .null: output.append(text: "null")
        case let .bool(value): output.append(text: value ? "true" : "false")
        case let .integer(value): output.append(text: String(value))
        case let .number(value):
            if !value.isFinite { output.append(text: "null") } else if value == 0 { output.append(text: "0.0") } else { output.append(text: value.description) }
        case let .string(value): JSONValue.appendQuoted(value, to: &output)
        case let .array(items):
            guard !items.isEmpty else { output.append(text: "[]"); return }
            output.append(text: "[\n")
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(text: ",\n") }
                JSONValue.indent(&output, level + 1)
                item.write(to: &output, level: level + 1)
            }
            output.append(UInt8(ascii: "\n"))
            JSONValue.indent(&output, level)
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { output.append(text: "{}"); return }
            output.append(text: "{\n")
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(text: ",\n") }
                JSONValue.indent(&output, level + 1)
                JSONValue.appendQuoted(member.key, to: &output)
                output.append(text: ": ")
                member.value.write(to: &output, level: level + 1)
            }
            output.append(UInt8(ascii: "\n"))
            JSONValue.indent(&output, level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ output: inout [UInt8], _ level: Int) {
        for _ in 0..<(2 * level) { output.append(UInt8(ascii: " ")) }
    }

    /// Appends a JSON string literal: quotes, backslashes and control characters escaped, every
    /// other byte of the UTF-8 text as it is.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Most keys and values need no escaping: one scan, then one copy.
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                output.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): output.append(text: "\\\"")
                case UInt8(ascii: "\\"): output.append(text: "\\\\")
                case UInt8(ascii: "\n"): output.append(text: "\\n")
                case UInt8(ascii: "\r"): output.append(text: "\\r")
                case UInt8(ascii: "\t"): output.append(text: "\\t")
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    output.append(text: "\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension [UInt8] {
    /// Appends a text's UTF-8 bytes.
    @inline(__always)
    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
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
