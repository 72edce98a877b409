import CtDNAModel
import CtDNASystem

/// How timepoint labels of a sample sheet map to baseline and follow-up.
///
/// Matching ignores letter case and the characters ` `, `-` and `_`, so `Follow-up`,
/// `follow_up` and `FOLLOWUP` are the same label.
public struct TimepointLabels: Sendable, Hashable {
    /// Labels meaning baseline, normalized.
    public private(set) var baseline: Set<String>
    /// Labels meaning follow-up, normalized.
    public private(set) var followup: Set<String>

    /// The built-in labels plus the user's.
    /// - Parameters:
    ///   - extraBaseline: More labels for baseline (such as `Week 0`).
    ///   - extraFollowup: More labels for follow-up (such as `8 Weeks`).
    public init(extraBaseline: [String] = [], extraFollowup: [String] = []) {
        baseline = Set((TimepointLabels.builtInBaseline + extraBaseline).map(TimepointLabels.normalized))
        followup = Set((TimepointLabels.builtInFollowup + extraFollowup).map(TimepointLabels.normalized))
    }

    /// Labels understood without being told: `baseline`, `bl`, `pre`, `pretreatment`.
    public static let builtInBaseline = ["baseline", "bl", "pre", "pre-treatment"]
    /// Labels understood without being told: `followup`, `follow-up`, `fu`, `post`, `on-treatment`.
    public static let builtInFollowup = ["followup", "follow-up", "fu", "post", "post-treatment", "on-treatment"]

    /// The timepoint a label names, or `nil` when it names neither.
    public func timepoint(of label: String) -> Timepoint? {
        let key = TimepointLabels.normalized(label)
        if baseline.contains(key) { return .baseline }
        if followup.contains(key) { return .followup }
        return nil
    }

    static func normalized(_ label: String) -> String {
        String(label.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}

/// One row of a sample sheet: a sample of a patient at a timepoint.
public struct SampleEntry: Sendable, Hashable {
    /// The patient identifier; baseline and follow-up are paired by it, never by row order.
    public var patient: String
    /// The timepoint label as written in the sheet.
    public var timepointLabel: String
    /// The label's meaning, or `nil` for a timepoint the paired analysis does not use.
    public var timepoint: Timepoint?
    /// The treatment arm.
    public var arm: String
    /// The cohort (disease site).
    public var cohort: String
    /// The variant table, resolved against the sheet's folder.
    public var file: String
    /// The barcode to pick out of a multi-sample table, or `nil` for the whole table.
    public var sample: String?
    /// A matched white-blood-cell variant table, resolved against the sheet's folder.
    public var normal: String?
    /// The 1-based line of the sheet this entry came from.
    public var line: Int
}

/// A validated sample sheet: every row checked, every file found, before any variant table is read.
public struct SampleSheet: Sendable {
    /// The sheet as the user named it.
    public let path: String
    /// The rows, in sheet order.
    public let entries: [SampleEntry]

    /// The columns a sheet may have.
    public static let requiredColumns = ["patient", "timepoint", "arm", "cohort", "file"]
    /// Optional columns.
    public static let optionalColumns = ["sample", "normal"]

    /// Reads and validates a sheet.
    /// - Parameters:
    ///   - path: A TSV or CSV file with a header row.
    ///   - labels: How timepoint labels map to baseline and follow-up.
    /// - Throws: `DelimitedTableError` when the file cannot be split into rows; `InputError`
    ///   naming the sheet row for an unknown or missing column, an empty
    ///   required cell, a duplicate (patient, timepoint), a patient whose arm, cohort or normal
    ///   differ between rows, or a file that cannot be read.
    public init(path: String, labels: TimepointLabels = TimepointLabels()) throws {
        let table = try DelimitedTable(path: path)
        try self.init(path: path, header: table.header, rows: table.rows.map { ($0.lineNumber, $0.fields) }, labels: labels)
    }

    /// Validates a sheet already split into cells.
    /// - Parameters:
    ///   - path: The sheet, for messages and to resolve relative file names.
    ///   - header: The header's cells.
    ///   - rows: Each row's line number and cells.
    ///   - labels: How timepoint labels map to baseline and follow-up.
    /// - Throws: `InputError`, as for `init(path:labels:)`.
    public init(path: String, header: [String], rows: [(line: Int, fields: [String])], labels: TimepointLabels) throws {
        self.path = path
        let names = header.map { CellText.trimmed($0).lowercased() }
        let known = Set(SampleSheet.requiredColumns + SampleSheet.optionalColumns)
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw InputError(file: path, line: 1, message: "unknown column \"\(unknown)\"; a sample sheet has the columns \(SampleSheet.requiredColumns.joined(separator: ", ")) and optionally \(SampleSheet.optionalColumns.joined(separator: ", "))")
        }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if index[name] != nil {
                throw InputError(file: path, line: 1, message: "column \"\(name)\" appears more than once")
            }
            index[name] = position
        }
        for name in SampleSheet.requiredColumns where index[name] == nil {
            throw InputError(file: path, line: 1, message: "missing column \"\(name)\"; the header has: \(header.joined(separator: ", "))")
        }
        // Relative to the sheet's folder, kept relative when the sheet's path is, so reports
        // name inputs as the user would and do not depend on the working folder.
        let folder = PathNames.folder(of: path)
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") || folder.isEmpty ? file : PathNames.joining(folder, file)
        }

        var entries: [SampleEntry] = []
        var seen: [String: Int] = [:]
        var firstOfPatient: [String: SampleEntry] = [:]
        var normalSeen: [String: (String, Int)] = [:]
        for (line, fields) in rows {
            func cell(_ name: String, required: Bool = true) throws -> String? {
                guard let position = index[name] else { return nil }
                let value = CellText.trimmed(fields[position])
                if value.isEmpty {
                    if required { throw InputError(file: path, line: line, column: name, message: "empty cell") }
                    return nil
                }
                return value
            }
            let label = try cell("timepoint")!
            let entry = SampleEntry(
                patient: try cell("patient")!, timepointLabel: label, timepoint: labels.timepoint(of: label),
                arm: try cell("arm")!, cohort: try cell("cohort")!, file: resolve(try cell("file")!),
                sample: try cell("sample", required: false), normal: try cell("normal", required: false).map(resolve), line: line)
            let duplicateKey = entry.patient + "\t" + (entry.timepoint?.name ?? TimepointLabels.normalized(label))
            if let earlier = seen[duplicateKey] {
                throw InputError(file: path, line: line, message: "patient \"\(entry.patient)\" has a second \(entry.timepoint?.name ?? label) sample (the first is on line \(earlier))")
            }
            seen[duplicateKey] = line
            if let first = firstOfPatient[entry.patient] {
                for (name, mine, theirs) in [("arm", entry.arm, first.arm), ("cohort", entry.cohort, first.cohort)] where mine != theirs {
                    throw InputError(file: path, line: line, column: name, message: "patient \"\(entry.patient)\" is \"\(theirs)\" on line \(first.line) and \"\(mine)\" here")
                }
            } else {
                firstOfPatient[entry.patient] = entry
            }
            if let normal = entry.normal {
                if let (earlier, earlierLine) = normalSeen[entry.patient], earlier != normal {
                    throw InputError(file: path, line: line, column: "normal", message: "patient \"\(entry.patient)\" has another matched normal on line \(earlierLine)")
                }
                normalSeen[entry.patient] = (normal, line)
            }
            for (column, file) in [("file", entry.file), ("normal", entry.normal)] {
                guard let file else { continue }
                guard FileKind(of: file) != .missing, FileKind(of: file) != .folder else {
                    throw InputError(file: path, line: line, column: column, message: "no such file: \(file)")
                }
                guard isReadable(file) else {
                    throw InputError(file: path, line: line, column: column, message: "cannot read \(file): permission denied")
                }
            }
            entries.append(entry)
        }
        if entries.isEmpty {
            throw InputError(file: path, message: "the sample sheet has no rows")
        }
        // A normal named on a later row applies to the patient's earlier rows too.
        for position in entries.indices where entries[position].normal == nil {
            entries[position].normal = normalSeen[entries[position].patient]?.0
        }
        self.entries = entries
    }

    /// The patients in order of first appearance.
    public var patients: [String] {
        var seen: Set<String> = []
        return entries.map(\.patient).filter { seen.insert($0).inserted }
    }
}
