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
        switch self {
        case .null: output.append(text: "null")
        case let .bool(value): output.append(text: value ? "true" : "false")
        case let .integer(value): output.append(text: String(value))
        case let .number(value):
            if !value.isFinite { output.append(text: "null") } else if value == 0 { output.append(text: "0.0") } else { output.append(text: value.description) }
        case let .string(value): JSONValue.appendQuoted(value, to: &output)
        case let .array(items):
            var array = JSONContainerWriter.array(level: level)
            for item in items {
                array.item(to: &output)
                item.write(to: &output, level: level + 1)
            }
            array.end(to: &output)
        case let .object(members):
            var object = JSONContainerWriter.object(level: level)
            for member in members {
                object.member(member.key, to: &output)
                member.value.write(to: &output, level: level + 1)
            }
            object.end(to: &output)
        }
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

/// The items of one JSON array or object written one by one, in ``JSONValue``'s layout: each
/// item on its own line, indented two spaces a level, or all on one line from
/// ``JSONValue/singleLineLevel`` on. ``JSONValue`` writes its trees with it, and `report.json`'s
/// writer its kept mutations, which it writes without building a tree.
struct JSONContainerWriter {
    private let open: UInt8
    private let close: UInt8
    /// The nesting level of the array or object itself.
    let level: Int
    private var count = 0

    /// Spaces enough for the indentation of most levels in one copy.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    private init(open: Character, close: Character, level: Int) {
        self.open = open.asciiValue!
        self.close = close.asciiValue!
        self.level = level
    }

    /// An array at nesting level `level`.
    static func array(level: Int) -> JSONContainerWriter { JSONContainerWriter(open: "[", close: "]", level: level) }

    /// An object at nesting level `level`.
    static func object(level: Int) -> JSONContainerWriter { JSONContainerWriter(open: "{", close: "}", level: level) }

    private var singleLine: Bool { level >= JSONValue.singleLineLevel }

    /// Starts the next item: the opening bracket or a comma, then a line break and indentation
    /// (or a space between items on one line).
    mutating func item(to output: inout [UInt8]) {
        output.append(count == 0 ? open : UInt8(ascii: ","))
        if singleLine {
            if count > 0 { output.append(UInt8(ascii: " ")) }
        } else {
            output.append(UInt8(ascii: "\n"))
            Self.indent(level + 1, to: &output)
        }
        count += 1
    }

    /// Starts an object's member whose key is a plain literal (no character needs escaping).
    mutating func member(_ key: StaticString, to output: inout [UInt8]) {
        item(to: &output)
        output.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { output.append(contentsOf: $0) }
        output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Starts an object's member with any key.
    mutating func member(_ key: String, to output: inout [UInt8]) {
        item(to: &output)
        JSONValue.appendQuoted(key, to: &output)
        output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Closes the array or object (`[]` or `{}` when it has no items).
    func end(to output: inout [UInt8]) {
        if count == 0 {
            output.append(open)
        } else if !singleLine {
            output.append(UInt8(ascii: "\n"))
            Self.indent(level, to: &output)
        }
        output.append(close)
    }

    private static func indent(_ level: Int, to output: inout [UInt8]) {
        var remaining = 2 * level
        while remaining > 0 {
            let run = min(remaining, spaces.count)
            output.append(contentsOf: spaces[0..<run])
            remaining -= run
        }
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
