import CtDNACore
import CtDNAModel
import CtDNAReport

/// What a finished run must say because ctdna guessed, or because a choice of the user may have
/// removed more than intended: each warning a sentence for the terminal and the reports.
enum RunWarnings {
    /// The warnings of a run, in a fixed order.
    /// - Parameters:
    ///   - summaries: Every patient's summary, in sheet order.
    ///   - withoutDriverAnnotation: The patients (indices into `summaries`) whose plasma tables
    ///     have no driver annotation column.
    ///   - tally: The audit rows counted over every patient.
    ///   - timepoints: The run's timepoints, to say so when there is only one.
    static func collect(
        summaries: [PatientSummary], withoutDriverAnnotation: [Int], tally: FilterTally,
        timepoints: [Timepoint] = Timepoint.pair
    ) -> [String] {
        var warnings: [String] = []
        if timepoints.count == 1 {
            warnings.append(
                "only one timepoint (\(timepoints[0].name)) is analysed: each patient has its values there, and nothing "
                    + "is tested")
        } else if !summaries.contains(where: { isTested($0) && $0.pair(of: .ctDNAFraction) != nil }) {
            warnings.append(
                "no patient is paired (both timepoints, a somatic mutation, a value at each): every statistic "
                    + "is empty; check the sample sheet's timepoint labels and the statuses in patients.tsv")
        }
        let guessed = withoutDriverAnnotation.filter { summaries[$0].reference?.rule == .allMutations }
        if !guessed.isEmpty {
            let names = guessed.prefix(5).map { summaries[$0].patient }.joined(separator: ", ")
                + (guessed.count > 5 ? ", ..." : "")
            warnings.append(
                "\(guessed.count) patient\(guessed.count == 1 ? "'s" : "s'") tables have no driver annotation "
                    + "(no ONCOGENIC, IS-A-HOTSPOT or hotspot_whitelist column; in a VCF, no INFO ONCOGENIC or HOTSPOT), so the reference timepoint "
                    + "was chosen over all their mutations (reference_rule all_mutations): \(names). "
                    + "Annotate the tables (OncoKB, a hotspot list) to choose it over drivers (docs/method.md §4-§5)")
        }
        let counts = tally.counts
        if let variants = counts.first(where: { $0.status == .chVariant }), variants.annotatedDrivers > 0 {
            let one = variants.annotatedDrivers == 1
            warnings.append(
                "the CH variant list removed \(variants.annotatedDrivers) "
                    + (one ? "mutation annotated as a tumour driver" : "mutations annotated as tumour drivers")
                    + " (hotspot or OncoKB Oncogenic); audit.tsv lists \(one ? "it" : "them") with status ch_variant. "
                    + "If \(one ? "it is" : "they are") the tumour's, restrict the list with --ch-variant-genes")
        }
        if tally.repeatedMutations > 0 {
            warnings.append(
                "\(tally.repeatedMutations) mutation\(tally.repeatedMutations == 1 ? " was" : "s were") listed on more "
                    + "than one row of a table; the first row was used (audit.tsv notes duplicate_rows_<timepoint>)")
        }
        let withoutCopies = tally.tissueWithoutMutantCopies.reduce(0, +)
        if withoutCopies > 0 {
            let reasons = zip(FilterTally.problems, tally.tissueWithoutMutantCopies).filter { $0.1 > 0 }
                .map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
            warnings.append(
                "\(withoutCopies) tissue mutation\(withoutCopies == 1 ? "" : "s") in the plasma's somatic set "
                    + "\(withoutCopies == 1 ? "has" : "have") no mutant copy number and "
                    + "\(withoutCopies == 1 ? "is" : "are") left out of the tumour-informed fraction (\(reasons); "
                    + "audit.tsv notes which; docs/method.md §9)"
                    + (tally.tissueWithoutMutantCopies[1] > 0 ? ": give the purity in the table or with --tissue-purity" : ""))
        }
        return warnings
    }

    /// Whether a patient enters the paired tests (status `paired`, as the statistics require).
    private static func isTested(_ summary: PatientSummary) -> Bool {
        if case .paired = summary.status { return true }
        return false
    }
}
