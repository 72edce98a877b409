import Foundation
import Testing
@testable import CtDNAReport

/// The headless Chromium binary, when one is installed.
let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Whether the browser test can run.
let chromiumIsInstalled = chromiumPath != nil

@Suite("report.html in a real browser")
struct BrowserRenderingTests {
    /// Runs Chromium headless with the given arguments and returns its standard output.
    static func chromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromiumPath!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        .enabled(if: chromiumIsInstalled, "Chromium is not installed (apt-get install -y chromium); browser test skipped"),
        .timeLimit(.minutes(2)))
    func pageRendersPanelsAndLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try HTMLReport.render(ReportFixtures.trial).write(to: page, atomically: true, encoding: .utf8)

        let dom = try Self.chromium(["--dump-dom", page.absoluteString])
        #expect(dom.components(separatedBy: "class=\"panel\"").count - 1 == 8)
        #expect(dom.components(separatedBy: "class=\"patient-line ").count - 1 == 8 * 7)
        #expect(dom.contains("Breast · SBRT"))

        // Kept in /tmp so a person can look at it after the run.
        let screenshot = "/tmp/ctdna-report-screenshot.png"
        try? FileManager.default.removeItem(atPath: screenshot)
        _ = try Self.chromium(["--screenshot=\(screenshot)", "--window-size=1200,2000", page.absoluteString])
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank white page of this size compresses to a few KB; plots and text make it far larger.
        #expect(png.count > 50_000)
    }

    @Test(
        .enabled(if: chromiumIsInstalled, "Chromium is not installed (apt-get install -y chromium); browser test skipped"),
        .timeLimit(.minutes(2)))
    func sampleDataReportHasAPanelPerGroupAndALinePerPatient() throws {
        // SampleData/expected/report.html, the committed output of `make expected`.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = repository.appendingPathComponent("SampleData/expected/report.html")
        let dom = try Self.chromium(["--dump-dom", page.absoluteString])
        // 2 cohorts x 2 arms, for each of the two metrics.
        #expect(dom.components(separatedBy: "class=\"panel\"").count - 1 == 8)
        // SampleData/expected/patients.tsv: 53 paired + 5 not_detected patients are drawn in each metric.
        #expect(dom.components(separatedBy: "class=\"patient-line ").count - 1 == 2 * 58)
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-sampledata-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: screenshot) }
        _ = try Self.chromium(["--screenshot=\(screenshot)", "--window-size=1200,2000", page.absoluteString])
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 50_000)  // a blank page of this size is a few KB
    }
}
