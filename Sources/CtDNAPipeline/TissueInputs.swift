import CtDNACore
import CtDNAIO
import CtDNAModel

/// The tissue copy numbers of a run (docs/method.md §9), by patient: from a table of many
/// patients (`--tissue`, with a `patient` column) and from the sample sheet's `tissue` column
/// (a table per patient), with purities from an optional per-patient table.
struct TissueInputs {
    /// Each patient's tissue rows, sex and table(s). A patient named in the sheet's `tissue`
    /// column is here even when its table has no row of it; a patient a `--tissue` table does
    /// not mention is not (it has no tissue data).
    var patients: [String: TissueOfPatient] = [:]
    /// The tables read, in the order read (the `--tissue` table, then the sheet's, then the
    /// purity table), with their roles, for the report's inputs.
    var files: [(path: String, role: String)] = []

    /// Whether the run has tissue copy numbers at all: a `--tissue` table or a sheet `tissue` column value.
    let isEnabled: Bool

    /// Reads every tissue table of a run, before any variant table, so a bad one stops the run at once.
    /// - Parameters:
    ///   - sheet: The validated sample sheet (its `tissue` and `sex` columns).
    ///   - table: The `--tissue` table, if any.
    ///   - purityTable: The per-patient purity table, if any.
    /// - Throws: `InputError` or `SystemError` from the readers, naming the file, line and column.
    init(sheet: SampleSheet, table: String?, purityTable: String?) throws {
        let sheetTables = sheet.entries.compactMap(\.tissue)
        isEnabled = table != nil || !sheetTables.isEmpty
        guard isEnabled else {
            if let purityTable {
                throw InputError(file: purityTable, message: "a tissue purity table is given but no tissue table (--tissue or the sample sheet's tissue column)")
            }
            return
        }
        let purities = try purityTable.map { try TissuePurityTable.read(path: $0) } ?? [:]
        var isMale: [String: Bool] = [:]
        for entry in sheet.entries where isMale[entry.patient] == nil {
            if let sex = entry.sex { isMale[entry.patient] = sex == .male }
        }
        func add(_ rows: TissueRows, from path: String, patients: [String]) {
            for patient in patients {
                var tissue = self.patients[patient] ?? TissueOfPatient(
                    data: PatientTissue(rows: [], isMale: isMale[patient] ?? false), file: path, builds: [])
                if tissue.file != path { tissue.file += ", " + path }
                tissue.data.rows += rows.rowsByPatient[patient] ?? []
                tissue.builds.formUnion(rows.buildsByPatient[patient] ?? [])
                self.patients[patient] = tissue
            }
        }
        if let table {
            let rows = try TissueTableReader.read(path: table, owner: nil, patients: Set(sheet.patients), purities: purities)
            add(rows, from: table, patients: sheet.patients.filter { rows.rowsByPatient[$0] != nil })
            files.append((table, "tissue"))
        }
        // The sheet's tables, each read once: a table named for one patient is that patient's
        // (its patient column, if any, picks the rows); one named for several needs a patient column.
        var patientsOfTable: [String: [String]] = [:]
        var tableOrder: [String] = []
        for entry in sheet.entries {
            guard let path = entry.tissue else { continue }
            if patientsOfTable[path] == nil { tableOrder.append(path) }
            if !(patientsOfTable[path]?.contains(entry.patient) ?? false) { patientsOfTable[path, default: []].append(entry.patient) }
        }
        for path in tableOrder {
            let owners = patientsOfTable[path]!
            let rows = try TissueTableReader.read(
                path: path, owner: owners.count == 1 ? owners[0] : nil, patients: Set(owners), purities: purities)
            add(rows, from: path, patients: owners)
            files.append((path, "tissue"))
        }
        if let purityTable { files.append((purityTable, "tissue_purity")) }
    }
}
