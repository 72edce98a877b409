import CtDNAModel

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
/// let table = try DelimitedTable(path: "patients.tsv")
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

    /// The name used in error messages (the file's path as given).
    public var name: String
    /// The column names of the header line.
    public var header: [String]
    /// The data rows, in file order.
    public var rows: [Row]
    /// The field separator found in the header: a tab or a comma.
    public var delimiter: Character

    /// Reads a table from a file (plain, or compressed with gzip), named in messages by `path`.
    /// - Parameter path: The file, as the user gave it.
    /// - Throws: `SystemError` when the file cannot be opened or read (in the system's words);
    ///   `InputError` when it is not UTF-8, is empty, has an unterminated quote, or has a row with
    ///   the wrong number of fields.
    public init(path: String, skippingCommentLines: Bool = false) throws {
        let bytes = try ByteReader.contents(ofFile: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, line: nil, message: "the file is not UTF-8 text")
        }
        try self.init(text: text, name: path, skippingCommentLines: skippingCommentLines)
    }

    /// Parses a table from text.
    /// - Parameters:
    ///   - text: The whole table.
    ///   - name: The name to use in error messages.
    /// - Throws: `InputError` when the text has no header, has an unterminated quote,
    ///   or has a row with the wrong number of fields.
    public init(text: String, name: String, skippingCommentLines: Bool = false) throws {
        self.name = name
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // the byte-order mark
        if skippingCommentLines { bytes = Self.blankingCommentLines(bytes) }
        let firstLine = bytes.drop { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }.prefix { $0 != UInt8(ascii: "\n") }
        delimiter = firstLine.contains(UInt8(ascii: "\t")) ? "\t" : ","
        let records = try Self.records(bytes, delimiter: delimiter.asciiValue!, name: name)
        guard let headerRecord = records.first else {
            throw InputError(file: name, line: nil, message: "the file is empty; expected a header line")
        }
        header = headerRecord.fields
        rows = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw InputError(
                    file: name, line: record.lineNumber,
                    message: "expected \(header.count) fields as in the header, found \(record.fields.count)")
            }
            rows.append(record)
        }
    }

    /// The index of the column called `name`, compared case-insensitively; `nil` if absent.
    /// - Parameter name: The column name.
    /// - Returns: The 0-based column index of the first match.
    public func columnIndex(_ name: String) -> Int? {
        let wanted = name.lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// The index of the column called `name` (case-insensitive), or an error listing the columns there are.
    /// - Parameter name: The column name.
    /// - Returns: The 0-based column index.
    /// - Throws: `InputError` naming the missing column and the header's columns.
    public func requireColumn(_ name: String) throws -> Int {
        guard let index = columnIndex(name) else {
            throw InputError(
                file: self.name, line: 1,
                message: "no column \"\(name)\"; the columns are: \(header.joined(separator: ", "))")
        }
        return index
    }

    /// The text with every line that starts with `#` emptied (its line end kept, so line
    /// numbers stay those of the file): list files carry their provenance in such lines.
    private static func blankingCommentLines(_ text: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        kept.reserveCapacity(text.count)
        var atLineStart = true, inComment = false
        for byte in text {
            if atLineStart { inComment = byte == UInt8(ascii: "#") }
            atLineStart = byte == UInt8(ascii: "\n")
            if !inComment || atLineStart { kept.append(byte) }
        }
        return kept
    }

    /// Splits UTF-8 text into records (non-blank lines, or quoted multi-line CSV records).
    ///
    /// Works on bytes: every byte that separates or quotes is ASCII, so a field's bytes are
    /// always whole UTF-8 characters.
    private static func records(_ text: [UInt8], delimiter: UInt8, name: String) throws -> [Row] {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")
        var records: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var lineNumber = 1
        var recordStart = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var recordHasDelimiterOrQuote = false
        let quoting = delimiter == UInt8(ascii: ",")

        func endRecord() {
            let last = String(decoding: field, as: UTF8.self)
            // A line of nothing but white space is blank.
            if recordHasDelimiterOrQuote || !fields.isEmpty || last.contains(where: { !$0.isWhitespace }) {
                fields.append(last)
                records.append(Row(lineNumber: recordStart, fields: fields))
            }
            fields = []
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            recordHasDelimiterOrQuote = false
        }

        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < text.count && text[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { lineNumber += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case newline:
                endRecord()
                lineNumber += 1
                recordStart = lineNumber
            case delimiter:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
                recordHasDelimiterOrQuote = true
            case quote where quoting && field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                recordHasDelimiterOrQuote = true
            case carriageReturn:
                continue  // the first half of CRLF, or a stray carriage return: no data either way
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw InputError(file: name, line: recordStart, message: "a quoted field is not closed")
        }
        endRecord()
        return records
    }
}
