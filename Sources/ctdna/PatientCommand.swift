import ArgumentParser
import CtDNAPipeline
import CtDNASystem

/// `ctdna patient`: one patient's two timepoints compared, without a sample sheet.
struct Patient: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient",
        abstract: "Compare one patient's baseline and follow-up: its patients.tsv row and its mutations.",
        discussion: """
            Prints the patient's row (as in patients.tsv), an empty line, then its mutations (as in \
            audit.tsv). The method and its defaults are those of `ctdna run`. A table holding \
            several samples needs the barcode of the one to read (--sample-baseline, \
            --sample-followup, --sample-normal); the baseline and follow-up must be different samples.
            """)

    @Option(help: ArgumentHelp("The baseline variant table.", valueName: "file"))
    var baseline: String

    @Option(help: ArgumentHelp("The follow-up variant table.", valueName: "file"))
    var followup: String

    @Option(name: .customLong("sample-baseline"), help: ArgumentHelp("Barcode of the baseline sample in a multi-sample table.", valueName: "id"))
    var baselineSample: String?

    @Option(name: .customLong("sample-followup"), help: ArgumentHelp("Barcode of the follow-up sample in a multi-sample table.", valueName: "id"))
    var followupSample: String?

    @Option(help: ArgumentHelp("A matched white-blood-cell variant table (clonal-haematopoiesis filter).", valueName: "file"))
    var normal: String?

    @Option(name: .customLong("sample-normal"), help: ArgumentHelp("Barcode of the normal sample in a multi-sample table.", valueName: "id"))
    var normalSample: String?

    @Option(help: "The patient's name in the output.")
    var patient = "patient"

    @Option(help: "The cohort in the output.")
    var cohort = "NA"

    @Option(help: "The arm in the output.")
    var arm = "NA"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output = "-"

    @OptionGroup(title: "Count columns")
    var columns: TableOptionGroup

    @OptionGroup(title: "Method")
    var method: MethodOptionGroup

    func validate() throws {
        if normalSample != nil && normal == nil {
            throw ValidationError("--sample-normal needs --normal: it picks a barcode in the normal's table")
        }
    }

    func run() throws {
        let result = try PatientComparison.run(PatientRequest(
            patient: patient, cohort: cohort, arm: arm,
            samples: [.init(file: baseline, barcode: baselineSample), .init(file: followup, barcode: followupSample)],
            normal: normal.map { .init(file: $0, barcode: normalSample) }, tableOptions: columns.tableOptions(),
            method: method.parameters, lists: method.lists))
        try OutputFile.write(PatientComparison.render(result), to: output)
    }
}
