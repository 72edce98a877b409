import CtDNAModel

/// A MAF row on chromosome 1 at `position` (C>T), with counts and optional annotation; the AF
/// is alt / (alt + ref), `nil` when both are 0.
public func row(
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

/// The key `1:position:C:T` of ``row(_:_:alt:ref:oncogenic:hotspot:protein:called:populationAF:)``.
public func key(_ position: Int) -> MutationKey {
    MutationKey(chromosome: "1", position: position, reference: "C", alternate: "T")
}
