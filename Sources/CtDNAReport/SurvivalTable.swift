import CtDNAStats

/// One row of `survival.tsv`: a Kaplan-Meier summary, a log-rank test or one Cox coefficient.
///
/// Invariants: `test` says which fields may hold a value. A `km` row has only `median`,
/// `medianLow`, `medianHigh` (besides the counts); a `logrank` row only `statistic`,
/// `degreesOfFreedom` and `pValue`; a `cox` row every test and coefficient field but the
/// medians; a test that could not be run (one group, a model that cannot be fitted) leaves its
/// fields nil and says why in `note`. A field without a value is nil (written `NA`).
public struct SurvivalRow: Sendable, Hashable {
    /// What a row reports.
    public enum Test: String, Sendable, Hashable, CaseIterable {
        /// A Kaplan-Meier curve's median survival with its interval.
        case kaplanMeier = "km"
        /// The log-rank test between the groups.
        case logRank = "logrank"
        /// One coefficient of a Cox model.
        case cox = "cox"
    }

    /// The endpoint's name (`pfs`), the same on every row of one analysis.
    public var endpoint: String
    /// `all`, a group's label (`km`), `LEVEL vs REFERENCE` (a group's Cox coefficient) or the
    /// covariate's column name (a covariate's Cox coefficient).
    public var group: String
    /// What the row reports.
    public var test: Test
    /// Patients in the estimate or test.
    public var count: Int
    /// Events among them.
    public var events: Int
    /// The log-rank chi-square, or the Cox coefficient's Wald chi-square (z squared).
    public var statistic: Double?
    /// Degrees of freedom of `statistic`.
    public var degreesOfFreedom: Int?
    /// P-value of `statistic`.
    public var pValue: Double?
    /// P-value of the Cox model's likelihood-ratio test (all of the model's coefficients).
    public var likelihoodRatioPValue: Double?
    /// The Cox coefficient (log hazard ratio).
    public var coefficient: Double?
    /// Its standard error.
    public var standardError: Double?
    /// exp(coefficient).
    public var hazardRatio: Double?
    /// Lower limit of the hazard ratio's interval.
    public var confidenceLow: Double?
    /// Upper limit of the hazard ratio's interval.
    public var confidenceHigh: Double?
    /// Median survival time (nil when the curve does not reach 0.5).
    public var median: Double?
    /// Lower limit of the median's interval.
    public var medianLow: Double?
    /// Upper limit of the median's interval.
    public var medianHigh: Double?
    /// What a reader must know about the row (non-convergence, patients left out); empty if nothing.
    public var note: String

    /// A row with only its identity and counts; set the other fields as the test gives them.
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - group: The group, level comparison or covariate.
    ///   - test: What the row reports.
    ///   - count: Patients.
    ///   - events: Events.
    public init(endpoint: String, group: String, test: Test, count: Int, events: Int) {
        self.endpoint = endpoint
        self.group = group
        self.test = test
        self.count = count
        self.events = events
        self.note = ""
    }
}

/// One Kaplan-Meier curve of an analysis, for `km_curves.tsv`.
public struct SurvivalCurve: Sendable, Hashable {
    /// The endpoint's name.
    public var endpoint: String
    /// `all` or a group's label.
    public var group: String
    /// The curve.
    public var curve: KaplanMeierCurve

    /// A named curve.
    /// - Parameters:
    ///   - endpoint: The endpoint's name.
    ///   - group: `all` or the group's label.
    ///   - curve: The curve.
    public init(endpoint: String, group: String, curve: KaplanMeierCurve) {
        self.endpoint = endpoint
        self.group = group
        self.curve = curve
    }
}

/// `survival.tsv` and `km_curves.tsv` as tab-separated text.
///
/// Numbers go through ``NumberFormat`` (shortest round-trip form); a missing value, NaN or an
/// infinity is `NA`. Tabs and line breaks inside text become spaces, so each row is one line.
public enum SurvivalTable {
    /// The header of `survival.tsv`, in order.
    public static let columns = [
        "endpoint", "group", "test", "n", "events", "statistic", "df", "p_value", "p_lr",
        "coefficient", "se", "hazard_ratio", "conf_low", "conf_high", "median", "median_low",
        "median_high", "note",
    ]

    /// The header of `km_curves.tsv`, in order.
    public static let curveColumns = [
        "endpoint", "group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err",
        "conf_low", "conf_high",
    ]

    /// `survival.tsv`: the header, then one line per row in the order given, each ending in a newline.
    /// - Parameter rows: The rows.
    public static func tsv(_ rows: [SurvivalRow]) -> String {
        var text = columns.joined(separator: "\t") + "\n"
        for row in rows {
            let fields: [String] = [
                TSVCell.clean(row.endpoint), TSVCell.clean(row.group), row.test.rawValue,
                NumberFormat.integer(row.count), NumberFormat.integer(row.events),
                NumberFormat.real(row.statistic), NumberFormat.integer(row.degreesOfFreedom),
                NumberFormat.real(row.pValue), NumberFormat.real(row.likelihoodRatioPValue),
                NumberFormat.real(row.coefficient), NumberFormat.real(row.standardError),
                NumberFormat.real(row.hazardRatio), NumberFormat.real(row.confidenceLow),
                NumberFormat.real(row.confidenceHigh), NumberFormat.real(row.median),
                NumberFormat.real(row.medianLow), NumberFormat.real(row.medianHigh),
                row.note.isEmpty ? NumberFormat.missing : TSVCell.clean(row.note),
            ]
            text += fields.joined(separator: "\t") + "\n"
        }
        return text
    }

    /// `km_curves.tsv`: the header, then one line per step of each curve (every distinct time,
    /// censoring-only times included), curves in the order given. `std_err` is the standard error
    /// of S (R's `summary(fit)$std.err`); where S is 0 it and the interval are `NA`.
    /// - Parameter curves: The curves.
    public static func curvesTSV(_ curves: [SurvivalCurve]) -> String {
        var text = curveColumns.joined(separator: "\t") + "\n"
        for named in curves {
            let prefix = TSVCell.clean(named.endpoint) + "\t" + TSVCell.clean(named.group) + "\t"
            for step in named.curve.steps {
                let fields: [String] = [
                    NumberFormat.real(step.time), NumberFormat.integer(step.numberAtRisk),
                    NumberFormat.integer(step.events), NumberFormat.integer(step.censored),
                    NumberFormat.real(step.survival), NumberFormat.real(step.standardError),
                    NumberFormat.real(step.lower), NumberFormat.real(step.upper),
                ]
                text += prefix + fields.joined(separator: "\t") + "\n"
            }
        }
        return text
    }
}
