import CtDNACore
import CtDNAIO
import CtDNAReport
import CtDNAStats

/// Every parameter of a run with its value and meaning, for the reports, in a fixed order:
/// the method's, the count columns', the tests', then the timepoint labels.
enum RunParameters {
    /// The parameters of a run.
    /// - Parameters:
    ///   - method: The method's parameters, lists loaded.
    ///   - lists: Where the lists came from.
    ///   - table: The count columns.
    ///   - tests: The tests' options.
    ///   - fdrFamily: Which tests form one Benjamini-Hochberg family.
    ///   - labels: The sheet labels read as each timepoint, or `nil` when no sheet was read.
    static func describe(
        method: MethodParameters, lists: MethodLists, table: VariantTableOptions, tests: WilcoxonOptions,
        fdrFamily: FDRFamily = .report, labels: TimepointLabels? = nil
    ) -> [RunParameter] {
        var parameters = self.method(method, lists: lists) + columns(table) + self.tests(tests)
        parameters.append(RunParameter(
            name: "fdr_family", value: fdrFamily.rawValue,
            description: "tests of one Benjamini-Hochberg family: the whole report, or each metric"))
        if let labels {
            let text = "baseline: " + labels.baseline.sorted().joined(separator: ", ")
                + "; followup: " + labels.followup.sorted().joined(separator: ", ")
            parameters.append(RunParameter(name: "timepoint_labels", value: text, description: "sheet labels read as baseline / follow-up"))
        }
        return parameters
    }

    /// The method's numbers and lists.
    static func method(_ parameters: MethodParameters, lists: MethodLists) -> [RunParameter] {
        let variants: String
        switch lists.chVariants {
        case .off: variants = "off"
        case .bundled: variants = "bundled"
        case let .file(path): variants = path
        }
        let restriction: String
        switch (lists.chVariantGenes, lists.chVariants) {
        case (.all, _), (.automatic, .file): restriction = " (every gene)"
        case (.automatic, _): restriction = " (the CH genes)"
        case let (.listed(genes), _): restriction = " (genes: \(genes.joined(separator: ",")))"
        }
        return [
            RunParameter(name: "min_alt_reads", value: String(parameters.minAltReads), description: "fewer alt reads than this in a sample: not detected there"),
            RunParameter(name: "clonal_fraction", value: String(parameters.clonalFraction), description: "clonal: AF at the reference timepoint at least this times the highest AF there"),
            RunParameter(name: "tie_break_threshold", value: String(parameters.tieBreakThreshold), description: "crossing driver changes summing to less than this trigger the tie-break"),
            RunParameter(name: "normal_ratio", value: String(parameters.normalRatio), description: "matched normal: plasma AF below this times the normal AF drops a mutation"),
            RunParameter(name: "drop_loc_genes", value: String(parameters.dropLocGenes), description: "drop mutations in LOC* genes"),
            RunParameter(name: "drop_uncovered", value: String(parameters.dropUncovered), description: "drop a mutation without reads at some timepoint (otherwise it has no value there)"),
            RunParameter(name: "min_depth", value: parameters.minDepth.map(String.init) ?? "off", description: "drop mutations with fewer reads at a timepoint"),
            RunParameter(name: "max_population_af", value: parameters.maxPopulationAlleleFrequency.map { String($0) } ?? "off", description: "drop mutations more frequent than this in the population"),
            RunParameter(name: "likely_oncogenic_is_driver", value: String(parameters.likelyOncogenicIsDriver), description: "OncoKB 'Likely Oncogenic' counts as a driver"),
            RunParameter(name: "response_threshold", value: String(parameters.responseThreshold), description: "molecular response: a fall of at least this fraction of the first value (to 0: clearance)"),
            RunParameter(name: "response_metric", value: parameters.responseMetric.rawValue, description: "the metric molecular response is judged on"),
            RunParameter(name: "ch_genes", value: (lists.chGenes ?? "bundled") + (lists.extraCHGenes.map { " + " + $0 } ?? "") + " (\(parameters.chGenes.count) genes)", description: "clonal-haematopoiesis genes whose mutations are dropped"),
            RunParameter(name: "ch_variants", value: variants == "off" ? "off" : variants + restriction, description: "variant-level clonal-haematopoiesis or artifact list"),
            RunParameter(name: "drop_list", value: lists.dropList ?? "none", description: "(patient, mutation) pairs dropped by hand"),
        ]
    }

    /// The count columns, and `pass_only` when it is on (left out when off, its default, so that
    /// the parameters of a run without it read as before).
    static func columns(_ options: VariantTableOptions) -> [RunParameter] {
        let counts = options.counts
        let passOnly = options.passOnly
            ? [RunParameter(name: "pass_only", value: "true", description: "only calls whose FILTER is PASS or . were read")] : []
        if let vaf = counts.vaf {
            return [RunParameter(name: "vaf_column", value: vaf + (counts.vafIsPercent ? " (percent)" : ""), description: "allele fractions read from this column")] + passOnly
        }
        return [
            RunParameter(name: "alt_column", value: counts.alt ?? "t_alt_count", description: "alternate-allele reads"),
            RunParameter(name: "ref_column", value: counts.depth.map { "\($0) - alt" } ?? counts.ref ?? "t_ref_count (or t_depth - alt)", description: "reference-allele reads"),
        ] + passOnly
    }

    /// The tests' options.
    static func tests(_ options: WilcoxonOptions) -> [RunParameter] {
        [
            RunParameter(name: "alternative", value: options.alternative.rawValue, description: "alternative hypothesis of the Wilcoxon tests"),
            RunParameter(name: "exact", value: options.exactPolicy.rawValue, description: "exact null distribution: auto (n < 50, no ties or zeros), always, never"),
            RunParameter(name: "continuity_correction", value: String(options.continuityCorrection), description: "continuity correction in the normal approximation"),
            RunParameter(name: "conf_level", value: String(options.confidenceLevel), description: "confidence level of the Hodges-Lehmann intervals"),
        ]
    }
}
