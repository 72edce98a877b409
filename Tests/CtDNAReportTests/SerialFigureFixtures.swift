import CtDNACore
@testable import CtDNAReport

/// Small serial series for the trajectory figures: three timepoints with days, planted
/// trajectories (clearance then rebound, a missing middle timepoint, a single sample, a value
/// that is missing), two arms of one cohort.
enum SerialFigureFixtures {
    /// The ordered timepoint titles.
    static let titles = ["Baseline", "Week 8", "Progression"]

    /// The figure's groups.
    static let groups = [ReportGroup(cohort: "NSCLC", arm: "SBRT"), ReportGroup(cohort: "NSCLC", arm: "SOC")]

    /// The run's arms, sorted.
    static let arms = ["SBRT", "SOC"]

    /// A point.
    static func point(_ index: Int, _ day: Double?, _ value: Double?) -> TrajectoryPoint {
        TrajectoryPoint(timepointIndex: index, day: day, value: value)
    }

    /// Six patients: in SBRT P1 clears at week 8 and rebounds at progression, P2 lacks the
    /// progression sample, P3 lacks week 8, P4 has one sample; in SOC P5 rises and P6 has no
    /// value at progression.
    static let trajectories = [
        PatientTrajectory(patient: "P1", cohort: "NSCLC", arm: "SBRT",
                          points: [point(0, 0, 0.02), point(1, 56, 0), point(2, 180, 0.015)]),
        PatientTrajectory(patient: "P2", cohort: "NSCLC", arm: "SBRT", points: [point(0, 0, 0.05), point(1, 56, 0.01)]),
        PatientTrajectory(patient: "P3", cohort: "NSCLC", arm: "SBRT", points: [point(2, 170, 0.03), point(0, 0, 0.008)]),
        PatientTrajectory(patient: "P4", cohort: "NSCLC", arm: "SBRT", points: [point(0, 0, 0.1)]),
        PatientTrajectory(patient: "P5", cohort: "NSCLC", arm: "SOC",
                          points: [point(0, 0, 0.03), point(1, 60, 0.04), point(2, 150, 0.06)]),
        PatientTrajectory(patient: "P6", cohort: "NSCLC", arm: "SOC",
                          points: [point(0, 0, 0.004), point(1, 52, 0.002), point(2, 200, nil)]),
    ]

    /// A mutation.
    static func mutation(_ label: String, _ status: MutationStatus, clonal: Bool = false, _ values: [Double?]) -> MutationSeries {
        MutationSeries(label: label, status: status, isClonal: clonal, alleleFractions: values)
    }

    /// Days 0, 56 and 180 at the three timepoints.
    static let allThree = [
        TimepointPosition(timepointIndex: 0, day: 0), TimepointPosition(timepointIndex: 1, day: 56),
        TimepointPosition(timepointIndex: 2, day: 180),
    ]

    /// Six patients' mutations: P1 with every kind of mutation (three clonal, two kept, one CH
    /// gene, one low depth, which is not drawn); P2 without its progression sample; P3 without
    /// days and without week 8, its reference the progression; P4 a single sample; P5 nothing
    /// kept, one germline (matched-normal) mutation; P6 nine clonal mutations, more than the
    /// label column holds at once near the top.
    static let mutationSeries: [PatientMutationSeries] = [
        PatientMutationSeries(patient: "P1", cohort: "NSCLC", arm: "SBRT", timepoints: allThree, referenceIndex: 0, mutations: [
            mutation("TP53 p.R273H", .kept, clonal: true, [0.12, 0, 0.08]),
            mutation("KRAS p.G12C", .kept, clonal: true, [0.09, 0.001, 0.05]),
            mutation("PIK3CA p.E545K", .kept, clonal: true, [0.07, 0, 0.04]),
            mutation("STK11 p.Q37*", .kept, [0.01, 0, 0.02]),
            mutation("KEAP1 p.G333C", .kept, [0.004, 0.002, nil]),
            mutation("DNMT3A p.R882H", .chGene, [0.03, 0.028, 0.031]),
            mutation("NF1 p.R1276*", .lowDepth, [0.9, 0.9, 0.9]),
        ]),
        PatientMutationSeries(
            patient: "P2", cohort: "NSCLC", arm: "SBRT", timepoints: Array(allThree.prefix(2)), referenceIndex: 0,
            mutations: [
                mutation("EGFR p.L858R", .kept, clonal: true, [0.2, 0.02]),
                mutation("EGFR p.T790M", .kept, [0.05, 0]),
                mutation("TET2 p.Q1034*", .chVariant, [0.01, 0.012]),
            ]),
        PatientMutationSeries(
            patient: "P3", cohort: "NSCLC", arm: "SOC",
            timepoints: [TimepointPosition(timepointIndex: 0, day: nil), TimepointPosition(timepointIndex: 2, day: nil)],
            referenceIndex: 2,
            mutations: [
                mutation("ALK p.F1174L", .kept, clonal: true, [0, 0.08]),
                mutation("MET p.D1010H", .kept, [0.003, 0.02]),
            ]),
        PatientMutationSeries(
            patient: "P4", cohort: "NSCLC", arm: "SOC", timepoints: [allThree[0]], referenceIndex: 0,
            mutations: [
                mutation("TP53 p.R175H", .kept, clonal: true, [0.05]),
                mutation("RB1 p.R320*", .kept, [0.01]),
            ]),
        PatientMutationSeries(patient: "P5", cohort: "NSCLC", arm: "SOC", timepoints: allThree, referenceIndex: nil, mutations: [
            mutation("BRCA2 p.K3326*", .matchedNormal, [0.45, 0.5, 0.48]),
        ]),
        PatientMutationSeries(
            patient: "P6", cohort: "NSCLC", arm: "SBRT",
            timepoints: [TimepointPosition(timepointIndex: 0, day: 0), TimepointPosition(timepointIndex: 1, day: 50),
                         TimepointPosition(timepointIndex: 2, day: 120)],
            referenceIndex: 0,
            mutations: (1...9).map { index in
                let base = 0.3 - 0.01 * Double(index)
                return mutation("GENE\(index) p.A\(index)0V", .kept, clonal: true, [base, base / 20, base / 2])
            }),
    ]
}
