import CtDNACore
import CtDNAModel
import Foundation
import TestSupport
import Testing
@testable import CtDNAPipeline

/// Molecular response per patient, and survival by response from the landmark at the second draw.
@Suite("Molecular response and outcomes")
struct OutcomeTests {
    /// By hand (docs/method.md §10, threshold 0.5): 0.2 -> 0 clearance; 0.2 -> 0.1 response (a
    /// fall of exactly half); 0.2 -> 0.15 no response; 0 -> anything and a missing value not evaluable.
    @Test func responseClasses() {
        #expect(MolecularResponse(PairedMetric(baseline: 0.2, followup: 0), threshold: 0.5) == .clearance)
        #expect(MolecularResponse(PairedMetric(baseline: 0.2, followup: 0.1), threshold: 0.5) == .response)
        #expect(MolecularResponse(PairedMetric(baseline: 0.2, followup: 0.15), threshold: 0.5) == .noResponse)
        #expect(MolecularResponse(PairedMetric(baseline: 0.2, followup: 0.15), threshold: 0.2) == .response)
        #expect(MolecularResponse(PairedMetric(baseline: 0, followup: 0.1), threshold: 0.5) == .notEvaluable)
        #expect(MolecularResponse(nil, threshold: 0.5) == .notEvaluable)
        #expect(MolecularResponse.clearance.isResponse && !MolecularResponse.noResponse.isResponse)
    }

    @Test func endpointsAreFoundByTheirColumnNames() {
        #expect(Endpoint.detected(in: ["pfs_days", "stage", "PFS_event", "os_time", "os_event", "x_days"]) == [
            Endpoint(name: "pfs", timeColumn: "pfs_days", eventColumn: "PFS_event"),
            Endpoint(name: "os", timeColumn: "os_time", eventColumn: "os_event"),
        ])
    }

    /// Six patients, one Oncogenic TP53 each at AF 0.2 at baseline (day 0); at follow-up (day 56)
    /// R1 and R3 fall to 0.05 (response), R2 clears, N1-N3 fall to 0.15 (no response). PFS from
    /// the sheet's origin: R1 400 (censored), R2 310, R3 86, N1 120, N2 90, N3 200 (censored); from
    /// the landmark at day 56: 344, 254, 30, 64, 34, 144. Expected values from R 4.2.2 with
    /// survival 3.5.3 (run here; the script is in this comment):
    /// `d <- data.frame(time = c(400, 310, 86, 120, 90, 200) - 56, event = c(0,1,1,1,1,0),
    /// group = rep(c("responder", "non_responder"), each = 3))`: `survfit` median 159;
    /// `survdiff` chisq 0.21621621621621614, p 0.64193822040506288; `coxph(~ group)` coefficient
    /// -0.56435069588386666, Wald p 0.64622121740337979, LR p 0.6378720827532024; with
    /// `ratio = c(-2, NA, -2, log2(0.75) x 3)`, `coxph(~ ratio)` coefficient -0.016116779087325325,
    /// Wald p 0.98350384409226832, n 5.
    @Test(arguments: [false, true])
    func survivalByResponseFromTheLandmark(clinicalTable: Bool) throws {
        let folder = TemporaryFolder()
        let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_ref_count\tONCOGENIC"
        var sheet = "patient\ttimepoint\tarm\tcohort\tfile\tday" + (clinicalTable ? "\n" : "\tpfs_days\tpfs_event\n")
        // The same endpoint from a clinical table of its own, with one patient the sheet lacks.
        var clinical = "patient\tpfs_days\tpfs_event\nX9\t10\t1\n"
        let patients: [(String, Int?, Int, Int)] = [
            ("R1", 5, 400, 0), ("R2", nil, 310, 1), ("R3", 5, 86, 1), ("N1", 15, 120, 1), ("N2", 15, 90, 1), ("N3", 15, 200, 0),
        ]
        for (name, followupAlt, pfs, event) in patients {
            folder.file("\(name)_b.maf", "\(header)\nTP53\t17\t100\tG\tA\t20\t80\tOncogenic\n")
            folder.file("\(name)_f.maf", header + "\n" + (followupAlt.map { "TP53\t17\t100\tG\tA\t\($0)\t\(100 - $0)\tOncogenic\n" } ?? ""))
            let outcome = clinicalTable ? "" : "\t\(pfs)\t\(event)"
            sheet += "\(name)\tbaseline\tA\tC\t\(name)_b.maf\t0\(outcome)\n\(name)\tfollowup\tA\tC\t\(name)_f.maf\t56\(outcome)\n"
            clinical += "\(name)\t\(pfs)\t\(event)\n"
        }
        let sheetPath = folder.file("sheet.tsv", sheet)
        let clinicalPath = folder.file("clinical.tsv", clinical)
        let log = WarningLog()
        let outcome = try CohortRun.run(
            RunRequest(
                sampleSheet: sheetPath, outputFolder: folder.path("out"), commandLine: ["ctdna"], version: "0",
                clinicalTable: clinicalTable ? clinicalPath : nil),
            observer: RunObserver(warning: { log.add($0) }))
        // R2 cleared (follow-up 0): no log2 ratio, so out of that Cox model, and said so.
        let ratioNote = "\(sheetPath) (pfs): 1 patient without a finite log2_ratio left out of its Cox model"
        #expect(log.messages == (clinicalTable ? ["\(clinicalPath): 1 patient is not in the sample sheet: X9"] : []) + [ratioNote])
        #expect(outcome.document.patients.map { $0.molecularResponse } == [.response, .clearance, .response, .noResponse, .noResponse, .noResponse])
        #expect(outcome.outputs.contains(folder.path("out/survival.tsv")) && outcome.outputs.contains(folder.path("out/km_curves.tsv")))
        let rows = outcome.document.survival
        let all = try #require(rows.first { $0.group == "all" && $0.test.rawValue == "km" })
        #expect(all.count == 6 && all.events == 4 && all.median == 159)
        let logRank = try #require(rows.first { $0.test.rawValue == "logrank" })
        #expect(agree(logRank.statistic, 0.21621621621621614) && agree(logRank.pValue, 0.64193822040506288))
        let group = try #require(rows.first { $0.test.rawValue == "cox" && $0.group.hasPrefix("responder") })
        #expect(agree(group.coefficient, -0.56435069588386666) && agree(group.pValue, 0.64622121740337979))
        #expect(agree(group.likelihoodRatioPValue, 0.6378720827532024))
        let ratio = try #require(rows.first { $0.test.rawValue == "cox" && $0.group == "log2_ratio" })
        #expect(ratio.count == 5)
        #expect(agree(ratio.coefficient, -0.016116779087325325) && agree(ratio.pValue, 0.98350384409226832))
        let patientsTable = try folder.text("out/patients.tsv")
        #expect(patientsTable.split(separator: "\n")[0].hasSuffix("\tflags\tmolecular_response\tday\tpfs_days\tpfs_event") == false)
        #expect(patientsTable.split(separator: "\n")[0].hasSuffix("\tflags\tmolecular_response\tpfs_days\tpfs_event"))
    }

    /// Relative agreement to 1e-9, as the Stats tests hold R's numbers.
    func agree(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-9 * max(abs(expected), 1e-300)
    }
}

/// Bad clinical values stop the run naming the patient and the column.
@Suite("Clinical values")
struct ClinicalValueTests {
    @Test(arguments: [("-3", "1", "column pfs_days: patient \"P1\": \"-3\" is not a time (a number of days, 0 or more)"),
                      ("100", "maybe", "column pfs_event: patient \"P1\": \"maybe\" is not an event; write 1/0, TRUE/FALSE or yes/no")])
    func aBadTimeOrEventIsAnError(time: String, event: String, message: String) throws {
        let folder = TemporaryFolder()
        let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_ref_count\tONCOGENIC"
        folder.file("b.maf", "\(header)\nTP53\t17\t100\tG\tA\t20\t80\tOncogenic\n")
        folder.file("f.maf", "\(header)\nTP53\t17\t100\tG\tA\t5\t95\tOncogenic\n")
        let sheet = folder.file("sheet.tsv", "patient\ttimepoint\tarm\tcohort\tfile\tpfs_days\tpfs_event\nP1\tbaseline\tA\tC\tb.maf\t\(time)\t\(event)\nP1\tfollowup\tA\tC\tf.maf\t\(time)\t\(event)\n")
        #expect {
            try CohortRun.run(RunRequest(sampleSheet: sheet, outputFolder: folder.path("out"), commandLine: ["ctdna"], version: "0"))
        } throws: { error in
            "\(error)" == "\(sheet): \(message)"
        }
    }
}
