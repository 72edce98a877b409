import CtDNACore
import CtDNAModel
import CtDNAStats

/// The short plain-text summary `ctdna run` prints at the end: patient counts, what each filter
/// removed, then per metric, cohort and arm the signed-rank rows: n, the medians, the change
/// (Hodges-Lehmann estimate with its interval, so that a fall reads as one even when the
/// medians rise), how many patients fell, rose and stayed, and p.
public enum TerminalSummary {
    /// Renders the summary.
    /// - Parameter document: the run.
    /// - Returns: aligned lines, each ending in a newline.
    public static func render(_ document: RunDocument) -> String {
        let counts = document.statusCounts
        var text = "Patients: \(document.patients.count) (paired \(counts.paired), "
            + (counts.singleSample > 0 ? "single_sample \(counts.singleSample), " : "")
            + "not_detected \(counts.notDetected)" + (counts.excluded > 0 ? ", excluded \(counts.excluded)" : "") + ")\n"
        text += filterLine(document.filterCounts)
        // One table per tested pair, its medians named by the pair's timepoints.
        for pair in document.pairs {
            let view = document.focused(on: pair)
            let header = [
                "metric", "cohort", "arm", "n", "median_\(pair.first.name)", "median_\(pair.second.name)", "change [95% CI]",
                "fell/rose/same", "p_signed_rank",
            ]
            let rows = view.statistics.filter { $0.test == .signedRank }.map { row in
                [
                    row.metric.rawValue, row.cohort, row.arm, String(row.patientCount),
                    ReadableNumber.significant(row.medianBaseline), ReadableNumber.significant(row.medianFollowup),
                    estimate(row), directions(view, row), ReadableNumber.significant(row.pValue, digits: 2),
                ]
            }
            if document.pairs.count > 1 { text += "\(pair.second.name) against \(pair.first.name):\n" }
            text += alignedTable([header] + rows, rightAligned: Set(3..<header.count))
        }
        return text
    }

    /// The Hodges-Lehmann estimate of the change with its interval: `-0.0099 [-0.021, 0.0012]`;
    /// `NA` without an estimate.
    static func estimate(_ row: StatisticsRow) -> String {
        guard let estimate = row.estimate, estimate.isFinite else { return NumberFormat.missing }
        let interval = "[\(ReadableNumber.significant(row.confidenceLow, digits: 2)), \(ReadableNumber.significant(row.confidenceHigh, digits: 2))]"
        return ReadableNumber.significant(estimate, digits: 2) + " " + interval
    }

    /// How many tested patients of the row's group fell, rose and stayed: `7/4/0`.
    static func directions(_ document: RunDocument, _ row: StatisticsRow) -> String {
        var fell = 0, rose = 0, same = 0
        for summary in document.pairedMembers(metric: row.metric, cohort: row.cohort, arm: row.arm)
        where summary.status == .paired {
            guard let pair = summary.pair(of: row.metric) else { continue }
            if pair.followup < pair.baseline { fell += 1 } else if pair.followup > pair.baseline { rose += 1 } else { same += 1 }
        }
        return "\(fell)/\(rose)/\(same)"
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
