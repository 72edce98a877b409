import ArgumentParser
import CtDNAIO
import CtDNAPipeline
import CtDNASystem

/// `ctdna merge`: the shards of a cohort (`ctdna run --shard K/N`) joined into one run's outputs.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the output folders of `ctdna run --shard K/N` into the outputs of one run.",
        discussion: """
            Reads each shard's ctdna_shard.json and audit.tsv (never a variant table) and writes \
            to --outdir the files one `ctdna run` over the whole sample sheet would write, \
            byte for byte, but report.json and report.html, which also list the shards' command \
            lines. The statistics, q-values and survival are computed again over all patients. \
            Every shard 1..N of one split is needed, run with the same options on the same sheet; \
            run the merge from the working folder the shards ran in (their paths are as they \
            gave them).
            """)

    @Option(name: .customLong("outdir"), help: ArgumentHelp("Folder for the merged results; made when missing.", valueName: "dir"))
    var outputFolder: String

    @Argument(help: ArgumentHelp("The shards' output folders.", valueName: "shard-dir"))
    var shards: [String]

    @Flag(name: [.short, .customLong("quiet")], help: "No summary on the terminal.")
    var quiet = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("name the shards' output folders") }
    }

    func run() throws {
        let first = try ShardState.read(folder: shards[0])
        // The run as the shards ran it: the first shard's own options, read back.
        guard first.commandLine.count >= 2, first.commandLine[1] == "run" else {
            throw InputError(file: PathNames.joining(shards[0], ShardState.fileName), message: "its command line is not a `ctdna run`")
        }
        let shardRun: Run
        do {
            shardRun = try Run.parse(Array(first.commandLine.dropFirst(2)))
        } catch {
            throw InputError(file: PathNames.joining(shards[0], ShardState.fileName), message: "its command line does not parse with this ctdna: \(Run.message(for: error))")
        }
        let request = try shardRun.request(outputFolder: outputFolder, commandLine: ["ctdna"] + CommandLine.arguments.dropFirst())
        let outcome = try CohortRun.merge(request, shards: shards, observer: RunObserver(warning: Terminal.warn))
        if !quiet {
            print(outcome.terminalSummary, terminator: "")
            print("Report: \(outcome.reportPath)")
        }
    }
}
