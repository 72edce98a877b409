import CtDNAModel

/// Whether a gene is on the CH gene list (symbols compared in upper case).
/// - Parameters:
///   - gene: the mutation's gene symbol, if known.
///   - chGenes: upper-case CH gene symbols.
/// - Returns: `true` when the gene is listed.
public func isCHGene(_ gene: String?, chGenes: Set<String>) -> Bool {
    guard let gene else { return false }
    return chGenes.contains(gene.uppercased())
}

/// Whether a gene symbol starts with `LOC` (uncharacterised loci), in any letter case.
/// - Parameter gene: the gene symbol, if known.
/// - Returns: `true` for `LOC...` symbols.
public func isLocGene(_ gene: String?) -> Bool {
    guard let gene else { return false }
    return gene.uppercased().hasPrefix("LOC")
}

/// MSK's "2:1 rule": whether the plasma signal is too weak compared with the matched normal.
///
/// The mutation is dropped when its higher plasma AF (over every timepoint) is below
/// `ratio` x its normal AF. A normal AF of 0 (absent from the normal table, or below the read
/// minimum) or no AF (no coverage in the normal) never drops a mutation.
/// - Parameters:
///   - plasmaAlleleFractions: the mutation's AF at each plasma timepoint.
///   - normalAlleleFraction: its AF in the matched normal, `nil` when uncovered.
///   - ratio: the required plasma-to-normal ratio (default 2).
/// - Returns: `true` when the mutation should leave the set.
public func failsMatchedNormal(
    plasmaAlleleFractions: [Double], normalAlleleFraction: Double?, ratio: Double
) -> Bool {
    guard let normal = normalAlleleFraction, normal > 0 else { return false }
    let plasma = plasmaAlleleFractions.max() ?? 0
    return plasma < ratio * normal
}

/// Whether any existing row has fewer reads (alt + ref, as written) than the minimum.
/// Rows absent from a table, or without counts, are not judged.
/// - Parameters:
///   - mutation: the mutation across the series.
///   - minDepth: the minimum depth, `nil` for no depth filter.
/// - Returns: `true` when the mutation should leave the set.
public func hasLowDepth(_ mutation: SeriesMutation, minDepth: Int?) -> Bool {
    guard let minDepth else { return false }
    return mutation.observations.contains { observation in
        guard let depth = observation.depth else { return false }
        return depth < minDepth
    }
}

/// Whether any row's population allele frequency is above the maximum.
/// - Parameters:
///   - mutation: the mutation across the series.
///   - maximum: the highest allowed population AF, `nil` for no filter.
/// - Returns: `true` when the mutation should leave the set.
public func exceedsPopulationAlleleFrequency(_ mutation: SeriesMutation, maximum: Double?) -> Bool {
    guard let maximum else { return false }
    return mutation.anyRecord { ($0.populationAlleleFrequency ?? 0) > maximum }
}

/// Every filter of docs/method.md §3 that removes a mutation, in ``MutationStatus/precedence`` order.
/// - Parameters:
///   - mutation: the mutation across the series.
///   - patient: the patient, for the manual drop list.
///   - normal: the mutation in the matched normal, `nil` when the patient has no normal.
///   - parameters: the method's parameters.
/// - Returns: the filter reasons that apply (empty when the mutation passes every filter).
public func filterReasons(
    for mutation: SeriesMutation, patient: String, normal: AlleleObservation?,
    parameters: MethodParameters
) -> [MutationStatus] {
    var reasons: [MutationStatus] = []
    if isCHGene(mutation.gene, chGenes: parameters.chGenes) { reasons.append(.chGene) }
    if let list = parameters.chVariants,
        list.matches(gene: mutation.gene, key: mutation.key, proteinChange: mutation.proteinChange)
    {
        reasons.append(.chVariant)
    }
    if let normal,
        failsMatchedNormal(
            plasmaAlleleFractions: mutation.observations.compactMap(\.alleleFraction),
            normalAlleleFraction: normal.alleleFraction, ratio: parameters.normalRatio)
    {
        reasons.append(.matchedNormal)
    }
    if parameters.dropLocGenes && isLocGene(mutation.gene) { reasons.append(.locGene) }
    if hasLowDepth(mutation, minDepth: parameters.minDepth) { reasons.append(.lowDepth) }
    if exceedsPopulationAlleleFrequency(mutation, maximum: parameters.maxPopulationAlleleFrequency) {
        reasons.append(.populationAlleleFrequency)
    }
    if parameters.dropList.contains(patient: patient, key: mutation.key) { reasons.append(.manual) }
    return reasons
}
