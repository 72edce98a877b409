import CtDNACore
import CtDNAModel
import CtDNAReport
import CtDNASystem
import Foundation
import Testing
@testable import CtDNAPipeline

/// The split of a cohort by patient, and the state a shard saves for the merge.
@Suite("Shards")
struct ShardTests {
    /// FNV-1a (64-bit) of the identifier, modulo N, plus 1; the hashes were computed in Python
    /// (`h = 0xcbf29ce484222325; for b in id: h = ((h ^ b) * 0x100000001b3) % 2**64`):
    /// P001 0xebe5581b7aa33c22, P002 0xebe5571b7aa33a6f.
    @Test func aPatientsShardDependsOnItsIdentifierAlone() {
        #expect(ShardSelection.shard(of: "P001", count: 4) == Int(0xebe5_581b_7aa3_3c22 % UInt64(4)) + 1)
        #expect(ShardSelection.shard(of: "P001", count: 4) == 3)
        #expect(ShardSelection.shard(of: "P002", count: 4) == 4)
        #expect(ShardSelection("3/4")?.contains(patient: "P001") == true)
        #expect(ShardSelection("0/4") == nil && ShardSelection("5/4") == nil && ShardSelection("a/4") == nil && ShardSelection("4") == nil)
    }

    /// The merge recomputes statistics from the saved summaries, so every number must come
    /// back bit for bit: values whose shortest decimal form is long, the smallest subnormal,
    /// the largest finite double.
    @Test func aShardsStateComesBackBitForBit() throws {
        let values: [Double?] = [0.1 + 0.2, 1.0 / 3.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, nil, 0.0]
        var summary = PatientSummary(
            patient: "P\t1", cohort: "C", arm: "A", timepoints: [.baseline, .followup, Timepoint("week8")], status: .paired,
            reference: ReferenceTimepoint(index: 2, rule: .tieBreak), mutationCount: 3, ctDNAFraction: Array(values[0..<3]),
            medianAlleleFraction: Array(values[3..<6]), flags: ["fraction_above_1"], molecularResponse: .clearance)
        summary.detectedCounts = [1, nil, 0]
        summary.sampled = [true, false, true]
        summary.testedPair = TimepointPair(.baseline, Timepoint("week8"))
        let excluded = PatientSummary(patient: "P2", cohort: "C", arm: "A", status: .excluded(reason: "no week8 sample"))
        let state = ShardState(
            shard: ShardSelection("2/5")!, commandLine: ["ctdna", "run"], version: "1", sampleSheet: "s.tsv",
            sampleSheetSHA256: "ab", parameters: ["clonal_fraction": "0.3"], patients: [summary, excluded],
            tally: FilterTally(), checksums: ["a.maf": FileChecksum(byteCount: 10, sha256: "cd")],
            patientsWithoutDriverAnnotation: ["P2"])
        let decoded = try JSONDecoder().decode(ShardState.self, from: Data(try state.encoded().utf8))
        #expect(decoded.patients == state.patients)
        for (a, b) in zip(decoded.patients[0].ctDNAFraction!, values[0..<3]) {
            #expect(a?.bitPattern == b?.bitPattern)
        }
        #expect(decoded.shard == state.shard && decoded.checksums == state.checksums && decoded.parameters == state.parameters)
    }
}
