import Testing
import CtDNACore
import CtDNAModel
@testable import CtDNAReport

/// The serial figures' inputs built from a patient's result and samples.
@Suite("Serial figure inputs")
struct SerialFigureInputsTests {
    static let week8 = Timepoint("week8"), progression = Timepoint("progression")

    /// A patient whose series is baseline, week 8, progression, sampled at baseline (day 0) and
    /// progression (day 180), not at week 8; its reference is progression (index 2 of the series).
    static func result() -> PatientResult {
        let summary = PatientSummary(
            patient: "P7", cohort: "NSCLC", arm: "SBRT", timepoints: [.baseline, week8, progression], status: .paired,
            reference: ReferenceTimepoint(index: 2, rule: .allMutations),
            ctDNAFraction: [0.01, nil, 0.2], medianAlleleFraction: [0.004, nil, 0.1])
        func observation(_ af: Double?) -> AlleleObservation? {
            af.map { AlleleObservation(altCount: 1, refCount: 99, alleleFraction: $0) }
        }
        let key = MutationKey(chromosome: "17", position: 7673802, reference: "C", alternate: "T")
        let audit = [
            MutationAudit(patient: "P7", key: key, gene: "TP53", proteinChange: "p.R273H", variantClassification: nil,
                          observations: [observation(0.01), nil, observation(0.25)], normal: nil, status: .kept,
                          isDriver: true, isClonal: true, notes: []),
            MutationAudit(patient: "P7", key: key, gene: "TERT", proteinChange: nil, variantClassification: nil,
                          observations: [observation(0), nil, observation(nil)], normal: nil, status: .chVariant,
                          isDriver: false, isClonal: false, notes: []),
        ]
        return PatientResult(summary: summary, audit: audit)
    }

    static let samples = [SampledTimepoint(progression, day: 180), SampledTimepoint(.baseline, day: 0)]

    @Test func trajectoryTakesTheValuesOfTheSampledTimepoints() {
        let order = [Timepoint.baseline, Self.week8, Self.progression]
        let trajectory = PatientTrajectory(Self.result().summary, metric: .ctDNAFraction, samples: Self.samples, order: order)
        #expect(trajectory.points == [
            TrajectoryPoint(timepointIndex: 0, day: 0, value: 0.01), TrajectoryPoint(timepointIndex: 2, day: 180, value: 0.2),
        ])
        let median = PatientTrajectory(Self.result().summary, metric: .medianAlleleFraction, samples: Self.samples, order: order)
        #expect(median.points.map(\.value) == [0.004, 0.1])
        // Restricted to baseline and progression (as --timepoints would): progression is index 1.
        let restricted = PatientTrajectory(Self.result().summary, metric: .ctDNAFraction, samples: Self.samples,
                                           order: [.baseline, Self.progression])
        #expect(restricted.points.map(\.timepointIndex) == [0, 1])
        // Only baseline kept: the progression sample is not drawn.
        let baselineOnly = PatientTrajectory(Self.result().summary, metric: .ctDNAFraction, samples: Self.samples,
                                             order: [.baseline])
        #expect(baselineOnly.points == [TrajectoryPoint(timepointIndex: 0, day: 0, value: 0.01)])
    }

    @Test func mutationSeriesFollowTheSamplesAndTheReference() {
        let order = [Timepoint.baseline, Self.week8, Self.progression]
        let series = PatientMutationSeries(Self.result(), samples: Self.samples, order: order)
        #expect(series.timepoints == [TimepointPosition(timepointIndex: 0, day: 0), TimepointPosition(timepointIndex: 2, day: 180)])
        #expect(series.referenceIndex == 2)
        #expect(series.mutations == [
            MutationSeries(label: "TP53 p.R273H", status: .kept, isClonal: true, alleleFractions: [0.01, 0.25]),
            MutationSeries(label: "TERT 17:7673802:C:T", status: .chVariant, isClonal: false, alleleFractions: [0, nil]),
        ])
    }
}
