import CtDNAIO
import CtDNAModel
import CtDNAReport

/// The rows of `timepoints.tsv`: which patient was sampled at which analysed timepoint.
enum TimepointDraws {
    /// Every sheet row of an analysed timepoint as a draw, patients in the order given and each
    /// patient's timepoints in the run's order.
    /// - Parameters:
    ///   - sheet: The sample sheet.
    ///   - patients: The analysed patients, in document order.
    ///   - timepoints: The run's timepoints, in order.
    static func collect(sheet: SampleSheet, patients: [String], timepoints: [Timepoint]) -> [TimepointDraw] {
        let patientIndex = Dictionary(uniqueKeysWithValues: patients.enumerated().map { ($1, $0) })
        let place = Dictionary(uniqueKeysWithValues: timepoints.enumerated().map { ($1, $0) })
        var draws: [TimepointDraw] = []
        for entry in sheet.entries {
            guard let patient = patientIndex[entry.patient], let timepoint = place[entry.timepoint] else { continue }
            draws.append(TimepointDraw(patientIndex: patient, timepointIndex: timepoint, day: entry.day, sheetValues: entry.extraValues))
        }
        return draws.sorted { ($0.patientIndex, $0.timepointIndex) < ($1.patientIndex, $1.timepointIndex) }
    }
}
