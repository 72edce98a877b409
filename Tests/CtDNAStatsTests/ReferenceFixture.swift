import Foundation
import CtDNAStats

/// One line of Fixtures/wilcox_reference.tsv, written by Fixtures/make_fixtures.R with R 4.2.2's
/// `wilcox.test(..., conf.int = TRUE)`; numbers carry 17 significant digits.
struct WilcoxonReference: Sendable, CustomStringConvertible {
    var name: String
    var kind: String
    var paired: Bool
    var mu: Double
    var options: WilcoxonOptions
    var statistic: Double
    var pValue: Double
    var method: TestMethod
    var estimate: Double
    var confidenceLow: Double
    var confidenceHigh: Double
    var achievedConfidenceLevel: Double
    var x: [Double]
    var y: [Double]

    var description: String { name }

    /// Every reference case of the fixture file.
    static let all: [WilcoxonReference] = {
        let table = fixtureTable("wilcox_reference.tsv")
        return table.rows.map { row in
            func field(_ name: String) -> String { row[table.header.firstIndex(of: name)!] }
            func number(_ name: String) -> Double { parseNumber(field(name)) }
            func list(_ name: String) -> [Double] {
                field(name).isEmpty ? [] : field(name).split(separator: ",").map { parseNumber(String($0)) }
            }
            return WilcoxonReference(
                name: field("case"), kind: field("kind"), paired: field("paired") == "TRUE",
                mu: number("mu"),
                options: WilcoxonOptions(
                    alternative: Alternative(rawValue: field("alternative"))!,
                    exactPolicy: ExactPolicy(rawValue: field("exact"))!,
                    continuityCorrection: field("correct") == "TRUE",
                    confidenceLevel: number("conf_level")),
                statistic: number("statistic"), pValue: number("p_value"),
                method: TestMethod(rawValue: field("method"))!,
                estimate: number("estimate"), confidenceLow: number("conf_low"),
                confidenceHigh: number("conf_high"),
                achievedConfidenceLevel: number("achieved_conf_level"),
                x: list("x"), y: list("y"))
        }
    }()

    /// The case called `name`.
    static func named(_ name: String) -> WilcoxonReference {
        all.first { $0.name == name }!
    }

    /// Runs the Swift implementation on this case's inputs.
    func run() throws -> WilcoxonResult {
        if kind == "rank_sum" { return try RankSumTest.run(first: x, second: y, mu: mu, options: options) }
        if paired { return try SignedRankTest.paired(followup: x, baseline: y, mu: mu, options: options) }
        return try SignedRankTest.oneSample(x, mu: mu, options: options)
    }
}

/// A tab-separated fixture file: header and rows.
func fixtureTable(_ fileName: String) -> (header: [String], rows: [[String]]) {
    let url = Bundle.module.url(forResource: "Fixtures/" + fileName, withExtension: nil)!
    let text = try! String(contentsOf: url, encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    return (lines[0], Array(lines.dropFirst()))
}

/// Reads R's spelling of a number (`NA`, `Inf`, `-Inf` included).
func parseNumber(_ text: String) -> Double {
    switch text {
    case "NA", "NaN": return .nan
    case "Inf": return .infinity
    case "-Inf": return -.infinity
    default: return Double(text)!
    }
}

/// Whether `actual` agrees with `expected` within `relative` tolerance (infinities must match,
/// and values near zero are compared absolutely at the same tolerance).
func agrees(_ actual: Double?, _ expected: Double, relative: Double) -> Bool {
    guard let actual else { return expected.isNaN }
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= relative * max(abs(expected), 1e-300) || abs(actual - expected) <= relative * 1e-3
}
