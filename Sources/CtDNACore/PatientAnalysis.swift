import CtDNAModel

/// Runs the whole method (docs/method.md §1-§8) on one patient's series of samples.
///
/// A patient missing a sample of the series is excluded: its summary carries the reason and
/// no numbers, and its audit rows (from the tables it has) carry status `excluded`. Otherwise
/// every mutation of any table gets an audit row; the kept ones form S, from which the
/// drivers, the reference timepoint, the clonal set, and the ctDNA fraction and median AF at
/// every timepoint follow. With S empty the patient is `not_detected`: fraction 0 and median
/// AF 0 at every timepoint.
/// - Parameters:
///   - series: The patient's tables.
///   - parameters: The method's parameters.
///   - tissue: The patient's tissue copy numbers, for the tumour-informed fraction
///     (docs/method.md §9); `nil` when the run has none for the patient. Each tissue mutation
///     that counts (``chooseTissueRows(_:)``) and is in S gives a p at each timepoint.
/// - Returns: The patient's summary and audit rows (in key order).
public func analyzePatient(
    _ series: PatientSeries, parameters: MethodParameters, tissue: PatientTissue? = nil
) -> PatientResult {
    if let reason = series.exclusionReason {
        return excludedResult(series, reason: reason, parameters: parameters)
    }
    let timepoints = series.timepoints
    let normalIndex = series.normal.map(indexByMutation)
    // A table that lists a mutation twice: the first row is used, and the audit says so.
    let (mutations, repeatedSets) = mergeSeries(series.tables.map { $0! }, minAltReads: parameters.minAltReads)
    let repeated = repeatedSets.map(MutationKeySet.init)

    var audit: [MutationAudit] = []
    audit.reserveCapacity(mutations.count)
    var somatic: [SomaticMutation] = []
    var unionCount = 0
    let tissueRows = tissue.map { chooseTissueRows($0.rows) }
    let isMale = tissue?.isMale ?? false
    for mutation in mutations {
        let normal = normalIndex.map { index in
            index[mutation.key].map { observeAlleleFraction($0, minAltReads: parameters.minAltReads) } ?? .absent
        }
        var reasons = unionExclusions(mutation)
        let uncovered = uncoveredTimepoints(mutation)
        if reasons.isEmpty {
            unionCount += 1
            if parameters.dropUncovered && !uncovered.isEmpty { reasons.append(.noCoverage) }
            reasons += filterReasons(for: mutation, patient: series.patient, normal: normal, parameters: parameters)
        }
        let status = reasons.first ?? .kept
        let annotatedDriver = !reasons.contains(.notDetected)
            && isDriver(mutation, likelyOncogenicIsDriver: parameters.likelyOncogenicIsDriver)
        let driver = status == .kept && annotatedDriver
        if status == .kept {
            somatic.append(SomaticMutation(
                key: mutation.key, alleleFractions: mutation.observations.map(\.alleleFraction),
                isDriver: driver, isOncogenic: mutation.anyRecord(isOncogenic)))
        }
        var notes = auditNotes(reasons: reasons, mutation: mutation, normal: normal, timepoints: timepoints)
        for place in uncovered { notes.append("no_coverage_\(timepoints[place].name)") }
        for (timepoint, keys) in zip(timepoints, repeated) where keys.contains(mutation.key) {
            notes.append("duplicate_rows_\(timepoint.name)")
        }
        var row = MutationAudit(
            patient: series.patient, key: mutation.key, gene: mutation.gene,
            proteinChange: mutation.proteinChange, variantClassification: mutation.variantClassification,
            observations: mutation.observations, normal: normal, status: status, isDriver: driver,
            hasDriverAnnotation: annotatedDriver, isClonal: false, notes: notes, tissue: nil)
        // The tissue estimate and its notes only in a run with tissue copy numbers: without one,
        // no optional estimate (some 200 bytes) is made and copied along for every mutation.
        if let tissueRows {
            if let tissueRow = tissueRows.chosen[mutation.key] {
                let estimate = TissueEstimate(
                    row: tissueRow, alleleFractions: mutation.observations.map(\.alleleFraction), isMale: isMale,
                    inSomaticSet: status == .kept)
                row.notes += tissueNotes(estimate, timepoints: timepoints)
                row.tissue = estimate
            }
            if tissueRows.notClonal.contains(mutation.key) { row.notes.append("tissue_not_clonal") }
        }
        audit.append(row)
    }
    let tumourInformed = tissueRows.map { rows in
        TumourInformedSummary(estimates: audit.compactMap(\.tissue), tissueMutations: rows.chosen.count, timepoints: timepoints.count)
    }

    let zeros: [Double?] = Array(repeating: 0.0, count: timepoints.count)
    var summary = PatientSummary(
        patient: series.patient, cohort: series.cohort, arm: series.arm, timepoints: timepoints,
        status: .notDetected, mutationCount: unionCount, somaticCount: somatic.count,
        driverCount: somatic.filter(\.isDriver).count, clonalCount: 0,
        ctDNAFraction: zeros, medianAlleleFraction: zeros, tumourInformedFraction: tumourInformed?.fractions)
    summary.tissueMutationCount = tumourInformed?.tissueMutations
    summary.tissueMutationsUsed = tumourInformed?.used
    summary.detectedCounts = timepoints.indices.map { place in somatic.count { ($0.alleleFractions[place] ?? 0) > 0 } }
    summary.clonalDetectedCounts = timepoints.map { _ in 0 }
    summary.molecularResponse = MolecularResponse(summary.pair(of: parameters.responseMetric), threshold: parameters.responseThreshold)
    guard let reference = chooseReferenceTimepoint(somatic: somatic, tieBreakThreshold: parameters.tieBreakThreshold) else {
        summary.flags += tumourInformed?.flags ?? []
        return PatientResult(summary: summary, audit: audit)
    }
    let clonal = selectClonalSet(somatic: somatic, reference: reference.index, clonalFraction: parameters.clonalFraction)
    let clonalKeys = MutationKeySet(clonal.keys)
    for index in audit.indices where clonalKeys.contains(audit[index].key) {
        audit[index].isClonal = true
    }
    let fractions = timepoints.indices.map { timepoint in
        ctDNAFraction(clonalAlleleFractions: clonal.members.map { $0.alleleFractions[timepoint] })
    }
    summary.status = timepoints.count == 1 ? .singleSample : .paired
    summary.reference = reference
    summary.clonalDetectedCounts = timepoints.indices.map { place in clonal.members.count { ($0.alleleFractions[place] ?? 0) > 0 } }
    summary.clonalCount = clonal.members.count
    summary.ctDNAFraction = fractions
    summary.medianAlleleFraction = timepoints.indices.map { timepoint in
        Averages.median(somatic.compactMap { $0.alleleFractions[timepoint] })
    }
    summary.molecularResponse = MolecularResponse(summary.pair(of: parameters.responseMetric), threshold: parameters.responseThreshold)
    if fractions.contains(where: { ($0 ?? 0) > 1 }) {
        summary.flags.append("fraction_above_1")
    }
    summary.flags += tumourInformed?.flags ?? []
    return PatientResult(summary: summary, audit: audit)
}

/// A patient's tumour-informed numbers, from the estimates of its plasma mutations that have a
/// tissue row.
private struct TumourInformedSummary {
    /// The fraction at each timepoint (``tumourInformedFraction(purities:)``).
    var fractions: [Double?]
    /// Tissue mutations that count, one per key.
    var tissueMutations: Int
    /// Those in S with an m.
    var used: Int
    /// `no_tissue_mutation_in_plasma` (none of them is in S), `tumour_informed_p_above_1` (a p
    /// above 1 at some timepoint), `tumour_informed_denominator_not_positive` (a mutation without
    /// p at some timepoint because m + (N - C_T)·AF ≤ 0).
    var flags: [String]

    init(estimates: [TissueEstimate], tissueMutations: Int, timepoints: Int) {
        let usable = estimates.filter(\.isUsed)
        fractions = (0..<timepoints).map { timepoint in tumourInformedFraction(purities: usable.map { $0.purities[timepoint] }) }
        self.tissueMutations = tissueMutations
        used = usable.count
        flags = []
        if !estimates.contains(where: \.inSomaticSet) { flags.append("no_tissue_mutation_in_plasma") }
        if usable.contains(where: { $0.purities.contains { ($0 ?? 0) > 1 } }) { flags.append("tumour_informed_p_above_1") }
        if usable.contains(where: { !$0.nonPositiveDenominators.isEmpty }) { flags.append("tumour_informed_denominator_not_positive") }
    }
}

/// The audit notes of a mutation with a tissue row: why it has no m, and at which timepoints
/// its denominator was not positive or its p above 1.
/// - Parameters:
///   - estimate: The mutation's tissue estimate.
///   - timepoints: The series' timepoints, naming the notes.
public func tissueNotes(_ estimate: TissueEstimate, timepoints: [Timepoint]) -> [String] {
    var notes: [String] = []
    if case let .failure(problem) = estimate.mutantCopies { notes.append(problem.rawValue) }
    for index in estimate.nonPositiveDenominators {
        notes.append("tumour_informed_denominator_not_positive_\(timepoints[index].name)")
    }
    for (timepoint, p) in zip(timepoints, estimate.purities) where (p ?? 0) > 1 {
        notes.append("tumour_informed_p_above_1_\(timepoint.name)")
    }
    return notes
}

/// The audit notes of a mutation: every reason that applied, then read-rule and normal remarks.
func auditNotes(
    reasons: [MutationStatus], mutation: SeriesMutation, normal: AlleleObservation?, timepoints: [Timepoint]
) -> [String] {
    var notes = reasons.map(\.rawValue)
    for (timepoint, observation) in zip(timepoints, mutation.observations) where observation.belowMinimumAltReads {
        notes.append("min_alt_reads_\(timepoint.name)")
    }
    if let normal, !normal.hasCoverage { notes.append("normal_no_coverage") }
    return notes
}

/// The result of a patient lacking a plasma sample: every mutation of the tables it has,
/// with status `excluded` and the reason as its note.
func excludedResult(_ series: PatientSeries, reason: String, parameters: MethodParameters) -> PatientResult {
    let indexes = series.tables.map { $0.map(indexByMutation) }
    var keys: Set<MutationKey> = []
    for index in indexes { keys.formUnion(index?.keys ?? [:].keys) }
    let audit = keys.sorted().map { key in
        let record = indexes.lazy.compactMap { $0?[key] }.first
        let observations = indexes.map { index in
            index.map { $0[key].map { observeAlleleFraction($0, minAltReads: parameters.minAltReads) } ?? .absent }
        }
        return MutationAudit(
            patient: series.patient, key: key, gene: record?.gene, proteinChange: record?.proteinChange,
            variantClassification: record?.variantClassification, observations: observations, normal: nil,
            status: .excluded, isDriver: false, isClonal: false, notes: [reason])
    }
    return PatientResult(
        summary: PatientSummary(
            patient: series.patient, cohort: series.cohort, arm: series.arm, timepoints: series.timepoints,
            status: .excluded(reason: reason)),
        audit: audit)
}
