#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cox proportional-hazards regression with Efron's handling of tied event times, fitted like
/// R's `survival::coxph(Surv(time, event) ~ x)` with its defaults (`ties = "efron"`,
/// `eps = 1e-9`, `iter.max = 20`, `toler.chol = .Machine$double.eps^0.75`).
///
/// The fit is Newton-Raphson from beta = 0 on the log partial likelihood, with covariates
/// centred and scaled internally (columns whose values are all -1, 0 or 1, such as a factor's
/// dummy columns, are left as they are), and stops at the first iteration whose log-likelihood
/// changes by a relative amount of at most `tolerance` from the best so far; a step that lowers
/// the likelihood is pulled back towards the previous estimate (step halving). The estimate
/// returned is that last iterate, so it matches R's to rounding, not only to `tolerance`.
///
/// Patients censored at an event time are in that time's risk set. With tied events, Efron's
/// approximation removes the tied patients' risk in equal fractions 1/d, 2/d, ... from the
/// denominator.
public struct CoxRegression: Sendable, Hashable {
    /// Fitting settings; the defaults are R's.
    public struct Options: Sendable, Hashable {
        /// Maximum Newton-Raphson iterations (R's `iter.max`, default 20; 0 evaluates beta = 0 only).
        public var iterationLimit: Int
        /// Convergence tolerance on the relative change of the log partial likelihood (R's `eps`).
        public var tolerance: Double
        /// Level of the hazard ratios' confidence intervals, in (0, 1).
        public var confidenceLevel: Double

        /// Settings for a fit.
        /// - Parameters:
        ///   - iterationLimit: Maximum iterations, at least 0.
        ///   - tolerance: Relative log-likelihood change that ends the iteration.
        ///   - confidenceLevel: Level of the Wald intervals of the hazard ratios.
        public init(iterationLimit: Int = 20, tolerance: Double = 1e-9, confidenceLevel: Double = 0.95) {
            self.iterationLimit = iterationLimit
            self.tolerance = tolerance
            self.confidenceLevel = confidenceLevel
        }
    }

    /// How the iteration ended.
    public enum Convergence: Sendable, Hashable {
        /// The log-likelihood converged and every coefficient is finite.
        case converged
        /// The log-likelihood converged while the listed coefficients (indices into
        /// `coefficients`) were still running off towards +-infinity: the partial likelihood is
        /// monotone in them (perfect separation, e.g. a group without events). R warns
        /// "Loglik converged before variable ...; coefficient may be infinite". The numbers
        /// reported for those coefficients are R's (a large estimate with a huge standard error);
        /// read them as "not estimable", the hazard ratio as 0 or infinity. The likelihood-ratio
        /// and score tests remain valid.
        case monotoneLikelihood(coefficients: [Int])
        /// The iteration limit was reached first (R's "Ran out of iterations and did not
        /// converge"); the estimates are the last iterate that improved the likelihood.
        case iterationLimitReached
    }

    /// One covariate's coefficient.
    public struct Coefficient: Sendable, Hashable {
        /// The covariate's name (a factor's level for a dummy column).
        public var name: String
        /// The log hazard ratio beta (NaN when the covariate is collinear with the others).
        public var estimate: Double
        /// Standard error of beta from the inverse information matrix.
        public var standardError: Double
        /// exp(beta).
        public var hazardRatio: Double
        /// exp(beta - z se), z the normal quantile of the confidence level.
        public var lower: Double
        /// exp(beta + z se).
        public var upper: Double
        /// The Wald statistic beta / se.
        public var z: Double
        /// Two-sided p-value of z against the standard normal.
        public var pValue: Double
        /// True when R's test flags the coefficient as possibly infinite (see ``Convergence``).
        public var mayBeInfinite: Bool
    }

    /// One entry per covariate, in the order given.
    public let coefficients: [Coefficient]
    /// Variance matrix of the estimates, the inverse of the information matrix (p x p).
    public let variance: [[Double]]
    /// Log partial likelihood at beta = 0.
    public let nullLogLikelihood: Double
    /// Log partial likelihood at the estimate.
    public let logLikelihood: Double
    /// 2 (logLikelihood - nullLogLikelihood) on p degrees of freedom.
    public let likelihoodRatioTest: ChiSquareTest
    /// beta' V^- beta on p degrees of freedom (V the variance matrix).
    public let waldTest: ChiSquareTest
    /// The score (log-rank for a single factor) test at beta = 0 on p degrees of freedom.
    public let scoreTest: ChiSquareTest
    /// Iterations used, as R's `fit$iter` (iterationLimit + 1 when the limit was reached).
    public let iterations: Int
    /// How the iteration ended.
    public let convergence: Convergence
    /// Number of patients.
    public let count: Int
    /// Number of events.
    public let eventCount: Int

    /// Fits a model with one continuous covariate (a log2 ratio, an age...).
    /// - Parameters:
    ///   - observations: One per patient (times finite and at least 0).
    ///   - covariate: Each patient's value, same length as `observations`, finite.
    ///   - name: The covariate's name.
    ///   - options: Fitting settings (R's defaults).
    /// - Throws: ``SurvivalError`` for invalid times, lengths, values or options.
    public init(_ observations: [SurvivalObservation], covariate: [Double], name: String,
                options: Options = Options()) throws(SurvivalError) {
        try self.init(observations, covariates: covariate.map { [$0] }, names: [name], options: options)
    }

    /// Fits a model of a grouping factor, coded as R's treatment contrasts: one 0/1 column per
    /// level but the first (the reference), named after the level.
    /// - Parameters:
    ///   - observations: One per patient (times finite and at least 0).
    ///   - groups: Each patient's group label, same length as `observations`.
    ///   - levels: The levels, reference first; by default the distinct labels sorted.
    ///   - options: Fitting settings (R's defaults).
    /// - Throws: ``SurvivalError`` for invalid times, lengths, unknown labels, or fewer than two
    ///   levels.
    public init(_ observations: [SurvivalObservation], groups: [String], levels: [String]? = nil,
                options: Options = Options()) throws(SurvivalError) {
        guard groups.count == observations.count else {
            throw .lengthMismatch(label: "group", observations: observations.count, values: groups.count)
        }
        let names = levels ?? Array(Set(groups)).sorted()
        guard names.count >= 2 else { throw .tooFewGroups(count: names.count) }
        var rows: [[Double]] = []
        for label in groups {
            guard let index = names.firstIndex(of: label) else { throw .unknownGroup(label) }
            rows.append((1..<names.count).map { $0 == index ? 1 : 0 })
        }
        try self.init(observations, covariates: rows, names: Array(names.dropFirst()), options: options)
    }

    /// Fits a model with p covariates.
    /// - Parameters:
    ///   - observations: One per patient (times finite and at least 0).
    ///   - covariates: One row per patient, each with the p covariate values (finite).
    ///   - names: The p covariate names.
    ///   - options: Fitting settings (R's defaults).
    /// - Throws: ``SurvivalError`` for invalid times, mismatched lengths, non-finite values, no
    ///   covariates, an iteration limit below 0 or an invalid confidence level.
    public init(_ observations: [SurvivalObservation], covariates: [[Double]], names: [String],
                options: Options = Options()) throws(SurvivalError) {
        try SurvivalError.validate(observations)
        try SurvivalError.validate(confidenceLevel: options.confidenceLevel)
        guard covariates.count == observations.count else {
            throw .lengthMismatch(label: "covariate", observations: observations.count, values: covariates.count)
        }
        let p = names.count
        guard p > 0 else { throw .invalidCovariates("the model needs at least one covariate") }
        guard options.iterationLimit >= 0 else { throw .invalidCovariates("the iteration limit cannot be negative") }
        for (patient, row) in covariates.enumerated() {
            guard row.count == p else {
                throw .invalidCovariates("patient \(patient + 1) has \(row.count) values for \(p) covariates")
            }
            if let column = row.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteCovariate(patient: patient, covariate: column, value: row[column])
            }
        }
        let fit = CoxNewtonRaphson(observations: observations, covariates: covariates, options: options)
        let z = NormalDistribution.upperQuantile((1 - options.confidenceLevel) / 2)
        var flagged = [Bool](repeating: false, count: p)
        if options.iterationLimit > 1 && !fit.ranOut {
            for j in 0..<p {
                let drift = abs((0..<p).reduce(0.0) { $0 + fit.score[$1] * fit.variance[$1][j] })
                flagged[j] = !fit.score[j].isFinite
                    || (drift > options.tolerance && drift > options.tolerance.squareRoot() * abs(fit.beta[j]))
            }
        }
        var coefficients: [Coefficient] = []
        for j in 0..<p {
            let singular = fit.rank < p && fit.variance[j][j] == 0
            let estimate = singular ? Double.nan : fit.beta[j]
            let se = fit.variance[j][j].squareRoot()
            let statistic = estimate / se
            coefficients.append(Coefficient(
                name: names[j], estimate: estimate, standardError: se, hazardRatio: exp(estimate),
                lower: exp(estimate - z * se), upper: exp(estimate + z * se), z: statistic,
                pValue: 2 * NormalDistribution.upperTail(abs(statistic)), mayBeInfinite: flagged[j]))
        }
        let usable = p - coefficients.filter { $0.estimate.isNaN }.count
        let wald = SymmetricFactorization(fit.variance).quadraticForm(fit.beta.map { $0.isNaN ? 0 : $0 })
        self.coefficients = coefficients
        self.variance = fit.variance
        self.nullLogLikelihood = fit.nullLogLikelihood
        self.logLikelihood = fit.logLikelihood
        self.likelihoodRatioTest = ChiSquareTest(
            statistic: 2 * (fit.logLikelihood - fit.nullLogLikelihood), degreesOfFreedom: usable)
        self.waldTest = ChiSquareTest(statistic: wald, degreesOfFreedom: usable)
        self.scoreTest = ChiSquareTest(statistic: fit.scoreTest, degreesOfFreedom: usable)
        self.iterations = fit.iterations
        if fit.ranOut {
            self.convergence = .iterationLimitReached
        } else if flagged.contains(true) {
            self.convergence = .monotoneLikelihood(coefficients: (0..<p).filter { flagged[$0] })
        } else {
            self.convergence = .converged
        }
        self.count = observations.count
        self.eventCount = observations.reduce(0) { $0 + ($1.event ? 1 : 0) }
    }
}

/// The Newton-Raphson iteration behind ``CoxRegression``, on centred and scaled covariates;
/// results are returned on the original scale.
private struct CoxNewtonRaphson {
    var beta: [Double] = []
    var score: [Double] = []
    var variance: [[Double]] = []
    var nullLogLikelihood = 0.0
    var logLikelihood = 0.0
    var scoreTest = 0.0
    var iterations = 0
    var rank = 0
    var ranOut = false

    /// Covariates of the patients in increasing time order (ties in input order), transformed.
    private let x: [[Double]]
    private let times: [Double]
    private let events: [Bool]
    private let p: Int

    /// Log partial likelihood, score vector and information matrix at one beta.
    private struct Evaluation {
        var logLikelihood: Double
        var score: [Double]
        var information: [[Double]]
    }

    init(observations: [SurvivalObservation], covariates: [[Double]], options: CoxRegression.Options) {
        let order = observations.indices.sorted {
            (observations[$0].time, $0) < (observations[$1].time, $1)
        }
        let n = order.count
        let width = covariates[0].count
        p = width
        times = order.map { observations[$0].time }
        events = order.map { observations[$0].event }
        var columns = (0..<width).map { j in order.map { covariates[$0][j] } }
        // Centre and scale each column (by the mean absolute deviation), except 0/1/-1 columns.
        var scale = [Double](repeating: 1, count: width)
        for j in 0..<width where !columns[j].allSatisfy({ $0 == 0 || $0 == 1 || $0 == -1 }) {
            let mean = columns[j].reduce(0, +) / Double(n)
            columns[j] = columns[j].map { $0 - mean }
            let spread = columns[j].reduce(0) { $0 + abs($1) }
            scale[j] = spread > 0 ? Double(n) / spread : 1
            columns[j] = columns[j].map { $0 * scale[j] }
        }
        x = (0..<n).map { i in (0..<width).map { columns[$0][i] } }

        var current = [Double](repeating: 0, count: p)
        var evaluation = evaluate(current)
        nullLogLikelihood = evaluation.logLikelihood
        var best = evaluation.logLikelihood
        var factorization = SymmetricFactorization(evaluation.information)
        var step = factorization.solve(evaluation.score)
        scoreTest = zip(step, evaluation.score).reduce(0) { $0 + $1.0 * $1.1 }
        rank = factorization.rank
        var finalBeta = current
        var converged = false

        if options.iterationLimit == 0 || !best.isFinite {
            iterations = 0
            converged = true
        } else {
            var next = zip(current, step).map { $0 + $1 }
            var halving = 0.0
            var iteration = 1
            while iteration <= options.iterationLimit {
                evaluation = evaluate(next)
                factorization = SymmetricFactorization(evaluation.information)
                rank = factorization.rank
                let finite = evaluation.logLikelihood.isFinite
                    && evaluation.score.allSatisfy(\.isFinite)
                    && evaluation.information.allSatisfy { $0.allSatisfy(\.isFinite) }
                if finite && abs(1 - best / evaluation.logLikelihood) <= options.tolerance {
                    best = evaluation.logLikelihood
                    finalBeta = next
                    converged = true
                    break
                }
                if !finite || evaluation.logLikelihood < best {
                    halving += 1
                    next = (0..<p).map { (next[$0] + halving * current[$0]) / (halving + 1) }
                } else {
                    halving = 0
                    best = evaluation.logLikelihood
                    step = factorization.solve(evaluation.score)
                    current = next
                    next = zip(next, step).map { $0 + $1 }
                }
                iteration += 1
            }
            iterations = iteration
            if !converged {
                // Out of iterations: report the last estimate that improved the likelihood.
                ranOut = true
                finalBeta = current
                if options.iterationLimit > 1 {
                    evaluation = evaluate(current)
                    best = evaluation.logLikelihood
                    factorization = SymmetricFactorization(evaluation.information)
                    rank = factorization.rank
                }
            }
        }
        logLikelihood = converged && iterations == 0 ? nullLogLikelihood : best
        let inverse = factorization.inverse()
        beta = (0..<p).map { finalBeta[$0] * scale[$0] }
        score = (0..<p).map { evaluation.score[$0] / scale[$0] }
        variance = (0..<p).map { i in (0..<p).map { inverse[i][$0] * scale[i] * scale[$0] } }
    }

    /// One pass over the patients from the latest time to the earliest, accumulating the risk
    /// set's weighted sums; tied events get Efron's fractional removal.
    private func evaluate(_ beta: [Double]) -> Evaluation {
        var logLikelihood = 0.0
        var score = [Double](repeating: 0, count: p)
        var information = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var riskSum = 0.0                                  // sum of exp(eta) over the risk set
        var weighted = [Double](repeating: 0, count: p)    // sum of exp(eta) x
        var weightedSquares = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var person = x.count - 1
        while person >= 0 {
            let time = times[person]
            var deaths = 0
            var deathRisk = 0.0
            var deathWeighted = [Double](repeating: 0, count: p)
            var deathSquares = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
            while person >= 0 && times[person] == time {
                let row = x[person]
                var eta = 0.0
                for j in 0..<p { eta += beta[j] * row[j] }
                let risk = exp(eta)
                if events[person] {
                    deaths += 1
                    deathRisk += risk
                    logLikelihood += eta
                    for i in 0..<p {
                        score[i] += row[i]
                        deathWeighted[i] += risk * row[i]
                        for j in 0...i { deathSquares[i][j] += risk * row[i] * row[j] }
                    }
                } else {
                    riskSum += risk
                    for i in 0..<p {
                        weighted[i] += risk * row[i]
                        for j in 0...i { weightedSquares[i][j] += risk * row[i] * row[j] }
                    }
                }
                person -= 1
            }
            guard deaths > 0 else { continue }
            // Efron: the k-th of d tied deaths sees the others' risk plus (k + 1)/d of the dead's
            // (d = 1 is Breslow's single term).
            let d = Double(deaths)
            for _ in 0..<deaths {
                riskSum += deathRisk / d
                logLikelihood -= log(riskSum)
                for i in 0..<p {
                    weighted[i] += deathWeighted[i] / d
                    let mean = weighted[i] / riskSum
                    score[i] -= mean
                    for j in 0...i {
                        weightedSquares[i][j] += deathSquares[i][j] / d
                        information[i][j] += (weightedSquares[i][j] - mean * weighted[j]) / riskSum
                    }
                }
            }
        }
        for i in 0..<p {
            for j in 0..<i { information[j][i] = information[i][j] }
        }
        return Evaluation(logLikelihood: logLikelihood, score: score, information: information)
    }
}
