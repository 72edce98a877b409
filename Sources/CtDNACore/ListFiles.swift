import CtDNAIO

import Foundation

/// Reads a UTF-8 text file.
/// - Parameter path: file path.
/// - Returns: the file's text.
/// - Throws: ``CoreError/unreadableFile(path:reason:)``.
func readText(path: String) throws -> String {
    let bytes: [UInt8]
    do {
        bytes = try ByteReader.contents(ofFile: path)
    } catch let error as InputError {
        // The system's words alone: the error already says it cannot read the file.
        var reason = Substring(error.message)
        for prefix in ["cannot open: ", "cannot read: "] where reason.hasPrefix(prefix) { reason = reason.dropFirst(prefix.count) }
        throw CoreError.unreadableFile(path: path, reason: String(reason))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw CoreError.unreadableFile(path: path, reason: "not UTF-8 text")
    }
    return text
}

/// The non-blank, non-`#` lines of a text with their 1-based line numbers, without line ends.
func contentLines(_ text: String) -> [(number: Int, text: String)] {
    var lines: [(number: Int, text: String)] = []
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var line = Substring(raw)
        if line.last == "\r" { line.removeLast() }
        let trimmed = String(line).trimmingWhitespace()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        lines.append((offset + 1, String(line)))
    }
    return lines
}

/// Parses a gene list: one gene symbol per line in the first tab-separated column; `#` lines and
/// blank lines are skipped, as is a first line whose first column is `gene` or `Hugo_Symbol`.
/// - Parameters:
///   - text: the file's text.
///   - source: the file name used in error messages.
/// - Returns: the upper-case gene symbols.
/// - Throws: ``CoreError/invalidLine(path:line:message:)`` for a symbol with spaces or an empty first column.
public func parseGeneList(_ text: String, source: String) throws -> Set<String> {
    var genes: Set<String> = []
    for (index, line) in contentLines(text).enumerated() {
        let first = String(line.text.split(separator: "\t", omittingEmptySubsequences: false)[0])
            .trimmingWhitespace()
        if index == 0 && ["gene", "hugo_symbol"].contains(first.lowercased()) { continue }
        guard !first.isEmpty, !first.contains(where: \.isWhitespace) else {
            throw CoreError.invalidLine(
                path: source, line: line.number, message: "\"\(first)\" is not a gene symbol")
        }
        genes.insert(first.uppercased())
    }
    return genes
}

/// Loads a gene list file (see ``parseGeneList(_:source:)``).
/// - Parameter path: the file.
/// - Returns: the upper-case gene symbols.
/// - Throws: ``CoreError`` naming the file and line.
public func loadGeneList(path: String) throws -> Set<String> {
    try parseGeneList(try readText(path: path), source: path)
}

/// A tab-separated table with a header row, after `#` and blank lines are removed.
struct HeaderedTable {
    var columns: [String: Int]
    var rows: [(number: Int, fields: [String])]

    init(_ text: String) {
        let lines = contentLines(text)
        var columns: [String: Int] = [:]
        if let header = lines.first {
            for (index, name) in header.text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                let lowered = String(name).trimmingWhitespace().lowercased()
                if columns[lowered] == nil { columns[lowered] = index }
            }
        }
        self.columns = columns
        self.rows = lines.dropFirst().map { line in
            (line.number, line.text.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingWhitespace()
            })
        }
    }

    /// The index of the first of `names` that is a column.
    func column(_ names: [String]) -> Int? {
        names.lazy.compactMap { columns[$0] }.first
    }
}

/// Whether a cell means "no value".
private func isMissing(_ value: String?) -> Bool {
    guard let value else { return true }
    return value.isEmpty || value == "." || value.uppercased() == "NA"
}

/// Parses a variant-level CH or artifact list: a TSV with a header row holding a `key` column
/// (`chrom:pos:ref:alt`), or `chrom`/`pos`/`ref`/`alt` columns (also `Chromosome`,
/// `Start_Position`, `Reference_Allele`, `Tumor_Seq_Allele2`), and/or a gene column (`gene`,
/// `Hugo_Symbol`, `symbol`) with a protein change column (`AAchange`, `protein_change`,
/// `HGVSp_Short`). Column names are matched case-insensitively. Every row must give a key or
/// a gene + protein change; missing cells (`.`, `NA`, empty) are skipped.
/// - Parameters:
///   - text: the file's text.
///   - source: the file name used in error messages.
/// - Returns: the list (no gene restriction).
/// - Throws: ``CoreError/missingColumns(path:message:)`` or ``CoreError/invalidLine(path:line:message:)``.
public func parseCHVariantList(_ text: String, source: String) throws -> CHVariantList {
    let table = HeaderedTable(text)
    let keyColumn = table.column(["key"])
    let chrom = table.column(["chrom", "chromosome", "chr"])
    let pos = table.column(["pos", "position", "start_position"])
    let ref = table.column(["ref", "reference_allele"])
    let alt = table.column(["alt", "tumor_seq_allele2"])
    let gene = table.column(["gene", "hugo_symbol", "symbol"])
    let protein = table.column(["aachange", "protein_change", "hgvsp_short"])
    let hasPositions = chrom != nil && pos != nil && ref != nil && alt != nil
    guard keyColumn != nil || hasPositions || (gene != nil && protein != nil) else {
        throw CoreError.missingColumns(
            path: source,
            message: "needs a key column, chrom/pos/ref/alt columns, or gene and protein change columns")
    }
    var list = CHVariantList()
    for row in table.rows {
        func cell(_ index: Int?) -> String? {
            guard let index, index < row.fields.count, !isMissing(row.fields[index]) else { return nil }
            return row.fields[index]
        }
        var found = false
        if let text = cell(keyColumn) {
            guard let key = parseMutationKey(text) else {
                throw CoreError.invalidLine(
                    path: source, line: row.number, message: "\"\(text)\" is not a chrom:pos:ref:alt key")
            }
            list.keys.insert(key)
            found = true
        } else if let c = cell(chrom), let p = cell(pos), let r = cell(ref), let a = cell(alt) {
            guard let position = Int(p) else {
                throw CoreError.invalidLine(path: source, line: row.number, message: "\"\(p)\" is not a position")
            }
            list.keys.insert(MutationKey(chromosome: c, position: position, reference: r, alternate: a))
            found = true
        }
        if let g = cell(gene), let change = cell(protein) {
            list.proteinChanges.insert(GeneProteinChange(gene: g, change: change))
            found = true
        }
        guard found else {
            throw CoreError.invalidLine(
                path: source, line: row.number, message: "neither a mutation key nor a gene and protein change")
        }
    }
    return list
}

/// Loads a variant-level CH or artifact list file (see ``parseCHVariantList(_:source:)``).
/// - Parameter path: the file.
/// - Returns: the list.
/// - Throws: ``CoreError`` naming the file and line.
public func loadCHVariantList(path: String) throws -> CHVariantList {
    try parseCHVariantList(try readText(path: path), source: path)
}

/// Parses a manual drop list: a TSV with a header row holding `patient` and `mutation` (or `key`)
/// columns, the mutation written `chrom:pos:ref:alt`.
/// - Parameters:
///   - text: the file's text.
///   - source: the file name used in error messages.
/// - Returns: the drop list.
/// - Throws: ``CoreError/missingColumns(path:message:)`` or ``CoreError/invalidLine(path:line:message:)``.
public func parseDropList(_ text: String, source: String) throws -> DropList {
    let table = HeaderedTable(text)
    guard let patientColumn = table.column(["patient"]),
        let mutationColumn = table.column(["mutation", "key"])
    else {
        throw CoreError.missingColumns(path: source, message: "needs columns patient and mutation")
    }
    var list = DropList()
    for row in table.rows {
        guard patientColumn < row.fields.count, mutationColumn < row.fields.count,
            !row.fields[patientColumn].isEmpty
        else {
            throw CoreError.invalidLine(path: source, line: row.number, message: "missing patient or mutation")
        }
        let text = row.fields[mutationColumn]
        guard let key = parseMutationKey(text) else {
            throw CoreError.invalidLine(
                path: source, line: row.number, message: "\"\(text)\" is not a chrom:pos:ref:alt key")
        }
        list.entries[row.fields[patientColumn], default: []].insert(key)
    }
    return list
}

/// Loads a manual drop list file (see ``parseDropList(_:source:)``).
/// - Parameter path: the file.
/// - Returns: the drop list.
/// - Throws: ``CoreError`` naming the file and line.
public func loadDropList(path: String) throws -> DropList {
    try parseDropList(try readText(path: path), source: path)
}
