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

    /// The endpoints a sheet's own columns name: every `<name>_days` or `<name>_time` column with
    /// a `<name>_event` column beside it, in header order.
    /// - Parameter columns: The sheet's extra columns.
    public static func detected(in columns: [String]) -> [Endpoint] {
        let lowered = Dictionary(columns.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return columns.compactMap { column in
            let name = column.lowercased()
            for suffix in ["_days", "_time"] where name.hasSuffix(suffix) && name.count > suffix.count {
                let stem = String(name.dropLast(suffix.count))
                if let event = lowered[stem + "_event"] { return Endpoint(name: stem, timeColumn: column, eventColumn: event) }
            }
            return nil
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

    /// Analyses each endpoint over the patients of a run.
    /// - Parameters:
    ///   - endpoints: The endpoints.
    ///   - summaries: The patients' summaries, in output order.
    ///   - covariates: The sheet's own columns and each patient's values (endpoint columns among them).
    ///   - landmarks: Each patient's landmark in days (the second draw's `day`), or `nil`.
    ///   - fixedLandmark: `--landmark-days`, which replaces the per-patient landmarks.
    ///   - metric: The response metric (its log2 ratio is the continuous covariate).
    ///   - sheet: The sample sheet's path, for messages.
    /// - Throws: `InputError` for a time or event that cannot be read.
    static func analyse(
        endpoints: [Endpoint], summaries: [PatientSummary], covariates: PatientCovariates, landmarks: [Double?],
        fixedLandmark: Double?, metric: Metric, sheet: String
    ) throws -> Outcome {
        var outcome = Outcome()
        for endpoint in endpoints {
            guard let timeIndex = covariates.columns.firstIndex(of: endpoint.timeColumn),
                let eventIndex = covariates.columns.firstIndex(of: endpoint.eventColumn)
            else {
                throw InputError(file: sheet, line: 1, message: "endpoint \(endpoint.name): the sheet has no column \(endpoint.timeColumn) or \(endpoint.eventColumn)")
            }
            var lines = ["patient\ttime\tevent\tevaluable response\tlog2_ratio"]
            var beforeLandmark: [String] = []
            var withoutLandmark = 0
            for (index, summary) in summaries.enumerated() {
                guard case .paired = summary.status else { continue }
                let values = covariates.values[index]
                guard let timeText = values[timeIndex], let event = values[eventIndex] else {
                    lines.append("\(summary.patient)\tNA\tNA\tNA\tNA")
                    continue
                }
                var time = timeText
                if let landmark = fixedLandmark ?? landmarks[index], let days = Double(timeText) {
                    guard days >= landmark else {
                        beforeLandmark.append(summary.patient)
                        continue
                    }
                    time = String(days - landmark)
                } else {
                    withoutLandmark += 1
                }
                let response = summary.molecularResponse
                let group = response.map { $0 == .notEvaluable ? "NA" : ($0.isResponse ? "responder" : "non_responder") } ?? "NA"
                var ratio = "NA"
                if let pair = summary.pair(of: metric), pair.baseline > 0, pair.followup > 0 {
                    ratio = String(log2(pair.followup / pair.baseline))
                }
                lines.append("\(summary.patient)\t\(time)\t\(event)\t\(group)\t\(ratio)")
                if let days = Double(time), let happened = CellText.eventFlag(event) {
                    outcome.patients[endpoint.name, default: []].append(SwimmerEntry(
                        patient: summary.patient, cohort: summary.cohort, time: days, event: happened, response: response))
                }
            }
            let name = "\(sheet) (endpoint \(endpoint.name))"
            guard lines.dropFirst().contains(where: { !$0.contains("\tNA\tNA\tNA\tNA") }) else {
                outcome.warnings.append("endpoint \(endpoint.name): no paired patient has both a time and an event: no survival analysis")
                continue
            }
            let table = try DelimitedTable(text: lines.joined(separator: "\n") + "\n", name: name)
            let result = try SurvivalAnalysis.run(
                SurvivalRequest(
                    patientsTable: name, timeColumn: "time", eventColumn: "event", groupColumn: "evaluable response",
                    covariateColumn: "log2_ratio", endpoint: endpoint.name),
                table: table)
            outcome.rows += result.rows
            outcome.curves += result.curves
            outcome.warnings += result.notes
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
        }
        return outcome
    }
}
