import CtDNACore
import CtDNAModel
import TestSupport

/// Published defaults with a small CH gene list.
func testParameters() -> MethodParameters {
    MethodParameters(chGenes: ["DNMT3A", "TET2", "PPM1D"])
}

/// One mutation across a series, from one row per timepoint (`nil` where the table lacks it);
/// every row must carry the same key.
func series(_ records: VariantRecord?..., minAltReads: Int = 2) -> SeriesMutation {
    mergeSeries(records.map { $0.map { [$0] } ?? [] }, minAltReads: minAltReads).mutations[0]
}

/// A mutation of a baseline and follow-up pair from two rows (either may be absent): what the
/// old `PairedMutation` was.
func pair(_ baseline: VariantRecord?, _ followup: VariantRecord?, minAltReads: Int = 2) -> SeriesMutation {
    series(baseline, followup, minAltReads: minAltReads)
}
