import CtDNAModel

/// What a VCF's `##` meta lines and `#CHROM` line say that decides how its lines are read.
///
/// Only the `##INFO` and `##FORMAT` definitions (their `Number`, `Type` and, for VEP's `CSQ` and
/// snpEff's `ANN`, the `Description` naming the annotation's sub-fields) and the sample names
/// matter; every other meta line is skipped.
public struct VCFHeader: Sendable {
    /// A definition's `Number`: how many values a field has.
    public enum Number: Sendable, Hashable {
        /// A fixed count (`Number=1`, `Number=2`, `Number=4`; `Number=0` is a flag).
        case fixed(Int)
        /// One value per ALT allele (`A`).
        case perAlternate
        /// One value per allele, reference first (`R`).
        case perAllele
        /// One per genotype (`G`).
        case perGenotype
        /// Not known in advance (`.`).
        case unknown

        /// Reads `1`, `A`, `R`, `G` or `.`; anything else is `.`.
        init(_ text: String) {
            switch text {
            case "A": self = .perAlternate
            case "R": self = .perAllele
            case "G": self = .perGenotype
            default: self = Int(text).map { .fixed($0) } ?? .unknown
            }
        }
    }

    /// One `##INFO` or `##FORMAT` definition.
    public struct Definition: Sendable, Hashable {
        /// The field's key (`AD`, `CSQ`).
        public var id: String
        /// How many values it has.
        public var number: Number
        /// `Integer`, `Float`, `Flag`, `Character` or `String` as written (`String` when absent).
        public var type: String
        /// The description, unquoted (empty when absent).
        public var description: String
    }

    /// The `##fileformat` value (`VCFv4.2`), when the file has that line.
    public var fileFormat: String?
    /// The `##INFO` definitions by ID.
    public var info: [String: Definition] = [:]
    /// The `##FORMAT` definitions by ID.
    public var format: [String: Definition] = [:]
    /// The `#CHROM` line's names, without the `#`.
    public var columnNames: [String] = []

    /// The sample names: the `#CHROM` line's names after `FORMAT`.
    public var samples: [String] { columnNames.count > 9 ? Array(columnNames[9...]) : [] }

    /// The eight fixed columns of every VCF, then `FORMAT` when there are samples.
    public static let fixedColumns = ["CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]

    /// VEP's `CSQ` sub-field names, from its definition's `Format: Allele|Consequence|...`.
    public var consequenceFields: [String]? { annotationFields("CSQ", after: "Format:") }

    /// snpEff's `ANN` sub-field names, from its definition's `'Allele | Annotation | ...'`.
    public var snpEffFields: [String]? { annotationFields("ANN", after: "'") }

    /// The `|`-separated sub-field names an INFO annotation's description lists after `marker`.
    private func annotationFields(_ id: String, after marker: String) -> [String]? {
        guard let description = info[id]?.description, let start = VCFHeader.end(of: marker, in: description) else { return nil }
        let names = description[start...].split(separator: "|", omittingEmptySubsequences: false).map {
            CellText.trimmed(String($0)).trimmingQuotes()
        }
        return names.count > 1 ? names : nil
    }

    /// Where the first `marker` in `text` ends, found byte by byte: a generic substring search
    /// costs more than the rest of a small file's header. `marker` ends in an ASCII character.
    static func end(of marker: String, in text: String) -> String.Index? {
        let bytes = text.utf8, mark = Array(marker.utf8)
        guard let first = mark.first else { return text.startIndex }
        var position = bytes.startIndex
        while let start = bytes[position...].firstIndex(of: first) {
            var end = start, matched = 0
            while matched < mark.count, end < bytes.endIndex, bytes[end] == mark[matched] {
                bytes.formIndex(after: &end)
                matched += 1
            }
            if matched == mark.count { return end }
            position = bytes.index(after: start)
        }
        return nil
    }

    /// Whether a line is a VCF's first line, `##fileformat=VCF...`.
    static func isFileFormatLine(_ line: UnsafeRawBufferPointer) -> Bool {
        let mark = "##fileformat=VCF".utf8
        return line.count >= mark.count && line.prefix(mark.count).elementsEqual(mark)
    }

    /// Whether a line is a VCF's header line: `#CHROM POS ID REF ALT QUAL FILTER INFO`, the eight
    /// fixed columns of the VCF specification in order, possibly followed by `FORMAT` and samples.
    /// (A MAF-like table that only borrows `#CHROM POS REF ALT` is not one.)
    static func isHeaderLine(_ line: UnsafeRawBufferPointer) -> Bool {
        let fixed = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO".utf8
        guard line.count >= fixed.count, line.prefix(fixed.count).elementsEqual(fixed) else { return false }
        return line.count == fixed.count || line[fixed.count] == 0x09
    }

    /// Reads one `##` meta line, keeping it when it is an INFO or FORMAT definition or the file format.
    /// - Parameters:
    ///   - line: The line's text.
    ///   - path: The file, for messages.
    ///   - number: The line's number, for messages.
    /// - Throws: `InputError` when an INFO or FORMAT definition has no ID.
    mutating func read(metaLine line: String, path: String, number: Int) throws {
        if line.hasPrefix("##fileformat=") {
            fileFormat = String(line.dropFirst("##fileformat=".count))
            return
        }
        let isInfo = line.hasPrefix("##INFO=<"), isFormat = line.hasPrefix("##FORMAT=<")
        guard isInfo || isFormat else { return }
        let body = line.dropFirst(isInfo ? "##INFO=<".count : "##FORMAT=<".count)
        let pairs = VCFHeader.keyValuePairs(body)
        // A key given twice takes its last value.
        func value(_ key: String) -> String? { pairs.last { $0.key == key }?.value }
        guard let id = value("ID"), !id.isEmpty else {
            throw InputError(file: path, line: number, message: "a ##\(isInfo ? "INFO" : "FORMAT") definition without an ID")
        }
        let definition = Definition(id: id, number: Number(value("Number") ?? "."), type: value("Type") ?? "String",
                                    description: value("Description") ?? "")
        if isInfo { info[id] = definition } else { format[id] = definition }
    }

    /// The `key=value` pairs of a definition's `<...>` in order, a quoted value unquoted (`\"`
    /// and `\\` inside it unescaped).
    static func keyValuePairs(_ body: Substring) -> [(key: String, value: String)] {
        // Read as UTF-8 bytes: every delimiter is ASCII, so no character is ever cut, and bytes
        // spare the grapheme breaking of a Character at a time. A list, not a dictionary: its
        // few keys are found by a look along it, and a small file's start is spared the hashed
        // dictionary type's first use (Benchmarks/README.md, "Start-up").
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(8)
        var key: [UInt8] = [], value: [UInt8] = []
        var inKey = true, quoted = false, escaped = false
        func finish() {
            if !key.isEmpty { pairs.append((String(decoding: key, as: UTF8.self), String(decoding: value, as: UTF8.self))) }
            key.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inKey = true
        }
        let equals = UInt8(ascii: "="), comma = UInt8(ascii: ","), close = UInt8(ascii: ">")
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        for byte in body.utf8 {
            if inKey {
                switch byte {
                case equals: inKey = false
                case comma: finish()
                case close: finish(); return pairs
                default: key.append(byte)
                }
                continue
            }
            if quoted {
                if escaped { value.append(byte); escaped = false }
                else if byte == backslash { escaped = true }
                else if byte == quote { quoted = false }
                else { value.append(byte) }
                continue
            }
            switch byte {
            case quote where value.isEmpty: quoted = true
            case comma: finish()
            case close: finish(); return pairs
            default: value.append(byte)
            }
        }
        finish()
        return pairs
    }
}

extension String {
    /// The text without quote characters (`'` or `"`) around it.
    func trimmingQuotes() -> String {
        var text = Substring(self)
        while let first = text.first, first == "'" || first == "\"" { text.removeFirst() }
        while let last = text.last, last == "'" || last == "\"" { text.removeLast() }
        return CellText.trimmed(String(text))
    }
}
