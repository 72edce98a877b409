import CtDNACore
import CtDNAModel
import CtDNAStats

/// The short plain-text summary `ctdna run` prints at the end: patient counts, what each filter
/// removed, then per metric, cohort and arm the signed-rank rows (n, median baseline, median
/// follow-up, p).
public enum TerminalSummary {
    /// Renders the summary.
    /// - Parameter document: the run.
    /// - Returns: aligned lines, each ending in a newline.
    public static func render(_ document: RunDocument) -> String {
        let statuses = document.patients.map(\.status)
        let paired = statuses.filter { $0 == .paired }.count
        let notDetected = statuses.filter { $0 == .notDetected }.count
        var text = "Patients: \(statuses.count) (paired \(paired), not_detected \(notDetected), "
            + "excluded \(statuses.count - paired - notDetected))\n"
        text += filterLine(document.filterCounts)
        let header = ["metric", "cohort", "arm", "n", "median_baseline", "median_followup", "p_signed_rank"]
        let rows = document.statistics.filter { $0.test == .signedRank }.map { row in
            [
                row.metric.rawValue, row.cohort, row.arm, String(row.patientCount),
                ReadableNumber.significant(row.medianBaseline), ReadableNumber.significant(row.medianFollowup),
                ReadableNumber.significant(row.pValue, digits: 2),
            ]
        }
        text += alignedTable([header] + rows, rightAligned: Set(3..<header.count))
        return text
    }

    /// `Mutations kept: N; removed by filters: ch_gene 12 (3 annotated drivers), ...`: every
    /// filter that removed something, in precedence order; `none` when none did.
    static func filterLine(_ counts: [FilterCount]) -> String {
        let filters: Set<MutationStatus> = [
            .noCoverage, .chGene, .chVariant, .matchedNormal, .locGene, .lowDepth, .populationAlleleFrequency, .manual,
        ]
        let kept = counts.first { $0.status == .kept }?.count ?? 0
        let removed = counts.filter { filters.contains($0.status) && $0.count > 0 }.map { count in
            "\(count.status.rawValue) \(count.count)"
                + (count.annotatedDrivers > 0 ? " (\(count.annotatedDrivers) annotated driver\(count.annotatedDrivers == 1 ? "" : "s"))" : "")
        }
        return "Mutations kept: \(kept); removed by filters: \(removed.isEmpty ? "none" : removed.joined(separator: ", "))\n"
    }

    /// Columns padded to their widest cell and separated by two spaces; no trailing spaces.
    /// - Parameters:
    ///   - rows: the cells, header first.
    ///   - rightAligned: indices of the columns to right-align.
    static func alignedTable(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let columnCount = rows.map(\.count).max() else { return "" }
        let widths = (0..<columnCount).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").droppingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string without spaces at its end.
    func droppingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
