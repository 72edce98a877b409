import ArgumentParser
import CtDNAIO
import CtDNACore
import CtDNAPipeline
import CtDNAReport
import Foundation
import Synchronization

/// The result stream a run writes to: replaced when the reading starts over.
private final class CurrentResultStream: Sendable {
    let value: Mutex<ResultStream>
    init(_ stream: ResultStream) { value = Mutex(stream) }
}

/// `ctdna run`: the whole analysis of a cohort, from a sample sheet to a folder of results.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse a cohort: ctDNA fractions per patient and paired statistics per arm.",
        discussion: """
            Reads every variant table of the sample sheet (in parallel, each file once), filters \
            clonal-haematopoiesis and artifact mutations, selects clonal mutations, computes the \
            ctDNA fraction and median allele fraction at baseline and follow-up, and tests the \
            paired change per arm and cohort. Writes to --outdir: audit.tsv (every mutation and why \
            it was kept or dropped), patients.tsv (one row per patient) and stats.tsv (one row per \
            test). Files appear only when the whole run succeeded. Defaults reproduce the CURB \
            analysis (Tsai et al., Lancet 2024); see docs/method.md.
            """)

    @Option(name: .customLong("samplesheet"), help: ArgumentHelp("TSV or CSV with columns patient, timepoint, arm, cohort, file, and optionally sample and normal.", valueName: "file"))
    var sampleSheet: String

    @Option(name: .customLong("outdir"), help: ArgumentHelp("Folder for the results; made when missing.", valueName: "dir"))
    var outputFolder: String

    @Option(name: [.customShort("j"), .customLong("threads")], help: "Files read at once. (default: all cores)")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("baseline-label"), help: ArgumentHelp("Another timepoint label meaning baseline (repeatable).", valueName: "label"))
    var baselineLabels: [String] = []

    @Option(name: .customLong("followup-label"), help: ArgumentHelp("Another timepoint label meaning follow-up, such as '8 Weeks' (repeatable).", valueName: "label"))
    var followupLabels: [String] = []

    @Flag(name: [.short, .customLong("quiet")], help: "No progress or summary on the terminal.")
    var quiet = false

    @OptionGroup(title: "Count columns")
    var columns: TableOptionGroup

    @OptionGroup(title: "Method")
    var method: MethodOptionGroup

    @OptionGroup(title: "Tests")
    var tests: StatisticsOptionGroup

    /// Every input with its role, size and SHA-256: the sheet, each table, each list file.
    private func inputs(sheet: SampleSheet, analysis: CohortAnalysis) throws -> [RunInput] {
        var inputs: [RunInput] = []
        func add(_ path: String, role: String) throws {
            // Read once, through any symbolic link, for both size and checksum (these inputs are
            // small: the sheet and list files).
            guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
                throw InputError(file: path, message: "cannot read the file again to checksum it")
            }
            inputs.append(RunInput(path: path, role: role, byteCount: bytes.count, sha256: SHA256.hexDigest(of: [UInt8](bytes))))
        }
        try add(sheet.path, role: "samplesheet")
        var listed: Set<String> = []
        for entry in sheet.entries where entry.timepoint != nil {
            for (path, role) in [(entry.file, "variant_table"), (entry.normal, "normal")] {
                guard let path, listed.insert(path).inserted, let checksum = analysis.checksums[path] else { continue }
                inputs.append(RunInput(path: path, role: role, byteCount: checksum.byteCount, sha256: checksum.sha256))
            }
        }
        for (role, path) in method.listFiles { try add(path, role: role) }
        return inputs
    }

    private func labelsDescription(_ labels: TimepointLabels) -> String {
        "baseline: " + labels.baseline.sorted().joined(separator: ", ") + "; followup: " + labels.followup.sorted().joined(separator: ", ")
    }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be 1 or more") }
    }

    func run() throws {
        Allocator.keepFreedMemoryForReuse()
        let parameters = try method.parameters()
        let labels = TimepointLabels(extraBaseline: baselineLabels, extraFollowup: followupLabels)
        let sheet = try SampleSheet(path: sampleSheet, labels: labels)
        for entry in sheet.entries where entry.timepoint == nil {
            Terminal.warn("\(sheet.path):\(entry.line): timepoint \"\(entry.timepointLabel)\" is neither baseline nor follow-up; the sample is not used (map it with --baseline-label or --followup-label)")
        }
        let outputs = try OutputFolder(path: outputFolder)
        // audit.tsv and report.json's patients are written as each patient is analysed; a
        // restart (a multi-sample table not grouped by sample) begins them again.
        let stream = CurrentResultStream(try ResultStream(audit: outputs.open("audit.tsv"), scratchFolder: outputs.path))
        let progress = Terminal.progress(enabled: !quiet, label: "read")
        let analysis = try CohortAnalysis(
            sheet: sheet, tableOptions: columns.tableOptions(), parameters: parameters, threads: threads,
            progress: progress,
            onResult: { index, result in try stream.value.withLock { $0 }.add(result, index: index) },
            onRestart: {
                let fresh = try ResultStream(audit: outputs.open("audit.tsv"), scratchFolder: outputs.path)
                stream.value.withLock { $0 = fresh }
            })
        Terminal.endProgress(enabled: !quiet)
        let results = stream.value.withLock { $0 }
        let statistics = try analysis.statistics(options: tests.wilcoxonOptions)

        let document = RunDocument(
            version: CtDNA.version, commandLine: ["ctdna"] + CommandLine.arguments.dropFirst(),
            parameters: method.described(parameters) + columns.described + tests.described
                + [RunParameter(name: "timepoint_labels", value: labelsDescription(labels), description: "sheet labels read as baseline / follow-up")],
            inputs: try inputs(sheet: sheet, analysis: analysis),
            patients: analysis.summaries, filterCounts: results.filterCounts, statistics: statistics,
            generatedBy: "cfDNA variant tables to ctDNA fractions and paired Wilcoxon tests")

        try outputs.stage("patients.tsv", PatientTables.patientsTSV(analysis.summaries))
        try outputs.stage("stats.tsv", StatisticsTable.tsv(statistics))
        // The two largest outputs only read the finished document: with a second thread they
        // are written at the same time, each file by its own job.
        nonisolated(unsafe) let html = try outputs.open("report.html")
        nonisolated(unsafe) let json = try outputs.open("report.json")
        try Self.perform([
            { try HTMLReport.write(document, to: html) },
            { try results.writeJSON(document, to: json) },
        ], inParallel: threads > 1)
        try outputs.stage("ctdna_mqc.tsv", MultiQCTable.render(analysis.summaries))
        try outputs.commit()
        if !quiet {
            print(TerminalSummary.render(document), terminator: "")
            print("Report: \(PathNames.joining(outputFolder, "report.html"))")
        }
    }

    /// Runs `jobs`, all at once when `inParallel`, one after another otherwise.
    /// - Throws: The error of the first job in list order that failed, once every job has ended.
    private static func perform(_ jobs: [@Sendable () throws -> Void], inParallel: Bool) throws {
        guard inParallel else {
            for job in jobs { try job() }
            return
        }
        // Not concurrentPerform: a job that itself uses concurrentPerform would then run alone.
        let failures = Mutex<[Int: any Error]>([:])
        let running = DispatchGroup()
        for index in jobs.indices.dropFirst() {
            DispatchQueue.global().async(group: running) {
                do { try jobs[index]() } catch { failures.withLock { $0[index] = error } }
            }
        }
        if let first = jobs.first {
            do { try first() } catch { failures.withLock { $0[0] = error } }
        }
        running.wait()
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    }
}
