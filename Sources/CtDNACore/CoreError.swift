/// What can go wrong while loading the method's lists.
public enum CoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A list file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A line of a list file is malformed.
    case invalidLine(path: String, line: Int, message: String)
    /// A list file lacks the columns it needs.
    case missingColumns(path: String, message: String)
    /// A bundled resource file was not found next to the program.
    case resourceNotFound(name: String, searched: [String])

    /// A message that names the file and line, such as `drop.tsv:3: "chr1:x" is not a mutation key`.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .invalidLine(path, line, message):
            return "\(path):\(line): \(message)"
        case let .missingColumns(path, message):
            return "\(path): \(message)"
        case let .resourceNotFound(name, searched):
            return "bundled resource \(name) not found; looked in: \(searched.joined(separator: ", "))"
        }
    }
}
