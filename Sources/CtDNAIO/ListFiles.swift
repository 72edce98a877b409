import CtDNAModel

/// The method's list files: CH gene lists, variant-level CH or artifact lists, manual drop lists.
///
/// Each is read whole (they are small), `#` lines and blank lines skipped, and parsed into the
/// values the method takes. Errors name the file and line: `drop.tsv:3: "chr1:x" is not a
/// chrom:pos:ref:alt key`.
public enum ListFiles {
    /// Reads a gene list: one gene symbol per line, in the first tab-separated column; a first
    /// line whose first column is `gene` or `Hugo_Symbol` is a header.
    /// - Parameter path: The file.
    /// - Returns: The upper-case gene symbols.
    /// - Throws: `SystemError` when the file cannot be read; `InputError` for a line whose
    ///   first column is empty or holds white space.
    public static func geneList(path: String) throws -> Set<String> {
        try geneList(text: try text(of: path), source: path)
    }

    /// Parses a gene list (see ``geneList(path:)``).
    /// - Parameters:
    ///   - text: The list's text.
    ///   - source: The name used in error messages.
    /// - Throws: `InputError` naming the line.
    public static func geneList(text: String, source: String) throws -> Set<String> {
        var genes: Set<String> = []
        var isFirst = true
        // Lines are split on the byte: as Characters, "\r\n" is one character and never "\n".
        for (number, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = String(decoding: bytes, as: UTF8.self)
            let symbol = CellText.trimmed(String(line.prefix { $0 != "\t" }))
            if symbol.isEmpty && CellText.trimmed(line).isEmpty { continue }
            if symbol.hasPrefix("#") { continue }
            defer { isFirst = false }
            if isFirst && ["gene", "hugo_symbol"].contains(symbol.lowercased()) { continue }
            guard !symbol.isEmpty, !symbol.contains(where: \.isWhitespace) else {
                throw InputError(file: source, line: number + 1, message: "\"\(symbol)\" is not a gene symbol")
            }
            genes.insert(symbol.uppercased())
        }
        return genes
    }

    /// Reads a variant-level CH or artifact list: a table (TSV or CSV) with a `key` column
    /// (`chrom:pos:ref:alt`), or `chrom`/`pos`/`ref`/`alt` columns (also `Chromosome`,
    /// `Start_Position`, `Reference_Allele`, `Tumor_Seq_Allele2`), and/or a gene column
    /// (`gene`, `Hugo_Symbol`, `symbol`) with a protein-change column (`AAchange`,
    /// `protein_change`, `HGVSp_Short`). Names match in any letter case. Every row gives a key
    /// or a gene and protein change; missing cells (``CellText/isMissing(_:)-(String)``) are skipped.
    /// - Parameter path: The file.
    /// - Returns: The list, applying to every gene.
    /// - Throws: `SystemError` when the file cannot be read; `InputError` for missing
    ///   columns or a row that gives neither a key nor a gene and protein change.
    public static func chVariantList(path: String) throws -> CHVariantList {
        try chVariantList(table: try DelimitedTable(path: path, skippingCommentLines: true))
    }

    /// Parses a variant-level list already split into cells (see ``chVariantList(path:)``).
    /// - Throws: `InputError` naming the line.
    public static func chVariantList(table: DelimitedTable) throws -> CHVariantList {
        func column(_ names: String...) -> Int? { names.lazy.compactMap(table.columnIndex).first }
        let keyColumn = column("key")
        let chromosome = column("chrom", "chromosome", "chr"), position = column("pos", "position", "start_position")
        let reference = column("ref", "reference_allele"), alternate = column("alt", "tumor_seq_allele2")
        let gene = column("gene", "hugo_symbol", "symbol")
        let protein = column("aachange", "protein_change", "hgvsp_short")
        let hasPositions = chromosome != nil && position != nil && reference != nil && alternate != nil
        guard keyColumn != nil || hasPositions || (gene != nil && protein != nil) else {
            throw InputError(
                file: table.name, line: 1,
                message: "needs a key column, chrom/pos/ref/alt columns, or gene and protein change columns")
        }
        var list = CHVariantList()
        for row in table.rows {
            func cell(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value = CellText.trimmed(row.fields[index])
                return CellText.isMissing(value) ? nil : value
            }
            var found = false
            if let text = cell(keyColumn) {
                guard let key = MutationKey(parsing: text) else {
                    throw InputError(file: table.name, line: row.lineNumber, message: "\"\(text)\" is not a chrom:pos:ref:alt key")
                }
                list.keys.insert(key)
                found = true
            } else if let c = cell(chromosome), let p = cell(position), let r = cell(reference), let a = cell(alternate) {
                guard let place = Int(p) else {
                    throw InputError(file: table.name, line: row.lineNumber, message: "\"\(p)\" is not a position")
                }
                list.keys.insert(MutationKey(chromosome: c, position: place, reference: r, alternate: a))
                found = true
            }
            if let g = cell(gene), let change = cell(protein) {
                list.proteinChanges.insert(GeneProteinChange(gene: g, change: change))
                found = true
            }
            guard found else {
                throw InputError(file: table.name, line: row.lineNumber, message: "neither a mutation key nor a gene and protein change")
            }
        }
        return list
    }

    /// Reads a manual drop list: a table with `patient` and `mutation` (or `key`) columns, the
    /// mutation written `chrom:pos:ref:alt`.
    /// - Parameter path: The file.
    /// - Throws: `SystemError` when the file cannot be read; `InputError` for missing columns,
    ///   an empty cell or a malformed key.
    public static func dropList(path: String) throws -> DropList {
        try dropList(table: try DelimitedTable(path: path, skippingCommentLines: true))
    }

    /// Parses a drop list already split into cells (see ``dropList(path:)``).
    /// - Throws: `InputError` naming the line.
    public static func dropList(table: DelimitedTable) throws -> DropList {
        guard let patientColumn = table.columnIndex("patient"),
            let mutationColumn = table.columnIndex("mutation") ?? table.columnIndex("key")
        else {
            throw InputError(file: table.name, line: 1, message: "needs columns patient and mutation")
        }
        var list = DropList()
        for row in table.rows {
            let patient = CellText.trimmed(row.fields[patientColumn])
            let text = CellText.trimmed(row.fields[mutationColumn])
            guard !patient.isEmpty, !text.isEmpty else {
                throw InputError(file: table.name, line: row.lineNumber, message: "missing patient or mutation")
            }
            guard let key = MutationKey(parsing: text) else {
                throw InputError(file: table.name, line: row.lineNumber, message: "\"\(text)\" is not a chrom:pos:ref:alt key")
            }
            list.entries[patient, default: []].insert(key)
        }
        return list
    }

    /// A small file's UTF-8 text (gzip or zlib allowed).
    /// - Throws: `SystemError` when it cannot be read; `InputError` when it is not UTF-8.
    static func text(of path: String) throws -> String {
        let bytes = try ByteReader.contents(ofFile: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, message: "the file is not UTF-8 text")
        }
        return text
    }
}
