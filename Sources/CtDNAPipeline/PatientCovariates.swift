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

    /// These covariates with the columns of a clinical table (one row per patient, a `patient`
    /// column) appended; a column the sheet has too is taken from the clinical table.
    /// - Parameters:
    ///   - table: The clinical table.
    ///   - patients: The run's patients, in output order.
    /// - Returns: The merged covariates, and warnings for patients in only one of the two.
    /// - Throws: `InputError` for a table without a `patient` column or with a patient twice.
    func merging(clinical table: DelimitedTable, patients: [String]) throws -> (PatientCovariates, [String]) {
        let patientColumn = try table.requireColumn("patient")
        let own = table.header.indices.filter { $0 != patientColumn }
        var rowOfPatient: [String: DelimitedTable.Row] = [:]
        for row in table.rows {
            let patient = CellText.trimmed(row.fields[patientColumn])
            if let earlier = rowOfPatient[patient] {
                throw InputError(file: table.name, line: row.lineNumber, column: table.header[patientColumn],
                                 message: "patient \"\(patient)\" has a second row (the first is on line \(earlier.lineNumber))")
            }
            rowOfPatient[patient] = row
        }
        var merged = self
        let names = own.map { CellText.trimmed(table.header[$0]) }
        let kept = merged.columns.indices.filter { !names.contains(merged.columns[$0]) }
        merged.columns = kept.map { merged.columns[$0] } + names
        merged.values = patients.indices.map { index in
            let sheetValues = kept.map { values[index][$0] }
            guard let row = rowOfPatient[patients[index]] else { return sheetValues + names.map { _ in nil } }
            return sheetValues + own.map { column in
                let cell = CellText.trimmed(row.fields[column])
                return CellText.isMissing(cell) ? nil : cell
            }
        }
        var warnings: [String] = []
        let known = Set(patients)
        let unknown = table.rows.map { CellText.trimmed($0.fields[patientColumn]) }.filter { !known.contains($0) }
        if !unknown.isEmpty {
            warnings.append("\(table.name): \(unknown.count) patient\(unknown.count == 1 ? " is" : "s are") not in the sample sheet: "
                + unknown.prefix(5).joined(separator: ", ") + (unknown.count > 5 ? ", ..." : ""))
        }
        let missing = patients.filter { rowOfPatient[$0] == nil }
        if !missing.isEmpty {
            warnings.append("\(table.name): \(missing.count) patient\(missing.count == 1 ? " of the sheet has" : "s of the sheet have") no row: "
                + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", ..." : ""))
        }
        return (merged, warnings)
    }
}
