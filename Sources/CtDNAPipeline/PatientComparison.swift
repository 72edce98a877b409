import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAReport

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
    /// - Parameter request: The files and options.
    /// - Returns: The patient's summary and audit rows.
    /// - Throws: `SystemError` or `InputError` for a file that cannot be read or parsed, or a
    ///   multi-sample table given without a barcode.
    public static func run(_ request: PatientRequest) throws -> PatientResult {
        let parameters = try request.lists.load(into: request.method)
        func read(_ sample: PatientRequest.Sample) throws -> [VariantRecord] {
            var options = request.tableOptions
            options.sample = sample.barcode
            return try VariantTableReader.readAll(path: sample.file, options: options)
        }
        let series = PatientSeries(
            patient: request.patient, cohort: request.cohort, arm: request.arm, timepoints: request.timepoints,
            tables: try request.samples.map(read), normal: try request.normal.map(read))
        return analyzePatient(series, parameters: parameters)
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
