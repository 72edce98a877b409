import CtDNACore
import CtDNAModel
import CtDNAStats

/// `report.json`: the run for machines, with the shape documented in `docs/report-json.md`:
/// what `report.html` shows (parameters, inputs with digests, per-patient summaries,
/// statistics, exclusions, filter counts). Per-mutation rows are in `audit.tsv`.
///
/// Keys come in a fixed order; numbers are shortest round-trip text; missing or non-finite
/// values are `null`.
public enum JSONReport {
    /// The document's text, ending in a newline.
    /// - Parameter document: The run.
    public static func render(_ document: RunDocument) -> String {
        value(document).render() + "\n"
    }

    /// The document's UTF-8 text, ending in a newline (the bytes of ``render(_:)``).
    /// - Parameter document: The run.
    public static func bytes(_ document: RunDocument) -> [UInt8] {
        var text: [UInt8] = []
        value(document).write(to: &text, level: 0)
        text.append(UInt8(ascii: "\n"))
        return text
    }


    /// The document as a JSON value.
    /// - Parameter document: the run.
    public static func value(_ document: RunDocument) -> JSONValue {
        .object([
            JSONMember("tool", .string(document.toolName)),
            JSONMember("version", .string(document.version)),
            JSONMember("generated_by", .string(document.generatedBy)),
            JSONMember("command_line", .array(document.commandLine.map { .string($0) })),
        ] + (document.shardCommandLines.isEmpty ? [] : [
            JSONMember("shards", .array(document.shardCommandLines.map { line in .array(line.map { .string($0) }) })),
        ]) + [
            JSONMember("parameters", .array(document.parameters.map { parameter in
                .object([
                    JSONMember("name", .string(parameter.name)), JSONMember("value", .string(parameter.value)),
                    JSONMember("description", .string(parameter.description)),
                ])
            })),
            JSONMember("inputs", .array(document.inputs.map { input in
                .object([
                    JSONMember("path", .string(input.path)), JSONMember("role", .string(input.role)),
                    JSONMember("bytes", .integer(input.byteCount)), JSONMember("sha256", .string(input.sha256)),
                ])
            })),
            JSONMember("timepoints", .array(zip(document.timepoints, document.seriesTitles).map { timepoint, title in
                .object([JSONMember("name", .string(timepoint.name)), JSONMember("title", .string(title))])
            })),
            JSONMember("pairs", .array(document.pairs.map { .string($0.description) })),
            JSONMember("patients", .array(document.patients.indices.map { index in
                patient(document.patients[index], pairs: document.pairs, tumourInformed: document.tumourInformed, covariates: document.covariateColumns.isEmpty ? nil : zip(
                    document.covariateColumns,
                    index < document.covariates.count ? document.covariates[index] : document.covariateColumns.map { _ in nil }
                ).map { JSONMember($0, .string($1)) })
            })),
            JSONMember("statistics", .array(document.statistics.map(statistics))),
            JSONMember("exclusions", .array(document.pairExclusions.map { pair, exclusion in
                .object([
                    JSONMember("patient", .string(exclusion.patient)), JSONMember("cohort", .string(exclusion.cohort)),
                    JSONMember("arm", .string(exclusion.arm)), JSONMember("pair", .string(pair?.description)),
                    JSONMember("reason", .string(exclusion.reason)),
                ])
            })),
            JSONMember("filter_counts", .object(document.filterCounts.map { JSONMember($0.status.rawValue, .integer($0.count)) })),
            JSONMember("filter_driver_counts", .object(document.filterCounts.map {
                JSONMember($0.status.rawValue, .integer($0.annotatedDrivers))
            })),
            JSONMember("warnings", .array(document.warnings.map { .string($0) })),
            JSONMember("survival", .array(document.survival.map(survival))),
            JSONMember("km_curves", .array(document.survivalCurves.flatMap { named in
                named.curve.steps.map { step in
                    JSONValue.object([
                        JSONMember("endpoint", .string(named.endpoint)), JSONMember("group", .string(named.group)),
                        JSONMember("time", .number(step.time)), JSONMember("n_risk", .integer(step.numberAtRisk)),
                        JSONMember("n_event", .integer(step.events)), JSONMember("n_censor", .integer(step.censored)),
                        JSONMember("survival", .number(step.survival)), JSONMember("std_err", .number(step.standardError)),
                        JSONMember("conf_low", .number(step.lower)), JSONMember("conf_high", .number(step.upper)),
                    ])
                }
            })),
        ])
    }

    /// One patient's summary; each metric an object with a member per timepoint, then the
    /// tested pair's difference and ratio (`tumour_informed_fraction` is `null` without tissue
    /// data); `n_tissue_mutations` and `n_tissue_used` when the run has tissue copy numbers; then
    /// the sheet's covariates, when it has any.
    static func patient(
        _ summary: PatientSummary, pairs: [TimepointPair] = [.baselineFollowup], tumourInformed: Bool = false,
        covariates: [JSONMember]? = nil
    ) -> JSONValue {
        let status: String, reason: JSONValue
        switch summary.status {
        case .paired: (status, reason) = ("paired", .null)
        case .singleSample: (status, reason) = ("single_sample", .null)
        case .notDetected: (status, reason) = ("not_detected", .null)
        case let .excluded(text): (status, reason) = ("excluded", .string(text))
        }
        return .object([
            JSONMember("patient", .string(summary.patient)),
            JSONMember("cohort", .string(summary.cohort)),
            JSONMember("arm", .string(summary.arm)),
            JSONMember("status", .string(status)),
            JSONMember("exclusion_reason", reason),
            JSONMember("reference_timepoint", .string(summary.referenceTimepoint?.name)),
            JSONMember("reference_rule", .string(summary.reference?.rule.rawValue)),
            JSONMember("n_mutations", .integer(summary.mutationCount)),
            JSONMember("n_after_filters", .integer(summary.somaticCount)),
            JSONMember("n_drivers", .integer(summary.driverCount)),
            JSONMember("n_clonal", .integer(summary.clonalCount)),
            JSONMember("ctdna_fraction", metric(summary.ctDNAFraction, timepoints: summary.timepoints, pairs: pairs)),
            JSONMember("median_af", metric(summary.medianAlleleFraction, timepoints: summary.timepoints, pairs: pairs)),
            JSONMember("tumour_informed_fraction", metric(summary.tumourInformedFraction, timepoints: summary.timepoints, pairs: pairs)),
        ] + (tumourInformed ? [
            JSONMember("n_tissue_mutations", .integer(summary.tissueMutationCount)),
            JSONMember("n_tissue_used", .integer(summary.tissueMutationsUsed)),
        ] : []) + [
            JSONMember("flags", .array(summary.flags.map { .string($0) })),
            JSONMember("molecular_response", .string(summary.molecularResponse?.rawValue)),
        ] + (covariates.map { [JSONMember("covariates", .object($0))] } ?? []))
    }

    /// A metric at each timepoint, then each tested pair's difference and ratio (named as the
    /// `patients.tsv` columns end: `difference`, `difference_progression_vs_baseline`), or `null`.
    static func metric(_ values: [Double?]?, timepoints: [Timepoint], pairs: [TimepointPair]) -> JSONValue {
        guard let values else { return .null }
        var members = zip(timepoints, values).map { JSONMember($0.name, .number($1)) }
        for (pair, change) in PatientTables.changes(values, timepoints: timepoints, pairs: pairs) {
            members += [
                JSONMember("difference" + pair.columnSuffix, .number(change?.difference)),
                JSONMember("ratio" + pair.columnSuffix, .number(change?.ratio)),
            ]
        }
        return .object(members)
    }

    /// One survival row, with the keys of the survival.tsv columns.
    static func survival(_ row: SurvivalRow) -> JSONValue {
        .object([
            JSONMember("endpoint", .string(row.endpoint)), JSONMember("group", .string(row.group)),
            JSONMember("test", .string(row.test.rawValue)), JSONMember("n", .integer(row.count)),
            JSONMember("events", .integer(row.events)), JSONMember("statistic", .number(row.statistic)),
            JSONMember("df", .integer(row.degreesOfFreedom)), JSONMember("p_value", .number(row.pValue)),
            JSONMember("p_lr", .number(row.likelihoodRatioPValue)), JSONMember("coefficient", .number(row.coefficient)),
            JSONMember("se", .number(row.standardError)), JSONMember("hazard_ratio", .number(row.hazardRatio)),
            JSONMember("conf_low", .number(row.confidenceLow)), JSONMember("conf_high", .number(row.confidenceHigh)),
            JSONMember("median", .number(row.median)), JSONMember("median_low", .number(row.medianLow)),
            JSONMember("median_high", .number(row.medianHigh)),
            JSONMember("note", .string(row.note.isEmpty ? nil : row.note)),
        ])
    }

    /// One statistics row, with the keys of the stats.tsv columns; an unbounded
    /// confidence limit is `null`.
    static func statistics(_ row: StatisticsRow) -> JSONValue {
        .object([
            JSONMember("metric", .string(row.metric.rawValue)),
            JSONMember("cohort", .string(row.cohort)),
            JSONMember("arm", .string(row.arm)),
            JSONMember("comparison", .string(row.comparison)),
            JSONMember("pair", .string(row.pair.description)),
            JSONMember("test", .string(row.test.rawValue)),
            JSONMember("alternative", .string(row.alternative.rawValue)),
            JSONMember("n", .integer(row.patientCount)),
            JSONMember("n_used", .integer(row.observationsUsed)),
            JSONMember("statistic", .number(row.statistic)),
            JSONMember("p_value", .number(row.pValue)),
            JSONMember("q_value", .number(row.qValue)),
            JSONMember("method", .string(row.method?.rawValue)),
            JSONMember("estimate", .number(row.estimate)),
            JSONMember("conf_low", .number(row.confidenceLow)),
            JSONMember("conf_high", .number(row.confidenceHigh)),
            JSONMember("conf_level", .number(row.confidenceLevel)),
            JSONMember("median_first", .number(row.medianBaseline)),
            JSONMember("median_second", .number(row.medianFollowup)),
            JSONMember("note", .string(row.note.isEmpty ? nil : row.note)),
        ])
    }
}
