import Testing
import CtDNAStats

/// The survival statistics against R. Every expected number comes from the fixtures written by
/// Fixtures/make_survival_fixtures.R (R 4.2.2, survival 3.5.3): survfit, summary.survfit,
/// quantile.survfit, print.survfit's median, survdiff, coxph (Efron) and pchisq, printed with 17
/// significant digits. Tolerance: 1e-9 relative, 1e-12 absolute near zero.
@Suite("Agreement with R's survival package")
struct SurvivalReferenceTests {
    @Test("Kaplan-Meier steps (survfit): times, counts, S, Greenwood errors, log intervals",
          arguments: SurvivalTable("survival_km.tsv").byCase().map(\.name))
    func kaplanMeierSteps(name: String) throws {
        let rows = SurvivalTable("survival_km.tsv").byCase().first { $0.name == name }!.rows
        let curve = try KaplanMeierCurve(SurvivalInput.named(name).observations)
        #expect(curve.steps.count == rows.count)
        let worst = WorstDifferences()
        for (step, row) in zip(curve.steps, rows) {
            #expect(step.time == row.number("time"))
            #expect(Double(step.numberAtRisk) == row.number("n_risk"))
            #expect(Double(step.events) == row.number("n_event"))
            #expect(Double(step.censored) == row.number("n_censor"))
            #expect(worst.record("survival", step.survival, row.number("surv")), "\(name) t=\(step.time)")
            #expect(worst.record("std.err (cumulative hazard)", step.cumulativeHazardStandardError, row.number("std_err")))
            #expect(worst.record("std.err of S", step.standardError, row.number("std_err_surv")))
            #expect(worst.record("lower", step.lower, row.number("lower")), "\(name) t=\(step.time)")
            #expect(worst.record("upper", step.upper, row.number("upper")), "\(name) t=\(step.time)")
        }
        print("worst KM \(name): \(worst.summary)")
    }

    @Test("median and its interval (print.survfit / summary(fit)$table)",
          arguments: SurvivalTable("survival_km_median.tsv").rows.map { $0["case"] })
    func median(name: String) throws {
        let row = SurvivalTable("survival_km_median.tsv").rows.first { $0["case"] == name }!
        let median = try KaplanMeierCurve(SurvivalInput.named(name).observations).median
        #expect(agrees(median.estimate, row.number("median"), relative: survivalTolerance), "\(name) \(String(describing: median.estimate))")
        #expect(agrees(median.lower, row.number("lower"), relative: survivalTolerance), "\(name) \(String(describing: median.lower))")
        #expect(agrees(median.upper, row.number("upper"), relative: survivalTolerance), "\(name) \(String(describing: median.upper))")
    }

    @Test("quantiles 0.25, 0.5, 0.75 and limits (quantile.survfit)",
          arguments: SurvivalTable("survival_km_quantile.tsv").byCase().map(\.name))
    func quantiles(name: String) throws {
        let rows = SurvivalTable("survival_km_quantile.tsv").byCase().first { $0.name == name }!.rows
        let curve = try KaplanMeierCurve(SurvivalInput.named(name).observations)
        for row in rows {
            let q = try curve.quantile(row.number("p"))
            #expect(agrees(q.estimate, row.number("quantile"), relative: survivalTolerance), "\(name) p=\(row["p"]) \(String(describing: q.estimate))")
            #expect(agrees(q.lower, row.number("lower"), relative: survivalTolerance), "\(name) p=\(row["p"]) \(String(describing: q.lower))")
            #expect(agrees(q.upper, row.number("upper"), relative: survivalTolerance), "\(name) p=\(row["p"]) \(String(describing: q.upper))")
        }
    }

    @Test("numbers at risk and S at chosen times (summary(fit, times, extend = TRUE))",
          arguments: SurvivalTable("survival_km_at.tsv").byCase().map(\.name))
    func pointsAtTimes(name: String) throws {
        let rows = SurvivalTable("survival_km_at.tsv").byCase().first { $0.name == name }!.rows
        let curve = try KaplanMeierCurve(SurvivalInput.named(name).observations)
        let points = try curve.points(at: rows.map { $0.number("at") })
        let worst = WorstDifferences()
        for (point, row) in zip(points, rows) {
            #expect(Double(point.numberAtRisk) == row.number("n_risk"), "\(name) at \(point.time)")
            #expect(Double(point.events) == row.number("n_event"), "\(name) at \(point.time)")
            #expect(worst.record("survival", point.survival, row.number("surv")))
            #expect(worst.record("std.err of S", point.standardError, row.number("std_err_surv")), "\(name) at \(point.time)")
            #expect(worst.record("lower", point.lower, row.number("lower")))
            #expect(worst.record("upper", point.upper, row.number("upper")))
        }
        print("worst KM at times \(name): \(worst.summary)")
    }

    @Test("log-rank test (survdiff, rho = 0)", arguments: SurvivalTable("survival_logrank.tsv").byCase().map(\.name))
    func logRank(name: String) throws {
        let rows = SurvivalTable("survival_logrank.tsv").byCase().first { $0.name == name }!.rows
        let input = SurvivalInput.named(name)
        let test = try LogRankTest(input.observations, groups: input.groups)
        #expect(test.groups.map(\.name) == rows.map { $0["group"] })
        let worst = WorstDifferences()
        for (group, row) in zip(test.groups, rows) {
            #expect(Double(group.count) == row.number("n"))
            #expect(group.observed == row.number("observed"))
            #expect(worst.record("expected", group.expected, row.number("expected")), "\(name) \(group.name)")
        }
        #expect(worst.record("chisq", test.test.statistic, rows[0].number("chisq")), "\(name) \(test.test.statistic)")
        #expect(Double(test.test.degreesOfFreedom) == rows[0].number("df"))
        #expect(worst.record("p", test.test.pValue, rows[0].number("p")), "\(name) \(test.test.pValue)")
        print("worst log-rank \(name): \(worst.summary)")
    }

    /// Expected values: coxph(Surv(time, event) ~ x, ties = "efron") with R's defaults (iter.max as
    /// in the fixture). One exception, marked `variance_source = refit_at_estimate` in the fixture:
    /// when R runs out of iterations with two or more covariates, survival 3.5.3 inverts the
    /// information matrix without factoring it first, so its reported variance (kept in the
    /// fixture as `r_reported_se`/`r_reported_wald`, up to 70% off) is not the inverse information at
    /// its own estimate. There the se, interval, z, p and Wald test are compared with R's
    /// coxph(init = estimate, iter.max = 0), the inverse information at the reported estimate.
    @Test("Cox regression (coxph, Efron)", arguments: SurvivalTable("survival_cox.tsv").byCase().map(\.name))
    func cox(name: String) throws {
        let rows = SurvivalTable("survival_cox.tsv").byCase().first { $0.name == name }!.rows
        let input = SurvivalInput.named(name)
        let options = CoxRegression.Options(iterationLimit: Int(rows[0].number("iter_max")))
        let fit = try CoxRegression(input.observations, covariates: input.covariates,
                                    names: rows.map { $0["term"] }, options: options)
        if !input.groups.isEmpty {
            // The factor interface gives the same fit as R's dummy columns.
            let byGroups = try CoxRegression(input.observations, groups: input.groups, options: options)
            #expect(byGroups == fit)
        }
        let worst = WorstDifferences()
        let label = name
        #expect(fit.iterations == Int(rows[0].number("iterations")), "\(label) iterations \(fit.iterations)")
        for (coefficient, row) in zip(fit.coefficients, rows) {
            #expect(coefficient.name == row["term"])
            #expect(worst.record("coef", coefficient.estimate, row.number("coef")), "\(label) \(coefficient.estimate)")
            #expect(worst.record("se", coefficient.standardError, row.number("se")), "\(label) \(coefficient.standardError)")
            #expect(worst.record("hazard ratio", coefficient.hazardRatio, row.number("hazard_ratio")))
            #expect(worst.record("HR lower", coefficient.lower, row.number("lower")))
            #expect(worst.record("HR upper", coefficient.upper, row.number("upper")))
            #expect(worst.record("z", coefficient.z, row.number("z")))
            #expect(worst.record("p (Wald z)", coefficient.pValue, row.number("p")))
        }
        let first = rows[0]
        #expect(worst.record("loglik null", fit.nullLogLikelihood, first.number("loglik_null")))
        #expect(worst.record("loglik", fit.logLikelihood, first.number("loglik")), "\(label) \(fit.logLikelihood)")
        #expect(worst.record("LR", fit.likelihoodRatioTest.statistic, first.number("lr")), "\(label) \(fit.likelihoodRatioTest.statistic)")
        #expect(worst.record("LR p", fit.likelihoodRatioTest.pValue, first.number("lr_p")))
        #expect(worst.record("Wald", fit.waldTest.statistic, first.number("wald")), "\(label) \(fit.waldTest.statistic)")
        #expect(worst.record("Wald p", fit.waldTest.pValue, first.number("wald_p")))
        #expect(worst.record("score", fit.scoreTest.statistic, first.number("score")))
        #expect(worst.record("score p", fit.scoreTest.pValue, first.number("score_p")))
        #expect(fit.likelihoodRatioTest.degreesOfFreedom == Int(first.number("df")))
        switch first["state"] {
        case "converged": #expect(fit.convergence == .converged, "\(label) \(fit.convergence)")
        case "iteration_limit": #expect(fit.convergence == .iterationLimitReached, "\(label) \(fit.convergence)")
        default:
            let flagged = first["infinite_terms"].split(separator: ",").map { Int($0)! - 1 }
            #expect(fit.convergence == .monotoneLikelihood(coefficients: flagged), "\(label) \(fit.convergence)")
        }
        print("worst Cox \(name): \(worst.summary)")
    }

    @Test("chi-square upper tail (pchisq(x, df, lower.tail = FALSE))")
    func chiSquare() {
        var worst = 0.0
        for row in SurvivalTable("survival_chisq.tsv").rows {
            let p = ChiSquaredDistribution.upperTail(row.number("x"), degreesOfFreedom: row.number("df"))
            let expected = row.number("p")
            let relative = expected == 0 ? abs(p) : abs(p - expected) / expected
            worst = max(worst, relative)
            // Relative accuracy 1e-14 where p-values live (x <= 300, p >= 1e-67). Beyond, down to
            // p = 1e-305, 1e-12: exp(-x/2) itself turns the rounding of x/2 ~ 700 into ~1e-13.
            let tolerance = row.number("x") <= 300 ? 1e-14 : 1e-12
            #expect(relative <= tolerance,
                    "df \(row["df"]) x \(row["x"]): \(p) vs R \(expected)")
        }
        print("worst chi-square relative difference: \(worst)")
    }
}
