import Testing
import CtDNAStats

/// Input checks and small hand-checkable cases of the survival statistics (no R needed: the
/// expected values follow from the definitions, stated beside each check).
@Suite("Survival input validation")
struct SurvivalValidationTests {
    private let three = [SurvivalObservation(time: 1, event: true), SurvivalObservation(time: 2, event: false),
                         SurvivalObservation(time: 3, event: true)]

    @Test("empty, NaN, infinite and negative times are refused with a readable message")
    func invalidTimes() {
        #expect(throws: SurvivalError.noObservations) { try KaplanMeierCurve([]) }
        #expect(throws: SurvivalError.negativeTime(index: 1, value: -2)) {
            try KaplanMeierCurve([SurvivalObservation(time: 1, event: true), SurvivalObservation(time: -2, event: false)])
        }
        #expect(throws: SurvivalError.nonFiniteTime(index: 0, value: .infinity)) {
            try LogRankTest([SurvivalObservation(time: .infinity, event: true)], groups: ["a"])
        }
        do {
            _ = try KaplanMeierCurve([SurvivalObservation(time: .nan, event: true)])
            Issue.record("NaN time accepted")
        } catch {
            #expect(error.description == "survival time 1 is nan, but times must be finite numbers")
        }
        #expect(SurvivalError.negativeTime(index: 1, value: -2).description
                == "survival time 2 is -2.0, but times cannot be negative")
    }

    @Test("mismatched lengths, unknown groups, one group, bad covariates and levels are refused")
    func invalidShapes() {
        #expect(throws: SurvivalError.lengthMismatch(label: "group", observations: 3, values: 2)) {
            try LogRankTest(three, groups: ["a", "b"])
        }
        #expect(throws: SurvivalError.tooFewGroups(count: 1)) { try LogRankTest(three, groups: ["a", "a", "a"]) }
        #expect(throws: SurvivalError.unknownGroup("c")) {
            try CoxRegression(three, groups: ["a", "b", "c"], levels: ["a", "b"])
        }
        #expect(throws: SurvivalError.nonFiniteCovariate(patient: 2, covariate: 0, value: .infinity)) {
            try CoxRegression(three, covariate: [1, 2, .infinity], name: "x")
        }
        #expect(throws: SurvivalError.invalidConfidenceLevel(1)) { try KaplanMeierCurve(three, confidenceLevel: 1) }
        #expect(throws: SurvivalError.invalidProbability(1.5)) { try KaplanMeierCurve(three).quantile(1.5) }
        // NaN never equals itself, so match the case rather than the value.
        #expect {
            _ = try KaplanMeierCurve(three).points(at: [.nan])
        } throws: { error in
            if case SurvivalError.invalidTime(let time) = error { return time.isNaN }
            return false
        }
    }

    @Test("a three-patient curve by hand: S = 2/3 after time 1, 0 after time 3")
    func handCurve() throws {
        let curve = try KaplanMeierCurve(three)
        #expect(curve.steps.map(\.survival) == [2.0 / 3, 2.0 / 3, 0])
        #expect(curve.steps.map(\.numberAtRisk) == [3, 2, 1])
        #expect(curve.steps[2].lower == nil && curve.steps[2].upper == nil)   // S = 0: no interval
        #expect(curve.median.estimate == 3)
    }

    @Test("chi-square tail: df 2 is exp(-x/2); x <= 0 gives 1; invalid df gives NaN")
    func chiSquareEdges() {
        #expect(ChiSquaredDistribution.upperTail(3, degreesOfFreedom: 2) == exp(-1.5))
        #expect(ChiSquaredDistribution.upperTail(0, degreesOfFreedom: 4) == 1)
        #expect(ChiSquaredDistribution.upperTail(.infinity, degreesOfFreedom: 4) == 0)
        #expect(ChiSquaredDistribution.upperTail(1, degreesOfFreedom: 0).isNaN)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
