import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAStats
import Foundation
import TestSupport
import Testing
@testable import CtDNAPipeline

/// The library's front door on the committed sample cohort.
@Suite("Cohort run")
struct CohortRunTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let expected = repository.appendingPathComponent("SampleData/expected")

    /// The request `make expected` makes, with the outputs going to `folder`.
    static func sampleDataRequest(outputFolder: String, threads: Int) -> RunRequest {
        RunRequest(
            sampleSheet: "SampleData/samplesheet.tsv", outputFolder: outputFolder, threads: threads,
            commandLine: ["ctdna", "run", "--samplesheet", "SampleData/samplesheet.tsv", "--outdir", "SampleData/expected", "--quiet"],
            version: "0.1.0")
    }

    /// `swift test` runs in the package's folder, where the sheet's relative paths resolve as
    /// they do for `make expected` (the inputs' paths are part of the reports).
    static let runsInRepository = FileManager.default.currentDirectoryPath == repository.path

    @Test(.enabled(if: runsInRepository, "needs the package folder as the working folder"), arguments: [1, 2])
    func sampleDataReproducesTheExpectedOutputs(threads: Int) throws {
        let folder = TemporaryFolder()
        let outcome = try CohortRun.run(Self.sampleDataRequest(outputFolder: folder.path("out"), threads: threads))
        // Every committed output: the six of every run, the figures, and survival.tsv and
        // km_curves.tsv, which SampleData's clinical columns (pfs_days, pfs_event) bring.
        let figures = try FileManager.default.contentsOfDirectory(atPath: Self.expected.appendingPathComponent("figures").path)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.expected.path).filter { $0 != "figures" }.sorted()
            + figures.sorted().map { "figures/" + $0 }
        #expect(names.filter { !$0.hasPrefix("figures/") } == (CohortRun.outputNames + ["survival.tsv", "km_curves.tsv"]).sorted())
        #expect(figures.count == 23)
        for name in names {
            let produced = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/\(name)")))
            let expected = try Data(contentsOf: Self.expected.appendingPathComponent(name))
            #expect(produced == expected, "\(name) differs from SampleData/expected (threads \(threads))")
        }
        #expect(Set(outcome.outputs) == Set(names.map { folder.path("out/\($0)") }))
        // SampleData/expected/patients.tsv: 53 paired, 5 not detected, 1 with a baseline sample only.
        #expect(outcome.document.patients.count == 59)
        #expect(outcome.terminalSummary.hasPrefix("Patients: 59 (paired 53, single_sample 1, not_detected 5)\n"))
    }

    @Test func aRunThatFailsLeavesNoOutputsAndWarnsFirst() throws {
        let folder = TemporaryFolder()
        for name in ["a.maf", "b.maf", "c.maf"] {
            folder.file(name, "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_ref_count\nTP53\t17\t100\tG\tA\t5\tx\n")
        }
        let sheet = folder.file("sheet.tsv", "patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\tC\ta.maf\nP1\tfollowup\tA\tC\tb.maf\nP1\tweek 20\tA\tC\tc.maf\n")
        let warnings = WarningLog()
        let request = RunRequest(
            sampleSheet: sheet, outputFolder: folder.path("out/run"), timepoints: ["baseline", "followup"], commandLine: ["ctdna"],
            version: "0")
        #expect {
            try CohortRun.run(request, observer: RunObserver(warning: { warnings.add($0) }))
        } throws: { error in
            // Line 2 of a.maf, its t_ref_count cell.
            (error as? InputError)?.description.hasPrefix("\(folder.path("a.maf")):2: column t_ref_count: \"x\" is not a count") == true
        }
        #expect(warnings.messages == ["\(sheet):4: timepoint \"week 20\" is not among --timepoints; the sample is not used"])
        // Neither the output folder nor its parent, which the run made, is left behind.
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    }

    @Test func patientComparisonGivesTheRunsRowForOnePatient() throws {
        let maf = Self.repository.appendingPathComponent("SampleData/maf").path
        let result = try PatientComparison.run(PatientRequest(
            patient: "P001", cohort: "NSCLC", arm: "SOC",
            samples: [.init(file: "\(maf)/P001_baseline.maf.gz"), .init(file: "\(maf)/P001_followup.maf.gz")]))
        let expectedRows = try String(contentsOf: Self.expected.appendingPathComponent("patients.tsv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let row = PatientComparison.render(result).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The run's table goes on with the sheet's own columns (day, pfs_days, pfs_event): the
        // patient command has no sheet, so its row is the run's row without them.
        let columns = row[0].split(separator: "\t").count
        func firstColumns(_ line: String) -> [Substring] { Array(line.split(separator: "\t", omittingEmptySubsequences: false).prefix(columns)) }
        #expect(firstColumns(row[0]) == firstColumns(expectedRows[0]))
        #expect(firstColumns(row[1]) == firstColumns(try #require(expectedRows.first { $0.hasPrefix("P001\t") })))
        #expect(row[2].isEmpty)
    }

    @Test func statisticsFromThePatientsTableEqualTheRunsStatistics() throws {
        let rows = try CohortStatistics.rows(
            patientsTable: Self.expected.appendingPathComponent("patients.tsv").path, metrics: [],
            options: WilcoxonOptions())
        let expected = try String(contentsOf: Self.expected.appendingPathComponent("stats.tsv"), encoding: .utf8)
        #expect(CohortStatistics.tsv(rows) == expected)
    }
}

/// Warnings a run gave, in order.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}

/// Where the method's lists come from.
@Suite("Method lists")
struct MethodListsTests {
    @Test func theBundledCHGenesAreTheDefaultAndFilesReplaceOrAddToThem() throws {
        let bundled = try MethodLists().load(into: MethodParameters(chGenes: []))
        // Sources/BundledLists/Resources/ch_genes.tsv lists DNMT3A and TET2, not TP53 or KRAS.
        #expect(bundled.chGenes.isSuperset(of: ["DNMT3A", "TET2", "ASXL1", "PPM1D"]))
        #expect(bundled.chGenes.isDisjoint(with: ["TP53", "KRAS"]))
        #expect(bundled.chVariants == nil && bundled.dropList == DropList())
        let folder = TemporaryFolder()
        let mine = folder.file("mine.txt", "gene\nAAA\n")
        let replaced = try MethodLists(chGenes: mine).load(into: MethodParameters(chGenes: []))
        #expect(replaced.chGenes == ["AAA"])
        let added = try MethodLists(extraCHGenes: mine).load(into: MethodParameters(chGenes: []))
        #expect(added.chGenes == bundled.chGenes.union(["AAA"]))
        let variants = try MethodLists(chVariants: .bundled, chVariantGenes: .listed(["dnmt3a"])).load(into: MethodParameters(chGenes: []))
        #expect(variants.chVariants?.genes == ["DNMT3A"])
        // The bundled variant list applies to the CH genes unless widened: TP53 is not among them.
        let automatic = try MethodLists(chVariants: .bundled).load(into: MethodParameters(chGenes: []))
        #expect(automatic.chVariants?.genes == bundled.chGenes)
        let widened = try MethodLists(chVariants: .bundled, chVariantGenes: .all).load(into: MethodParameters(chGenes: []))
        #expect(widened.chVariants?.genes == nil)
    }
}
