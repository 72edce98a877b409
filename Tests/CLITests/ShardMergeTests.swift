import Foundation
import Testing

/// `ctdna run --shard K/N` and `ctdna merge`: a cohort cut by patient, run shard by shard, and
/// joined again gives the files of one run over the whole sheet.
@Suite struct ShardMergeTests {
    static let sheet = SampleDataGoldenTests.repository.appendingPathComponent("SampleData/samplesheet.tsv").path

    /// Runs the shards `indices` of `count` of `sheet` into `folder/sK`, with `extra` options.
    static func runShards(_ indices: [Int], of count: Int, in folder: URL, sheet: String = sheet, extra: [String] = []) throws -> [String] {
        try indices.map { index in
            let output = folder.appendingPathComponent("s\(index)").path
            let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", output, "--shard", "\(index)/\(count)", "--quiet"] + extra)
            #expect(result.status == 0, "\(result.standardError)")
            return output
        }
    }

    /// Every file of a single run equals the merged file byte for byte, but the two reports,
    /// whose command lines differ (and which list the shards); those agree once the command
    /// lines are set aside.
    @Test func fourShardsMergeToTheSingleRunsFiles() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = try Self.runShards([1, 2, 3, 4], of: 4, in: folder)
        let merged = folder.appendingPathComponent("merged").path
        let merge = try CLI.run(["merge", "--outdir", merged, "--quiet"] + shards.reversed())
        #expect(merge.status == 0, "\(merge.standardError)")
        let single = folder.appendingPathComponent("single").path
        #expect(try CLI.run(["run", "--samplesheet", Self.sheet, "--outdir", single, "--quiet"]).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: single).filter { !$0.hasSuffix("figures") }.sorted()
        #expect(files.count == 32)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: merged).filter { !$0.hasSuffix("figures") }.sorted() == files)
        for name in files where name != "report.json" && name != "report.html" {
            let a = try Data(contentsOf: URL(fileURLWithPath: single + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: merged + "/" + name))
            #expect(a == b, "\(name)")
        }
        func document(_ folder: String) throws -> [String: Any] {
            var json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any])
            json["command_line"] = nil
            json["shards"] = nil
            return json
        }
        let a = try JSONSerialization.data(withJSONObject: try document(single), options: .sortedKeys)
        let b = try JSONSerialization.data(withJSONObject: try document(merged), options: .sortedKeys)
        #expect(a == b)
        let shardLines = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: merged + "/report.json"))) as? [String: Any])?["shards"] as? [[String]])
        #expect(shardLines.map { $0[7] } == ["1/4", "2/4", "3/4", "4/4"])
        // The shards hold 59 patients between them, each once.
        let counts = try shards.map { try String(contentsOfFile: $0 + "/patients.tsv", encoding: .utf8).split(separator: "\n").count - 1 }
        #expect(counts.reduce(0, +) == 59 && counts.allSatisfy { $0 > 0 })
    }

    @Test func aMergeRefusesMissingRepeatedOrDisagreeingShards() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = try Self.runShards([1, 2, 3], of: 3, in: folder)
        let out = folder.appendingPathComponent("merged").path
        let missing = try CLI.run(["merge", "--outdir", out, shards[0], shards[2]])
        #expect(missing.status == 1 && missing.standardError.contains("1 shard is missing: 2/3"), "\(missing.standardError)")
        let twice = try CLI.run(["merge", "--outdir", out, shards[0], shards[1], shards[1], shards[2]])
        #expect(twice.status == 1 && twice.standardError.contains("shard 2/3 is given twice"), "\(twice.standardError)")
        let other = try Self.runShards([2], of: 3, in: folder.appendingPathComponent("other"), extra: ["--clonal-fraction", "0.25"])
        let disagreeing = try CLI.run(["merge", "--outdir", out, shards[0], other[0], shards[2]])
        #expect(disagreeing.status == 1 && disagreeing.standardError.contains("parameter clonal_fraction is 0.25 here and 0.3 in"), "\(disagreeing.standardError)")
        let notAShard = try CLI.run(["merge", "--outdir", out, folder.path])
        #expect(notAShard.status == 1 && notAShard.standardError.contains("no shard state here"), "\(notAShard.standardError)")
        // Nothing was written by the refused merges.
        #expect(!FileManager.default.fileExists(atPath: out))
        let badShard = try CLI.run(["run", "--samplesheet", Self.sheet, "--outdir", out, "--shard", "4/3"])
        #expect(badShard.status == 64 && badShard.standardError.contains("--shard"), "\(badShard.standardError)")
    }

    /// A shard checks only its own patients' files: a missing table of P001 (shard 3 of 4, FNV-1a,
    /// ShardTests) stops shard 3 and the whole run, naming the sheet line, not shard 1.
    @Test func aShardChecksOnlyItsOwnPatientsFiles() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let maf = SampleDataGoldenTests.repository.appendingPathComponent("SampleData/maf").path
        let rows = try String(contentsOfFile: Self.sheet, encoding: .utf8).split(separator: "\n").map(String.init)
        let edited = rows.enumerated().map { index, row -> String in
            guard index > 0 else { return row }
            var cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            cells[4] = cells[0] == "P001" && cells[1] == "baseline" ? "/nonexistent/P001_baseline.maf.gz" : maf + "/" + cells[4].replacingOccurrences(of: "maf/", with: "")
            if !cells[5].isEmpty { cells[5] = maf + "/" + cells[5].replacingOccurrences(of: "maf/", with: "") }
            return cells.joined(separator: "\t")
        }
        let sheet = folder.appendingPathComponent("sheet.tsv").path
        try (edited.joined(separator: "\n") + "\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        let other = try CLI.run(["run", "--samplesheet", sheet, "--outdir", folder.appendingPathComponent("s1").path, "--shard", "1/4", "--quiet"])
        #expect(other.status == 0, "\(other.standardError)")
        let own = try CLI.run(["run", "--samplesheet", sheet, "--outdir", folder.appendingPathComponent("s3").path, "--shard", "3/4", "--quiet"])
        #expect(own.status == 1 && own.standardError.contains("sheet.tsv:2: column file: no such file: /nonexistent/P001_baseline.maf.gz"), "\(own.standardError)")
        let whole = try CLI.run(["run", "--samplesheet", sheet, "--outdir", folder.appendingPathComponent("all").path, "--quiet"])
        #expect(whole.status == 1 && whole.standardError.contains("no such file: /nonexistent/P001_baseline.maf.gz"))
    }
}
