import CtDNACore
import CtDNAIO
import CtDNAStats

/// `report.json`: the run for machines, with the shape documented in `docs/report-json.md`.
///
/// Keys come in a fixed order; numbers are shortest round-trip text; missing or non-finite
/// values are `null`.
///
/// The patients' entries, which list every kept mutation, can be rendered one at a time as each
/// patient is analysed (``patientEntry(_:first:)``) and spliced into the document at the end
/// (``write(_:patientEntries:to:)``), so a run never holds them all.
public enum JSONReport {
    /// Renders the whole document, with the patients' entries made from `results`.
    /// - Parameters:
    ///   - document: the run.
    ///   - results: the patients' results, in the order of `document.patients`.
    /// - Returns: the JSON text, ending in a newline.
    public static func render(_ document: RunDocument, results: [PatientResult]) -> String {
        let (head, tail) = frame(document, hasPatients: !results.isEmpty)
        var entries: [UInt8] = []
        for (index, result) in results.enumerated() { appendPatientEntry(result, first: index == 0, to: &entries) }
        return String(decoding: head + entries + tail, as: UTF8.self)
    }

    /// Writes the whole document to `sink`, copying the patients' entries from `patientEntries`,
    /// where ``patientEntry(_:first:)`` texts were written in patient order.
    /// - Throws: `InputError` when reading back or writing fails.
    public static func write(_ document: RunDocument, patientEntries: ScratchFile, to sink: ByteSink) throws {
        let (head, tail) = frame(document, hasPatients: !document.patients.isEmpty)
        try head.withUnsafeBytes { try sink.write(bytes: $0) }
        try patientEntries.copyAll(to: sink)
        try tail.withUnsafeBytes { try sink.write(bytes: $0) }
    }

    /// Appends one patient's entry in the `patients` array, as it appears in the document: a
    /// separating `,` and line break unless it is the first entry, then the indented object.
    /// - Parameters:
    ///   - result: the patient's result.
    ///   - first: whether it is the first entry of the array.
    ///   - output: where the UTF-8 bytes go.
    public static func appendPatientEntry(_ result: PatientResult, first: Bool, to output: inout [UInt8]) {
        output.append(text: first ? "    " : ",\n    ")
        // The same text as `patient(result).write(to:level: 2)`, without building the kept
        // mutations' tree: a patient of a large panel has thousands.
        guard case let .object(members) = patient(result, withMutations: false) else { return }
        var object = JSONContainerWriter.object(level: 2)
        for member in members {
            object.member(member.key, to: &output)
            member.value.write(to: &output, level: 3)
        }
        object.member("mutations", to: &output)
        var mutations = JSONContainerWriter.array(level: 3)
        for row in keptMutations(result) {
            mutations.item(to: &output)
            appendMutation(row, to: &output)
        }
        mutations.end(to: &output)
        object.end(to: &output)
    }

    /// One kept mutation at nesting level 4, as ``mutation(_:)`` renders it there (member by
    /// member, with no array or tree made on the way: a large table keeps hundreds of thousands).
    private static func appendMutation(_ row: MutationAudit, to output: inout [UInt8]) {
        var object = JSONContainerWriter.object(level: 4)
        object.member("mutation", to: &output)
        JSONValue.appendQuoted(row.key.description, to: &output)
        object.member("gene", to: &output)
        JSONValue.string(row.gene).write(to: &output, level: 5)
        object.member("protein_change", to: &output)
        JSONValue.string(row.proteinChange).write(to: &output, level: 5)
        object.member("variant_classification", to: &output)
        JSONValue.string(row.variantClassification).write(to: &output, level: 5)
        object.member("baseline", to: &output)
        appendObservation(row.baseline, to: &output)
        object.member("followup", to: &output)
        appendObservation(row.followup, to: &output)
        object.member("normal", to: &output)
        appendObservation(row.normal, to: &output)
        object.member("status", to: &output)
        JSONValue.appendQuoted(row.status.rawValue, to: &output)
        object.member("driver", to: &output)
        JSONValue.bool(row.isDriver).write(to: &output, level: 5)
        object.member("clonal", to: &output)
        JSONValue.bool(row.isClonal).write(to: &output, level: 5)
        object.member("notes", to: &output)
        JSONValue.array(row.notes.map { .string($0) }).write(to: &output, level: 5)
        object.end(to: &output)
    }

    /// An observation at nesting level 5, or `null`.
    private static func appendObservation(_ value: AlleleObservation?, to output: inout [UInt8]) {
        guard let value else { output.append(text: "null"); return }
        var inner = JSONContainerWriter.object(level: 5)
        inner.member("af", to: &output)
        JSONValue.number(value.alleleFraction).write(to: &output, level: 6)
        inner.member("alt", to: &output)
        JSONValue.integer(value.altCount).write(to: &output, level: 6)
        inner.member("ref", to: &output)
        JSONValue.integer(value.refCount).write(to: &output, level: 6)
        inner.member("imputed_zero", to: &output)
        JSONValue.bool(value.imputedZero).write(to: &output, level: 6)
        inner.member("below_min_alt_reads", to: &output)
        JSONValue.bool(value.belowMinimumAltReads).write(to: &output, level: 6)
        inner.end(to: &output)
    }

    /// A patient's kept mutations (set S), in key order.
    private static func keptMutations(_ result: PatientResult) -> [MutationAudit] {
        result.audit.filter { $0.status == .kept }.sorted { $0.key < $1.key }
    }

    /// The document's UTF-8 text before and after the patients' entries.
    private static func frame(_ document: RunDocument, hasPatients: Bool) -> (head: [UInt8], tail: [UInt8]) {
        // Written with an empty array, then cut there: a raw line break cannot occur inside a
        // JSON string, so the marker is found only where the key is.
        var text: [UInt8] = []
        value(document).write(to: &text, level: 0)
        text.append(UInt8(ascii: "\n"))
        let marker = Array("\n  \"patients\": []".utf8)
        let start = text.indices.first { text[$0...].starts(with: marker) }!
        let end = start + marker.count
        let head = Array(text[..<(end - 2)]) + Array((hasPatients ? "[\n" : "[").utf8)
        let tail = Array((hasPatients ? "\n  ]" : "]").utf8) + text[end...]
        return (head, tail)
    }

    /// The document as a JSON value, with an empty `patients` array (their entries are spliced
    /// in by ``render(_:results:)`` and ``write(_:patientEntries:to:)``).
    /// - Parameter document: the run.
    public static func value(_ document: RunDocument) -> JSONValue {
        .object([
            JSONMember("tool", .string(document.toolName)),
            JSONMember("version", .string(document.version)),
            JSONMember("generated_by", .string(document.generatedBy)),
            JSONMember("command_line", .array(document.commandLine.map { .string($0) })),
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
            JSONMember("patients", .array([])),
            JSONMember("statistics", .array(document.statistics.map(statistics))),
            JSONMember("exclusions", .array(document.exclusions.map { exclusion in
                .object([
                    JSONMember("patient", .string(exclusion.patient)), JSONMember("cohort", .string(exclusion.cohort)),
                    JSONMember("arm", .string(exclusion.arm)), JSONMember("reason", .string(exclusion.reason)),
                ])
            })),
            JSONMember("filter_counts", .object(document.filterCounts.map { JSONMember($0.status.rawValue, .integer($0.count)) })),
        ])
    }

    /// One patient: the summary fields and (unless `withMutations` is false) its kept mutations
    /// (audit rows with status `kept`).
    static func patient(_ result: PatientResult, withMutations: Bool = true) -> JSONValue {
        let summary = result.summary
        let status: String, reason: JSONValue
        switch summary.status {
        case .paired: (status, reason) = ("paired", .null)
        case .notDetected: (status, reason) = ("not_detected", .null)
        case let .excluded(text): (status, reason) = ("excluded", .string(text))
        }
        let members = [
            JSONMember("patient", .string(summary.patient)),
            JSONMember("cohort", .string(summary.cohort)),
            JSONMember("arm", .string(summary.arm)),
            JSONMember("status", .string(status)),
            JSONMember("exclusion_reason", reason),
            JSONMember("reference_timepoint", .string(summary.reference?.timepoint.rawValue)),
            JSONMember("reference_rule", .string(summary.reference?.rule.rawValue)),
            JSONMember("n_mutations", .integer(summary.mutationCount)),
            JSONMember("n_after_filters", .integer(summary.somaticCount)),
            JSONMember("n_drivers", .integer(summary.driverCount)),
            JSONMember("n_clonal", .integer(summary.clonalCount)),
            JSONMember("ctdna_fraction", metric(summary.ctDNAFraction)),
            JSONMember("median_af", metric(summary.medianAlleleFraction)),
            JSONMember("tumour_informed_fraction", metric(summary.tumourInformedFraction)),
            JSONMember("flags", .array(summary.flags.map { .string($0) })),
        ]
        guard withMutations else { return .object(members) }
        // Only the bona fide somatic mutations (set S); every mutation, dropped ones too, is in audit.tsv.
        return .object(members + [JSONMember("mutations", .array(keptMutations(result).map(mutation)))])
    }

    /// A paired metric with its difference and ratio, or `null`.
    static func metric(_ metric: PairedMetric?) -> JSONValue {
        guard let metric else { return .null }
        return .object([
            JSONMember("baseline", .number(metric.baseline)), JSONMember("followup", .number(metric.followup)),
            JSONMember("difference", .number(metric.difference)), JSONMember("ratio", .number(metric.ratio)),
        ])
    }

    /// One audit row.
    static func mutation(_ row: MutationAudit) -> JSONValue {
        .object([
            JSONMember("mutation", .string(row.key.description)),
            JSONMember("gene", .string(row.gene)),
            JSONMember("protein_change", .string(row.proteinChange)),
            JSONMember("variant_classification", .string(row.variantClassification)),
            JSONMember("baseline", observation(row.baseline)),
            JSONMember("followup", observation(row.followup)),
            JSONMember("normal", observation(row.normal)),
            JSONMember("status", .string(row.status.rawValue)),
            JSONMember("driver", .bool(row.isDriver)),
            JSONMember("clonal", .bool(row.isClonal)),
            JSONMember("notes", .array(row.notes.map { .string($0) })),
        ])
    }

    /// Read counts and AF of a mutation in one sample, or `null` when the sample is absent.
    static func observation(_ observation: AlleleObservation?) -> JSONValue {
        guard let observation else { return .null }
        return .object([
            JSONMember("af", .number(observation.alleleFraction)),
            JSONMember("alt", .integer(observation.altCount)),
            JSONMember("ref", .integer(observation.refCount)),
            JSONMember("imputed_zero", .bool(observation.imputedZero)),
            JSONMember("below_min_alt_reads", .bool(observation.belowMinimumAltReads)),
        ])
    }

    /// One statistics row, with the keys of the statistics.tsv columns; an unbounded
    /// confidence limit is `null`.
    static func statistics(_ row: StatisticsRow) -> JSONValue {
        .object([
            JSONMember("metric", .string(row.metric)),
            JSONMember("cohort", .string(row.cohort)),
            JSONMember("arm", .string(row.arm)),
            JSONMember("comparison", .string(row.comparison)),
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
            JSONMember("median_baseline", .number(row.medianBaseline)),
            JSONMember("median_followup", .number(row.medianFollowup)),
            JSONMember("note", .string(row.note.isEmpty ? nil : row.note)),
        ])
    }
}
