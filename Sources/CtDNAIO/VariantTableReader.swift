#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel

/// Reads a MAF or MAF-like tab-separated variant table, one `VariantRecord` per data row, or a
/// VCF, one `VariantRecord` per ALT allele and sample (told apart by content, never by name).
///
/// The table may be plain, gzip, BGZF or zlib-compressed (see `ByteReader`). `#` lines before
/// the header are comments (`#version 2.4`); a `#` line that contains a tab is taken as the
/// header itself, without its `#` (as in `#CHROM	POS	...`). Columns are found by name,
/// case-insensitively (see `TableLayout`). Only the columns in use are converted: a row is
/// never turned into an array of strings.
///
/// The dialects it settles, so that two tables of one mutation give one key and one count:
/// - a UTF-8 byte-order mark before the first line is ignored;
/// - a VCF (first line `##fileformat=VCF...`, or the header `#CHROM POS ID REF ALT QUAL FILTER
///   INFO`) is read as one, by ``VCFLineParser``: one record per ALT allele and sample;
/// - cells lose surrounding white space (``CellText/isBlank(_:)``), as header names do;
/// - the chromosome loses a leading `chr`, and `M` is written `MT` (`chrM` and `MT` are one
///   chromosome);
/// - a count written `12.0` is 12 (`12.5` is an error);
/// - with both `t_ref_count` and `t_depth`, a row whose ref cell is missing takes depth - alt;
/// - a row whose alternate allele is the reference allele is an error, never a variant;
/// - the position and alleles are normalised (``AlleleNormalization``): `AAGA`>`GA` at 112174758
///   is read as `AA`>`-` there, the key a VCF's `GAAGA`>`GGA` at 112174757 gets too.
///
/// ```swift
/// var reader = try VariantTableReader(path: "baseline.maf.gz")
/// try reader.forEachRecord { record in print(record.key, record.alleleFraction ?? .nan) }
/// ```
public struct VariantTableReader: ~Copyable {
    private var lines: LineReader
    private let options: VariantTableOptions
    /// The layout resolved from the header, once the header has been read.
    public private(set) var layout: TableLayout?

    /// Opens a table.
    /// - Parameters:
    ///   - path: A file path, or `-` for standard input.
    ///   - options: Count columns, sample and column overrides.
    ///   - computesDigest: Whether to checksum the file while reading it (see `byteReader`).
    /// - Throws: `InputError` when the file cannot be opened.
    public init(path: String, options: VariantTableOptions = VariantTableOptions(), computesDigest: Bool = false) throws {
        lines = LineReader(source: try ByteReader(path: path, computesDigest: computesDigest))
        self.options = options
    }

    /// The file as the user named it.
    public var path: String { lines.path }

    /// The byte reader underneath: its raw byte count and digest once the table is read.
    public var byteReader: ByteReader { lines.byteReader }

    /// Reads the whole table, calling `body` for each record of the chosen sample (or every record).
    /// - Parameters:
    ///   - onHeader: Called once with the resolved layout, before the first record.
    ///   - body: Called for each record, in input order. The record is handed over, not lent:
    ///     a body that keeps it (appends it to an array) moves it there, without a copy of its
    ///     texts' references (each a retain, then a release of the reader's copy).
    /// - Throws: `InputError` naming the file, line and column of the first problem, or when the
    ///   chosen sample has no row in the file; whatever the closures throw.
    public mutating func forEachRecord(
        onHeader: (TableLayout) throws -> Void = { _ in },
        _ body: (consuming VariantRecord) throws -> Void
    ) throws {
        let path = lines.path
        var parser: RowParser?
        var vcfParser: VCFLineParser?
        /// The INFO and FORMAT definitions of the `##` lines before the header, kept in case the
        /// header turns out to be a VCF's (one without its `##fileformat` line too).
        var meta = VCFHeader()
        /// Whether the input is a VCF: its first line is `##fileformat=VCF...`, or its header is a VCF's.
        var isVCF = false
        let options = self.options
        var resolved: TableLayout?
        var isFirstLine = true
        try lines.forEachLine { line, number in
            if let parser {
                try parser.parse(line, lineNumber: number, body)
                return true
            }
            if let vcfParser {
                try vcfParser.parse(line, lineNumber: number) { try body($0) }
                return true
            }
            // Only lines before the header come here: the checks below cost the rows nothing.
            var line = line
            if isFirstLine {
                isFirstLine = false
                line = VariantTableReader.withoutByteOrderMark(line)
                if line.isEmpty { return true }
                isVCF = VCFHeader.isFileFormatLine(line)
            }
            if line.count >= 2 && line[0] == UInt8(ascii: "#") && line[1] == UInt8(ascii: "#") {
                try meta.read(metaLine: String(decoding: line, as: UTF8.self), path: path, number: number)
                return true
            }
            if VCFHeader.isHeaderLine(line) {
                isVCF = true
                meta.columnNames = try VariantTableReader.headerNames(UnsafeRawBufferPointer(rebasing: line.dropFirst()), path: path, line: number)
                let made = try VCFLineParser(header: meta, sample: options.sample, passOnly: options.passOnly, path: path, line: number)
                let layout = TableLayout(vcf: meta, annotations: made.annotationsPresent, hasGene: made.hasGene)
                resolved = layout
                try onHeader(layout)
                vcfParser = made
                return true
            }
            if isVCF {
                throw InputError(file: path, line: number, message: "expected the VCF's #CHROM POS ID REF ALT QUAL FILTER INFO header line after its ## lines")
            }
            if line[0] == UInt8(ascii: "#") && memchr(line.baseAddress!, 0x09, line.count) == nil {
                return true  // a comment before the header
            }
            let header = line[0] == UInt8(ascii: "#") ? UnsafeRawBufferPointer(rebasing: line.dropFirst()) : line
            let layout = try TableLayoutCache.shared.layout(header: header, options: options) {
                try TableLayout(columnNames: VariantTableReader.headerNames(header, path: path, line: number),
                                options: options, file: path, line: number)
            }
            resolved = layout
            try onHeader(layout)
            parser = RowParser(layout: layout, options: options, path: path)
            return true
        }
        layout = resolved
        if isVCF {
            guard vcfParser != nil else {
                throw InputError(file: path, message: "the VCF ends before its #CHROM header line: the file is truncated, or holds only ## lines")
            }
            return
        }
        guard let parser else {
            throw InputError(file: path, message: "no header line: the file is empty or holds only # comment lines")
        }
        if let sample = options.sample, !parser.chosenSampleSeen {
            if resolved?.columnOfField[.sample] == nil {
                throw InputError(file: path, message: "sample \"\(sample)\" was asked for, but the table has no Tumor_Sample_Barcode column")
            }
            let seen = parser.samplesSeen.sorted()
            let listed = seen.prefix(20).joined(separator: ", ") + (seen.count > 20 ? ", ... (\(seen.count) in all)" : "")
            throw InputError(file: path, message: "sample \"\(sample)\" not found; the file has \(seen.isEmpty ? "no data rows" : "samples: " + listed)")
        }
    }

    /// Reads every record of the chosen sample into an array.
    /// - Parameters:
    ///   - path: A file path, or `-` for standard input.
    ///   - options: Count columns, sample and column overrides.
    /// - Returns: The records in input order.
    /// - Throws: `InputError` for the first problem in the file.
    public static func readAll(path: String, options: VariantTableOptions = VariantTableOptions()) throws -> [VariantRecord] {
        var reader = try VariantTableReader(path: path, options: options)
        var records: [VariantRecord] = []
        try reader.forEachRecord { records.append($0) }
        return records
    }

    /// The first line of the input without a UTF-8 byte-order mark (possibly empty).
    static func withoutByteOrderMark(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        if line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF {
            return UnsafeRawBufferPointer(rebasing: line.dropFirst(3))
        }
        return line
    }

    /// The cells of a header line, split at tabs, each without surrounding white space
    /// (``CellText/trimmed(_:)``).
    /// - Parameters:
    ///   - line: The header line, without its line end (and without a leading `#`).
    ///   - path: The file, for the error message.
    ///   - number: The line number, for the error message.
    /// - Returns: One name per cell; an empty line gives one empty name.
    /// - Throws: `InputError` when the line is not valid UTF-8.
    static func headerNames(_ line: UnsafeRawBufferPointer, path: String, line number: Int) throws -> [String] {
        guard let text = String(validating: line, as: UTF8.self) else {
            throw InputError(file: path, line: number, message: "the header is not valid UTF-8 text")
        }
        return text.split(separator: "\t", omittingEmptySubsequences: false).map { CellText.trimmed(String($0)) }
    }
}

/// Turns the bytes of one data row into a record, using a layout resolved from the header.
final class RowParser {
    private let layout: TableLayout
    private let path: String
    private let fieldOfColumn: [Int8]
    /// For each column index c, the first tab index k >= c whose position the parser needs
    /// (tab k ends column k; a needed column needs the tab before it and its own), or
    /// `Int.max` when no later tab is needed: the tabs in between are only counted.
    private let nextNeededTab: [Int]
    private let columnCount: Int
    private let sampleBytes: [UInt8]?
    private let vafScale: Double
    /// Whether the table has a ref column, and a depth column (with both, depth - alt stands in
    /// for a missing ref cell; with depth alone, it is the ref count).
    private let hasRefColumn: Bool, hasDepthColumn: Bool
    private let cellStart: UnsafeMutableBufferPointer<Int>
    private let cellEnd: UnsafeMutableBufferPointer<Int>
    /// The last text of each field, indexed by `TableField.rawValue`.
    private let caches = RepeatedTextCache(fields: TableField.allCases.count)
    @exclusivity(unchecked) private var lastSampleSeen: [UInt8] = []
    /// Every distinct sample met while looking for the chosen one, for the error message.
    private(set) var samplesSeen: Set<String> = []
    /// Whether a row of the chosen sample (or any row, without one) was met, kept or not.
    private(set) var chosenSampleSeen = false
    /// Whether only rows whose FILTER cell is `PASS`, `.` or empty are kept.
    private let passOnly: Bool

    init(layout: TableLayout, options: VariantTableOptions, path: String) {
        self.layout = layout
        self.path = path
        columnCount = layout.columnNames.count
        var mapping = [Int8](repeating: -1, count: columnCount)
        for (field, column) in layout.columnOfField { mapping[column] = Int8(field.rawValue) }
        fieldOfColumn = mapping
        var next = [Int](repeating: Int.max, count: columnCount)
        var following = Int.max
        for tab in stride(from: columnCount - 1, through: 0, by: -1) {
            if mapping[tab] >= 0 || (tab + 1 < columnCount && mapping[tab + 1] >= 0) { following = tab }
            next[tab] = following
        }
        nextNeededTab = next
        sampleBytes = options.sample.map { Array($0.utf8) }
        vafScale = options.counts.vafIsPercent ? 100 : 1
        hasRefColumn = layout.columnOfField[.refCount] != nil
        hasDepthColumn = layout.columnOfField[.depth] != nil
        passOnly = options.passOnly && layout.columnOfField[.filter] != nil
        cellStart = .allocate(capacity: TableField.allCases.count)
        cellStart.initialize(repeating: -1)
        cellEnd = .allocate(capacity: TableField.allCases.count)
        cellEnd.initialize(repeating: -1)
    }

    deinit {
        cellStart.deallocate()
        cellEnd.deallocate()
    }

    private func failure(_ line: Int, _ field: TableField?, _ message: String) -> InputError {
        InputError(file: path, line: line, column: field.map { layout.columnName(of: $0) }, message: message)
    }

    /// Parses one row and hands its record to `body`; nothing when the row belongs to another
    /// sample than the chosen one, or, with `passOnly`, when its FILTER is not `PASS` or `.`.
    /// (The record is made as `body`'s argument, not returned: a returned optional record was
    /// copied, its texts retained and released, on the way.)
    func parse(_ line: UnsafeRawBufferPointer, lineNumber: Int, _ body: (consuming VariantRecord) throws -> Void) throws {
        try split(line, lineNumber: lineNumber)
        let base = line.baseAddress!
        func cell(_ field: TableField) -> UnsafeRawBufferPointer? {
            var start = cellStart[field.rawValue]
            guard start >= 0 else { return nil }
            var end = cellEnd[field.rawValue]
            // White space around a cell is no part of it (a look at two bytes when there is none).
            if end > start && (CellText.isBlank(line[start]) || CellText.isBlank(line[end &- 1])) {
                while start < end && CellText.isBlank(line[start]) { start &+= 1 }
                while end > start && CellText.isBlank(line[end &- 1]) { end &-= 1 }
            }
            return UnsafeRawBufferPointer(start: base + start, count: end &- start)
        }
        func text(_ field: TableField) throws -> String? {
            guard let bytes = cell(field) else { return nil }
            guard let value = caches.text(field.rawValue, of: bytes) else {
                throw failure(lineNumber, field, "\(quotedCell(bytes)) is not valid UTF-8 text")
            }
            return value
        }
        func plainText(_ field: TableField) throws -> String? {
            guard let bytes = cell(field) else { return nil }
            guard let value = validatedText(bytes) else {
                throw failure(lineNumber, field, "\(quotedCell(bytes)) is not valid UTF-8 text")
            }
            return value
        }
        func optionalText(_ field: TableField) throws -> String? {
            guard let bytes = cell(field), !CellText.isMissing(bytes) else { return nil }
            return try text(field)
        }
        func count(_ field: TableField) throws -> Int? {
            guard let bytes = cell(field), !CellText.isMissing(bytes) else { return nil }
            guard let value = CellValue.wholeNumber(bytes) ?? CellValue.wholeNumberWithZeroFraction(bytes) else {
                throw failure(lineNumber, field, "\(quotedCell(bytes)) is not a count (a whole number of reads, 0 or more)")
            }
            return value
        }
        func fraction(_ field: TableField, scale: Double, what: String) throws -> Double? {
            guard let bytes = cell(field), !CellText.isMissing(bytes) else { return nil }
            guard let value = CellValue.real(bytes), value >= 0, value <= scale else {
                throw failure(lineNumber, field, "\(quotedCell(bytes)) is not \(what)")
            }
            return value / scale
        }

        var sample: String?
        if let bytes = cell(.sample) {
            if let wanted = sampleBytes, !wanted.withUnsafeBytes({ sameBytes(bytes, $0) }) {
                if !lastSampleSeen.withUnsafeBytes({ sameBytes(bytes, $0) }) {
                    lastSampleSeen = Array(bytes)
                    samplesSeen.insert(String(decoding: bytes, as: UTF8.self))
                }
                return
            }
            sample = try text(.sample)
        }
        chosenSampleSeen = true
        if passOnly, let filter = cell(.filter), !CellText.isMissing(filter), !filter.elementsEqual("PASS".utf8) {
            return
        }

        let chromosomeBytes = cell(.chromosome)!
        guard let chromosome = chromosomeText(chromosomeBytes, cache: caches, slot: TableField.chromosome.rawValue) else {
            throw failure(lineNumber, .chromosome, chromosomeBytes.isEmpty
                ? "empty cell, expected a chromosome" : "\(quotedCell(chromosomeBytes)) is not valid UTF-8 text")
        }
        let positionBytes = cell(.position)!
        guard let position = CellValue.wholeNumber(positionBytes), position > 0 else {
            throw failure(lineNumber, .position, "\(quotedCell(positionBytes)) is not a position (a whole number, 1 or more)")
        }
        let referenceBytes = cell(.reference)!
        guard !referenceBytes.isEmpty else {
            throw failure(lineNumber, .reference, "empty cell, expected an allele")
        }
        var alternateField = TableField.allele2
        if let allele2 = cell(.allele2) {
            if sameBytes(allele2, referenceBytes) || allele2.isEmpty, cell(.allele1) != nil {
                alternateField = .allele1
            }
        } else {
            alternateField = .allele1
        }
        guard let alternateBytes = cell(alternateField), !alternateBytes.isEmpty else {
            throw failure(lineNumber, alternateField, "empty cell, expected an allele")
        }
        guard !sameBytes(alternateBytes, referenceBytes) else {
            let also = alternateField == .allele1 ? " (and \(layout.columnName(of: .allele2)) is empty or the reference too)" : ""
            throw failure(lineNumber, alternateField, "\(quotedCell(alternateBytes)) is the reference allele\(also): the row names no alternate allele")
        }
        // One key across formats: shared suffix, then shared prefix, removed (AlleleNormalization).
        let trimmed = AlleleNormalization.trim(position: position, reference: referenceBytes, alternate: alternateBytes)
        guard let reference = alleleText(referenceBytes, trimmed.reference) else {
            throw failure(lineNumber, .reference, "\(quotedCell(referenceBytes)) is not valid UTF-8 text")
        }
        guard let alternate = alleleText(alternateBytes, trimmed.alternate) else {
            throw failure(lineNumber, alternateField, "\(quotedCell(alternateBytes)) is not valid UTF-8 text")
        }

        var altCount: Int?, refCount: Int?, alleleFraction: Double?
        if layout.readsCounts {
            altCount = try count(.altCount)
            if hasRefColumn { refCount = try count(.refCount) }
            // The depth stands in for a ref cell that is missing, or for a ref column that is absent.
            if refCount == nil && hasDepthColumn, let depth = try count(.depth), let alt = altCount {
                guard alt <= depth else {
                    throw failure(lineNumber, .altCount, "alt count \(alt) is greater than the depth \(depth) in column \(layout.columnName(of: .depth))")
                }
                refCount = depth - alt
            }
            if let alt = altCount, let ref = refCount, alt + ref > 0 {
                alleleFraction = Double(alt) / Double(alt + ref)
            }
        } else {
            alleleFraction = try fraction(.vaf, scale: vafScale,
                                          what: vafScale == 1 ? "an allele fraction between 0 and 1 (use --vaf-percent for percentages)" : "a percentage between 0 and 100")
        }

        try body(VariantRecord(
            sample: sample,
            gene: try optionalText(.gene),
            chromosome: chromosome,
            position: trimmed.position,
            reference: reference,
            alternate: alternate,
            altCount: altCount,
            refCount: refCount,
            alleleFraction: alleleFraction,
            proteinChange: try cell(.proteinChange).flatMap { CellText.isMissing($0) ? nil : try plainText(.proteinChange) },
            variantClassification: try optionalText(.variantClassification),
            oncogenic: try optionalText(.oncogenic),
            hotspot: try optionalText(.hotspot),
            hotspotWhitelist: try optionalText(.hotspotWhitelist),
            callStatus: try optionalText(.callStatus),
            populationAlleleFrequency: try fraction(.populationFrequency, scale: 1, what: "a population allele frequency between 0 and 1"),
            lineNumber: lineNumber,
            genomeBuild: try optionalText(.genomeBuild),
            filter: try optionalText(.filter)
        ))
    }

    /// Finds the cells of the needed columns, checking that the row has as many cells as the header.
    ///
    /// The line is read 64 bytes at a time: a block none of whose tabs bounds a needed cell
    /// (``nextNeededTab``) is only counted, with four 16-byte comparisons; most of a 154-column
    /// MAF row is passed so. Other blocks, and the line's last bytes, are read eight bytes at a
    /// time: for each word, the exact zero-byte test on (word XOR 0x09...) marks every tab's
    /// byte with its high bit, and the marks are taken lowest first (or only counted, again,
    /// when none is needed). (Little-endian byte order, as on every platform Swift runs on here.)
    private func split(_ line: UnsafeRawBufferPointer, lineNumber: Int) throws {
        let base = line.baseAddress!
        let count = line.count
        let columnCount = self.columnCount
        let fieldOfColumn = self.fieldOfColumn
        let nextNeededTab = self.nextNeededTab
        let cellStart = self.cellStart.baseAddress!, cellEnd = self.cellEnd.baseAddress!
        var column = 0
        var start = 0
        fieldOfColumn.withUnsafeBufferPointer { fields in
            nextNeededTab.withUnsafeBufferPointer { nextNeeded in
                let fields = fields.baseAddress!, nextNeeded = nextNeeded.baseAddress!
                /// Whether the next `tabCount` tabs can be counted without their positions.
                @inline(__always) func onlyCounted(_ tabCount: Int) -> Bool {
                    column &+ tabCount <= (column < columnCount ? nextNeeded[column] : Int.max)
                }
                /// The tabs of the eight bytes at `index`. The word past the line's last byte is
                /// padded with zeros and ends with a tab where the line ends, so the line's last
                /// cell closes like every other.
                @inline(__always) func readWord(at index: Int) {
                    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                    var word: UInt64
                    if index &+ 8 <= count {
                        word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    } else {
                        word = 0
                        withUnsafeMutableBytes(of: &word) { tail in
                            let remaining = count &- index
                            if remaining > 0 { tail.baseAddress!.copyMemory(from: base + index, byteCount: remaining) }
                            tail[remaining] = 0x09
                        }
                    }
                    word ^= 0x0909_0909_0909_0909
                    var marks = ~(((word & low7) &+ low7) | word | low7)
                    // One bit per tab, each a byte's high bit: their count is the sum of the bytes
                    // of marks >> 7 (no POPCNT on the x86-64 baseline).
                    let tabCount = Int(truncatingIfNeeded: ((marks &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
                    if onlyCounted(tabCount) {
                        column &+= tabCount
                        return
                    }
                    while marks != 0 {
                        let end = index &+ marks.trailingZeroBitCount &>> 3
                        if column < columnCount {
                            let field = Int(fields[column])
                            if field >= 0 {
                                cellStart[field] = start
                                cellEnd[field] = end
                            }
                        }
                        column &+= 1
                        start = end &+ 1
                        marks &= marks &- 1
                    }
                }
                let tab = SIMD16<UInt8>(repeating: 0x09), one = SIMD16<UInt8>(repeating: 1)
                var index = 0
                while index &+ 64 <= count {
                    // Each lane counts the tabs in its place of the four 16-byte parts (at most 4).
                    var lanes = one.replacing(with: 0, where: base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self) .!= tab)
                    lanes &+= one.replacing(with: 0, where: base.loadUnaligned(fromByteOffset: index &+ 16, as: SIMD16<UInt8>.self) .!= tab)
                    lanes &+= one.replacing(with: 0, where: base.loadUnaligned(fromByteOffset: index &+ 32, as: SIMD16<UInt8>.self) .!= tab)
                    lanes &+= one.replacing(with: 0, where: base.loadUnaligned(fromByteOffset: index &+ 48, as: SIMD16<UInt8>.self) .!= tab)
                    // The lanes' sum, as two words whose bytes are added by one multiplication.
                    let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
                    let tabCount = Int(truncatingIfNeeded: ((halves[0] &+ halves[1]) &* 0x0101_0101_0101_0101) &>> 56)
                    if onlyCounted(tabCount) {
                        column &+= tabCount
                    } else {
                        for offset in stride(from: 0, to: 64, by: 8) { readWord(at: index &+ offset) }
                    }
                    index &+= 64
                }
                while index <= count {
                    readWord(at: index)
                    index &+= 8
                }
            }
        }
        if column != columnCount {
            throw InputError(file: path, line: lineNumber, message: "expected \(columnCount) tab-separated cells as in the header, found \(column)")
        }
    }
}
