import CtDNACore
import CtDNAModel

/// A timepoint a patient has a sample at, with the sample's day: what the serial figures need
/// from the sample sheet beside the method's results.
public struct SampledTimepoint: Sendable, Hashable {
    /// The timepoint.
    public var timepoint: Timepoint
    /// Days from the common origin (the sheet's `day` column); `nil` when the sheet has none.
    public var day: Double?

    /// Creates a sampled timepoint.
    /// - Parameters:
    ///   - timepoint: the timepoint.
    ///   - day: days from the common origin, `nil` when unknown.
    public init(_ timepoint: Timepoint, day: Double?) {
        self.timepoint = timepoint
        self.day = day
    }
}

extension SampledTimepoint {
    /// Each patient's sampled timepoints with their days, by the patient's index, from a run's
    /// draws (``RunDocument/draws``): what the trajectories and the mutation pages draw.
    /// - Parameters:
    ///   - draws: The draws, each naming a patient and a timepoint by index.
    ///   - timepoints: The run's timepoints, which the draws' timepoint indices name.
    public static func byPatient(_ draws: [TimepointDraw], timepoints: [Timepoint]) -> [Int: [SampledTimepoint]] {
        var samples: [Int: [SampledTimepoint]] = [:]
        for draw in draws {
            samples[draw.patientIndex, default: []].append(SampledTimepoint(timepoints[draw.timepointIndex], day: draw.day))
        }
        return samples
    }
}

/// The samples of a patient placed on a figure's timepoints: each sample whose timepoint is in
/// `order`, with its index there and where its values sit in the patient's series, in order.
/// - Parameters:
///   - samples: the patient's samples.
///   - series: the timepoints of the patient's series (``PatientSummary/timepoints``), which
///     the per-timepoint values follow.
///   - order: the figure's ordered timepoints.
/// - Returns: one entry per sample drawn, in the order of `order`.
private func placed(
    _ samples: [SampledTimepoint], series: [Timepoint], order: [Timepoint]
) -> [(position: TimepointPosition, valueIndex: Int?)] {
    samples.compactMap { sample -> (position: TimepointPosition, valueIndex: Int?)? in
        guard let index = order.firstIndex(of: sample.timepoint) else { return nil }
        return (TimepointPosition(timepointIndex: index, day: sample.day), series.firstIndex(of: sample.timepoint))
    }.sorted { $0.position.timepointIndex < $1.position.timepointIndex }
}

extension PatientTrajectory {
    /// A patient's series of `metric`, from its summary and its samples.
    ///
    /// A sample at a timepoint outside `order` (left out by `--timepoints`) is not drawn; a
    /// sample whose timepoint has no value in the summary (or an excluded patient, which has
    /// none) is a point without a value, skipped by the plot.
    /// - Parameters:
    ///   - summary: the patient's summary; its per-timepoint values follow its ``PatientSummary/timepoints``.
    ///   - metric: the metric.
    ///   - samples: the timepoints the patient has a sample at, with their days.
    ///   - order: the figure's ordered timepoints (the ones its titles name).
    public init(_ summary: PatientSummary, metric: Metric, samples: [SampledTimepoint], order: [Timepoint]) {
        let values = summary.values(of: metric)
        self.init(
            patient: summary.patient, cohort: summary.cohort, arm: summary.arm,
            points: placed(samples, series: summary.timepoints, order: order).map { sample in
                let value = sample.valueIndex.flatMap { index in values.flatMap { $0.indices.contains(index) ? $0[index] : nil } }
                return TrajectoryPoint(timepointIndex: sample.position.timepointIndex, day: sample.position.day, value: value)
            })
    }
}

extension MutationSeries {
    /// A mutation's series from its audit row, at the patient's samples.
    /// - Parameters:
    ///   - audit: the audit row; its observations follow the patient's series.
    ///   - valueIndices: for each sample drawn, where its observation sits (`nil`: none).
    init(_ audit: MutationAudit, valueIndices: [Int?]) {
        self.init(
            label: Self.label(audit), status: audit.status, isClonal: audit.isClonal,
            alleleFractions: valueIndices.map { index in
                index.flatMap { audit.observations.indices.contains($0) ? audit.observations[$0]?.alleleFraction : nil }
            })
    }

    /// What a reader knows a mutation by: `TP53 p.R273H` (gene and protein change), the gene
    /// and the key when there is no protein change (`TERT 5:1295228:G:A`), or the key alone.
    /// - Parameter audit: the audit row.
    public static func label(_ audit: MutationAudit) -> String {
        let gene = audit.gene.flatMap { $0.isEmpty ? nil : $0 }
        let protein = audit.proteinChange.flatMap { $0.isEmpty ? nil : $0 }
        switch (gene, protein) {
        case let (gene?, protein?): return "\(gene) \(protein)"
        case let (gene?, nil): return "\(gene) \(audit.key)"
        default: return audit.key.description
        }
    }
}

extension PatientMutationSeries {
    /// A patient's mutations over time, from its result and its samples: every audit row, at
    /// each sample whose timepoint is in `order`, with the reference timepoint of the summary.
    /// - Parameters:
    ///   - result: the patient's summary and audit rows.
    ///   - samples: the timepoints the patient has a sample at, with their days.
    ///   - order: the figure's ordered timepoints (the ones its titles name).
    public init(_ result: PatientResult, samples: [SampledTimepoint], order: [Timepoint]) {
        let summary = result.summary
        let drawn = placed(samples, series: summary.timepoints, order: order)
        let valueIndices = drawn.map(\.valueIndex)
        self.init(
            patient: summary.patient, cohort: summary.cohort, arm: summary.arm, timepoints: drawn.map(\.position),
            referenceIndex: summary.referenceTimepoint.flatMap { order.firstIndex(of: $0) },
            mutations: result.audit.map { MutationSeries($0, valueIndices: valueIndices) })
    }
}
