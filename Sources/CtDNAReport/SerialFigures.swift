import CtDNACore
import CtDNAModel

/// The figures of a series of more than two timepoints, from a run's document: the trajectories
/// of every patient per (cohort, arm), and each patient's mutations over time.
extension RunDocument {
    /// Whether the run draws trajectories: with more than two timepoints (with two, the paired
    /// plots draw the same lines).
    public var drawsTrajectories: Bool { timepoints.count > 2 }

    /// Every patient's values of `metric` over the run's timepoints, at its sampled draws (days
    /// from ``draws``), in the order of ``patients``.
    /// - Parameter metric: The metric.
    public func trajectories(of metric: Metric) -> [PatientTrajectory] {
        let samples = SampledTimepoint.byPatient(draws, timepoints: timepoints)
        return patients.indices.map { index in
            PatientTrajectory(patients[index], metric: metric, samples: samples[index] ?? [], order: timepoints)
        }
    }

    /// The patients' mutation series in page order: by (cohort, arm) group as the panels are,
    /// each group's patients in sheet order.
    public var mutationPageOrder: [PatientMutationSeries] {
        let groupOrder = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, $0) })
        return mutationSeries.enumerated().sorted { a, b in
            let ga = groupOrder[ReportGroup(cohort: a.element.cohort, arm: a.element.arm)] ?? 0
            let gb = groupOrder[ReportGroup(cohort: b.element.cohort, arm: b.element.arm)] ?? 0
            return ga != gb ? ga < gb : a.offset < b.offset
        }.map(\.element)
    }
}
