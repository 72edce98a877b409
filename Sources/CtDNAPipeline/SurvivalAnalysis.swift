import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNAStats

/// What `ctdna survival` is asked: a per-patient table and the columns to read from it.
///
/// Column names are matched case-insensitively, as everywhere in ctdna.
public struct SurvivalRequest: Sendable, Hashable {
    /// The per-patient table (TSV, or CSV when its header has no tab; gzip allowed).
    public var patientsTable: String
    /// The column of times from the start of follow-up (days; any unit, the same for all).
    public var timeColumn: String
    /// The column saying whether the event happened (`1`/`0`, `TRUE`/`FALSE`, `yes`/`no`, any case).
    public var eventColumn: String
    /// A column of group labels (an arm, a ctDNA response class), or nil for no comparison.
    public var groupColumn: String?
    /// A numeric column (a log2 ratio, say) for a Cox model of its own, or nil.
    public var covariateColumn: String?
    /// The endpoint's name in the rows; nil for ``defaultEndpoint(timeColumn:)``.
    public var endpoint: String?
    /// The level of every confidence interval, strictly between 0 and 1.
    public var confidenceLevel: Double

    /// A request.
    /// - Parameters:
    ///   - patientsTable: The table's path.
    ///   - timeColumn: The time column.
    ///   - eventColumn: The event column.
    ///   - groupColumn: The group column, or nil.
    ///   - covariateColumn: The numeric covariate column, or nil.
    ///   - endpoint: The endpoint's name, or nil for the time column's name without its suffix.
    ///   - confidenceLevel: The level of the intervals (0.95, as R's default).
    public init(patientsTable: String, timeColumn: String, eventColumn: String, groupColumn: String? = nil,
                covariateColumn: String? = nil, endpoint: String? = nil, confidenceLevel: Double = 0.95) {
        self.patientsTable = patientsTable
        self.timeColumn = timeColumn
        self.eventColumn = eventColumn
        self.groupColumn = groupColumn
        self.covariateColumn = covariateColumn
        self.endpoint = endpoint
        self.confidenceLevel = confidenceLevel
    }

    /// The endpoint's name written in every row: `endpoint` if given, otherwise the time
    /// column's name without a `_days` or `_time` suffix (any case): `pfs_days` gives `pfs`.
    public var endpointName: String { endpoint ?? SurvivalAnalysis.defaultEndpoint(timeColumn: timeColumn) }
}

/// What a survival analysis found: the rows of `survival.tsv`, the curves of `km_curves.tsv`,
/// and notes for the user (patients left out).
public struct SurvivalResult: Sendable, Hashable {
    /// Rows in report order: `km` for `all` then each group (sorted), `logrank`, `cox` per
    /// non-reference level, `cox` for the covariate.
    public var rows: [SurvivalRow]
    /// Kaplan-Meier curves: `all`, then each group in sorted order.
    public var curves: [SurvivalCurve]
    /// Sentences for standard error, each naming the table (rows left out and why).
    public var notes: [String]
}

/// Kaplan-Meier, log-rank and Cox on a per-patient table: `ctdna survival`.
///
/// Reading rules (docs in README, "Commands"):
/// - a time is a finite number of at least 0; an event is `1`/`0`, `true`/`false` or `yes`/`no`
///   in any case; anything else is an `InputError` naming the file, line and column;
/// - a row whose time or event is missing (empty, `.` or `NA`) is left out of everything and
///   counted in ``SurvivalResult/notes``;
/// - a missing group leaves the patient in the `all` curve only; a missing or non-finite
///   covariate leaves the patient out of the covariate's Cox model; both are counted in the
///   rows' `note` and in the notes;
/// - groups are sorted by their text (code points); the first is the Cox reference, each other
///   level gets a row `LEVEL vs REFERENCE`, as R's treatment contrasts with the default
///   factor levels of ASCII labels.
public enum SurvivalAnalysis {
    /// The time column's name without a `_days` or `_time` suffix (any case); the name itself
    /// when it has neither or is nothing but the suffix.
    /// - Parameter timeColumn: The column's name.
    public static func defaultEndpoint(timeColumn: String) -> String {
        Endpoint.stem(ofTimeColumn: timeColumn) ?? timeColumn
    }

    /// Reads the request's table and runs the analysis.
    /// - Parameter request: The table and columns.
    /// - Returns: Rows, curves and notes.
    /// - Throws: `SystemError` or `InputError` for a table that cannot be read, lacks a column,
    ///   or holds a time, event or covariate that cannot be read; `SurvivalError` for an invalid
    ///   confidence level.
    public static func run(_ request: SurvivalRequest) throws -> SurvivalResult {
        try run(request, table: DelimitedTable(path: request.patientsTable))
    }

    /// Runs the analysis on a table already read (its `name` is used in messages).
    /// - Parameters:
    ///   - request: The columns (its `patientsTable` is not read).
    ///   - table: The table.
    /// - Returns: Rows, curves and notes.
    /// - Throws: As ``run(_:)``.
    public static func run(_ request: SurvivalRequest, table: DelimitedTable) throws -> SurvivalResult {
        guard request.confidenceLevel > 0 && request.confidenceLevel < 1 else {
            throw SurvivalError.invalidConfidenceLevel(request.confidenceLevel)
        }
        let patients = try SurvivalPatients(request, table)
        var notes: [String] = []
        if patients.leftOut > 0 {
            notes.append("\(table.name): \(rowCount(patients.leftOut)) without a time or an event left out")
        }
        guard !patients.observations.isEmpty else {
            throw InputError(file: table.name, message: "no row has both a time and an event")
        }
        let endpoint = request.endpointName
        let level = request.confidenceLevel
        var rows: [SurvivalRow] = []
        var curves: [SurvivalCurve] = []

        func kaplanMeier(_ group: String, _ observations: [SurvivalObservation]) throws {
            let curve = try KaplanMeierCurve(observations, confidenceLevel: level)
            var row = SurvivalRow(endpoint: endpoint, group: group, test: .kaplanMeier,
                                  count: curve.count, events: curve.eventCount)
            let median = curve.median
            row.median = median.estimate
            row.medianLow = median.lower
            row.medianHigh = median.upper
            rows.append(row)
            curves.append(SurvivalCurve(endpoint: endpoint, group: group, curve: curve))
        }

        try kaplanMeier("all", patients.observations)
        if let groupColumn = patients.groupColumn {
            let grouped = patients.observations.indices.filter { patients.groups[$0] != nil }
            let observations = grouped.map { patients.observations[$0] }
            let labels = grouped.map { patients.groups[$0]! }
            let levels = Array(Set(labels)).sorted()
            for label in levels {
                try kaplanMeier(label, grouped.indices.filter { labels[$0] == label }.map { observations[$0] })
            }
            let missing = patients.observations.count - grouped.count
            let leftOutNote = missing > 0 ? "\(patientCount(missing)) with no \(groupColumn) left out" : ""
            if missing > 0 { notes.append("\(table.name): \(leftOutNote) of the group comparison") }
            rows += groupTests(endpoint, observations, labels, levels, leftOutNote, level)
        }
        if let covariateColumn = patients.covariateColumn {
            let used = patients.observations.indices.filter { patients.covariates[$0] != nil }
            let missing = patients.observations.count - used.count
            let leftOutNote = missing > 0 ? "\(patientCount(missing)) without a finite \(covariateColumn) left out" : ""
            if missing > 0 { notes.append("\(table.name): \(leftOutNote) of its Cox model") }
            rows += coxRows(endpoint, [covariateColumn], leftOutNote) {
                try CoxRegression(used.map { patients.observations[$0] }, covariate: used.map { patients.covariates[$0]! },
                                  name: covariateColumn, options: CoxRegression.Options(confidenceLevel: level))
            }
        }
        return SurvivalResult(rows: rows, curves: curves, notes: notes)
    }

    /// The text of `survival.tsv` for rows.
    /// - Parameter rows: The rows.
    public static func tsv(_ rows: [SurvivalRow]) -> String { SurvivalTable.tsv(rows) }

    /// The text of `km_curves.tsv` for curves.
    /// - Parameter curves: The curves.
    public static func curvesTSV(_ curves: [SurvivalCurve]) -> String { SurvivalTable.curvesTSV(curves) }

    /// The log-rank row and the Cox rows of a group comparison.
    private static func groupTests(_ endpoint: String, _ observations: [SurvivalObservation], _ labels: [String],
                                   _ levels: [String], _ leftOutNote: String, _ level: Double) -> [SurvivalRow] {
        var row = SurvivalRow(endpoint: endpoint, group: "all", test: .logRank, count: observations.count,
                              events: observations.count(where: \.event))
        guard levels.count >= 2 else {
            row.note = joined(leftOutNote, "a comparison needs two groups, but there \(levels.count == 1 ? "is 1" : "are 0")")
            return [row]
        }
        do {
            let test = try LogRankTest(observations, groups: labels, levels: levels).test
            row.statistic = test.statistic
            row.degreesOfFreedom = test.degreesOfFreedom
            row.pValue = test.pValue
            row.note = leftOutNote
            if test.degreesOfFreedom == 0 {
                row.statistic = nil
                row.note = joined(leftOutNote, "fewer than two groups have patients at risk at an event time: no test")
            }
        } catch {
            row.note = joined(leftOutNote, error.description)
        }
        let names = levels.dropFirst().map { "\($0) vs \(levels[0])" }
        return [row] + coxRows(endpoint, names, leftOutNote) {
            try CoxRegression(observations, groups: labels, levels: levels,
                              options: CoxRegression.Options(confidenceLevel: level))
        }
    }

    /// One `cox` row per coefficient of the model `fit` makes, named `names`; when the fit
    /// throws, one row per name with the counts unknown (0) and the reason in the note.
    ///
    /// Non-convergence keeps R's numbers and says so in the note: a coefficient R flags as
    /// possibly infinite, or every coefficient of a fit that ran out of iterations.
    private static func coxRows(_ endpoint: String, _ names: [String], _ leftOutNote: String,
                                _ fit: () throws -> CoxRegression) -> [SurvivalRow] {
        let model: CoxRegression
        do {
            model = try fit()
        } catch {
            return names.map { name in
                var row = SurvivalRow(endpoint: endpoint, group: name, test: .cox, count: 0, events: 0)
                row.note = joined(leftOutNote, String(describing: error))
                return row
            }
        }
        return zip(names, model.coefficients).map { name, coefficient in
            var row = SurvivalRow(endpoint: endpoint, group: name, test: .cox, count: model.count, events: model.eventCount)
            row.statistic = coefficient.z * coefficient.z
            row.degreesOfFreedom = 1
            row.pValue = coefficient.pValue
            row.likelihoodRatioPValue = model.likelihoodRatioTest.pValue
            row.coefficient = coefficient.estimate
            row.standardError = coefficient.standardError
            row.hazardRatio = coefficient.hazardRatio
            row.confidenceLow = coefficient.lower
            row.confidenceHigh = coefficient.upper
            var convergence = ""
            if case .iterationLimitReached = model.convergence {
                convergence = "did not converge in \(model.iterations - 1) iterations: last estimate; the Wald test and interval are unreliable, quote p_lr"
            } else if coefficient.mayBeInfinite {
                convergence = "coefficient may be infinite (likelihood converged while it still grew): read the hazard ratio as 0 or infinite, quote p_lr"
            }
            row.note = joined(convergence, leftOutNote)
            return row
        }
    }

    /// The non-empty parts joined by `; `.
    private static func joined(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    private static func rowCount(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }
    private static func patientCount(_ count: Int) -> String { count == 1 ? "1 patient" : "\(count) patients" }
}

/// The patients of a table that have a time and an event, with their group and covariate.
private struct SurvivalPatients {
    /// One per row with a time and an event, in file order.
    var observations: [SurvivalObservation] = []
    /// The group label of each observation (nil when missing); empty without a group column.
    var groups: [String?] = []
    /// The covariate of each observation (nil when missing or not finite); empty without one.
    var covariates: [Double?] = []
    /// Rows left out for a missing time or event.
    var leftOut = 0
    /// The group column's name as in the header, when asked for.
    var groupColumn: String?
    /// The covariate column's name as in the header, when asked for.
    var covariateColumn: String?

    init(_ request: SurvivalRequest, _ table: DelimitedTable) throws {
        let time = try table.requireColumn(request.timeColumn)
        let event = try table.requireColumn(request.eventColumn)
        let group = try request.groupColumn.map { try table.requireColumn($0) }
        let covariate = try request.covariateColumn.map { try table.requireColumn($0) }
        groupColumn = group.map { table.header[$0] }
        covariateColumn = covariate.map { table.header[$0] }
        for row in table.rows {
            func fail(_ column: Int, _ message: String) -> InputError {
                InputError(file: table.name, line: row.lineNumber, column: table.header[column], message: message)
            }
            let timeCell = CellText.trimmed(row.fields[time])
            var timeValue: Double?
            if !CellText.isMissing(timeCell) {
                guard let value = Double(timeCell), value.isFinite else {
                    throw fail(time, "\"\(timeCell)\" is not a time (a number of days)")
                }
                guard value >= 0 else { throw fail(time, "\"\(timeCell)\" is negative; a time cannot be below 0") }
                timeValue = value
            }
            let eventCell = CellText.trimmed(row.fields[event])
            var eventValue: Bool?
            if !CellText.isMissing(eventCell) {
                guard let flag = CellText.eventFlag(eventCell) else {
                    throw fail(event, "\"\(eventCell)\" is not an event; write 1/0, TRUE/FALSE or yes/no")
                }
                eventValue = flag
            }
            var covariateValue: Double?
            if let covariate {
                let cell = CellText.trimmed(row.fields[covariate])
                if !CellText.isMissing(cell) {
                    guard let value = Double(cell) else { throw fail(covariate, "\"\(cell)\" is not a number") }
                    if value.isFinite { covariateValue = value }
                }
            }
            guard let timeValue, let eventValue else {
                leftOut += 1
                continue
            }
            observations.append(SurvivalObservation(time: timeValue, event: eventValue))
            if let group {
                let cell = CellText.trimmed(row.fields[group])
                groups.append(CellText.isMissing(cell) ? nil : cell)
            }
            if covariate != nil { covariates.append(covariateValue) }
        }
    }
}
