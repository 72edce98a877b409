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

    /// The timepoint a label names: baseline or follow-up for their labels, otherwise a
    /// timepoint of its own named by the label in lower case without ` `, `-` and `_`
    /// (`Week 8` and `week_8` are both `week8`).
    /// - Parameter label: A label, not empty.
    /// - Returns: `nil` when the label has nothing but ` `, `-` and `_`.
    public func namedTimepoint(_ label: String) -> Timepoint? {
        if let known = timepoint(of: label) { return known }
        let name = TimepointLabels.normalized(label)
        return name.isEmpty ? nil : Timepoint(name)
    }

    static func normalized(_ label: String) -> String {
        String(label.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}

/// A patient's sex as a sample sheet's `sex` column gives it (used for copy numbers on X and Y).
public enum Sex: String, Sendable, Hashable {
    /// `M` or `male`, in any letter case.
    case male
    /// `F` or `female`, in any letter case.
    case female

    /// The sex a sheet cell names: `M`, `F`, `male` or `female` in any letter case, else `nil`.
    /// - Parameter cell: The cell, without surrounding white space.
    public init?(cell: String) {
        switch cell.lowercased() {
        case "m", "male": self = .male
        case "f", "female": self = .female
        default: return nil
        }
    }
}

/// One row of a sample sheet: a sample of a patient at a timepoint.
public struct SampleEntry: Sendable, Hashable {
    /// The patient identifier; baseline and follow-up are paired by it, never by row order.
    public var patient: String
    /// The timepoint label as written in the sheet.
    public var timepointLabel: String
    /// The timepoint the label names (``TimepointLabels/namedTimepoint(_:)``): the same for
    /// every label that means it (`Follow-up`, `FU`, `followup`).
    public var timepoint: Timepoint
    /// The treatment arm.
    public var arm: String
    /// The cohort (disease site).
    public var cohort: String
    /// The variant table, resolved against the sheet's folder.
    public var file: String
    /// The barcode to pick out of a multi-sample table, or `nil` for the whole table.
    public var sample: String?
    /// A matched white-blood-cell variant table, resolved against the sheet's folder (the row's
    /// own `file` when only `normal_sample` is given: the normal is a sample of the same table).
    public var normal: String?
    /// The barcode of the matched normal in a multi-sample table (a tumour-normal VCF's normal
    /// column), from the `normal_sample` column; `nil` for a single-sample normal table.
    public var normalSample: String?
    /// Days from a common origin (such as randomisation) to the blood draw, from the `day`
    /// column: a finite number, possibly negative or fractional; `nil` when the sheet has no
    /// `day` column or the cell is missing (empty, `.` or `NA`).
    public var day: Double?
    /// The patient's sex from the `sex` column; `nil` when the sheet has no `sex` column or the
    /// cell is missing (empty, `.` or `NA`).
    public var sex: Sex?
    /// The patient's tissue copy-number table (docs/method.md §9), resolved against the sheet's
    /// folder; `nil` when the sheet has no `tissue` column or the patient's cells are missing.
    /// Every row of a patient names the same table (a later row's applies to earlier ones).
    public var tissue: String?
    /// The row's values of the sheet's extra columns, one per name of
    /// ``SampleSheet/extraColumns`` and in that order (so always as many as there are names);
    /// `nil` for a missing cell (empty, `.` or `NA`), otherwise the cell without surrounding
    /// white space, never empty.
    public var extraValues: [String?]
    /// The 1-based line of the sheet this entry came from.
    public var line: Int
}

/// A validated sample sheet: every row checked, every file found, before any variant table is read.
///
/// Columns are matched by name, case-insensitively, in any order. Besides the required and
/// optional columns, a sheet may have any number of the user's own (clinical covariates such as
/// `pfs_days`, `stage`, `age`): they are carried, in header order, as ``extraColumns`` and each
/// entry's ``SampleEntry/extraValues``. A header name that looks like a misspelling of a known
/// column (``misspelledColumn(_:header:)``) is an error instead, so that a typo such as
/// `pateint` or `cohrot` is not silently taken for a covariate.
public struct SampleSheet: Sendable {
    /// The sheet as the user named it.
    public let path: String
    /// The rows, in sheet order.
    public private(set) var entries: [SampleEntry]
    /// The names of the columns that are neither required nor optional, as written in the header
    /// (without surrounding white space), in header order; each entry's
    /// ``SampleEntry/extraValues`` follow this order. No two are equal ignoring letter case.
    public let extraColumns: [String]

    /// The columns a sheet must have.
    public static let requiredColumns = ["patient", "timepoint", "arm", "cohort", "file"]
    /// Optional columns: `sample` (a barcode in a multi-sample table), `normal` (a matched
    /// white-blood-cell table), `normal_sample` (the normal's barcode in a multi-sample table, such
    /// as the normal column of a tumour-normal VCF; without `normal`, in the row's own file),
    /// `day` (days to the blood draw), `sex` (`M`/`F`) and `tissue` (a tissue copy-number table).
    public static let optionalColumns = ["sample", "normal", "normal_sample", "day", "sex", "tissue"]

    /// Reads and validates a sheet.
    /// - Parameters:
    ///   - path: A TSV or CSV file with a header row.
    ///   - labels: How timepoint labels map to baseline and follow-up.
    /// - Throws: `DelimitedTableError` when the file cannot be split into rows; `InputError`
    ///   naming the sheet row for a misspelled, unnamed, repeated or missing column, an empty
    ///   required cell, a `day` that is not a number or a `sex` that is not `M`/`F`, a
    ///   duplicate (patient, timepoint), a patient whose arm, cohort or normal differ between
    ///   rows, two rows of a patient naming the same sample, or a file that cannot be read.
    ///   - checkingFilesOf: Whose files are checked to exist and be readable (every patient's by
    ///     default; a shard checks its own patients', a merge none, since neither reads the others').
    public init(path: String, labels: TimepointLabels = TimepointLabels(), checkingFilesOf: (String) -> Bool = { _ in true }) throws {
        let table = try DelimitedTable(path: path)
        try self.init(
            path: path, header: table.header, rows: table.rows.map { ($0.lineNumber, $0.fields) }, labels: labels,
            checkingFilesOf: checkingFilesOf)
    }

    /// Validates a sheet already split into cells.
    /// - Parameters:
    ///   - path: The sheet, for messages and to resolve relative file names.
    ///   - header: The header's cells.
    ///   - rows: Each row's line number and cells, as many cells as the header has.
    ///   - labels: How timepoint labels map to baseline and follow-up.
    /// - Throws: `InputError`, as for `init(path:labels:)`.
    ///   - checkingFilesOf: Whose files are checked (every patient's by default).
    public init(
        path: String, header: [String], rows: [(line: Int, fields: [String])], labels: TimepointLabels,
        checkingFilesOf: (String) -> Bool = { _ in true }
    ) throws {
        self.path = path
        let written = header.map { CellText.trimmed($0) }
        let names = written.map { $0.lowercased() }
        let known = Set(SampleSheet.requiredColumns + SampleSheet.optionalColumns)
        for (position, name) in written.enumerated() {
            if name.isEmpty {
                throw InputError(file: path, line: 1, message: "column \(position + 1) has no name in the header")
            }
            if let meant = SampleSheet.misspelledColumn(name, header: written) {
                throw InputError(file: path, line: 1, message: "column \"\(name)\": did you mean \"\(meant)\"?")
            }
        }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if index[name] != nil {
                throw InputError(file: path, line: 1, message: "column \"\(written[position])\" appears more than once")
            }
            index[name] = position
        }
        for name in SampleSheet.requiredColumns where index[name] == nil {
            throw InputError(file: path, line: 1, message: "missing column \"\(name)\"; the header has: \(header.joined(separator: ", "))")
        }
        let extraPositions = names.indices.filter { !known.contains(names[$0]) }
        extraColumns = extraPositions.map { written[$0] }
        // Relative to the sheet's folder, kept relative when the sheet's path is, so reports
        // name inputs as the user would and do not depend on the working folder.
        let folder = PathNames.folder(of: path)
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") || folder.isEmpty ? file : PathNames.joining(folder, file)
        }

        var entries: [SampleEntry] = []
        var seen: [String: Int] = [:]
        var firstOfPatient: [String: SampleEntry] = [:]
        var normalSeen: [String: (String, String?, Int)] = [:]
        var tissueSeen: [String: (String, Int)] = [:]
        // A patient's rows by the sample they read: the lexically normal file and the barcode.
        var sampleSeen: [SampleIdentity: SampleEntry] = [:]
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
            guard let timepoint = labels.namedTimepoint(label) else {
                throw InputError(file: path, line: line, column: "timepoint", message: "\"\(label)\" is not a timepoint label: write a name such as baseline, week8 or progression")
            }
            var day: Double?
            if let text = try cell("day", required: false), !CellText.isMissing(text) {
                guard let value = SampleSheet.days(text) else {
                    throw InputError(file: path, line: line, column: "day", message: "\"\(text)\" is not a number of days (such as 0, 56, -3 or 10.5)")
                }
                day = value
            }
            var sex: Sex?
            if let text = try cell("sex", required: false), !CellText.isMissing(text) {
                guard let value = Sex(cell: text) else {
                    throw InputError(file: path, line: line, column: "sex", message: "\"\(text)\" is not a sex: write M or F (also male or female, in any letter case)")
                }
                sex = value
            }
            let extraValues: [String?] = extraPositions.map { position in
                let value = CellText.trimmed(fields[position])
                return CellText.isMissing(value) ? nil : value
            }
            let file = resolve(try cell("file")!)
            let normalSample = try cell("normal_sample", required: false).flatMap { CellText.isMissing($0) ? nil : $0 }
            let entry = SampleEntry(
                patient: try cell("patient")!, timepointLabel: label, timepoint: timepoint,
                arm: try cell("arm")!, cohort: try cell("cohort")!, file: file,
                sample: try cell("sample", required: false),
                normal: try cell("normal", required: false).map(resolve) ?? (normalSample != nil ? file : nil),
                normalSample: normalSample,
                day: day, sex: sex,
                tissue: try cell("tissue", required: false).flatMap { CellText.isMissing($0) ? nil : resolve($0) },
                extraValues: extraValues, line: line)
            let duplicateKey = entry.patient + "\t" + entry.timepoint.name
            if let earlier = seen[duplicateKey] {
                throw InputError(file: path, line: line, message: "patient \"\(entry.patient)\" has a second \(entry.timepoint.name) sample (the first is on line \(earlier))")
            }
            seen[duplicateKey] = line
            // Two timepoints of a patient reading one sample would compare it with itself; the
            // same file with different barcodes is a multi-sample table, and is fine.
            let identity = SampleIdentity(patient: entry.patient, file: PathNames.lexicallyNormal(entry.file), sample: entry.sample)
            if let earlier = sampleSeen[identity] {
                let what = entry.sample.map { "sample \"\($0)\" of \(entry.file)" }
                    ?? "\(entry.file) without a sample barcode"
                throw InputError(file: path, line: line, message: "patient \"\(entry.patient)\" has the same sample at two timepoints: line \(earlier.line) (\(earlier.timepointLabel)) and line \(line) (\(label)) both name \(what); give each timepoint its own table, or its own barcode in the sample column")
            }
            sampleSeen[identity] = entry
            if let first = firstOfPatient[entry.patient] {
                for (name, mine, theirs) in [("arm", entry.arm, first.arm), ("cohort", entry.cohort, first.cohort)] where mine != theirs {
                    throw InputError(file: path, line: line, column: name, message: "patient \"\(entry.patient)\" is \"\(theirs)\" on line \(first.line) and \"\(mine)\" here")
                }
            } else {
                firstOfPatient[entry.patient] = entry
            }
            if let normal = entry.normal {
                if let (earlier, earlierSample, earlierLine) = normalSeen[entry.patient], earlier != normal || earlierSample != entry.normalSample {
                    throw InputError(file: path, line: line, column: earlier != normal ? "normal" : "normal_sample", message: "patient \"\(entry.patient)\" has another matched normal on line \(earlierLine)")
                }
                normalSeen[entry.patient] = (normal, entry.normalSample, line)
            }
            if let tissue = entry.tissue {
                if let (earlier, earlierLine) = tissueSeen[entry.patient], earlier != tissue {
                    throw InputError(file: path, line: line, column: "tissue", message: "patient \"\(entry.patient)\" has another tissue table on line \(earlierLine)")
                }
                tissueSeen[entry.patient] = (tissue, line)
            }
            for (column, file) in [("file", entry.file), ("normal", entry.normal), ("tissue", entry.tissue)] where checkingFilesOf(entry.patient) {
                guard let file else { continue }
                let kind = FileKind(of: file)
                guard kind != .missing, kind != .folder else {
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
            if let (normal, normalSample, _) = normalSeen[entries[position].patient] {
                entries[position].normal = normal
                entries[position].normalSample = normalSample
            }
        }
        for position in entries.indices where entries[position].tissue == nil {
            entries[position].tissue = tissueSeen[entries[position].patient]?.0
        }
        self.entries = entries
    }

    /// The same sheet with only the rows of the patients `keep` accepts (a shard of a cohort),
    /// in sheet order; the path and the extra columns stay.
    /// - Parameter keep: Whether a patient's rows stay.
    public func restricted(to keep: (String) -> Bool) -> SampleSheet {
        var copy = self
        copy.entries = entries.filter { keep($0.patient) }
        return copy
    }

    /// The patients in order of first appearance.
    public var patients: [String] {
        var seen: Set<String> = []
        return entries.map(\.patient).filter { seen.insert($0).inserted }
    }

    /// An entry's value of an extra column named (case-insensitively) `column`.
    /// - Parameters:
    ///   - column: One of ``extraColumns``, in any letter case.
    ///   - entry: An entry of this sheet.
    /// - Returns: The value, or `nil` when the cell is missing or the sheet has no such extra column.
    public func extraValue(_ column: String, of entry: SampleEntry) -> String? {
        let wanted = column.lowercased()
        guard let position = extraColumns.firstIndex(where: { $0.lowercased() == wanted }) else { return nil }
        return entry.extraValues[position]
    }

    /// The known column a header name seems to misspell, or `nil` when it is known or seems
    /// to be a column of the user's own.
    ///
    /// The rule: `name` (compared in lower case) is not a known column, holds no digit (known
    /// names have none, so `arm2` or `day0` is the user's), and is within the optimal string
    /// alignment distance (``editDistance(_:_:)``) of 1 of a known column of 4 characters or
    /// fewer (`arm`, `day`, `sex`, `file`) or of 2 of a longer one, that known column not being
    /// in `header` itself (next to `arm`, `arms` is the user's). The nearest such column is
    /// named, the first in ``requiredColumns`` then ``optionalColumns`` order on a tie.
    /// - Parameters:
    ///   - name: A header name, without surrounding white space.
    ///   - header: The whole header, to see which known columns are present.
    public static func misspelledColumn(_ name: String, header: [String]) -> String? {
        let lowered = name.lowercased()
        let knownNames = requiredColumns + optionalColumns
        guard !knownNames.contains(lowered), !lowered.contains(where: \.isNumber) else { return nil }
        let present = Set(header.map { CellText.trimmed($0).lowercased() })
        var best: (name: String, distance: Int)?
        for known in knownNames where !present.contains(known) {
            let limit = known.count <= 4 ? 1 : 2
            let distance = editDistance(lowered, known)
            if distance <= limit && distance < (best?.distance ?? Int.max) {
                best = (known, distance)
            }
        }
        return best?.name
    }

    /// The optimal string alignment distance between two strings, by `Character`: the fewest
    /// insertions, deletions, substitutions and swaps of two adjacent characters that turn one
    /// into the other, no part being edited twice (the restricted Damerau-Levenshtein distance:
    /// `pateint` → `patient` is 1, `arm` → `arm2` is 1, `site` → `file` is 2). Letter case counts.
    /// - Parameters:
    ///   - a: A string.
    ///   - b: Another string.
    /// - Returns: A number from 0 (equal) to the longer string's length.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // d[i][j]: the distance between a's first i and b's first j characters; three rows kept.
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// A number of days as a sheet's `day` cell writes it: an optional sign, digits, and an
    /// optional decimal point with digits (`56`, `-3`, `10.5`, `.5`), and finite; `nil` for
    /// anything else (exponents, `inf`, `nan`, hexadecimal, thousands separators, `3.`).
    static func days(_ text: String) -> Double? {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest.removeFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.allSatisfy(isDigits), !parts[0].isEmpty || parts.count == 2, parts.count == 1 || !parts[1].isEmpty else {
            return nil
        }
        // Digits alone can still overflow (a 400-digit number): finite or nothing.
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
    }

}

/// A patient's sample as the sheet names it, to find two timepoints naming the same one.
private struct SampleIdentity: Hashable {
    var patient: String
    var file: String
    var sample: String?
}
