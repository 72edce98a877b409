import CtDNAIO
import CtDNACore

/// A MAF row on chromosome 1 at `position` (C>T), with counts and optional annotation.
func row(
    _ gene: String, _ position: Int, alt: Int, ref: Int, oncogenic: String? = nil,
    hotspot: String? = nil, protein: String? = nil, called: String? = nil,
    populationAF: Double? = nil
) -> VariantRecord {
    VariantRecord(
        gene: gene, chromosome: "1", position: position, reference: "C", alternate: "T",
        altCount: alt, refCount: ref,
        alleleFraction: alt + ref == 0 ? nil : Double(alt) / Double(alt + ref),
        proteinChange: protein, oncogenic: oncogenic, hotspot: hotspot, callStatus: called,
        populationAlleleFrequency: populationAF)
}

/// The key `1:position:C:T` used by ``row(_:_:alt:ref:oncogenic:hotspot:protein:called:populationAF:)``.
func key(_ position: Int) -> MutationKey {
    MutationKey(chromosome: "1", position: position, reference: "C", alternate: "T")
}

/// Published defaults with a small CH gene list.
func testParameters() -> MethodParameters {
    MethodParameters(chGenes: ["DNMT3A", "TET2", "PPM1D"])
}

/// A paired mutation from two rows (either may be absent).
func pair(_ baseline: VariantRecord?, _ followup: VariantRecord?, minAltReads: Int = 2) -> PairedMutation {
    pairMutations(
        baseline: baseline.map { [$0] } ?? [], followup: followup.map { [$0] } ?? [],
        minAltReads: minAltReads)[0]
}
