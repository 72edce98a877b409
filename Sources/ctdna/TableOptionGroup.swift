import ArgumentParser
import CtDNAIO

/// The options that say which columns of a variant table hold the counts (docs/method.md,
/// "Allele fraction of one sample").
struct TableOptionGroup: ParsableArguments {
    @Option(name: .customLong("alt-column"), help: ArgumentHelp("Column of alternate-allele reads (instead of t_alt_count).", valueName: "name"))
    var altColumn: String?

    @Option(name: .customLong("ref-column"), help: ArgumentHelp("Column of reference-allele reads (instead of t_ref_count).", valueName: "name"))
    var refColumn: String?

    @Option(name: .customLong("depth-column"), help: ArgumentHelp("Column of total depth: ref = depth - alt.", valueName: "name"))
    var depthColumn: String?

    @Option(name: .customLong("vaf-column"), help: ArgumentHelp("Read allele fractions from this column instead of counts.", valueName: "name"))
    var vafColumn: String?

    @Flag(name: .customLong("vaf-percent"), help: "The VAF column is in percent (0-100).")
    var vafPercent = false

    @Flag(name: .customLong("msk-access"), help: "Use MSK-ACCESS simplex+duplex fragment counts (t_alt_count_fragment_simplex_duplex, t_ref_count_fragment_simplex_duplex).")
    var mskAccess = false

    @Option(name: .customLong("call-status-column"), help: ArgumentHelp("Call-status column; without it, Called or call_status when present.", valueName: "name"))
    var callStatusColumn: String?

    @Option(name: .customLong("population-af-column"), help: ArgumentHelp("Population allele-frequency column; without it, gnomAD_AF, ExAC_AF or population_af when present.", valueName: "name"))
    var populationAFColumn: String?

    @Flag(name: .customLong("pass-only"), help: "Keep only calls whose FILTER is PASS or . (a VCF's FILTER, or a MAF's FILTER column). Off by default: callers' filters drop many true low-fraction plasma calls.")
    var passOnly = false

    func validate() throws {
        if vafColumn != nil && (altColumn != nil || refColumn != nil || depthColumn != nil || mskAccess) {
            throw ValidationError("--vaf-column reads allele fractions instead of counts: do not combine it with count columns")
        }
        if vafPercent && vafColumn == nil {
            throw ValidationError("--vaf-percent needs --vaf-column")
        }
        if refColumn != nil && depthColumn != nil {
            throw ValidationError("give --ref-column or --depth-column, not both")
        }
        if mskAccess && (altColumn != nil || refColumn != nil || depthColumn != nil) {
            throw ValidationError("--msk-access chooses the count columns itself: do not combine it with --alt-column, --ref-column or --depth-column")
        }
    }

    /// The reader options these flags describe, for one sample (or all).
    func tableOptions(sample: String? = nil) -> VariantTableOptions {
        var counts = mskAccess ? CountColumns.mskAccessSimplexDuplex : CountColumns(alt: altColumn, ref: refColumn, depth: depthColumn)
        counts.vaf = vafColumn
        counts.vafIsPercent = vafPercent
        return VariantTableOptions(counts: counts, sample: sample, callStatusColumn: callStatusColumn,
                                   populationFrequencyColumn: populationAFColumn, passOnly: passOnly)
    }
}
