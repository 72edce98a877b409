#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel

/// Turns the bytes of one VCF data line into records: one per ALT allele and per sample read.
///
/// - ALT alleles that are not variants give no record: `*` (a deletion spanning the site),
///   symbolic alleles (`<NON_REF>`, `<DEL>`, `<*>`), breakends, and `.` (no ALT: a reference
///   site or gVCF reference block).
/// - Counts come from the sample's FORMAT fields by ``VCFCountPlan``, chosen once per distinct
///   FORMAT column. A sample whose count field is missing (`.`) at a line has no record there,
///   as a MAF has no row for it; a single `.` among the values is a missing count.
/// - Position and alleles are normalised (``AlleleNormalization``), as a MAF row's are.
/// - `FILTER` is kept (`PASS`, `.` or the caller's filter names); with `passOnly`, lines with any
///   other value give no record.
/// - Gene, protein change and consequence from VEP's `CSQ` or snpEff's `ANN`
///   (``VCFAnnotationReader``); OncoKB-style driver flags from INFO `ONCOGENIC` and `HOTSPOT`
///   (or `IS_A_HOTSPOT`; a flag, or `Y`/`TRUE`/`1`, marks a hotspot).
///
/// The line is never split into strings: fields are located on the bytes and only the values
/// used are converted.
final class VCFLineParser {
    private let header: VCFHeader
    private let path: String
    private let columnCount: Int
    /// The sample columns read (0-based column index) and their names.
    private let sampleColumns: [Int]
    private let sampleNames: [String?]
    /// For a sites-only VCF (no FORMAT, no samples; LoFreq), the one plan its lines are read
    /// with: INFO `DP4`, as one unnamed sample.
    private let sitesOnlyPlan: VCFCountPlan?
    private let passOnly: Bool
    private let annotation: VCFAnnotationLayout?
    /// The INFO `ONCOGENIC` values of lines with one ALT and what each was read as (a few values
    /// come back line after line); a line with several ALTs reads its value anew.
    private let oncogenicValues = InternedTexts<String?>()
    private let annotationReader: VCFAnnotationReader?
    /// `-`, the empty allele, for matching an annotation's allele (static memory).
    private static let dash: StaticString = "-"
    private let oncogenicKey: StaticString?
    private let hotspotKey: StaticString?
    private let hotspotIsFlag: Bool
    private let readsInfoDepth: Bool
    private let singleSample: Bool
    /// Start and end of each column of the current line (room for every column, made once).
    private let starts: UnsafeMutableBufferPointer<Int>
    private let ends: UnsafeMutableBufferPointer<Int>
    /// The text caches: chromosome, filter.
    private let caches = RepeatedTextCache(fields: 2)
    /// The FORMAT column of the previous line and its plan.
    @exclusivity(unchecked) private var lastFormat: [UInt8] = []
    @exclusivity(unchecked) private var plan: VCFCountPlan?
    /// Scratch space: the current line's ALT alleles (byte ranges in the ALT field) and one
    /// field's counts.
    @exclusivity(unchecked) private var alleleRanges: [Range<Int>] = []
    private let values = CountValues()

    /// Creates a parser for a header.
    /// - Parameters:
    ///   - header: The meta lines' definitions and the `#CHROM` line's names.
    ///   - sample: The one sample to read, or `nil` for all.
    ///   - passOnly: Whether to read only lines whose FILTER is `PASS` or `.`.
    ///   - path: The file, for messages.
    ///   - line: The `#CHROM` line's number, for messages.
    /// - Throws: `InputError` when the header line lacks a fixed column, has no sample (and is
    ///   not a sites-only VCF with INFO `DP4`), or lacks the chosen sample (listing the header's samples).
    init(header: VCFHeader, sample: String?, passOnly: Bool, path: String, line: Int) throws {
        self.header = header
        self.path = path
        self.passOnly = passOnly
        columnCount = header.columnNames.count
        guard Array(header.columnNames.prefix(8)) == VCFHeader.fixedColumns else {
            throw InputError(file: path, line: line, message: "the VCF header line must begin CHROM POS ID REF ALT QUAL FILTER INFO")
        }
        let samples = header.samples
        if columnCount == 8 && header.info["DP4"] != nil {
            // Sites only, with INFO DP4 (LoFreq): the file is one sample, unnamed.
            guard sample == nil else {
                throw InputError(file: path, line: line, message: "sample \"\(sample!)\" not found; the VCF has no sample columns (sites only: its counts are INFO DP4)")
            }
            sitesOnlyPlan = VCFCountPlan(kind: .infoStrandCounts, keys: [], positions: [], depthPosition: nil, declaredNumber: "")
            sampleColumns = [7]
            sampleNames = [nil]
        } else if columnCount > 9 && header.columnNames[8] == "FORMAT" {
            sitesOnlyPlan = nil
            if let sample {
                guard let index = samples.firstIndex(of: sample) else {
                    let listed = samples.prefix(20).joined(separator: ", ") + (samples.count > 20 ? ", ... (\(samples.count) in all)" : "")
                    throw InputError(file: path, line: line, message: "sample \"\(sample)\" not found; the VCF header has samples: \(listed)")
                }
                sampleColumns = [9 + index]
                sampleNames = [sample]
            } else {
                sampleColumns = Array(9..<columnCount)
                sampleNames = samples
            }
        } else {
            throw InputError(file: path, line: line, message: "the VCF has no sample columns (a FORMAT column and at least one sample) and no INFO DP4: it holds no read counts")
        }
        singleSample = samples.count == 1 || sitesOnlyPlan != nil
        annotation = VCFAnnotationLayout(header: header)
        annotationReader = annotation.map(VCFAnnotationReader.init)
        oncogenicKey = header.info["ONCOGENIC"] != nil ? "ONCOGENIC" : nil
        hotspotKey = (["HOTSPOT", "IS_A_HOTSPOT"] as [StaticString]).first { header.info[$0.description] != nil }
        let hotspot = hotspotKey.flatMap { header.info[$0.description] }
        hotspotIsFlag = hotspot.map { $0.number == .fixed(0) || $0.type == "Flag" } ?? false
        readsInfoDepth = singleSample && header.info["DP4"] != nil
        starts = .allocate(capacity: columnCount)
        starts.initialize(repeating: 0)
        ends = .allocate(capacity: columnCount)
        ends.initialize(repeating: 0)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    /// The annotations the records carry, in `ctdna view`'s order.
    var annotationsPresent: [TableField] {
        var fields: [TableField] = []
        if annotation?.protein != nil { fields.append(.proteinChange) }
        if annotation?.consequence != nil { fields.append(.variantClassification) }
        if oncogenicKey != nil { fields.append(.oncogenic) }
        if hotspotKey != nil { fields.append(.hotspot) }
        if annotation?.populationFrequency != nil { fields.append(.populationFrequency) }
        fields.append(.filter)
        return fields
    }

    /// Whether the records carry a gene (from `CSQ` or `ANN`).
    var hasGene: Bool { annotation?.gene != nil }

    private func failure(_ line: Int, _ column: String?, _ message: String) -> InputError {
        InputError(file: path, line: line, column: column, message: message)
    }

    /// Parses one data line, calling `body` with each record.
    func parse(_ line: UnsafeRawBufferPointer, lineNumber: Int, _ body: (VariantRecord) throws -> Void) throws {
        let base = line.baseAddress!
        // Locate the columns.
        var column = 0, start = 0
        while column < columnCount {
            let remaining = line.count - start
            if let tab = remaining > 0 ? memchr(base + start, 0x09, remaining) : nil {
                let end = UnsafeRawPointer(tab) - base
                starts[column] = start; ends[column] = end
                start = end + 1
                column += 1
            } else {
                starts[column] = start; ends[column] = line.count
                column += 1
                start = line.count + 1
                break
            }
        }
        if column != columnCount || start <= line.count {
            var found = column
            if start <= line.count { found += 1 + line[start...].reduce(0) { $1 == 0x09 ? $0 + 1 : $0 } }
            throw failure(lineNumber, nil, "expected \(columnCount) tab-separated fields as in the #CHROM line, found \(found)")
        }
        func field(_ index: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base + starts[index], count: ends[index] - starts[index])
        }

        // FILTER first: with passOnly, a filtered line costs nothing more.
        let filterBytes = field(6)
        if passOnly && !(Self.bytes(filterBytes, are: "PASS") || Self.bytes(filterBytes, are: ".")) {
            return
        }
        let alternates = field(4)
        if alternates.count == 1 && alternates[0] == UInt8(ascii: ".") { return }  // no ALT: a reference site or block

        guard let chromosome = chromosomeText(field(0), cache: caches, slot: 0) else {
            throw failure(lineNumber, "CHROM", field(0).isEmpty ? "empty field, expected a chromosome" : "\(quotedCell(field(0))) is not valid UTF-8 text")
        }
        guard let position = CellValue.wholeNumber(field(1)), position > 0 else {
            throw failure(lineNumber, "POS", "\(quotedCell(field(1))) is not a position (a whole number, 1 or more)")
        }
        let reference = field(3)
        guard !reference.isEmpty, !(reference.count == 1 && reference[0] == UInt8(ascii: ".")),
              !reference.contains(UInt8(ascii: ",")) else {
            throw failure(lineNumber, "REF", "\(quotedCell(reference)) is not a reference allele")
        }
        guard let filter = caches.text(1, of: filterBytes) else {
            throw failure(lineNumber, "FILTER", "\(quotedCell(filterBytes)) is not valid UTF-8 text")
        }

        // The ALT alleles: their byte ranges within the ALT field.
        alleleRanges.removeAll(keepingCapacity: true)
        var alleleStart = 0
        for index in 0...alternates.count where index == alternates.count || alternates[index] == UInt8(ascii: ",") {
            alleleRanges.append(alleleStart..<index)
            alleleStart = index + 1
        }
        let alleleCount = alleleRanges.count

        // The count plan of this FORMAT column (the same as the previous line's, nearly always).
        if let sitesOnlyPlan {
            plan = sitesOnlyPlan
        } else if case let format = field(8), plan == nil || !lastFormat.withUnsafeBytes({ sameBytes($0, format) }) {
            let keys = String(decoding: format, as: UTF8.self).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard let resolved = VCFCountPlan.resolve(keys: keys, header: header, singleSample: singleSample) else {
                throw failure(lineNumber, "FORMAT", "no read counts among the FORMAT keys \(keys.joined(separator: ":")) (ctdna reads \(VCFCountPlan.countKeysListed))")
            }
            plan = resolved
            lastFormat = Array(format)
        }
        let plan = self.plan!

        // INFO: only the keys in use.
        var annotationValue: UnsafeRawBufferPointer?, oncogenicValue: UnsafeRawBufferPointer?
        var hotspotValue: UnsafeRawBufferPointer?, depth4Value: UnsafeRawBufferPointer?
        if annotation != nil || oncogenicKey != nil || hotspotKey != nil || (readsInfoDepth && plan.kind == .infoStrandCounts) {
            let info = field(7)
            var entryStart = 0
            while entryStart < info.count {
                let entryEnd = index(of: UInt8(ascii: ";"), in: info, from: entryStart)
                let entry = UnsafeRawBufferPointer(rebasing: info[entryStart..<entryEnd])
                entryStart = entryEnd + 1
                let equals = entry.firstIndex(of: UInt8(ascii: "=")) ?? entry.count
                let key = UnsafeRawBufferPointer(rebasing: entry[..<equals])
                let value = UnsafeRawBufferPointer(rebasing: entry[min(equals + 1, entry.count)...])
                if let wanted = annotation?.key, Self.bytes(key, are: wanted) { annotationValue = value }
                else if let wanted = oncogenicKey, Self.bytes(key, are: wanted) { oncogenicValue = value }
                else if let wanted = hotspotKey, Self.bytes(key, are: wanted) {
                    hotspotValue = equals == entry.count ? UnsafeRawBufferPointer(start: nil, count: 0) : value
                }
                else if Self.bytes(key, are: "DP4") { depth4Value = value }
            }
        }

        // VEP writes an indel's alleles without the base they all share at their start.
        let firstBase = reference[0]
        let sharesFirstBase = alleleRanges.allSatisfy { !$0.isEmpty && alternates[$0.lowerBound] == firstBase }

        for alleleIndex in 0..<alleleCount {
            let range = alleleRanges[alleleIndex]
            let alternate = UnsafeRawBufferPointer(rebasing: alternates[range])
            guard !alternate.isEmpty else { throw failure(lineNumber, "ALT", "an empty ALT allele in \(quotedCell(alternates))") }
            if Self.isNotAVariant(alternate) { continue }
            guard !sameBytes(alternate, reference) else {
                throw failure(lineNumber, "ALT", "\(quotedCell(alternate)) is the reference allele: the line names no alternate allele")
            }
            let trimmed = AlleleNormalization.trim(position: position, reference: reference, alternate: alternate)
            guard let referenceText = alleleText(reference, trimmed.reference) else {
                throw failure(lineNumber, "REF", "\(quotedCell(reference)) is not valid UTF-8 text")
            }
            guard let alternateText = alleleText(alternate, trimmed.alternate) else {
                throw failure(lineNumber, "ALT", "\(quotedCell(alternate)) is not valid UTF-8 text")
            }

            var annotated: VCFAlleleAnnotation?
            if let annotationReader, let annotationValue, !annotationValue.isEmpty {
                let dash = Self.bytes(of: Self.dash)
                let normalised = trimmed.alternate.isEmpty ? dash : UnsafeRawBufferPointer(rebasing: alternate[trimmed.alternate])
                let withoutFirstBase = sharesFirstBase ? (alternate.count > 1 ? UnsafeRawBufferPointer(rebasing: alternate.dropFirst()) : dash) : nil
                annotated = annotationReader.annotation(
                    annotationValue, alleleNumber: alleleIndex + 1, spellings: (alternate, normalised, withoutFirstBase),
                    isDeletion: trimmed.alternate.count < trimmed.reference.count,
                    isInsertion: trimmed.alternate.count > trimmed.reference.count)
            }
            var oncogenic: String?
            if let oncogenicValue {
                if alleleCount == 1 {
                    // Bytes that are not UTF-8 have no entry, and no value either.
                    oncogenic = oncogenicValues.entry(of: oncogenicValue) { _ in Self.alleleValue(oncogenicValue, index: 0, count: 1) }?.payload ?? nil
                } else {
                    oncogenic = Self.alleleValue(oncogenicValue, index: alleleIndex, count: alleleCount)
                }
            }
            var hotspot: String?
            if let hotspotValue {
                if hotspotIsFlag || hotspotValue.isEmpty {
                    hotspot = "Y"
                } else if let value = Self.alleleValue(hotspotValue, index: alleleIndex, count: alleleCount) {
                    hotspot = ["y", "yes", "true", "1"].contains { CellText.isWord(value, $0) } ? "Y" : value
                }
            }

            for sampleIndex in 0..<sampleColumns.count {
                let sampleColumn = sampleColumns[sampleIndex], sampleName = sampleNames[sampleIndex]
                guard let counts = try counts(
                    of: field(sampleColumn), plan: plan, sample: sampleName, alleleIndex: alleleIndex, alleleCount: alleleCount,
                    reference: reference, alternate: alternate, infoDepth4: depth4Value, lineNumber: lineNumber)
                else { continue }
                try body(VariantRecord(
                    sample: sampleName, gene: annotated?.gene, chromosome: chromosome, position: trimmed.position,
                    reference: referenceText, alternate: alternateText,
                    altCount: counts.alt, refCount: counts.ref, alleleFraction: counts.fraction,
                    proteinChange: annotated?.proteinChange, variantClassification: annotated?.variantClassification,
                    oncogenic: oncogenic, hotspot: hotspot,
                    populationAlleleFrequency: annotated?.populationFrequency, lineNumber: lineNumber,
                    filter: filter, countSource: counts.source))
            }
        }
    }

    /// Whether `bytes` are exactly `text`, compared in place (a static string makes no `String`).
    @inline(__always)
    static func bytes(_ bytes: UnsafeRawBufferPointer, are text: StaticString) -> Bool {
        sameBytes(bytes, Self.bytes(of: text))
    }

    /// A static string's UTF-8 bytes, in the program's static memory.
    @inline(__always)
    static func bytes(of text: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Whether an ALT allele is not a variant: `*`, a symbolic allele (`<...>`), a breakend
    /// (`G]17:198982]`, `.A`) or `.`.
    static func isNotAVariant(_ allele: UnsafeRawBufferPointer) -> Bool {
        if allele.count == 1 { return allele[0] == UInt8(ascii: "*") || allele[0] == UInt8(ascii: ".") }
        if allele[0] == UInt8(ascii: "<") || allele[0] == UInt8(ascii: ".") || allele[allele.count - 1] == UInt8(ascii: ".") { return true }
        return allele.contains(UInt8(ascii: "[")) || allele.contains(UInt8(ascii: "]"))
    }

    /// An INFO value for one ALT allele: the allele's own when the value has one per ALT,
    /// otherwise the whole value; `nil` when missing.
    static func alleleValue(_ value: UnsafeRawBufferPointer, index: Int, count: Int) -> String? {
        var part = value
        if count > 1 {
            let parts = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            if parts.count == count { part = UnsafeRawBufferPointer(rebasing: parts[index]) }
        }
        guard !CellText.isMissing(part) else { return nil }
        // INFO values have no spaces: `Likely_Oncogenic` is OncoKB's `Likely Oncogenic`.
        let spaced = part.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
        return spaced.withUnsafeBytes { validatedText($0) }
    }

    /// A sample's counts for one ALT allele.
    private struct Counts {
        var alt: Int?
        var ref: Int?
        var fraction: Double?
        var source: ReadCountSource
    }

    /// Reads a sample's counts for one ALT allele by the plan; `nil` when its count field is missing.
    private func counts(
        of sampleField: UnsafeRawBufferPointer, plan: VCFCountPlan, sample: String?, alleleIndex: Int, alleleCount: Int,
        reference: UnsafeRawBufferPointer, alternate: UnsafeRawBufferPointer, infoDepth4: UnsafeRawBufferPointer?,
        lineNumber: Int
    ) throws -> Counts? {
        func fail(_ key: String, _ message: String) -> InputError {
            failure(lineNumber, sample ?? "INFO", "FORMAT field \(key): \(message)")
        }
        /// The sub-field at `position` of the sample's `:`-separated value, found by a scan of
        /// its few bytes; `nil` when missing (`.`) or when the value ends before it (VCF 4.x
        /// lets trailing sub-fields be dropped).
        func subfield(_ position: Int) -> UnsafeRawBufferPointer? {
            var start = 0, passed = 0
            while passed < position {
                guard let colon = sampleField[start...].firstIndex(of: UInt8(ascii: ":")) else { return nil }
                start = colon + 1
                passed += 1
            }
            let end = sampleField[start...].firstIndex(of: UInt8(ascii: ":")) ?? sampleField.count
            let bytes = UnsafeRawBufferPointer(rebasing: sampleField[start..<end])
            return CellText.isMissing(bytes) ? nil : bytes
        }
        /// Reads a field's comma-separated counts into `values` (-1 for `.`); `false` when the field is missing.
        func readCounts(_ key: String, _ bytes: UnsafeRawBufferPointer?) throws -> Bool {
            guard let bytes else {
                values.removeAll()
                return false
            }
            if let bad = values.read(bytes) {
                throw fail(key, "\(quotedCell(bad)) in \(quotedCell(bytes)) is not a count (a whole number of reads, 0 or more)")
            }
            return true
        }
        func oneAlternate(_ keys: @autoclosure () -> String) throws {
            guard alleleCount == 1 else {
                throw fail(keys(), "counts one ALT allele, and this line has \(alleleCount) (split it with bcftools norm -m-)")
            }
        }
        func expectCount(_ key: String, _ wanted: Int, _ what: @autoclosure () -> String) throws {
            guard values.count == wanted else {
                throw fail(key, "\(what()): expected \(wanted) value\(wanted == 1 ? "" : "s"), found \(values.count)")
            }
        }
        func value(_ index: Int) -> Int? { values[index] >= 0 ? values[index] : nil }
        func subtract(_ total: Int?, _ part: Int?, _ totalKey: String, _ partKey: String) throws -> Int? {
            guard let total, let part else { return nil }
            guard part <= total else { throw fail(partKey, "\(partKey) \(part) is greater than \(totalKey) \(total)") }
            return total - part
        }
        var counts = Counts(source: plan.source)
        switch plan.kind {
        case .alleleDepths:
            guard try readCounts("AD", subfield(plan.positions[0])) else { return nil }
            if values.count == 1 && values[0] < 0 { return nil }
            try expectCount("AD", alleleCount + 1, "\(plan.declaredNumber), one value for REF and one for each of the \(alleleCount) ALT allele\(alleleCount == 1 ? "" : "s")")
            counts.alt = value(alleleIndex + 1)
            counts.ref = value(0)
            if counts.ref == nil, let depthPosition = plan.depthPosition {
                let alternates = values.sumOfPresent(from: 1)
                guard try readCounts("DP", subfield(depthPosition)), values.count == 1, let depth = value(0) else { break }
                counts.ref = try subtract(depth, alternates, "DP", "AD")
                counts.source = .alleleDepthsAndDepth
            }
        case .altAndRefDepths:
            try oneAlternate("AD, RD")
            guard try readCounts("AD", subfield(plan.positions[0])) else { return nil }
            counts.alt = values.sum
            guard try readCounts("RD", subfield(plan.positions[1])) else { return nil }
            counts.ref = values.sum
        case .variantDepth, .nonReferenceDepth:
            let altKey = plan.keys[0]
            try oneAlternate("\(altKey), DP")
            guard try readCounts(altKey, subfield(plan.positions[0])) else { return nil }
            try expectCount(altKey, 1, "Number=1")
            let alt = value(0)
            guard try readCounts("DP", subfield(plan.positions[1])) else { return nil }
            try expectCount("DP", 1, "Number=1")
            counts.alt = alt
            counts.ref = try subtract(value(0), alt, "DP", altKey)
        case .strelkaBases:
            func baseIndex(_ allele: UnsafeRawBufferPointer) -> Int? {
                guard allele.count == 1 else { return nil }
                switch allele[0] | 0x20 {
                case UInt8(ascii: "a"): return 0
                case UInt8(ascii: "c"): return 1
                case UInt8(ascii: "g"): return 2
                case UInt8(ascii: "t"): return 3
                default: return nil
                }
            }
            guard let refBase = baseIndex(reference), let altBase = baseIndex(alternate) else {
                throw fail("AU, CU, GU, TU", "Strelka's base counts are for single-base REF and ALT, not \(quotedCell(reference)) > \(quotedCell(alternate))")
            }
            for (base, assign) in [(altBase, true), (refBase, false)] {
                let key = plan.keys[base]
                guard try readCounts(key, subfield(plan.positions[base])) else { return nil }
                try expectCount(key, 2, "Number=2, tier 1 then tier 2")
                if assign { counts.alt = value(0) } else { counts.ref = value(0) }
            }
        case .strelkaIndels:
            try oneAlternate("TIR, TAR")
            for (index, key) in ["TIR", "TAR"].enumerated() {
                guard try readCounts(key, subfield(plan.positions[index])) else { return nil }
                try expectCount(key, 2, "Number=2, tier 1 then tier 2")
                if index == 0 { counts.alt = value(0) } else { counts.ref = value(0) }
            }
        case .observations:
            guard try readCounts("AO", subfield(plan.positions[0])) else { return nil }
            if values.count == 1 && values[0] < 0 { return nil }
            try expectCount("AO", alleleCount, "Number=A, one value for each ALT allele")
            counts.alt = value(alleleIndex)
            guard try readCounts("RO", subfield(plan.positions[1])) else { return nil }
            try expectCount("RO", 1, "Number=1")
            counts.ref = value(0)
        case .formatStrandCounts, .infoStrandCounts:
            try oneAlternate("DP4")
            let bytes = plan.kind == .infoStrandCounts ? infoDepth4 : subfield(plan.positions[0])
            guard try readCounts("DP4", bytes) else { return nil }
            try expectCount("DP4", 4, "ref-forward, ref-reverse, alt-forward, alt-reverse")
            if values.allPresent {
                counts.ref = values[0] + values[1]
                counts.alt = values[2] + values[3]
            }
        case .alleleFraction:
            guard let bytes = subfield(plan.positions[0]) else { return nil }
            let parts = bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard parts.count == alleleCount else {
                throw fail("AF", "Number=A, one value for each ALT allele: expected \(alleleCount), found \(parts.count)")
            }
            let part = UnsafeRawBufferPointer(rebasing: parts[alleleIndex])
            if CellText.isMissing(part) { return counts }
            guard let fraction = CellValue.real(part), fraction >= 0, fraction <= 1 else {
                throw fail("AF", "\(quotedCell(part)) is not an allele fraction between 0 and 1")
            }
            counts.fraction = fraction
            return counts
        }
        if let alt = counts.alt, let ref = counts.ref, alt + ref > 0 {
            counts.fraction = Double(alt) / Double(alt + ref)
        }
        return counts
    }
}

/// The comma-separated counts of one FORMAT or INFO value, `-1` standing for a `.`, kept in
/// memory reused from line to line: reading a line's counts allocates nothing.
final class CountValues {
    /// How many values the last read found.
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var storage = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)

    deinit { storage.deallocate() }

    /// The value at `index` (below ``count``); `-1` for a `.`.
    subscript(index: Int) -> Int {
        precondition(index < count, "count index out of range")
        return storage[index]
    }

    /// Forgets the values.
    func removeAll() { count = 0 }

    /// Reads the values of `bytes`, each a whole number (``CellValue/wholeNumber(_:)``, or one
    /// with a zero fraction) or `.`.
    /// - Returns: The first value that is neither, or `nil` when all were read.
    func read(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        count = 0
        var valueStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
            let value = UnsafeRawBufferPointer(rebasing: bytes[valueStart..<index])
            valueStart = index + 1
            let number: Int
            if value.count == 1 && value[0] == UInt8(ascii: ".") {
                number = -1
            } else if let whole = CellValue.wholeNumber(value) ?? CellValue.wholeNumberWithZeroFraction(value) {
                number = whole
            } else {
                return value
            }
            if count == storage.count {
                let larger = UnsafeMutableBufferPointer<Int>.allocate(capacity: storage.count * 2)
                _ = larger.initialize(from: storage)
                storage.deallocate()
                storage = larger
            }
            storage[count] = number
            count += 1
        }
        return nil
    }

    /// Whether no value is `.`.
    var allPresent: Bool {
        for index in 0..<count where storage[index] < 0 { return false }
        return true
    }

    /// The sum of the values, or `nil` when one is `.`.
    var sum: Int? {
        var total = 0
        for index in 0..<count {
            guard storage[index] >= 0 else { return nil }
            total += storage[index]
        }
        return total
    }

    /// The sum of the values from `start` on, a `.` counting 0.
    func sumOfPresent(from start: Int) -> Int {
        var total = 0
        for index in start..<max(start, count) { total += max(storage[index], 0) }
        return total
    }
}
