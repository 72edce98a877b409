import CtDNACore
import CtDNAIO
import Foundation
import Testing
@testable import CtDNAReport

@Suite("JSON report")
struct JSONReportTests {
    static func parsed() throws -> [String: Any] {
        let text = JSONReport.render(ReportFixtures.small, results: ReportFixtures.smallResults)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func hasTheDocumentedTopLevelKeysInOrder() throws {
        let text = JSONReport.render(ReportFixtures.small, results: ReportFixtures.smallResults)
        let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }.map(String.init)
        #expect(topLevelKeys == [
            "tool", "version", "generated_by", "command_line", "parameters", "inputs", "patients", "statistics",
            "exclusions", "filter_counts",
        ])
        #expect(Set(try Self.parsed().keys) == Set(topLevelKeys))
    }

    @Test func valuesReadBack() throws {
        let json = try Self.parsed()
        #expect(json["tool"] as? String == "ctdna")
        #expect(json["command_line"] as? [String] == ["ctdna", "run", "--samplesheet", "sheet.tsv", "--prefix", "out dir/run"])
        let patients = try #require(json["patients"] as? [[String: Any]])
        #expect(patients.count == 6)
        #expect(patients[0]["patient"] as? String == "<P&1>")
        let fraction = try #require(patients[0]["ctdna_fraction"] as? [String: Any])
        #expect(fraction["baseline"] as? Double == 0.2)
        #expect(fraction["ratio"] as? Double == 0.25)
        #expect(patients[2]["status"] as? String == "not_detected")
        #expect((patients[2]["ctdna_fraction"] as? [String: Any])?["ratio"] is NSNull)
        #expect(patients[5]["exclusion_reason"] as? String == "no follow-up sample")
        let mutations = try #require(patients[1]["mutations"] as? [[String: Any]])
        // Only kept mutations are listed; the ch_gene and low_depth rows of this patient are in audit.tsv.
        #expect(mutations.map { $0["status"] as? String } == ["kept"])
        #expect(mutations[0]["mutation"] as? String == "7:1000:C:T")
        #expect((mutations[0]["baseline"] as? [String: Any])?["alt"] as? Int == 12)
        let statistics = try #require(json["statistics"] as? [[String: Any]])
        #expect(statistics.count == 6)
        #expect(statistics[3]["p_value"] as? Double == 0.022)
        #expect(statistics[4]["p_value"] is NSNull)
        let counts = try #require(json["filter_counts"] as? [String: Int])
        #expect(counts["ch_gene"] == 2 && counts["kept"] == 4 && counts["manual"] == 0)
        let exclusions = try #require(json["exclusions"] as? [[String: String]])
        #expect(exclusions == [["patient": "P6", "cohort": "NSCLC", "arm": "SOC", "reason": "no follow-up sample"]])
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs[0]["bytes"] as? Int == 120)
    }

    @Test func writerEscapesAndNullsNonFinite() {
        let value = JSONValue.object([
            JSONMember("a\"b", .string("line\nbreak\u{1}")), JSONMember("inf", .number(.infinity)),
            JSONMember("small", .number(1e-20)), JSONMember("empty", .array([])),
        ])
        #expect(value.render() == """
            {
              "a\\"b": "line\\nbreak\\u0001",
              "inf": null,
              "small": 1e-20,
              "empty": []
            }
            """)
    }
}

/// The patients' entries are written directly, without a JSON tree; they must read exactly as
/// the tree renders them, escapes, nulls and empty lists included.
@Suite("JSON patient entries")
struct JSONPatientEntryTests {
    /// Written by hand: levels 0 to 3 indented, an object four levels deep on one line with its
    /// nested object and array, and empty containers as `{}` and `[]` at any depth.
    @Test func fourLevelsDeepGoesOnOneLine() {
        let deep = JSONValue.object([
            JSONMember("a", .integer(1)), JSONMember("b", .object([JSONMember("c", .null)])),
            JSONMember("d", .array([.bool(true), .string("x")])), JSONMember("e", .array([])),
        ])
        let document = JSONValue.array([.array([.array([.array([deep, .object([])])])])])
        #expect(document.render() == """
        [
          [
            [
              [
                {"a": 1, "b": {"c": null}, "d": [true, "x"], "e": []},
                {}
              ]
            ]
          ]
        ]
        """)
    }

    @Test func directEntriesEqualTheTreeRendering() {
        var results = ReportFixtures.smallResults
        // A mutation with every optional part absent or awkward.
        results[0].audit[0].gene = "A\"B\\C\tD"
        results[0].audit[0].proteinChange = nil
        results[0].audit[0].normal = AlleleObservation(altCount: nil, refCount: nil, alleleFraction: nil)
        results[0].audit[0].notes = ["x", "y\u{1}"]
        results[0].audit[0].key = MutationKey(chromosome: "7\"", position: 5, reference: "A\\", alternate: "<T>")
        for (index, result) in results.enumerated() {
            var direct: [UInt8] = []
            JSONReport.appendPatientEntry(result, first: index == 0, to: &direct)
            let tree = (index == 0 ? "    " : ",\n    ") + JSONReport.patient(result).render(level: 2)
            #expect(String(decoding: direct, as: UTF8.self) == tree, "patient \(index)")
        }
    }
}
