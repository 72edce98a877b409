import CtDNAModel

extension PatientResult {
    /// The result laid onto a run's timepoints: a patient is analysed over the timepoints it
    /// has, in its own order (docs/method.md §11), and reported in the columns of the run,
    /// which may hold timepoints it lacks.
    ///
    /// Every per-timepoint array (values, counts, audit observations, tissue p) is re-ordered to
    /// `timepoints`, with `nil` where the patient has no sample; ``PatientSummary/sampled``
    /// says which timepoints it has and the reference timepoint's index follows its timepoint.
    /// Nothing is recomputed: the numbers are those of the patient's own series.
    /// - Parameter timepoints: The run's timepoints, in the run's order; they include every
    ///   timepoint of the patient's series.
    /// - Returns: The same result over `timepoints`.
    public func placed(on timepoints: [Timepoint]) -> PatientResult {
        let own = summary.timepoints
        if own == timepoints { return self }
        let source: [Int?] = timepoints.map { own.firstIndex(of: $0) }
        precondition(source.compactMap { $0 }.count == own.count, "the run's timepoints include the patient's")
        func reorder<Value>(_ values: [Value?]) -> [Value?] { source.map { $0.flatMap { values[$0] } } }
        var summary = self.summary
        summary.timepoints = timepoints
        summary.sampled = source.map { $0.map { self.summary.sampled[$0] } ?? false }
        summary.ctDNAFraction = self.summary.ctDNAFraction.map(reorder)
        summary.medianAlleleFraction = self.summary.medianAlleleFraction.map(reorder)
        summary.tumourInformedFraction = self.summary.tumourInformedFraction.map(reorder)
        summary.detectedCounts = self.summary.detectedCounts.map(reorder)
        summary.clonalDetectedCounts = self.summary.clonalDetectedCounts.map(reorder)
        if let reference = self.summary.reference {
            summary.reference = ReferenceTimepoint(index: timepoints.firstIndex(of: own[reference.index])!, rule: reference.rule)
        }
        let audit = self.audit.map { row in
            var row = row
            row.observations = reorder(row.observations)
            if var tissue = row.tissue {
                tissue.purities = reorder(tissue.purities)
                tissue.nonPositiveDenominators = tissue.nonPositiveDenominators.map { timepoints.firstIndex(of: own[$0])! }
                row.tissue = tissue
            }
            return row
        }
        return PatientResult(summary: summary, audit: audit)
    }
}
