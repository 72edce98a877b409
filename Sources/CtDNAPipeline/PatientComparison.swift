import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNASystem

/// One patient's series from files named directly, without a sample sheet: `ctdna patient`.
public struct PatientRequest: Sendable {
    /// One sample of the series.
    public struct Sample: Sendable {
        /// The variant table.
        public var file: String
        /// The barcode to pick out of a multi-sample table, or `nil` for the whole table.
        public var barcode: String?

        /// Creates a sample.
        public init(file: String, barcode: String? = nil) {
            self.file = file
            self.barcode = barcode
        }
    }

    /// The patient's name in the output.
    public var patient: String
    /// The cohort in the output.
    public var cohort: String
    /// The arm in the output.
    public var arm: String
    /// The samples in timepoint order, as many as ``timepoints``.
    public var samples: [Sample]
    /// The timepoints of the samples, in order.
    public var timepoints: [Timepoint]
    /// A matched white-blood-cell table.
    public var normal: Sample?
    /// Which columns hold the counts.
    public var tableOptions: VariantTableOptions
    /// The method's numeric parameters.
    public var method: MethodParameters
    /// Where the method's lists come from.
    public var lists: MethodLists

    /// Creates a request; the parameters are the properties of the same names.
    public init(
        patient: String, cohort: String, arm: String, samples: [Sample], timepoints: [Timepoint] = Timepoint.pair,
        normal: Sample? = nil, tableOptions: VariantTableOptions = VariantTableOptions(),
        method: MethodParameters = MethodParameters(chGenes: []), lists: MethodLists = MethodLists()
    ) {
        precondition(samples.count == timepoints.count, "one sample per timepoint")
        self.patient = patient
        self.cohort = cohort
        self.arm = arm
        self.samples = samples
        self.timepoints = timepoints
        self.normal = normal
        self.tableOptions = tableOptions
        self.method = method
        self.lists = lists
    }
}

/// Analyses one patient's series read from the files of a ``PatientRequest``.
public enum PatientComparison {
    /// Reads the samples and runs the method.
    ///
    /// Two refusals keep a wrong request from giving an answer that looks right:
    /// - two samples of the request naming the same file (spelled alike, `.` components and
    ///   repeated slashes aside) with the same barcode, or both without one, would compare a
    ///   sample with itself: refused before any file is read;
    /// - a sample (or the normal) without a barcode whose table holds rows of several
    ///   `Tumor_Sample_Barcode`s would pool them all into one sample: refused, naming how many
    ///   samples the table holds, the first five barcodes, and the `ctdna patient` option that
    ///   picks one (`--sample-baseline`, `--sample-followup`, `--sample-normal`), as `ctdna run`
    ///   refuses a sheet row without `sample`.
    /// - Parameter request: The files and options.
    /// - Returns: The patient's summary and audit rows.
    /// - Throws: `SystemError` or `InputError` for a file that cannot be read or parsed, a
    ///   barcode the table does not hold, a multi-sample table given without a barcode, or two
    ///   samples that are the same.
    public static func run(_ request: PatientRequest) throws -> PatientResult {
        try refuseRepeatedSamples(request)
        let parameters = try request.lists.load(into: request.method)
        func read(_ sample: PatientRequest.Sample, role: String) throws -> [VariantRecord] {
            var options = request.tableOptions
            options.sample = sample.barcode
            let records = try VariantTableReader.readAll(path: sample.file, options: options)
            if sample.barcode == nil { try refuseSeveralSamples(records, file: sample.file, role: role) }
            return records
        }
        let tables = try zip(request.samples, request.timepoints).map { try read($0, role: $1.name) }
        let series = PatientSeries(
            patient: request.patient, cohort: request.cohort, arm: request.arm, timepoints: request.timepoints,
            tables: tables, normal: try request.normal.map { try read($0, role: "normal") })
        return analyzePatient(series, parameters: parameters)
    }

    /// The `ctdna patient` option that picks the barcode of a sample in `role` (a timepoint's
    /// name or `normal`), or `nil` when the command has none.
    static func barcodeOption(role: String) -> String? {
        ["baseline", "followup", "normal"].contains(role) ? "--sample-\(role)" : nil
    }

    /// Throws when two samples of the request are the same file with the same barcode (or none).
    private static func refuseRepeatedSamples(_ request: PatientRequest) throws {
        let samples = request.samples
        for later in samples.indices {
            for earlier in samples.indices where earlier < later {
                let (a, b) = (samples[earlier], samples[later])
                guard PathNames.lexicallyNormal(a.file) == PathNames.lexicallyNormal(b.file), a.barcode == b.barcode else { continue }
                let (first, second) = (request.timepoints[earlier].name, request.timepoints[later].name)
                let what = a.barcode.map { "the same file and barcode \"\($0)\"" } ?? "the same file, without a barcode"
                var remedy = "give each timepoint its own table"
                if let one = barcodeOption(role: first), let other = barcodeOption(role: second) {
                    remedy += ", or its own barcode with \(one) and \(other)"
                }
                throw InputError(file: b.file, message: "the \(first) and \(second) samples are the same sample (\(what)); \(remedy)")
            }
        }
    }

    /// Throws when records read without a barcode come from several samples.
    private static func refuseSeveralSamples(_ records: [VariantRecord], file: String, role: String) throws {
        var barcodes: [String] = []
        var seen: Set<String> = []
        for record in records {
            if let sample = record.sample, barcodes.last != sample, seen.insert(sample).inserted {
                barcodes.append(sample)
            }
        }
        guard barcodes.count > 1 else { return }
        let listed = barcodes.prefix(5).joined(separator: ", ") + (barcodes.count > 5 ? ", ..." : "")
        let remedy = barcodeOption(role: role).map { "name the \(role) one with \($0)" }
            ?? "name the \(role) one by its barcode"
        throw InputError(file: file, message: "the table holds \(barcodes.count) samples (\(listed)): \(remedy)")
    }

    /// The patient's `patients.tsv` row with its header, an empty line, then its `audit.tsv`
    /// rows with their header.
    /// - Parameter result: The patient's result.
    public static func render(_ result: PatientResult) -> String {
        let timepoints = result.summary.timepoints
        return PatientTables.patientsTSV([result.summary], timepoints: timepoints) + "\n"
            + PatientTables.auditTSV([result], timepoints: timepoints)
    }
}
