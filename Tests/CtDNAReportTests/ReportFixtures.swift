import Foundation
import CtDNACore
import CtDNAModel
import CtDNAReport
import CtDNAStats

/// Hand-built run documents for the report tests.
enum ReportFixtures {
    /// A paired patient with both metrics.
    static func patient(
        _ id: String, cohort: String, arm: String, fraction: (Double, Double), medianAF: (Double, Double),
        status: PatientStatus = .paired, audit: [MutationStatus] = [.kept]
    ) -> PatientResult {
        let summary = PatientSummary(
            patient: id, cohort: cohort, arm: arm, status: status,
            reference: status == .paired ? ReferenceTimepoint(index: 0, rule: .drivers) : nil,
            mutationCount: audit.count, somaticCount: audit.filter { $0 == .kept }.count,
            driverCount: status == .paired ? 1 : 0, clonalCount: status == .paired ? 1 : 0,
            ctDNAFraction: [fraction.0, fraction.1], medianAlleleFraction: [medianAF.0, medianAF.1])
        let rows = audit.enumerated().map { index, mutationStatus in
            MutationAudit(
                patient: id, key: MutationKey(chromosome: "chr7", position: 1000 + index, reference: "C", alternate: "T"),
                gene: "EGFR", proteinChange: "p.L858R", variantClassification: "Missense_Mutation",
                observations: [
                    AlleleObservation(altCount: 12, refCount: 988, alleleFraction: 0.012),
                    AlleleObservation(altCount: 3, refCount: 997, alleleFraction: 0.003),
                ],
                normal: nil, status: mutationStatus, isDriver: index == 0, isClonal: mutationStatus == .kept,
                notes: [])
        }
        return PatientResult(summary: summary, audit: rows)
    }

    /// A patient excluded for a missing sample, with the reason the method gives.
    static func excluded(_ id: String, cohort: String, arm: String, missing: Timepoint) -> PatientResult {
        let series = PatientSeries(
            patient: id, cohort: cohort, arm: arm,
            tables: Timepoint.pair.map { $0 == missing ? nil : [] })
        return analyzePatient(series, parameters: MethodParameters(chGenes: []))
    }

    /// A signed-rank row with the fields the reports read.
    static func signedRank(
        _ metric: Metric, _ cohort: String, _ arm: String, n: Int, p: Double?, q: Double?,
        medians: (Double, Double)
    ) -> StatisticsRow {
        StatisticsRow(
            metric: metric, cohort: cohort, arm: arm, comparison: "paired", test: .signedRank,
            alternative: .twoSided, patientCount: n, observationsUsed: n, statistic: 3, pValue: p, qValue: q,
            method: .exact, estimate: -0.01, confidenceLow: -0.02, confidenceHigh: 0.001, confidenceLevel: 0.95,
            medianBaseline: medians.0, medianFollowup: medians.1, note: "")
    }

    /// A rank-sum row comparing two arms.
    static func rankSum(_ metric: Metric, _ cohort: String, p: Double?) -> StatisticsRow {
        StatisticsRow(
            metric: metric, cohort: cohort, arm: "SBRT vs SOC", comparison: "SBRT vs SOC", test: .rankSum,
            alternative: .twoSided, patientCount: 5, observationsUsed: 5, statistic: 4, pValue: p, qValue: p,
            method: .exact, estimate: 0.01, confidenceLow: -0.1, confidenceHigh: 0.2, confidenceLevel: 0.95,
            medianBaseline: nil, medianFollowup: nil, note: "")
    }

    /// One cohort, two arms: three SBRT patients (one named `<P&1>`, one not detected), two SOC
    /// patients and one excluded SOC patient; hand-written statistics.
    static let smallResults: [PatientResult] = [
            patient("<P&1>", cohort: "NSCLC", arm: "SBRT", fraction: (0.2, 0.05), medianAF: (0.1, 0.02)),
            patient("P2", cohort: "NSCLC", arm: "SBRT", fraction: (0.04, 0), medianAF: (0.02, 0),
                    audit: [.kept, .chGene, .lowDepth]),
            patient("P3", cohort: "NSCLC", arm: "SBRT", fraction: (0, 0), medianAF: (0, 0), status: .notDetected,
                    audit: [.chGene]),
            patient("P4", cohort: "NSCLC", arm: "SOC", fraction: (0.01, 0.03), medianAF: (0.005, 0.015)),
            patient("P5", cohort: "NSCLC", arm: "SOC", fraction: (0.5, 0.4), medianAF: (0.25, 0.2),
                    audit: [.kept, .matchedNormal]),
            excluded("P6", cohort: "NSCLC", arm: "SOC", missing: .followup),
    ]

    /// The run document of ``smallResults``.
    static let small: RunDocument = {
        let results = smallResults
        let statistics = GroupedAnalysis.addingQValues([
            signedRank(.ctDNAFraction, "NSCLC", "SBRT", n: 3, p: 0.25, q: nil, medians: (0.04, 0)),
            signedRank(.ctDNAFraction, "NSCLC", "SOC", n: 2, p: 1, q: nil, medians: (0.255, 0.215)),
            rankSum(.ctDNAFraction, "NSCLC", p: 0.4),
            signedRank(.medianAlleleFraction, "NSCLC", "SBRT", n: 3, p: 0.022, q: nil, medians: (0.02, 0)),
            signedRank(.medianAlleleFraction, "NSCLC", "SOC", n: 2, p: nil, q: nil, medians: (0.1275, 0.1075)),
            rankSum(.medianAlleleFraction, "NSCLC", p: 0.00001),
        ])
        return RunDocument(
            version: "0.1.0", commandLine: ["ctdna", "run", "--samplesheet", "sheet.tsv", "--outdir", "out dir/run"],
            parameters: [
                RunParameter(name: "min_alt_reads", value: "2", description: "fewer alt reads than this in a sample: not detected there"),
                RunParameter(name: "alternative", value: "two.sided", description: "alternative hypothesis of the Wilcoxon tests"),
            ],
            inputs: [
                RunInput(path: "sheet.tsv", role: "samplesheet", byteCount: 120,
                         sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ],
            results: results, statistics: statistics, generatedBy: "ctdna test fixture")
    }()

    /// Two cohorts, two arms, a dozen patients per cohort, with statistics computed by `CtDNAStats`:
    /// for looking at the page and for the browser test.
    static let trial: RunDocument = {
        var results: [PatientResult] = []
        var observations: [Metric: [PairedObservation]] = [:]
        for (cohortIndex, cohort) in ["Breast", "NSCLC"].enumerated() {
            for (armIndex, arm) in ["SBRT", "SOC"].enumerated() {
                for index in 0..<7 {
                    let id = "\(cohort.prefix(1))\(arm.prefix(2))\(index + 1)"
                    // Deterministic spread over three decades; SBRT patients tend to fall.
                    let seed = Double((index * 37 + cohortIndex * 11 + armIndex * 5) % 23) / 23
                    let baseline = index == 6 ? 0 : 0.002 * pow(10, seed * 2.4)
                    let factor = arm == "SBRT" ? pow(10, -0.9 + seed) : pow(10, -0.3 + seed * 0.7)
                    let followup = index == 5 ? 0 : baseline * factor
                    let status: PatientStatus = baseline == 0 && followup == 0 ? .notDetected : .paired
                    results.append(patient(id, cohort: cohort, arm: arm, fraction: (baseline, followup),
                                           medianAF: (baseline / 2.1, followup / 2.1), status: status,
                                           audit: [.kept, .chGene, .kept, .populationAlleleFrequency]))
                    for (metric, divisor) in [(Metric.ctDNAFraction, 1.0), (.medianAlleleFraction, 2.1)] {
                        observations[metric, default: []].append(PairedObservation(
                            patient: id, cohort: cohort, arm: arm, baseline: baseline / divisor,
                            followup: followup / divisor))
                    }
                }
            }
            results.append(excluded("\(cohort.prefix(1))X", cohort: cohort, arm: "SOC", missing: .baseline))
        }
        var rows: [StatisticsRow] = []
        for metric in Metric.tested {
            rows += (try? GroupedAnalysis.rows(metric: metric, observations: observations[metric] ?? [])) ?? []
        }
        return RunDocument(
            version: "0.1.0",
            commandLine: ["ctdna", "run", "--samplesheet", "trial.tsv", "--outdir", "out/trial"],
            parameters: [
                RunParameter(name: "min_alt_reads", value: "2", description: "fewer alt reads than this in a sample: not detected there"),
                RunParameter(name: "min_depth", value: "100", description: "drop mutations with fewer reads at a timepoint"),
                RunParameter(name: "alternative", value: "two.sided", description: "alternative hypothesis of the Wilcoxon tests"),
            ],
            inputs: [
                RunInput(path: "trial.tsv", role: "samplesheet", byteCount: 2048,
                         sha256: "39216d9b921f96f76300e9ee73f9d3760e8e0f1b2fd4d4814cfd843d30b56086"),
                RunInput(path: "maf/B1.maf.gz", role: "variant_table", byteCount: 73211,
                         sha256: "63d175992c1905311d0924b432950b1fa181381ece51560041958b2b9d260143"),
            ],
            results: results, statistics: GroupedAnalysis.addingQValues(rows), generatedBy: "ctdna test fixture")
    }()
}
