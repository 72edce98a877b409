import CtDNAStats

/// One case's inputs from Fixtures/survival_inputs.tsv (written by make_survival_fixtures.R with
/// R 4.2.2 and survival 3.5.3; the data are survival::aml, survival::lung and small hand-made sets).
struct SurvivalInput: Sendable {
    var observations: [SurvivalObservation]
    var groups: [String]
    /// One row per patient.
    var covariates: [[Double]]

    /// Every case by name.
    static let all: [String: SurvivalInput] = {
        var cases: [String: SurvivalInput] = [:]
        for row in SurvivalTable("survival_inputs.tsv").rows {
            let times = numbers(row["time"])
            let events = numbers(row["event"])
            let groups = row["group"].isEmpty ? [] : row["group"].split(separator: ",").map(String.init)
            let columns = row["covariates"].isEmpty ? [] : row["covariates"].split(separator: ";").map { numbers(String($0)) }
            let covariates = columns.isEmpty ? [] : times.indices.map { i in columns.map { $0[i] } }
            cases[row["case"]] = SurvivalInput(
                observations: zip(times, events).map { SurvivalObservation(time: $0, event: $1 == 1) },
                groups: groups, covariates: covariates)
        }
        return cases
    }()

    static func named(_ name: String) -> SurvivalInput { all[name]! }
}

/// A survival fixture table whose fields are read by column name.
struct SurvivalTable {
    struct Row {
        var header: [String]
        var fields: [String]
        subscript(_ name: String) -> String { fields[header.firstIndex(of: name)!] }
        func number(_ name: String) -> Double { parseNumber(self[name]) }
    }

    var rows: [Row]

    init(_ fileName: String) {
        let table = fixtureTable(fileName)
        rows = table.rows.filter { !$0.isEmpty && $0 != [""] }.map { Row(header: table.header, fields: $0) }
    }

    /// The rows grouped by their `case` column, in file order.
    func byCase() -> [(name: String, rows: [Row])] {
        var order: [String] = []
        var grouped: [String: [Row]] = [:]
        for row in rows {
            if grouped[row["case"]] == nil { order.append(row["case"]) }
            grouped[row["case"], default: []].append(row)
        }
        return order.map { ($0, grouped[$0]!) }
    }
}

/// A comma-separated list of numbers in R's spelling.
func numbers(_ text: String) -> [Double] {
    text.isEmpty ? [] : text.split(separator: ",").map { parseNumber(String($0)) }
}

/// The tolerance against R for every survival quantity: 1e-9 relative, 1e-12 absolute near zero.
let survivalTolerance = 1e-9

/// Relative difference as `agrees` measures it (0 when both are NaN/nil, infinity when only one is).
func relativeDifference(_ actual: Double?, _ expected: Double) -> Double {
    guard let actual, !actual.isNaN else { return expected.isNaN ? 0 : .infinity }
    if expected.isNaN { return .infinity }
    if expected.isInfinite { return actual == expected ? 0 : .infinity }
    return abs(actual - expected) / max(abs(expected), 1e-3)
}

/// Collects the worst relative difference per quantity, to print beside the assertions.
final class WorstDifferences {
    private(set) var worst: [String: Double] = [:]

    /// Records one comparison and returns whether it is within `survivalTolerance`.
    func record(_ quantity: String, _ actual: Double?, _ expected: Double) -> Bool {
        worst[quantity] = max(worst[quantity] ?? 0, relativeDifference(actual, expected))
        return agrees(actual, expected, relative: survivalTolerance)
    }

    /// One line per quantity, for the test log.
    var summary: String {
        worst.keys.sorted().map { "\($0): \(worst[$0]!)" }.joined(separator: "; ")
    }
}
