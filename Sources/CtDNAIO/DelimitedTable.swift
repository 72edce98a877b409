import Foundation

/// A small delimited text table (TSV or CSV) read whole into memory: a header and data rows.
///
/// Meant for small inputs such as patient tables and sample sheets:
/// - the delimiter is chosen by the header line: a tab in it means TSV, otherwise CSV;
/// - CSV fields may be quoted with double quotes as in RFC 4180 (`"a, b"`, `"say ""hi"""`),
///   and a quoted field may contain line breaks; TSV fields are taken literally;
/// - a leading UTF-8 byte-order mark is removed, LF and CRLF line ends are both accepted,
///   and blank lines are skipped;
/// - every row must have as many fields as the header.
///
/// ```swift
/// let table = try DelimitedTable(contentsOf: URL(fileURLWithPath: "patients.tsv"))
/// let patientColumn = try table.requireColumn("patient")
/// for row in table.rows { print(row.lineNumber, row.fields[patientColumn]) }
/// ```
public struct DelimitedTable: Sendable, Hashable {
    /// One data row.
    public struct Row: Sendable, Hashable {
        /// The 1-based line of the file on which the row starts.
        public var lineNumber: Int
        /// The row's fields, as many as the header has.
        public var fields: [String]

        /// Creates a row.
        /// - Parameters:
        ///   - lineNumber: The 1-based line on which the row starts.
        ///   - fields: The fields.
        public init(lineNumber: Int, fields: [String]) {
            self.lineNumber = lineNumber
            self.fields = fields
        }
    }

    /// The name used in error messages (the file's last path component).
    public var name: String
    /// The column names of the header line.
    public var header: [String]
    /// The data rows, in file order.
    public var rows: [Row]
    /// The field separator found in the header: a tab or a comma.
    public var delimiter: Character

    /// Reads a table from a file.
    /// - Parameter url: The file.
    /// - Throws: ``DelimitedTableError`` when the file cannot be read, is not UTF-8, is empty,
    ///   has an unterminated quote, or has a row with the wrong number of fields.
    public init(contentsOf url: URL) throws(DelimitedTableError) {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DelimitedTableError(name: name, lineNumber: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DelimitedTableError(name: name, lineNumber: nil, message: "the file is not UTF-8 text")
        }
        try self.init(text: text, name: name)
    }

    /// Parses a table from text.
    /// - Parameters:
    ///   - text: The whole table.
    ///   - name: The name to use in error messages.
    /// - Throws: ``DelimitedTableError`` when the text has no header, has an unterminated quote,
    ///   or has a row with the wrong number of fields.
    public init(text: String, name: String) throws(DelimitedTableError) {
        self.name = name
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Swift treats "\r\n" as one Character, so one check finds both line-end styles.
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        delimiter = firstLine.contains("\t") ? "\t" : ","
        let records = try Self.records(body, delimiter: delimiter, name: name)
        guard let headerRecord = records.first else {
            throw DelimitedTableError(name: name, lineNumber: nil, message: "the file is empty; expected a header line")
        }
        header = headerRecord.fields
        rows = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw DelimitedTableError(
                    name: name, lineNumber: record.lineNumber,
                    message: "expected \(header.count) fields as in the header, found \(record.fields.count)")
            }
            rows.append(record)
        }
    }

    /// The index of the column called `name`, compared case-insensitively; `nil` if absent.
    /// - Parameter name: The column name.
    /// - Returns: The 0-based column index of the first match.
    public func columnIndex(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The index of the column called `name` (case-insensitive), or an error listing the columns there are.
    /// - Parameter name: The column name.
    /// - Returns: The 0-based column index.
    /// - Throws: ``DelimitedTableError`` naming the missing column and the header's columns.
    public func requireColumn(_ name: String) throws(DelimitedTableError) -> Int {
        guard let index = columnIndex(name) else {
            throw DelimitedTableError(
                name: self.name, lineNumber: 1,
                message: "no column \"\(name)\"; the columns are: \(header.joined(separator: ", "))")
        }
        return index
    }

    /// Splits text into records (non-blank lines, or quoted multi-line CSV records).
    private static func records(_ text: Substring, delimiter: Character, name: String) throws(DelimitedTableError) -> [Row] {
        var records: [Row] = []
        var fields: [String] = []
        var field = ""
        var lineNumber = 1
        var recordStart = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var recordHasContent = false
        let quoting = delimiter == ","
        var index = text.startIndex

        func endRecord() {
            if recordHasContent || !fields.isEmpty {
                fields.append(field)
                records.append(Row(lineNumber: recordStart, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
            recordHasContent = false
        }

        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if inQuotes {
                if character == "\"" {
                    if index < text.endIndex && text[index] == "\"" {
                        field.append("\"")
                        index = text.index(after: index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { lineNumber += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\n", "\r\n":
                endRecord()
                lineNumber += 1
                recordStart = lineNumber
            case delimiter:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
                recordHasContent = true
            case "\"" where quoting && field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                recordHasContent = true
            case "\r":
                continue  // a stray carriage return outside quotes carries no data
            default:
                field.append(character)
                if !character.isWhitespace { recordHasContent = true }
            }
        }
        if inQuotes {
            throw DelimitedTableError(name: name, lineNumber: recordStart, message: "a quoted field is not closed")
        }
        endRecord()
        return records
    }
}

/// A problem reading a ``DelimitedTable``; its description reads like
/// `patients.tsv:12: expected 5 fields as in the header, found 4`.
public struct DelimitedTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name.
    public var name: String
    /// The 1-based line, when the problem belongs to one.
    public var lineNumber: Int?
    /// What went wrong.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - name: The file name.
    ///   - lineNumber: The 1-based line, if any.
    ///   - message: What went wrong.
    public init(name: String, lineNumber: Int?, message: String) {
        self.name = name
        self.lineNumber = lineNumber
        self.message = message
    }

    /// `name:line: message`, or `name: message` without a line.
    public var description: String {
        if let lineNumber { return "\(name):\(lineNumber): \(message)" }
        return "\(name): \(message)"
    }
}
