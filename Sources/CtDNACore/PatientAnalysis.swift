import CtDNAIO

/// Runs the whole method (METHOD.md sections 2-3) on one patient.
///
/// A patient without both plasma timepoints is excluded: its summary carries the reason and no
/// numbers, and its audit rows (from the table it has) carry status `excluded`. Otherwise every
/// mutation of either table gets an audit row; the kept ones form S, from which the drivers, the
/// reference timepoint, the clonal set, the ctDNA fractions and the median AFs follow. With S
/// empty the patient is `not_detected`: fraction 0 and median AF 0 at both timepoints.
/// - Parameters:
///   - samples: the patient's tables.
///   - parameters: the method's parameters.
///   - copyNumbers: optional tumour copy numbers per mutation for the tumour-informed fraction
///     (METHOD.md 3.9); clonal mutations without an entry are left out of it.
/// - Returns: the patient's summary and audit rows.
public func analyzePatient(
    _ samples: PatientSamples, parameters: MethodParameters,
    copyNumbers: [MutationKey: MutantCopyNumber] = [:]
) -> PatientResult {
    guard let baselineTable = samples.baseline, let followupTable = samples.followup else {
        return excludedResult(samples, parameters: parameters)
    }
    let normalIndex = samples.normal.map(indexByMutation)
    // A table that lists a mutation twice: the first row is used, and the audit says so.
    let (paired, repeatedInBaseline, repeatedInFollowup) = pairMutationsNotingRepeats(
        baseline: baselineTable, followup: followupTable, minAltReads: parameters.minAltReads)
    let repeated = (baseline: repeatedInBaseline, followup: repeatedInFollowup)

    var audit: [MutationAudit] = []
    var somatic: [SomaticMutation] = []
    var unionCount = 0
    for mutation in paired {
        let normal = normalIndex.map { index in
            index[mutation.key].map { observeAlleleFraction($0, minAltReads: parameters.minAltReads) } ?? .absent
        }
        var reasons = unionExclusions(mutation)
        let inUnion = !reasons.contains(.notDetected) && !reasons.contains(.notCalled)
        if inUnion {
            unionCount += 1
            reasons += filterReasons(
                for: mutation, patient: samples.patient, normal: normal, parameters: parameters)
        }
        let status = reasons.first ?? .kept
        let driver = status == .kept
            && isDriver(mutation, likelyOncogenicIsDriver: parameters.likelyOncogenicIsDriver)
        if status == .kept {
            somatic.append(SomaticMutation(
                key: mutation.key, baseline: mutation.baseline.alleleFraction ?? 0,
                followup: mutation.followup.alleleFraction ?? 0, isDriver: driver,
                isOncogenic: mutation.anyRecord(isOncogenic)))
        }
        audit.append(MutationAudit(
            patient: samples.patient, key: mutation.key, gene: mutation.gene,
            proteinChange: mutation.proteinChange, variantClassification: mutation.variantClassification,
            baseline: mutation.baseline, followup: mutation.followup, normal: normal, status: status,
            isDriver: driver, isClonal: false,
            notes: auditNotes(reasons: reasons, mutation: mutation, normal: normal)
                + (repeated.baseline.contains(mutation.key) ? ["duplicate_rows_baseline"] : [])
                + (repeated.followup.contains(mutation.key) ? ["duplicate_rows_followup"] : [])))
    }

    var summary = PatientSummary(
        patient: samples.patient, cohort: samples.cohort, arm: samples.arm, status: .notDetected,
        mutationCount: unionCount, somaticCount: somatic.count,
        driverCount: somatic.filter(\.isDriver).count, clonalCount: 0,
        ctDNAFraction: PairedMetric(baseline: 0, followup: 0),
        medianAlleleFraction: PairedMetric(baseline: 0, followup: 0))
    guard let reference = chooseReferenceTimepoint(
        somatic: somatic, tieBreakThreshold: parameters.tieBreakThreshold)
    else {
        return PatientResult(summary: summary, audit: audit)
    }
    let clonal = selectClonalSet(
        somatic: somatic, reference: reference.timepoint, clonalFraction: parameters.clonalFraction)
    let clonalKeys = clonal.keys
    for index in audit.indices where clonalKeys.contains(audit[index].key) {
        audit[index].isClonal = true
    }
    let fraction = PairedMetric(
        baseline: ctDNAFraction(clonalAlleleFractions: clonal.members.map(\.baseline)),
        followup: ctDNAFraction(clonalAlleleFractions: clonal.members.map(\.followup)))
    summary.status = .paired
    summary.reference = reference
    summary.clonalCount = clonal.members.count
    summary.ctDNAFraction = fraction
    summary.medianAlleleFraction = PairedMetric(
        baseline: median(somatic.map(\.baseline)) ?? 0, followup: median(somatic.map(\.followup)) ?? 0)
    let informed = clonal.members.compactMap { member in
        copyNumbers[member.key].map { (member, $0) }
    }
    if !informed.isEmpty {
        summary.tumourInformedFraction = PairedMetric(
            baseline: tumourInformedFraction(clonal: informed.map { ($0.0.baseline, $0.1) }),
            followup: tumourInformedFraction(clonal: informed.map { ($0.0.followup, $0.1) }))
    }
    if fraction.baseline > 1 || fraction.followup > 1 {
        summary.flags.append("fraction_above_1")
    }
    return PatientResult(summary: summary, audit: audit)
}

/// Runs ``analyzePatient(_:parameters:copyNumbers:)`` on every patient, keeping their order.
/// - Parameters:
///   - patients: the patients' tables.
///   - parameters: the method's parameters.
/// - Returns: one result per patient, in the order given.
public func analyzeCohort(_ patients: [PatientSamples], parameters: MethodParameters) -> [PatientResult] {
    patients.map { analyzePatient($0, parameters: parameters) }
}

/// The audit notes of a mutation: every reason that applied, then read-rule and normal remarks.
func auditNotes(reasons: [MutationStatus], mutation: PairedMutation, normal: AlleleObservation?) -> [String] {
    var notes = reasons.map(\.rawValue)
    if mutation.baseline.belowMinimumAltReads { notes.append("min_alt_reads_baseline") }
    if mutation.followup.belowMinimumAltReads { notes.append("min_alt_reads_followup") }
    if let normal, !normal.hasCoverage { notes.append("normal_no_coverage") }
    return notes
}

/// The keys that appear on more than one row of a table.
/// - Parameter records: One sample's rows.
/// - Returns: The repeated keys; empty for a table without repeats.
public func repeatedKeys(_ records: [VariantRecord]) -> Set<MutationKey> {
    firstRowsInKeyOrder(records.map(\.key)).repeated
}

/// The result of a patient lacking a plasma timepoint.
func excludedResult(_ samples: PatientSamples, parameters: MethodParameters) -> PatientResult {
    let reason = samples.exclusionReason ?? "missing sample"
    let baselineIndex = samples.baseline.map(indexByMutation)
    let followupIndex = samples.followup.map(indexByMutation)
    let keys = Set(baselineIndex?.keys.map { $0 } ?? []).union(followupIndex?.keys.map { $0 } ?? []).sorted()
    let audit = keys.map { key in
        let record = baselineIndex?[key] ?? followupIndex?[key]
        let observe: ([MutationKey: VariantRecord]) -> AlleleObservation = { index in
            index[key].map { observeAlleleFraction($0, minAltReads: parameters.minAltReads) } ?? .absent
        }
        return MutationAudit(
            patient: samples.patient, key: key, gene: record?.gene, proteinChange: record?.proteinChange,
            variantClassification: record?.variantClassification, baseline: baselineIndex.map(observe),
            followup: followupIndex.map(observe), normal: nil, status: .excluded, isDriver: false,
            isClonal: false, notes: [reason])
    }
    return PatientResult(
        summary: PatientSummary(
            patient: samples.patient, cohort: samples.cohort, arm: samples.arm,
            status: .excluded(reason: reason)),
        audit: audit)
}
