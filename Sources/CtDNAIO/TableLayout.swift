#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel
import Synchronization

/// A value the reader takes from a variant table, and the column names it answers to.
///
/// Where a field answers to several names, the first one the header has is used: `HGVSp_Short`
/// (vcf2maf, GDC) before `Protein_Change` (TCGA MAFs such as maftools' `tcga_laml.maf.gz`).
public enum TableField: Int, CaseIterable, Sendable {
    case sample, gene, chromosome, position, reference, allele1, allele2
    case altCount, refCount, depth, vaf
    case proteinChange, variantClassification, oncogenic, hotspot, hotspotWhitelist, callStatus, populationFrequency
    case genomeBuild, filter

    /// Accepted header names, lower-case, the preferred one first.
    public var defaultNames: [String] {
        switch self {
        case .sample: ["tumor_sample_barcode", "sample", "sample_id"]
        case .gene: ["hugo_symbol", "gene", "symbol"]
        case .chromosome: ["chromosome", "chrom", "chr"]
        case .position: ["start_position", "pos", "position", "start"]
        case .reference: ["reference_allele", "ref"]
        case .allele1: ["tumor_seq_allele1"]
        case .allele2: ["tumor_seq_allele2", "alt"]
        case .altCount: ["t_alt_count"]
        case .refCount: ["t_ref_count"]
        case .depth: ["t_depth"]
        case .vaf: []
        case .proteinChange: ["hgvsp_short", "protein_change"]
        case .variantClassification: ["variant_classification"]
        case .oncogenic: ["oncogenic"]
        case .hotspot: ["is-a-hotspot", "is_a_hotspot"]
        case .hotspotWhitelist: ["hotspot_whitelist"]
        case .callStatus: ["called", "call_status"]
        case .populationFrequency: ["gnomad_af", "exac_af", "population_af"]
        case .genomeBuild: ["ncbi_build"]
        case .filter: ["filter"]
        }
    }

    /// The name of the column in `ctdna view`'s output, for the annotations.
    public var outputName: String {
        switch self {
        case .proteinChange: "protein_change"
        case .variantClassification: "variant_classification"
        case .oncogenic: "oncogenic"
        case .hotspot: "is_a_hotspot"
        case .hotspotWhitelist: "hotspot_whitelist"
        case .callStatus: "call_status"
        case .populationFrequency: "population_af"
        case .genomeBuild: "ncbi_build"
        case .filter: "filter"
        // Spelled out rather than `String(describing:)`, whose reflection costs a tenth of a
        // `ctdna view` process on a small file.
        case .sample: "sample"
        case .gene: "gene"
        case .chromosome: "chromosome"
        case .position: "position"
        case .reference: "reference"
        case .allele1: "allele1"
        case .allele2: "allele2"
        case .altCount: "altCount"
        case .refCount: "refCount"
        case .depth: "depth"
        case .vaf: "vaf"
        }
    }

    /// The optional annotations, in the order `ctdna view` prints them (the caller's FILTER, then
    /// the genome build, last).
    public static let annotations: [TableField] = [
        .proteinChange, .variantClassification, .oncogenic, .hotspot, .hotspotWhitelist, .callStatus, .populationFrequency,
        .filter, .genomeBuild,
    ]

    /// Whether a column's name marks it as an allele fraction that `--vaf-column` could read:
    /// its name contains `vaf` (`i_TumorVAF_WU`, `t_vaf`, `TumorVAF`), or is `tumor_f` (MuTect 1)
    /// or `af`, in any letter case; a normal's column (`n_vaf`, `NormalVAF`) is not one.
    /// - Parameter name: A header name, as written.
    public static func looksLikeAlleleFraction(_ name: String) -> Bool {
        let key = name.lowercased()
        if key.hasPrefix("n_") || key.contains("normal") { return false }
        return key.contains("vaf") || key == "tumor_f" || key == "af"
    }
}

/// Where each needed value sits in a table, resolved once from its header.
public struct TableLayout: Sendable {
    /// The header's column names, as written.
    public let columnNames: [String]
    /// The column index of each field that was found. When both `refCount` and `depth` are
    /// present, a row's ref cell is used when it has a value and depth - alt when it is missing.
    public let columnOfField: [TableField: Int]
    /// Whether counts are read (`false`: a VAF column is read instead).
    public let readsCounts: Bool
    /// The annotations present, in output order.
    public var annotationsPresent: [TableField] {
        TableField.annotations.filter { columnOfField[$0] != nil }
    }
    /// For a VCF, its header (definitions and sample names); `nil` for a MAF-like table.
    public let vcf: VCFHeader?
    /// Whether the records carry a driver annotation (`ONCOGENIC`, a hotspot flag).
    public var hasDriverAnnotation: Bool {
        [TableField.oncogenic, .hotspot, .hotspotWhitelist].contains { columnOfField[$0] != nil }
    }

    /// The header name of a field's column, for messages.
    public func columnName(of field: TableField) -> String {
        columnOfField[field].map { columnNames[$0] } ?? field.defaultNames.first ?? "\(field)"
    }

    /// `name` in lower case, as `lowercased()` gives it; an ASCII name (every header seen in
    /// practice) byte by byte, which spares a small file's start the Unicode case tables.
    static func lowercased(_ name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased() }
        return String(decoding: name.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Resolves the fields from a header.
    /// - Parameters:
    ///   - columnNames: The header's cells, as written.
    ///   - options: Count columns and overrides chosen by the user.
    ///   - file: The file, for error messages.
    ///   - line: The header's line number, for error messages.
    /// - Throws: `InputError` when a required column is missing (listing what the header has and
    ///   what would be accepted), when a named column is absent, or when a needed column appears twice.
    public init(columnNames: [String], options: VariantTableOptions, file: String, line: Int) throws {
        self.columnNames = columnNames
        var indexOfName: [String: Int] = [:]
        indexOfName.reserveCapacity(columnNames.count)
        var duplicated: Set<String> = []
        for (index, name) in columnNames.enumerated() {
            let key = TableLayout.lowercased(name)
            if indexOfName[key] != nil { duplicated.insert(key) } else { indexOfName[key] = index }
        }
        func fail(_ message: String) -> InputError {
            // Bounded: a binary file or a 100 MB line must not make a 100 MB message.
            var listed = columnNames.prefix(200).map { $0.utf8.count > 80 ? String($0.prefix(60)) + "..." : $0 }
            if columnNames.count > 200 { listed.append("... (\(columnNames.count) columns in all)") }
            return InputError(file: file, line: line, message: message + "; the header has: " + listed.joined(separator: ", "))
        }
        func locate(_ names: [String]) throws -> Int? {
            for name in names {
                let key = TableLayout.lowercased(name)
                guard let index = indexOfName[key] else { continue }
                if duplicated.contains(key) {
                    throw InputError(file: file, line: line, message: "column \(name) appears more than once in the header")
                }
                return index
            }
            return nil
        }
        func required(_ field: TableField, userName: String? = nil) throws -> Int {
            let names = userName.map { [$0] } ?? field.defaultNames
            if let index = try locate(names) { return index }
            throw fail("missing column \(names.joined(separator: " or "))")
        }

        var found: [TableField: Int] = [:]
        found[.chromosome] = try required(.chromosome)
        found[.position] = try required(.position)
        found[.reference] = try required(.reference)
        found[.allele2] = try locate(TableField.allele2.defaultNames)
        found[.allele1] = try locate(TableField.allele1.defaultNames)
        if found[.allele2] == nil && found[.allele1] == nil {
            throw fail("missing column tumor_seq_allele2 or alt (or tumor_seq_allele1) for the alternate allele")
        }
        for field in [TableField.sample, .gene, .proteinChange, .variantClassification, .oncogenic, .hotspot, .hotspotWhitelist, .genomeBuild, .filter] {
            found[field] = try locate(field.defaultNames)
        }
        if let name = options.callStatusColumn {
            found[.callStatus] = try required(.callStatus, userName: name)
        } else {
            found[.callStatus] = try locate(TableField.callStatus.defaultNames)
        }
        if let name = options.populationFrequencyColumn {
            found[.populationFrequency] = try required(.populationFrequency, userName: name)
        } else {
            found[.populationFrequency] = try locate(TableField.populationFrequency.defaultNames)
        }

        let counts = options.counts
        if let vafName = counts.vaf {
            found[.vaf] = try required(.vaf, userName: vafName)
            readsCounts = false
        } else {
            readsCounts = true
            let altNames = counts.alt.map { [$0] } ?? TableField.altCount.defaultNames
            guard let alt = try locate(altNames) else {
                let mskHint = counts.alt == nil && indexOfName["t_alt_count_fragment_simplex_duplex"] != nil
                    ? "; this looks like an MSK-ACCESS table: --msk-access reads its simplex+duplex counts" : ""
                // Bounded like the header list: a few names, each cut short.
                let fractions = columnNames.filter(TableField.looksLikeAlleleFraction)
                var vafHint = ""
                if !fractions.isEmpty {
                    var listed = fractions.prefix(4).map { $0.utf8.count > 80 ? String($0.prefix(60)) + "..." : $0 }
                    if fractions.count > 4 { listed.append("... (\(fractions.count) in all)") }
                    vafHint = "; allele-fraction columns that --vaf-column could read (with --vaf-percent if in percent): " + listed.joined(separator: ", ")
                }
                throw fail("missing read counts: no column \(altNames[0]) (name the count columns with --alt-column and --ref-column or --depth-column, or an allele-fraction column with --vaf-column)\(mskHint)\(vafHint)")
            }
            found[.altCount] = alt
            if let depthName = counts.depth {
                found[.depth] = try required(.depth, userName: depthName)
            } else if let ref = try locate(counts.ref.map { [$0] } ?? TableField.refCount.defaultNames) {
                found[.refCount] = ref
                // vcf2maf leaves t_ref_count empty on some rows that have t_depth: those rows take
                // ref = depth - alt. Not with a user-named ref column (its depth may count other reads).
                if counts.ref == nil { found[.depth] = try locate(TableField.depth.defaultNames) }
            } else if counts.ref == nil, let depth = try locate(TableField.depth.defaultNames) {
                found[.depth] = depth
            } else {
                let refName = counts.ref ?? "t_ref_count"
                throw fail("missing read counts: no column \(refName)\(counts.ref == nil ? " or t_depth" : "") (name them with --ref-column or --depth-column, or read an allele-fraction column with --vaf-column)")
            }
        }
        columnOfField = found
        vcf = nil
    }

    /// The layout of a VCF: its fixed columns, and the fields its INFO column provides mapped to
    /// that column (so that messages and `ctdna view` name INFO as where they come from).
    /// - Parameters:
    ///   - header: The VCF's header.
    ///   - annotations: The annotations its records carry (from INFO, and FILTER).
    ///   - hasGene: Whether its records carry a gene (from `CSQ` or `ANN`).
    init(vcf header: VCFHeader, annotations: [TableField], hasGene: Bool) {
        columnNames = header.columnNames
        var found: [TableField: Int] = [.chromosome: 0, .position: 1, .reference: 3, .allele2: 4]
        for field in annotations { found[field] = field == .filter ? 6 : 7 }
        if hasGene { found[.gene] = 7 }
        columnOfField = found
        readsCounts = true
        vcf = header
    }
}

/// Layouts already resolved, by header line and by the options that decide a layout, shared by
/// every reader of the process.
///
/// The files of a cohort nearly always share one header line: its layout is then worked out once,
/// not once per file. Only layouts that resolved are kept (an error names its file and line, so it
/// is made afresh each time). At most `capacity` headers of at most `maximumHeaderLength` bytes
/// are held, the oldest replaced first, so memory does not grow with the input. Safe to use from
/// several threads at once.
final class TableLayoutCache: Sendable {
    /// The cache every `VariantTableReader` uses.
    static let shared = TableLayoutCache()

    /// The most headers kept at once.
    let capacity: Int
    /// The longest header line, in bytes, that is kept; longer ones are resolved every time.
    let maximumHeaderLength: Int

    /// The options of `VariantTableOptions` that a layout depends on (not the sample, which only
    /// selects rows, nor whether a VAF is in percent, which only scales it).
    private struct LayoutOptions: Equatable, Sendable {
        let altColumn: String?
        let refColumn: String?
        let depthColumn: String?
        let vafColumn: String?
        let callStatusColumn: String?
        let populationFrequencyColumn: String?

        init(_ options: VariantTableOptions) {
            altColumn = options.counts.alt
            refColumn = options.counts.ref
            depthColumn = options.counts.depth
            vafColumn = options.counts.vaf
            callStatusColumn = options.callStatusColumn
            populationFrequencyColumn = options.populationFrequencyColumn
        }
    }

    /// One resolved header.
    private struct Entry: Sendable {
        let header: [UInt8]
        let options: LayoutOptions
        let layout: TableLayout

        /// Whether this entry is for these header bytes and these options.
        func matches(_ bytes: UnsafeRawBufferPointer, _ wanted: LayoutOptions) -> Bool {
            header.count == bytes.count && options == wanted
                && header.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        }
    }

    /// The entries, and which one to replace next once `capacity` is reached.
    private struct Entries: Sendable {
        var list: [Entry] = []
        var nextToReplace = 0
    }

    /// The entries, behind a lock: readers on several threads look layouts up at once.
    private let entries = Mutex(Entries())

    /// Creates an empty cache.
    /// - Parameters:
    ///   - capacity: The most headers kept at once.
    ///   - maximumHeaderLength: The longest header line, in bytes, that is kept.
    init(capacity: Int = 64, maximumHeaderLength: Int = 64 * 1024) {
        self.capacity = capacity
        self.maximumHeaderLength = maximumHeaderLength
    }

    /// How many headers are kept now.
    var count: Int { entries.withLock { $0.list.count } }

    /// The layout of a header line: the one resolved earlier for the same bytes and layout
    /// options, or the one `resolve` makes now (kept for next time when it succeeds).
    /// - Parameters:
    ///   - header: The header line's bytes, without its line end (and without a leading `#`).
    ///   - options: The reader's options.
    ///   - resolve: Works the layout out from the header; called only when no layout is kept.
    /// - Returns: The layout, the same as `resolve` would return.
    /// - Throws: Whatever `resolve` throws.
    func layout(
        header: UnsafeRawBufferPointer, options: VariantTableOptions, resolve: () throws -> TableLayout
    ) rethrows -> TableLayout {
        guard header.count > 0, header.count <= maximumHeaderLength, capacity > 0 else { return try resolve() }
        let wanted = LayoutOptions(options)
        if let kept = entries.withLock({ $0.list.first { $0.matches(header, wanted) }?.layout }) {
            return kept
        }
        // Resolved outside the lock: other threads keep reading meanwhile.
        let layout = try resolve()
        let entry = Entry(header: Array(header), options: wanted, layout: layout)
        entries.withLock { entries in
            guard !entries.list.contains(where: { $0.matches(header, wanted) }) else { return }
            if entries.list.count < capacity {
                entries.list.append(entry)
            } else {
                entries.list[entries.nextToReplace] = entry
                entries.nextToReplace = (entries.nextToReplace + 1) % capacity
            }
        }
        return layout
    }
}
