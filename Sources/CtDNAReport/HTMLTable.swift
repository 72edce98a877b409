/// HTML tables built from ctdna's own tab-separated tables, so the page shows exactly the
/// values the TSV files hold.
enum HTMLTable {
    /// A `<table>` from TSV text: the first line is the header, every other non-empty line a row.
    /// Cells that read as numbers (or `NA`, `Inf`) get class `num` and are right-aligned.
    /// - Parameters:
    ///   - tsv: the table's text.
    ///   - className: the table's CSS class.
    static func fromTSV(_ tsv: String, className: String) -> String {
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { return "" }
        let rows = lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return table(header: header.split(separator: "\t").map(String.init), rows: rows, className: className)
    }

    /// A `<table>` with a header row and body rows; every cell is escaped.
    /// - Parameters:
    ///   - header: column titles.
    ///   - rows: cells, one array per row.
    ///   - className: the table's CSS class.
    static func table(header: [String], rows: [[String]], className: String) -> String {
        var html = "<div class=\"table-wrap\"><table class=\"\(className)\">\n<thead><tr>"
        html += header.map { "<th>\(MarkupEscaping.escape($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.map(cell).joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>"
    }

    /// One `<td>`, right-aligned when it holds a number.
    static func cell(_ text: String) -> String {
        let numeric = Double(text) != nil || text == NumberFormat.missing || text == "Inf" || text == "-Inf"
        return numeric ? "<td class=\"num\">\(MarkupEscaping.escape(text))</td>" : "<td>\(MarkupEscaping.escape(text))</td>"
    }
}
