import CtDNAIO
import CtDNAModel

/// The sample sheet's own columns (clinical covariates) per patient, for the per-patient outputs.
struct PatientCovariates {
    /// The columns, in the sheet's header order.
    var columns: [String]
    /// Each patient's values, in the order of the patients asked for.
    var values: [[String?]]
    /// The columns whose value differs between a patient's rows, with the first such patient.
    var conflicts: [(column: String, patient: String)]

    /// Gathers each patient's value of every extra column over its sheet rows: the value the rows
    /// give (missing cells ignored); distinct values joined with `;` in sheet order, and the
    /// column noted as a conflict.
    /// - Parameters:
    ///   - sheet: The sample sheet.
    ///   - patients: The patients, in output order.
    init(sheet: SampleSheet, patients: [String]) {
        let columns = sheet.extraColumns
        self.columns = columns
        var valuesOfPatient: [String: [[String]]] = [:]
        for entry in sheet.entries {
            var current = valuesOfPatient[entry.patient] ?? Array(repeating: [], count: columns.count)
            for (column, value) in entry.extraValues.enumerated() {
                if let value, !current[column].contains(value) { current[column].append(value) }
            }
            valuesOfPatient[entry.patient] = current
        }
        var conflicts: [(column: String, patient: String)] = []
        values = patients.map { patient in
            let gathered = valuesOfPatient[patient] ?? []
            return gathered.enumerated().map { column, distinct in
                if distinct.count > 1 && !conflicts.contains(where: { $0.column == columns[column] }) {
                    conflicts.append((columns[column], patient))
                }
                return distinct.isEmpty ? nil : distinct.joined(separator: ";")
            }
        }
        self.conflicts = conflicts
    }
}
