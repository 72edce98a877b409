import CtDNAModel

/// The tissue rows of the patients a run wants, read from one tissue copy-number table.
public struct TissueRows: Sendable {
    /// Each patient's rows, in table order.
    public var rowsByPatient: [String: [TissueMutation]] = [:]
    /// The genome builds each patient's rows name (`NCBI_Build`, canonical names); a patient is
    /// absent when the table has no build column or its cells are missing.
    public var buildsByPatient: [String: Set<String>] = [:]

    /// Creates an empty set of rows.
    public init() {}
}

/// Reads tissue copy-number tables (docs/method.md §9): a tumour's mutations with the copy
/// numbers of their loci, in the layouts people have.
///
/// Tab-separated, plain or compressed (told by the first bytes), `#` comment lines before the
/// header; columns found by name, case-insensitively:
/// - the mutation, as in a variant table: `Chromosome`, `Start_Position`, `Reference_Allele`,
///   `Tumor_Seq_Allele2` (`Tumor_Seq_Allele1` when Allele2 is the reference or empty), and the
///   same short names the variant reader accepts;
/// - copy numbers, one family, the first present of FACETS `tcn`/`lcn`, FACETS `tcn.em`/`lcn.em`,
///   cBioPortal `ASCN.TOTAL_COPY_NUMBER`/`ASCN.MINOR_COPY_NUMBER`; the minor column may be left
///   out only when the table has expected alt copies;
/// - optional: `expected_alt_copies` or `ASCN.EXPECTED_ALT_COPIES`; a clonality column
///   (`clonality`, `ASCN.CLONAL`, `clonal`); `purity` (also `tumor_purity`, `tumour_purity`);
///   the tissue counts `t_alt_count` with `t_ref_count` or `t_depth`; `NCBI_Build`; `patient`
///   (also `patient_id`).
///
/// Missing cells (empty, `.`, `NA`) are missing values. Only the needed cells of a row are
/// decoded, and only the rows of wanted patients are kept, so a cohort-wide table costs memory
/// for the run's patients' rows alone.
public enum TissueTableReader {
    /// Reads one table.
    /// - Parameters:
    ///   - path: The table, as the user named it.
    ///   - owner: The patient whose table this is (the sample sheet's `tissue` column), or `nil`
    ///     for a table of many patients (`--tissue`), which then needs a `patient` column. With an
    ///     owner and a `patient` column, only the owner's rows are read.
    ///   - patients: The patients to keep rows of.
    ///   - purities: Per-patient purities (``TissuePurityTable``), used for rows without a purity.
    /// - Returns: The wanted patients' rows.
    /// - Throws: `SystemError` when the file cannot be read; `InputError` naming the file, line
    ///   and column for a missing column, a cell that is not what its column holds, or a purity
    ///   outside (0, 1].
    public static func read(
        path: String, owner: String?, patients: Set<String>, purities: [String: Double] = [:]
    ) throws -> TissueRows {
        var lines = LineReader(source: try ByteReader(path: path))
        var layout: TissueLayout?
        var result = TissueRows()
        var fields: [Range<Int>] = []
        try lines.forEachLine { line, number in
            guard let resolved = layout else {
                if line.first == UInt8(ascii: "#") { return true }
                guard let header = String(validating: line, as: UTF8.self) else {
                    throw InputError(file: path, line: number, message: "the header is not UTF-8 text")
                }
                layout = try TissueLayout(header: header, file: path, line: number, hasOwner: owner != nil)
                return true
            }
            fields.removeAll(keepingCapacity: true)
            var start = 0
            for (index, byte) in line.enumerated() where byte == UInt8(ascii: "\t") {
                fields.append(start..<index)
                start = index + 1
            }
            fields.append(start..<line.count)
            guard fields.count == resolved.columnCount else {
                throw InputError(file: path, line: number, message: "expected \(resolved.columnCount) fields as in the header, found \(fields.count)")
            }
            let row = TissueRow(line: line, fields: fields, layout: resolved, file: path, number: number)
            let patient: String
            if let column = resolved.patient {
                let named = try row.text(column) ?? ""
                if let owner, named != owner { return true }
                patient = named
            } else {
                patient = owner!
            }
            guard patients.contains(patient) else { return true }
            let mutation = try row.mutation(purityOfPatient: purities[patient])
            result.rowsByPatient[patient, default: []].append(mutation)
            if let column = resolved.build, let build = try row.text(column) {
                result.buildsByPatient[patient, default: []].insert(GenomeBuild.canonical(build))
            }
            return true
        }
        if layout == nil {
            throw InputError(file: path, message: "the file is empty; expected a header line")
        }
        return result
    }
}

/// Per-patient tissue purities: a TSV or CSV with a `patient` (or `patient_id`) column and a
/// `purity` (or `tumor_purity`, `tumour_purity`) column; a missing purity is left out.
public enum TissuePurityTable {
    /// Reads the table.
    /// - Parameter path: The table.
    /// - Returns: Each patient's purity, above 0 and at most 1.
    /// - Throws: `InputError` naming the file, line and column for a missing column, a purity
    ///   outside (0, 1] or not a number, or a patient given two different purities.
    public static func read(path: String) throws -> [String: Double] {
        let table = try DelimitedTable(path: path, skippingCommentLines: true)
        guard let patient = TissueLayout.patientNames.lazy.compactMap(table.columnIndex).first else {
            throw InputError(file: path, line: 1, message: "no column patient; the columns are: \(table.header.joined(separator: ", "))")
        }
        guard let purity = TissueLayout.purityNames.lazy.compactMap(table.columnIndex).first else {
            throw InputError(file: path, line: 1, message: "no column purity; the columns are: \(table.header.joined(separator: ", "))")
        }
        var purities: [String: Double] = [:]
        for row in table.rows {
            let name = CellText.trimmed(row.fields[patient])
            let cell = CellText.trimmed(row.fields[purity])
            guard !name.isEmpty, !CellText.isMissing(cell) else { continue }
            guard let value = Double(cell), value > 0, value <= 1 else {
                throw InputError(file: path, line: row.lineNumber, column: table.header[purity], message: TissueLayout.purityMessage(cell))
            }
            if let earlier = purities[name], earlier != value {
                throw InputError(file: path, line: row.lineNumber, column: table.header[purity], message: "patient \"\(name)\" has two purities, \(earlier) and \(value)")
            }
            purities[name] = value
        }
        return purities
    }
}

/// Where a tissue table's values sit, resolved from its header.
struct TissueLayout {
    static let patientNames = ["patient", "patient_id"]
    static let purityNames = ["purity", "tumor_purity", "tumour_purity"]
    /// The copy-number column families, in order of preference: (total, minor).
    static let copyNumberFamilies = [("tcn", "lcn"), ("tcn.em", "lcn.em"), ("ascn.total_copy_number", "ascn.minor_copy_number")]
    static let expectedAltCopiesNames = ["expected_alt_copies", "ascn.expected_alt_copies"]
    static let clonalityNames = ["clonality", "ascn.clonal", "clonal"]

    let columnNames: [String]
    var columnCount: Int { columnNames.count }
    let patient: Int?
    let chromosome: Int, position: Int, reference: Int
    let allele1: Int?, allele2: Int?
    let totalCopies: Int, minorCopies: Int?
    let expectedAltCopies: Int?
    let clonality: Int?
    let purity: Int?
    let altCount: Int?, refCount: Int?, depth: Int?
    let build: Int?

    /// The message for a purity cell outside (0, 1].
    static func purityMessage(_ cell: String) -> String {
        "\"\(cell)\" is not a purity: write a fraction above 0 and at most 1 (0.45, not 45)"
    }

    init(header: String, file: String, line: Int, hasOwner: Bool) throws {
        let names = header.split(separator: "\t", omittingEmptySubsequences: false).map { CellText.trimmed(String($0)) }
        columnNames = names
        var indexOfName: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexOfName[name.lowercased()] == nil {
            indexOfName[name.lowercased()] = index
        }
        func fail(_ message: String) -> InputError {
            InputError(file: file, line: line, message: message + "; the header has: " + names.prefix(200).joined(separator: ", "))
        }
        func locate(_ names: [String]) -> Int? { names.lazy.compactMap { indexOfName[$0] }.first }
        func required(_ names: [String]) throws -> Int {
            guard let index = locate(names) else { throw fail("missing column \(names.joined(separator: " or "))") }
            return index
        }
        patient = locate(Self.patientNames)
        if !hasOwner && patient == nil {
            throw fail("missing column patient: a tissue table of several patients (--tissue, or one the sample sheet names for several patients) names each row's patient")
        }
        chromosome = try required(TableField.chromosome.defaultNames)
        position = try required(TableField.position.defaultNames)
        reference = try required(TableField.reference.defaultNames)
        allele1 = locate(TableField.allele1.defaultNames)
        allele2 = locate(TableField.allele2.defaultNames)
        if allele1 == nil && allele2 == nil {
            throw fail("missing column tumor_seq_allele2 or alt (or tumor_seq_allele1) for the alternate allele")
        }
        guard let family = Self.copyNumberFamilies.first(where: { indexOfName[$0.0] != nil }) else {
            throw fail("missing copy numbers: no column tcn, tcn.em or ASCN.TOTAL_COPY_NUMBER")
        }
        totalCopies = indexOfName[family.0]!
        minorCopies = indexOfName[family.1]
        expectedAltCopies = locate(Self.expectedAltCopiesNames)
        if minorCopies == nil && expectedAltCopies == nil {
            throw fail("missing column \(family.1) beside \(names[indexOfName[family.0]!]) (the minor copy number; or give expected_alt_copies)")
        }
        clonality = locate(Self.clonalityNames)
        purity = locate(Self.purityNames)
        altCount = locate(["t_alt_count"])
        refCount = locate(["t_ref_count"])
        depth = locate(["t_depth"])
        build = locate(TableField.genomeBuild.defaultNames)
    }
}

/// One data row of a tissue table, its cells decoded on demand.
private struct TissueRow {
    let line: UnsafeRawBufferPointer
    let fields: [Range<Int>]
    let layout: TissueLayout
    let file: String
    let number: Int

    func fail(_ column: Int, _ message: String) -> InputError {
        InputError(file: file, line: number, column: layout.columnNames[column], message: message)
    }

    /// The cell without surrounding white space; `nil` when missing (empty, `.`, `NA`).
    func text(_ column: Int) throws -> String? {
        guard let value = String(validating: UnsafeRawBufferPointer(rebasing: line[fields[column]]), as: UTF8.self) else {
            throw fail(column, "the cell is not UTF-8 text")
        }
        let trimmed = CellText.trimmed(value)
        return CellText.isMissing(trimmed) ? nil : trimmed
    }

    /// A number of copies, at least 0; `nil` when missing.
    func copies(_ column: Int?) throws -> Double? {
        guard let column, let cell = try text(column) else { return nil }
        guard let value = Double(cell), value.isFinite, value >= 0 else {
            throw fail(column, "\"\(cell)\" is not a copy number (a number, 0 or more)")
        }
        return value
    }

    /// A read count; `nil` when missing.
    func count(_ column: Int?) throws -> Int? {
        guard let column, let cell = try text(column) else { return nil }
        guard let value = Int(cell), value >= 0 else { throw fail(column, "\"\(cell)\" is not a count") }
        return value
    }

    /// The clonality mark: `CLONAL`, `TRUE`, `YES`, `Y`, `1` are clonal; `SUBCLONAL`,
    /// `INDETERMINATE`, `FALSE`, `NO`, `N`, `0` and a missing cell are not (any letter case).
    func clonality(_ column: Int) throws -> Bool {
        guard let cell = try text(column) else { return false }
        switch cell.uppercased() {
        case "CLONAL", "TRUE", "YES", "Y", "1": return true
        case "SUBCLONAL", "INDETERMINATE", "FALSE", "NO", "N", "0": return false
        default: throw fail(column, "\"\(cell)\" is not a clonality: write CLONAL, SUBCLONAL or INDETERMINATE (or TRUE/FALSE)")
        }
    }

    func mutation(purityOfPatient: Double?) throws -> TissueMutation {
        guard let chromosome = try text(layout.chromosome) else { throw fail(layout.chromosome, "empty cell, expected a chromosome") }
        let positionText = try text(layout.position) ?? ""
        guard let position = Int(positionText), position > 0 else {
            throw fail(layout.position, "\"\(positionText)\" is not a position (a whole number, 1 or more)")
        }
        guard let reference = try text(layout.reference) else { throw fail(layout.reference, "empty cell, expected an allele") }
        var alternateColumn = layout.allele2 ?? layout.allele1!
        if let allele2 = layout.allele2, let allele1 = layout.allele1 {
            let second = try text(allele2)
            if second == nil || second == reference { alternateColumn = allele1 }
        }
        guard let alternate = try text(alternateColumn) else { throw fail(alternateColumn, "empty cell, expected an allele") }
        guard alternate != reference else {
            throw fail(alternateColumn, "\"\(alternate)\" is the reference allele: the row names no alternate allele")
        }
        var purity = purityOfPatient
        if let column = layout.purity, let cell = try text(column) {
            guard let value = Double(cell), value > 0, value <= 1 else { throw fail(column, TissueLayout.purityMessage(cell)) }
            purity = value
        }
        let alt = try count(layout.altCount)
        var ref = try count(layout.refCount)
        if ref == nil, let depth = try count(layout.depth), let alt {
            guard alt <= depth else { throw fail(layout.altCount!, "alt count \(alt) is greater than the depth \(depth)") }
            ref = depth - alt
        }
        return TissueMutation(
            key: MutationKey(chromosome: chromosome, position: position, reference: reference, alternate: alternate),
            totalCopies: try copies(layout.totalCopies), minorCopies: try copies(layout.minorCopies),
            expectedAltCopies: try copies(layout.expectedAltCopies), purity: purity, altCount: alt, refCount: ref,
            isClonal: try layout.clonality.map(clonality), origin: "\(file):\(number)")
    }
}
