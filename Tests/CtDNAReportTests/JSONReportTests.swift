import CtDNACore
import CtDNAModel
import Foundation
import Testing
@testable import CtDNAReport

@Suite("JSON report")
struct JSONReportTests {
    static func parsed() throws -> [String: Any] {
        let text = JSONReport.render(ReportFixtures.small)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func hasTheDocumentedTopLevelKeysInOrder() throws {
        let text = JSONReport.render(ReportFixtures.small)
        let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }.map(String.init)
        #expect(topLevelKeys == [
            "tool", "version", "generated_by", "command_line", "parameters", "inputs", "timepoints", "pairs", "patients", "statistics",
            "exclusions", "filter_counts", "filter_driver_counts", "warnings", "survival", "km_curves",
        ])
        #expect(Set(try Self.parsed().keys) == Set(topLevelKeys))
    }

    @Test func valuesReadBack() throws {
        let json = try Self.parsed()
        #expect(json["tool"] as? String == "ctdna")
        #expect(json["command_line"] as? [String] == ["ctdna", "run", "--samplesheet", "sheet.tsv", "--outdir", "out dir/run"])
        let patients = try #require(json["patients"] as? [[String: Any]])
        #expect(patients.count == 6)
        #expect(patients[0]["patient"] as? String == "<P&1>")
        let fraction = try #require(patients[0]["ctdna_fraction"] as? [String: Any])
        #expect(fraction["baseline"] as? Double == 0.2)
        #expect(fraction["ratio"] as? Double == 0.25)
        #expect(patients[2]["status"] as? String == "not_detected")
        #expect((patients[2]["ctdna_fraction"] as? [String: Any])?["ratio"] is NSNull)
        #expect(patients[5]["exclusion_reason"] as? String == "no followup sample")
        // Per-mutation rows live in audit.tsv only.
        #expect(patients.allSatisfy { $0["mutations"] == nil })
        // P2 in ReportFixtures.smallResults: 0.04 -> 0, difference -0.04, ratio 0 / 0.04 = 0.
        let second = try #require(patients[1]["ctdna_fraction"] as? [String: Any])
        #expect(second["baseline"] as? Double == 0.04 && second["followup"] as? Double == 0)
        #expect(second["difference"] as? Double == -0.04 && second["ratio"] as? Double == 0)
        #expect(patients[5]["ctdna_fraction"] is NSNull)
        let statistics = try #require(json["statistics"] as? [[String: Any]])
        #expect(statistics.count == 6)
        #expect(statistics[3]["p_value"] as? Double == 0.022)
        #expect(statistics[4]["p_value"] is NSNull)
        let counts = try #require(json["filter_counts"] as? [String: Int])
        #expect(counts["ch_gene"] == 2 && counts["kept"] == 4 && counts["manual"] == 0)
        let exclusions = try #require(json["exclusions"] as? [[String: String]])
        #expect(exclusions == [["patient": "P6", "cohort": "NSCLC", "arm": "SOC", "pair": "baseline:followup", "reason": "no followup sample"]])
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

/// The layout of JSON text: levels 0 to 3 indented, deeper values on one line.
@Suite("JSON layout")
struct JSONLayoutTests {
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
}
