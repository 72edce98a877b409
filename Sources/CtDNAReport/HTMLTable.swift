/// HTML tables built from ctdna's own tab-separated tables, so the page shows exactly the
/// values the TSV files hold.
enum HTMLTable {
    /// A `<table>` from TSV text: the first line is the header, every other non-empty line a row.
    /// Cells that read as numbers (or `NA`, `Inf`) get class `num` and are right-aligned.
    /// - Parameters:
    ///   - tsv: the table's text.
    ///   - className: the table's CSS class.
    ///   - readable: whether numbers with a fraction are shown with 4 significant digits (the
    ///     full value, as in the TSV file, in the cell's tooltip) and names may break after an
    ///     underscore, so that a wide table fits a page.
    static func fromTSV(_ tsv: String, className: String, readable: Bool = false) -> String {
        var html = ""
        html.reserveCapacity(tsv.utf8.count * 2)
        var isHeader = true
        for line in tsv.utf8.split(separator: UInt8(ascii: "\n")) {
            if isHeader {
                open(className, to: &html)
                for title in line.split(separator: UInt8(ascii: "\t")) {
                    if readable {
                        html += "<th>" + breakable(String(Substring(title))) + "</th>"
                    } else {
                        appendCell(String(Substring(title)), tag: "th", to: &html)
                    }
                }
                html += "</tr></thead>\n<tbody>\n"
                isHeader = false
                continue
            }
            html += "<tr>"
            for text in line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false) {
                let cell = String(Substring(text))
                if readable, cell.contains("."), let value = Double(cell), value.isFinite {
                    html += "<td class=\"num\" title=\"\(cell)\">\(MarkupEscaping.escape(ReadableNumber.significant(value)))</td>"
                } else if readable, !isNumeric(cell) {
                    html += "<td>" + breakable(cell) + "</td>"
                } else {
                    appendCell(cell, tag: nil, to: &html)
                }
            }
            html += "</tr>\n"
        }
        return isHeader ? "" : html + "</tbody></table></div>"
    }

    /// A `<table>` with a header row and body rows; every cell is escaped.
    /// - Parameters:
    ///   - header: column titles.
    ///   - rows: cells, one array per row.
    ///   - className: the table's CSS class.
    static func table(header: [String], rows: [[String]], className: String) -> String {
        var html = ""
        open(className, to: &html)
        for title in header { appendCell(title, tag: "th", to: &html) }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for text in row { appendCell(text, tag: nil, to: &html) }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>"
    }

    /// The table's opening up to its header row's first cell.
    private static func open(_ className: String, to html: inout String) {
        html += "<div class=\"table-wrap\"><table class=\""
        html += className
        html += "\">\n<thead><tr>"
    }

    /// Escaped text that may break after each underscore (`median_<wbr>baseline`), so a wide
    /// table of snake_case names fits the page without changing what it reads.
    private static func breakable(_ text: String) -> String {
        MarkupEscaping.escape(text).split(separator: "_", omittingEmptySubsequences: false).joined(separator: "_<wbr>")
    }

    /// One escaped cell: a `<th>`, or a `<td>` that is right-aligned when it holds a number.
    private static func appendCell(_ text: String, tag: String?, to html: inout String) {
        if let tag {
            html += "<\(tag)>"
        } else {
            html += isNumeric(text) ? "<td class=\"num\">" : "<td>"
        }
        html += MarkupEscaping.escape(text)
        html += tag.map { "</\($0)>" } ?? "</td>"
    }

    /// Whether a cell reads as a number (or `NA`, `Inf`, `-Inf`).
    private static func isNumeric(_ text: String) -> Bool {
        // Only a cell that starts like a number can be one; the rest skip the parse.
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "I"), UInt8(ascii: "i"), UInt8(ascii: "N"), UInt8(ascii: "n"):
            return Double(text) != nil || text == NumberFormat.missing || text == "Inf" || text == "-Inf"
        default:
            return false
        }
    }
}
