import Testing
import CtDNAStats

/// Every case of Fixtures/wilcox_reference.tsv (R 4.2.2, see make_fixtures.R) against the Swift code:
/// exact p-values within 1e-10 relative; approximate p-values, estimates and bounds within 1e-8.
@Suite("Agreement with R's wilcox.test")
struct ReferenceAgreementTests {
    @Test("statistic, method and p-value", arguments: WilcoxonReference.all)
    func pValue(reference: WilcoxonReference) throws {
        let result = try reference.run()
        #expect(result.statistic == reference.statistic)
        #expect(result.method == reference.method)
        let tolerance = reference.method == .exact ? 1e-10 : 1e-8
        #expect(agrees(result.pValue, reference.pValue, relative: tolerance),
                "p \(result.pValue) vs R \(reference.pValue)")
    }

    @Test("Hodges-Lehmann estimate and confidence interval", arguments: WilcoxonReference.all)
    func interval(reference: WilcoxonReference) throws {
        let result = try reference.run()
        #expect(agrees(result.estimate, reference.estimate, relative: 1e-8),
                "estimate \(String(describing: result.estimate)) vs R \(reference.estimate)")
        #expect(agrees(result.confidenceLow, reference.confidenceLow, relative: 1e-8),
                "low \(String(describing: result.confidenceLow)) vs R \(reference.confidenceLow)")
        #expect(agrees(result.confidenceHigh, reference.confidenceHigh, relative: 1e-8),
                "high \(String(describing: result.confidenceHigh)) vs R \(reference.confidenceHigh)")
        #expect(agrees(result.confidenceLevel, reference.achievedConfidenceLevel, relative: 1e-8),
                "level \(result.confidenceLevel) vs R \(reference.achievedConfidenceLevel)")
    }
}
