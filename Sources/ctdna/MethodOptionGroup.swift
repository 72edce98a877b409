import ArgumentParser
import Foundation
import CtDNACore
import CtDNAReport

/// Every parameter of the method (docs/method.md), each a flag whose default is the paper's value.
struct MethodOptionGroup: ParsableArguments {
    @Option(name: .customLong("min-alt-reads"), help: "A mutation with fewer alt reads in a sample is not detected there. (default: 2, METHOD.md 2)")
    var minAltReads: Int = 2

    @Option(name: .customLong("clonal-fraction"), help: "Clonal: AF at the reference timepoint at least this times the highest AF there. (default: 0.3, the paper)")
    var clonalFraction: Double = 0.3

    @Option(name: .customLong("tie-break-threshold"), help: "Drivers whose changes cross and sum to less than this in absolute value trigger the tie-break. (default: 0.01, the published code)")
    var tieBreakThreshold: Double = 0.01

    @Option(name: .customLong("normal-ratio"), help: "With a matched normal, drop a mutation whose plasma AF is below this times its normal AF. (default: 2, MSK's 2:1 rule)")
    var normalRatio: Double = 2

    @Flag(name: .customLong("keep-loc-genes"), help: "Keep mutations in LOC* genes (dropped by default).")
    var keepLocGenes = false

    @Option(name: .customLong("min-depth"), help: "Drop mutations with fewer reads than this at a timepoint. (default: off)")
    var minDepth: Int?

    @Option(name: .customLong("max-population-af"), help: "Drop mutations whose population allele frequency is above this. (default: off)")
    var maxPopulationAF: Double?

    @Flag(name: .customLong("likely-oncogenic-is-driver"), help: "Count OncoKB 'Likely Oncogenic' as a driver (default: only 'Oncogenic' and hotspots).")
    var likelyOncogenicIsDriver = false

    @Option(name: .customLong("ch-genes"), help: ArgumentHelp("Replace the bundled clonal-haematopoiesis gene list (one gene per line).", valueName: "file"))
    var chGenes: String?

    @Option(name: .customLong("extra-ch-genes"), help: ArgumentHelp("Add genes to the clonal-haematopoiesis gene list.", valueName: "file"))
    var extraCHGenes: String?

    @Option(name: .customLong("ch-variants"), help: ArgumentHelp("Drop variants on a CH/artifact list: 'bundled' (Bick 2020 + Bolton 2020 putative CH drivers) or a file. (default: off)", valueName: "bundled|file"))
    var chVariants: String?

    @Option(name: .customLong("ch-variant-genes"), help: ArgumentHelp("Apply the CH variant list only to these genes (comma-separated).", valueName: "genes"))
    var chVariantGenes: String?

    @Option(name: .customLong("drop-list"), help: ArgumentHelp("Drop these (patient, mutation) pairs by hand: TSV with columns patient and mutation (chrom:pos:ref:alt).", valueName: "file"))
    var dropList: String?

    func validate() throws {
        guard minAltReads >= 0 else { throw ValidationError("--min-alt-reads must be 0 or more") }
        guard clonalFraction > 0 && clonalFraction <= 1 else { throw ValidationError("--clonal-fraction must be in (0, 1]") }
        guard tieBreakThreshold >= 0 else { throw ValidationError("--tie-break-threshold must be 0 or more") }
        guard normalRatio > 0 else { throw ValidationError("--normal-ratio must be above 0") }
        if let minDepth, minDepth < 0 { throw ValidationError("--min-depth must be 0 or more") }
        if let maxPopulationAF, !(0...1).contains(maxPopulationAF) { throw ValidationError("--max-population-af must be between 0 and 1") }
        if chVariantGenes != nil && chVariants == nil { throw ValidationError("--ch-variant-genes needs --ch-variants") }
    }

    /// The method's parameters, with the lists loaded.
    /// - Throws: `CoreError` when a list file cannot be read or parsed.
    func parameters() throws -> MethodParameters {
        var parameters = try MethodParameters.bundledDefaults()
        if let chGenes { parameters.chGenes = Set(try loadGeneList(path: chGenes).map { $0.uppercased() }) }
        if let extraCHGenes { parameters.chGenes.formUnion(try loadGeneList(path: extraCHGenes).map { $0.uppercased() }) }
        parameters.minAltReads = minAltReads
        parameters.clonalFraction = clonalFraction
        parameters.tieBreakThreshold = tieBreakThreshold
        parameters.normalRatio = normalRatio
        parameters.dropLocGenes = !keepLocGenes
        parameters.minDepth = minDepth
        parameters.maxPopulationAlleleFrequency = maxPopulationAF
        parameters.likelyOncogenicIsDriver = likelyOncogenicIsDriver
        if let chVariants {
            var list = chVariants == "bundled" ? try BundledResources.chVariantList() : try loadCHVariantList(path: chVariants)
            if let chVariantGenes {
                list = list.restricted(toGenes: Set(chVariantGenes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }))
            }
            parameters.chVariants = list
        }
        if let dropList { parameters.dropList = try loadDropList(path: dropList) }
        return parameters
    }

    /// Every parameter with its value and meaning, for the report, in a fixed order.
    func described(_ parameters: MethodParameters) -> [RunParameter] {
        [
            RunParameter(name: "min_alt_reads", value: String(parameters.minAltReads), description: "fewer alt reads than this in a sample: not detected there"),
            RunParameter(name: "clonal_fraction", value: String(parameters.clonalFraction), description: "clonal: AF at the reference timepoint at least this times the highest AF there"),
            RunParameter(name: "tie_break_threshold", value: String(parameters.tieBreakThreshold), description: "crossing driver changes summing to less than this trigger the tie-break"),
            RunParameter(name: "normal_ratio", value: String(parameters.normalRatio), description: "matched normal: plasma AF below this times the normal AF drops a mutation"),
            RunParameter(name: "drop_loc_genes", value: String(parameters.dropLocGenes), description: "drop mutations in LOC* genes"),
            RunParameter(name: "min_depth", value: parameters.minDepth.map(String.init) ?? "off", description: "drop mutations with fewer reads at a timepoint"),
            RunParameter(name: "max_population_af", value: parameters.maxPopulationAlleleFrequency.map { String($0) } ?? "off", description: "drop mutations more frequent than this in the population"),
            RunParameter(name: "likely_oncogenic_is_driver", value: String(parameters.likelyOncogenicIsDriver), description: "OncoKB 'Likely Oncogenic' counts as a driver"),
            RunParameter(name: "ch_genes", value: (chGenes ?? "bundled") + (extraCHGenes.map { " + " + $0 } ?? "") + " (\(parameters.chGenes.count) genes)", description: "clonal-haematopoiesis genes whose mutations are dropped"),
            RunParameter(name: "ch_variants", value: chVariants.map { $0 + (chVariantGenes.map { " (genes: \($0))" } ?? "") } ?? "off", description: "variant-level clonal-haematopoiesis or artifact list"),
            RunParameter(name: "drop_list", value: dropList ?? "none", description: "(patient, mutation) pairs dropped by hand"),
        ]
    }

    /// The list files the user named, with their roles, for the report's inputs.
    var listFiles: [(role: String, path: String)] {
        [("ch_genes", chGenes), ("extra_ch_genes", extraCHGenes), ("ch_variants", chVariants == "bundled" ? nil : chVariants), ("drop_list", dropList)]
            .compactMap { role, path in path.map { (role, $0) } }
    }
}
