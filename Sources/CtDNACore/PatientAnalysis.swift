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
///   - copyNumbers: Optional tumour copy numbers per mutation for the tumour-informed fraction
///     (docs/method.md §9); clonal mutations without an entry are left out of it.
/// - Returns: The patient's summary and audit rows (in key order).
public func analyzePatient(
    _ series: PatientSeries, parameters: MethodParameters,
    copyNumbers: [MutationKey: MutantCopyNumber] = [:]
) -> PatientResult {
    if let reason = series.exclusionReason {
        return excludedResult(series, reason: reason, parameters: parameters)
    }
    let timepoints = series.timepoints
    let normalIndex = series.normal.map(indexByMutation)
    // A table that lists a mutation twice: the first row is used, and the audit says so.
    let (mutations, repeated) = mergeSeries(series.tables.map { $0! }, minAltReads: parameters.minAltReads)

    var audit: [MutationAudit] = []
    audit.reserveCapacity(mutations.count)
    var somatic: [SomaticMutation] = []
    var unionCount = 0
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
        audit.append(MutationAudit(
            patient: series.patient, key: mutation.key, gene: mutation.gene,
            proteinChange: mutation.proteinChange, variantClassification: mutation.variantClassification,
            observations: mutation.observations, normal: normal, status: status, isDriver: driver,
            hasDriverAnnotation: annotatedDriver, isClonal: false, notes: notes))
    }

    let zeros: [Double?] = Array(repeating: 0.0, count: timepoints.count)
    var summary = PatientSummary(
        patient: series.patient, cohort: series.cohort, arm: series.arm, timepoints: timepoints,
        status: .notDetected, mutationCount: unionCount, somaticCount: somatic.count,
        driverCount: somatic.filter(\.isDriver).count, clonalCount: 0,
        ctDNAFraction: zeros, medianAlleleFraction: zeros)
    summary.detectedCounts = timepoints.indices.map { place in somatic.count { ($0.alleleFractions[place] ?? 0) > 0 } }
    summary.clonalDetectedCounts = timepoints.map { _ in 0 }
    summary.molecularResponse = MolecularResponse(summary.pair(of: parameters.responseMetric), threshold: parameters.responseThreshold)
    guard let reference = chooseReferenceTimepoint(somatic: somatic, tieBreakThreshold: parameters.tieBreakThreshold) else {
        return PatientResult(summary: summary, audit: audit)
    }
    let clonal = selectClonalSet(somatic: somatic, reference: reference.index, clonalFraction: parameters.clonalFraction)
    let clonalKeys = clonal.keys
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
    let informed = clonal.members.compactMap { member in copyNumbers[member.key].map { (member, $0) } }
    if !informed.isEmpty {
        summary.tumourInformedFraction = timepoints.indices.map { timepoint in
            let covered = informed.compactMap { pair in pair.0.alleleFractions[timepoint].map { ($0, pair.1) } }
            return covered.isEmpty ? nil : tumourInformedFraction(clonal: covered)
        }
    }
    summary.molecularResponse = MolecularResponse(summary.pair(of: parameters.responseMetric), threshold: parameters.responseThreshold)
    if fractions.contains(where: { ($0 ?? 0) > 1 }) {
        summary.flags.append("fraction_above_1")
    }
    return PatientResult(summary: summary, audit: audit)
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
