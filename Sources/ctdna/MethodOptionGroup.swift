import ArgumentParser
import CtDNAModel
import CtDNACore
import CtDNAPipeline

/// Every parameter of the method, each a flag whose default is the published analysis's value
/// (docs/method.md, "Parameters").
struct MethodOptionGroup: ParsableArguments {
    @Option(name: .customLong("min-alt-reads"), help: ArgumentHelp("A mutation with fewer alt reads in a sample is not detected there (docs/method.md §1).", valueName: "n"))
    var minAltReads: Int = 2

    @Option(name: .customLong("clonal-fraction"), help: ArgumentHelp("Clonal: AF at the reference timepoint at least this times the highest AF there (docs/method.md §6; the paper).", valueName: "x"))
    var clonalFraction: Double = 0.3

    @Option(name: .customLong("tie-break-threshold"), help: ArgumentHelp("Drivers whose changes cross and sum to less than this in absolute value trigger the tie-break (docs/method.md §5; the published code).", valueName: "x"))
    var tieBreakThreshold: Double = 0.01

    @Option(name: .customLong("normal-ratio"), help: ArgumentHelp("With a matched normal, drop a mutation whose plasma AF is below this times its normal AF (docs/method.md §3; MSK's 2:1 rule).", valueName: "x"))
    var normalRatio: Double = 2

    @Flag(name: .customLong("keep-loc-genes"), help: "Keep mutations in LOC* genes, which are dropped otherwise (docs/method.md §3).")
    var keepLocGenes = false

    @Option(name: .customLong("min-depth"), help: ArgumentHelp("Drop mutations with fewer reads than this at a timepoint (docs/method.md §3). Off unless given.", valueName: "n"))
    var minDepth: Int?

    @Option(name: .customLong("max-population-af"), help: ArgumentHelp("Drop mutations whose population allele frequency is above this (docs/method.md §3). Off unless given.", valueName: "x"))
    var maxPopulationAF: Double?

    @Flag(name: .customLong("drop-uncovered"), help: "Drop a mutation without reads (alt + ref = 0) at some timepoint; otherwise it keeps its values where it was covered and has none there (docs/method.md §1, the published code).")
    var dropUncovered = false

    @Option(name: .customLong("response-threshold"), help: ArgumentHelp("Molecular response: a fall of at least this fraction of the first value of the tested pair (a fall to 0 is a clearance) (docs/method.md §10).", valueName: "x"))
    var responseThreshold: Double = 0.5

    @Option(name: .customLong("response-metric"), help: ArgumentHelp("The metric molecular response is judged on.", valueName: "metric"))
    var responseMetric: Metric = .ctDNAFraction

    @Flag(name: .customLong("likely-oncogenic-is-driver"), help: "Count OncoKB 'Likely Oncogenic' as a driver; otherwise only 'Oncogenic' and hotspots are (docs/method.md §4).")
    var likelyOncogenicIsDriver = false

    @Option(name: .customLong("ch-genes"), help: ArgumentHelp("Replace the bundled clonal-haematopoiesis gene list: one gene per line (docs/method.md §3, 'List files').", valueName: "file"))
    var chGenes: String?

    @Option(name: .customLong("extra-ch-genes"), help: ArgumentHelp("Add the genes of this file to the clonal-haematopoiesis gene list.", valueName: "file"))
    var extraCHGenes: String?

    @Option(name: .customLong("ch-variants"), help: ArgumentHelp("Drop variants on a CH/artifact list: 'bundled' (Bick 2020 + Bolton 2020 putative CH drivers) or a file (docs/method.md §3). Off unless given.", valueName: "bundled|file"))
    var chVariants: String?

    @Option(name: .customLong("ch-variant-genes"), help: ArgumentHelp("The genes the CH variant list applies to: comma-separated, or 'all'. Without it the bundled list applies to the CH genes only (it also holds tumour drivers such as TP53 R273H and KRAS G12D), a list file to every gene.", valueName: "genes|all"))
    var chVariantGenes: String?

    @Option(name: .customLong("drop-list"), help: ArgumentHelp("Drop these (patient, mutation) pairs by hand: a table with columns patient and mutation (chrom:pos:ref:alt).", valueName: "file"))
    var dropList: String?

    func validate() throws {
        guard minAltReads >= 0 else { throw ValidationError("--min-alt-reads must be 0 or more") }
        guard clonalFraction > 0 && clonalFraction <= 1 else { throw ValidationError("--clonal-fraction must be in (0, 1]") }
        guard tieBreakThreshold >= 0 else { throw ValidationError("--tie-break-threshold must be 0 or more") }
        guard normalRatio > 0 else { throw ValidationError("--normal-ratio must be above 0") }
        if let minDepth, minDepth < 0 { throw ValidationError("--min-depth must be 0 or more") }
        if let maxPopulationAF, !(0...1).contains(maxPopulationAF) { throw ValidationError("--max-population-af must be between 0 and 1") }
        guard responseThreshold > 0 && responseThreshold <= 1 else { throw ValidationError("--response-threshold must be in (0, 1]") }
        if chVariantGenes != nil && chVariants == nil { throw ValidationError("--ch-variant-genes needs --ch-variants") }
    }

    /// The method's numeric parameters (the lists are loaded by the pipeline from ``lists``).
    var parameters: MethodParameters {
        MethodParameters(
            chGenes: [], minAltReads: minAltReads, clonalFraction: clonalFraction,
            tieBreakThreshold: tieBreakThreshold, normalRatio: normalRatio, dropLocGenes: !keepLocGenes,
            minDepth: minDepth, maxPopulationAlleleFrequency: maxPopulationAF,
            likelyOncogenicIsDriver: likelyOncogenicIsDriver, dropUncovered: dropUncovered,
            responseThreshold: responseThreshold, responseMetric: responseMetric)
    }

    /// Where the lists come from.
    var lists: MethodLists {
        let variants: MethodLists.VariantListSource = chVariants.map { $0 == "bundled" ? .bundled : .file($0) } ?? .off
        return MethodLists(
            chGenes: chGenes, extraCHGenes: extraCHGenes, chVariants: variants,
            chVariantGenes: chVariantGenes.map { $0.lowercased() == "all" ? .all : .listed($0.split(separator: ",").map(String.init)) }
                ?? .automatic,
            dropList: dropList)
    }
}
