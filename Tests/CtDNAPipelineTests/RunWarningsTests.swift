import CtDNAIO
import CtDNAModel
import Foundation
import TestSupport
import Testing
@testable import CtDNAPipeline

/// What a run says when it had to guess, or when a filter may have removed more than intended.
@Suite("Run warnings")
struct RunWarningsTests {
    static let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_ref_count"

    /// A two-patient cohort in `folder`; `extraColumns` and `rows` give each table's body.
    static func cohort(in folder: TemporaryFolder, header: String = header, tables: [String: [String]]) -> String {
        for (name, rows) in tables {
            folder.file(name, ([header] + rows).joined(separator: "\n") + "\n")
        }
        return folder.file("sheet.tsv", """
            patient\ttimepoint\tarm\tcohort\tfile
            P1\tbaseline\tA\tC\tP1_b.maf
            P1\tfollowup\tA\tC\tP1_f.maf
            P2\tbaseline\tB\tC\tP2_b.maf
            P2\tfollowup\tB\tC\tP2_f.maf

            """)
    }

    static func run(_ sheet: String, _ folder: TemporaryFolder, lists: MethodLists = MethodLists()) throws -> (RunOutcome, [String]) {
        let log = WarningLog()
        let outcome = try CohortRun.run(
            RunRequest(sampleSheet: sheet, outputFolder: folder.path("out"), lists: lists, commandLine: ["ctdna"], version: "0"),
            observer: RunObserver(warning: { log.add($0) }))
        return (outcome, log.messages)
    }

    @Test func tablesWithoutDriverAnnotationAreNamed() throws {
        let folder = TemporaryFolder()
        // No ONCOGENIC or hotspot column: both patients' references come from all mutations.
        let sheet = Self.cohort(in: folder, tables: [
            "P1_b.maf": ["TP53\t17\t100\tG\tA\t20\t80"], "P1_f.maf": ["TP53\t17\t100\tG\tA\t5\t95"],
            "P2_b.maf": ["KRAS\t12\t200\tC\tA\t10\t90"], "P2_f.maf": ["KRAS\t12\t200\tC\tA\t10\t90"],
        ])
        let (outcome, warnings) = try Self.run(sheet, folder)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("2 patients' tables have no driver annotation") == true)
        #expect(warnings.first?.contains(": P1, P2.") == true)
        #expect(outcome.document.warnings == warnings)
        #expect(try folder.text("out/report.html").contains("<ul class=\"warnings\">"))
    }

    @Test func annotatedTablesGiveNoWarning() throws {
        let folder = TemporaryFolder()
        let header = Self.header + "\tONCOGENIC"
        let sheet = Self.cohort(in: folder, header: header, tables: [
            "P1_b.maf": ["TP53\t17\t100\tG\tA\t20\t80\tOncogenic"], "P1_f.maf": ["TP53\t17\t100\tG\tA\t5\t95\tOncogenic"],
            "P2_b.maf": ["KRAS\t12\t200\tC\tA\t10\t90\tUnknown"], "P2_f.maf": ["KRAS\t12\t200\tC\tA\t10\t90\tUnknown"],
        ])
        let (_, warnings) = try Self.run(sheet, folder)
        #expect(warnings.isEmpty)
    }

    /// TP53 R273H (chr17:7673802 C>T on GRCh38, 17:7577120 on GRCh37) is on the bundled CH
    /// variant list (Bick 2020, Bolton 2020) and is a lung-cancer driver. Matched by gene and
    /// protein change here. Widened to every gene, the list removes it, and the run says so.
    @Test func theCHVariantListRemovingADriverIsAWarning() throws {
        let folder = TemporaryFolder()
        let header = Self.header + "\tHGVSp_Short\tIS-A-HOTSPOT"
        let row = "TP53\t17\t7577120\tC\tT\t20\t80\tp.R273H\tY"
        let sheet = Self.cohort(in: folder, header: header, tables: [
            "P1_b.maf": [row], "P1_f.maf": [row],
            "P2_b.maf": ["KRAS\t12\t200\tC\tA\t10\t90\tp.G13C\tN"], "P2_f.maf": ["KRAS\t12\t200\tC\tA\t10\t90\tp.G13C\tN"],
        ])
        // By default the bundled list applies to the CH genes only: TP53 stays.
        let (kept, quiet) = try Self.run(sheet, folder, lists: MethodLists(chVariants: .bundled))
        #expect(kept.document.patients[0].status == .paired)
        #expect(quiet.isEmpty)
        let (widened, warnings) = try Self.run(sheet, folder, lists: MethodLists(chVariants: .bundled, chVariantGenes: .all))
        #expect(widened.document.patients[0].status == .notDetected)
        // One mutation (P1's TP53, one audit row over both timepoints).
        #expect(warnings == [
            "the CH variant list removed 1 mutation annotated as a tumour driver (hotspot or OncoKB Oncogenic); "
                + "audit.tsv lists it with status ch_variant. If it is the tumour's, restrict the list with --ch-variant-genes",
        ])
    }

    @Test func repeatedRowsAreCounted() throws {
        let folder = TemporaryFolder()
        let header = Self.header + "\tONCOGENIC"
        // P1's baseline lists TP53 twice (different counts): one mutation with a repeated row.
        let sheet = Self.cohort(in: folder, header: header, tables: [
            "P1_b.maf": ["TP53\t17\t100\tG\tA\t20\t80\tOncogenic", "TP53\t17\t100\tG\tA\t30\t70\tOncogenic"],
            "P1_f.maf": ["TP53\t17\t100\tG\tA\t5\t95\tOncogenic"],
            "P2_b.maf": ["KRAS\t12\t200\tC\tA\t10\t90\tOncogenic"], "P2_f.maf": ["KRAS\t12\t200\tC\tA\t10\t90\tOncogenic"],
        ])
        let (_, warnings) = try Self.run(sheet, folder)
        #expect(warnings == [
            "1 mutation was listed on more than one row of a table; the first row was used (audit.tsv notes duplicate_rows_<timepoint>)",
        ])
    }

    @Test func tablesOfDifferentBuildsAreRefused() throws {
        let folder = TemporaryFolder()
        let header = Self.header + "\tNCBI_Build"
        let sheet = Self.cohort(in: folder, header: header, tables: [
            "P1_b.maf": ["TP53\t17\t100\tG\tA\t20\t80\tGRCh37"], "P1_f.maf": ["TP53\t17\t100\tG\tA\t5\t95\tGRCh38"],
            "P2_b.maf": ["KRAS\t12\t200\tC\tA\t10\t90\t37"], "P2_f.maf": ["KRAS\t12\t200\tC\tA\t10\t90\thg19"],
        ])
        #expect {
            try Self.run(sheet, folder)
        } throws: { error in
            "\(error)" == "\(folder.path("P1_b.maf")): patient \"P1\": its tables are of different genome builds: "
                + "\(folder.path("P1_b.maf")) (GRCh37); \(folder.path("P1_f.maf")) (GRCh38). A mutation's position, "
                + "so its key, differs between builds: lift the tables over to one build"
        }
        // P2 alone (37 and hg19 are both GRCh37) runs.
        let single = folder.file("sheet2.tsv", "patient\ttimepoint\tarm\tcohort\tfile\nP2\tbaseline\tB\tC\tP2_b.maf\nP2\tfollowup\tB\tC\tP2_f.maf\n")
        let (outcome, _) = try Self.run(single, folder)
        #expect(outcome.document.patients[0].status == .paired)
    }
}

/// The sample sheet's own columns travel to the per-patient outputs.
@Suite("Sheet covariates")
struct SheetCovariatesTests {
    @Test func extraColumnsFollowTheFlagsInPatientsTSVAndReportJSON() throws {
        let folder = TemporaryFolder()
        let header = RunWarningsTests.header + "\tONCOGENIC"
        for (name, alt) in [("P1_b.maf", 20), ("P1_f.maf", 5), ("P2_b.maf", 10), ("P2_f.maf", 10)] {
            folder.file(name, "\(header)\nTP53\t17\t100\tG\tA\t\(alt)\t\(100 - alt)\tOncogenic\n")
        }
        // stage differs between P2's rows; P1 has no age.
        let sheet = folder.file("sheet.tsv", """
            patient\ttimepoint\tarm\tcohort\tfile\tpfs_days\tstage\tage
            P1\tbaseline\tA\tC\tP1_b.maf\t412\tIIIB\tNA
            P1\tfollowup\tA\tC\tP1_f.maf\t412\tIIIB\t
            P2\tbaseline\tB\tC\tP2_b.maf\t90\tIV\t71
            P2\tfollowup\tB\tC\tP2_f.maf\t90\tIVA\t71

            """)
        let (outcome, warnings) = try RunWarningsTests.run(sheet, folder)
        let rows = try folder.text("out/patients.tsv").split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(Array(rows[0].suffix(5)) == ["flags", "molecular_response", "pfs_days", "stage", "age"])
        #expect(Array(rows[1].suffix(3)) == ["412", "IIIB", "NA"])
        #expect(Array(rows[2].suffix(3)) == ["90", "IV;IVA", "71"])
        #expect(warnings == [
            "sheet column stage differs between the rows of patient \"P2\" (and maybe others): patients.tsv lists the distinct values joined with ';'",
        ])
        #expect(outcome.document.covariateColumns == ["pfs_days", "stage", "age"])
        let json = try JSONSerialization.jsonObject(with: Data(try folder.text("out/report.json").utf8)) as? [String: Any]
        let patients = try #require(json?["patients"] as? [[String: Any]])
        let first = try #require(patients[0]["covariates"] as? [String: Any])
        #expect(first["pfs_days"] as? String == "412" && first["stage"] as? String == "IIIB" && first["age"] is NSNull)
    }
}

/// A run with nothing to test says so instead of drawing empty panels in silence.
@Suite("Nothing to test")
struct NothingToTestTests {
    @Test func aCohortWithoutAPairedPatientIsAWarning() throws {
        let folder = TemporaryFolder()
        let header = RunWarningsTests.header + "\tONCOGENIC"
        // P1: one read at each timepoint (below the 2-read minimum): not detected. P2 lacks a
        // follow-up: values at its one sample, no test (METHOD.md 3.10).
        folder.file("P1_b.maf", "\(header)\nTP53\t17\t100\tG\tA\t1\t99\tOncogenic\n")
        folder.file("P1_f.maf", "\(header)\nTP53\t17\t100\tG\tA\t1\t99\tOncogenic\n")
        folder.file("P2_b.maf", "\(header)\nKRAS\t12\t200\tC\tA\t10\t90\tOncogenic\n")
        let sheet = folder.file("sheet.tsv", "patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\tC\tP1_b.maf\nP1\tfollowup\tA\tC\tP1_f.maf\nP2\tbaseline\tA\tC\tP2_b.maf\n")
        let (outcome, warnings) = try RunWarningsTests.run(sheet, folder)
        #expect(outcome.document.patients.map(\.status) == [.notDetected, .singleSample])
        #expect(warnings == [
            "no patient is paired (both timepoints, a somatic mutation, a value at each): every statistic is empty; "
                + "check the sample sheet's timepoint labels and the statuses in patients.tsv",
        ])
    }
}
