import Foundation
import Testing
@testable import CtDNAReport

@Suite("HTML report")
struct HTMLReportTests {
    @Test func writesTrialPageForLooking() throws {
        let html = HTMLReport.render(ReportFixtures.trial)
        try html.write(toFile: "/tmp/ctdna-trial-report.html", atomically: true, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }
}
