#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNAStats

/// A clinical endpoint of the sample sheet: a time to event and an event flag per patient.
public struct Endpoint: Sendable, Hashable {
    /// The endpoint's name in the outputs (`pfs`).
    public var name: String
    /// The sheet column of times, in days from the sheet's origin (`pfs_days`).
    public var timeColumn: String
    /// The sheet column of events (1/0, TRUE/FALSE, yes/no).
    public var eventColumn: String

    /// Creates an endpoint.
    public init(name: String, timeColumn: String, eventColumn: String) {
        self.name = name
        self.timeColumn = timeColumn
        self.eventColumn = eventColumn
    }

    /// A time column's name without its `_days` or `_time` suffix (any case), as written: `PFS`
    /// for `PFS_days`; nil when it has neither suffix or is nothing but the suffix.
    /// - Parameter timeColumn: The column's name.
    public static func stem(ofTimeColumn timeColumn: String) -> String? {
        for suffix in ["_days", "_time"] where timeColumn.count > suffix.count && timeColumn.lowercased().hasSuffix(suffix) {
            return String(timeColumn.dropLast(suffix.count))
        }
        return nil
    }

    /// The endpoints a sheet's own columns name: every `<name>_days` or `<name>_time` column with
    /// a `<name>_event` column beside it, in header order; names in lower case.
    /// - Parameter columns: The sheet's extra columns.
    public static func detected(in columns: [String]) -> [Endpoint] {
        let lowered = Dictionary(columns.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return columns.compactMap { column in
            guard let stem = stem(ofTimeColumn: column)?.lowercased(), let event = lowered[stem + "_event"] else { return nil }
            return Endpoint(name: stem, timeColumn: column, eventColumn: event)
        }
    }
}

/// Does the ctDNA change predict the endpoint? Survival by molecular response (docs/method.md
/// §10): Kaplan-Meier by responders (clearance or response) against non-responders, the
/// log-rank test and a Cox model of the two, and a Cox model of the log2 ratio of the response
/// metric, each measured from a landmark at the second draw.
enum OutcomeAnalysis {
    /// What the analysis of every endpoint gave.
    struct Outcome {
        var rows: [SurvivalRow] = []
        var curves: [SurvivalCurve] = []
        var patients: [String: [SwimmerEntry]] = [:]
        var warnings: [String] = []
    }

    /// One patient of an endpoint's analysis.
    private struct Subject {
        var patient: String
        var cohort: String
        var arm: String
        var time: Double
        var event: Bool
        var response: MolecularResponse?
        var log2Ratio: Double?
    }

    /// Analyses each endpoint over the patients of a run: by molecular response (with the log2
    /// ratio), by arm (as `<endpoint> by arm`), and by response within each arm (`<endpoint>, <arm>`).
    /// - Parameters:
    ///   - endpoints: The endpoints.
    ///   - summaries: The patients' summaries, in output order.
    ///   - covariates: The sheet's own columns and each patient's values (endpoint columns among them).
    ///   - landmarks: Each patient's landmark in days (the second draw's `day`), or `nil`.
    ///   - fixedLandmark: `--landmark-days`, which replaces the per-patient landmarks.
    ///   - metric: The response metric (its log2 ratio is the continuous covariate).
    ///   - source: The file the endpoint columns come from, for messages.
    /// - Throws: `InputError` naming the patient and column for a time or event that cannot be read.
    static func analyse(
        endpoints: [Endpoint], summaries: [PatientSummary], covariates: PatientCovariates, landmarks: [Double?],
        fixedLandmark: Double?, metric: Metric, sheet source: String
    ) throws -> Outcome {
        var outcome = Outcome()
        for endpoint in endpoints {
            guard let timeIndex = covariates.columns.firstIndex(of: endpoint.timeColumn),
                let eventIndex = covariates.columns.firstIndex(of: endpoint.eventColumn)
            else {
                throw InputError(file: source, line: 1, message: "endpoint \(endpoint.name): no column \(endpoint.timeColumn) or \(endpoint.eventColumn)")
            }
            var subjects: [Subject] = []
            var beforeLandmark: [String] = [], withoutValues = 0, withoutLandmark = 0
            for (index, summary) in summaries.enumerated() {
                guard case .paired = summary.status else { continue }
                let values = covariates.values[index]
                guard let timeText = values[timeIndex], let eventText = values[eventIndex] else {
                    withoutValues += 1
                    continue
                }
                guard let days = Double(timeText), days.isFinite, days >= 0 else {
                    throw InputError(file: source, column: endpoint.timeColumn, message: "patient \"\(summary.patient)\": \"\(timeText)\" is not a time (a number of days, 0 or more)")
                }
                guard let event = CellText.eventFlag(eventText) else {
                    throw InputError(file: source, column: endpoint.eventColumn, message: "patient \"\(summary.patient)\": \"\(eventText)\" is not an event; write 1/0, TRUE/FALSE or yes/no")
                }
                var time = days
                if let landmark = fixedLandmark ?? landmarks[index] {
                    guard days >= landmark else {
                        beforeLandmark.append(summary.patient)
                        continue
                    }
                    time = days - landmark
                } else {
                    withoutLandmark += 1
                }
                var ratio: Double?
                if let pair = summary.pair(of: metric), pair.baseline > 0, pair.followup > 0 {
                    ratio = log2(pair.followup / pair.baseline)
                }
                subjects.append(Subject(
                    patient: summary.patient, cohort: summary.cohort, arm: summary.arm, time: time, event: event,
                    response: summary.molecularResponse, log2Ratio: ratio))
            }
            if withoutValues > 0 {
                outcome.warnings.append("endpoint \(endpoint.name): \(withoutValues) paired patient\(withoutValues == 1 ? " has" : "s have") no \(endpoint.timeColumn) or \(endpoint.eventColumn): left out")
            }
            if !beforeLandmark.isEmpty {
                outcome.warnings.append(
                    "endpoint \(endpoint.name): \(beforeLandmark.count) patient\(beforeLandmark.count == 1 ? "" : "s") with an event or "
                        + "censoring before the landmark (the second draw) left out: \(beforeLandmark.prefix(5).joined(separator: ", "))"
                        + (beforeLandmark.count > 5 ? ", ..." : ""))
            }
            if withoutLandmark > 0 {
                outcome.warnings.append(
                    "endpoint \(endpoint.name): \(withoutLandmark) patient\(withoutLandmark == 1 ? "'s" : "s'") time measured from the sheet's "
                        + "origin, not from the second draw where response is known (guarantee-time bias): give the sheet a day "
                        + "column or --landmark-days")
            }
            guard !subjects.isEmpty else {
                outcome.warnings.append("endpoint \(endpoint.name): no paired patient has both a time and an event: no survival analysis")
                continue
            }
            outcome.patients[endpoint.name] = subjects.map {
                SwimmerEntry(patient: $0.patient, cohort: $0.cohort, time: $0.time, event: $0.event, response: $0.response)
            }
            func responseGroup(_ subject: Subject) -> String? {
                guard let response = subject.response, response != .notEvaluable else { return nil }
                return response.isResponse ? "responder" : "non_responder"
            }
            try run(endpoint.name, subjects, group: ("evaluable response", responseGroup), covariate: true, into: &outcome, source: source)
            let arms = Array(Set(subjects.map(\.arm))).sorted()
            if arms.count > 1 {
                try run("\(endpoint.name) by arm", subjects, group: ("arm", { $0.arm }), covariate: false, into: &outcome, source: source)
                for arm in arms {
                    try run("\(endpoint.name), \(arm)", subjects.filter { $0.arm == arm }, group: ("evaluable response", responseGroup),
                            covariate: false, into: &outcome, source: source)
                }
            }
        }
        return outcome
    }

    /// One analysis: Kaplan-Meier, log-rank and Cox by a grouping, optionally Cox on the log2 ratio.
    private static func run(
        _ name: String, _ subjects: [Subject], group: (column: String, of: (Subject) -> String?), covariate: Bool,
        into outcome: inout Outcome, source: String
    ) throws {
        var lines = ["patient\ttime\tevent\t\(group.column)\tlog2_ratio"]
        for subject in subjects {
            let ratio = subject.log2Ratio.map { String($0) } ?? "NA"
            lines.append("\(subject.patient)\t\(subject.time)\t\(subject.event ? 1 : 0)\t\(group.of(subject) ?? "NA")\t\(ratio)")
        }
        let label = "\(source) (\(name))"
        let table = try DelimitedTable(text: lines.joined(separator: "\n") + "\n", name: label)
        let result = try SurvivalAnalysis.run(
            SurvivalRequest(
                patientsTable: label, timeColumn: "time", eventColumn: "event", groupColumn: group.column,
                covariateColumn: covariate ? "log2_ratio" : nil, endpoint: name),
            table: table)
        outcome.rows += result.rows
        outcome.curves += result.curves
        outcome.warnings += result.notes
    }
}
