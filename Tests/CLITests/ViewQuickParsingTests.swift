import Testing
import TestSupport
@testable import ctdna

/// `ViewRequest.init(quickParsing:)`, the start-up fast path of `ctdna view`, against
/// swift-argument-parser reading the same command lines: whatever the fast path accepts must give
/// the parser's request, and it must decline whatever the parser rejects.
@Suite struct ViewQuickParsingTests {
    /// The request swift-argument-parser makes of a command line, or `nil` where it refuses it or
    /// it names something other than `view` (help, version, another command).
    static func parsed(_ arguments: [String]) -> ViewRequest? {
        guard let command = try? CtDNA.parseAsRoot(arguments), let view = command as? View else { return nil }
        return view.request
    }

    @Test(arguments: [
        ["view", "a.maf.gz"],
        ["view", "a.maf.gz", "-o", "/dev/null"],
        ["view", "-j", "1", "a.vcf.gz", "--output", "out.tsv"],
        ["view", "a.maf", "--sample", "S1", "--verbose", "--threads", "3"],
        ["view", "--verbose", "--sample", "view", "a.maf"],
    ])
    func acceptsThePlainInvocationsAsTheParserReadsThem(arguments: [String]) throws {
        let quick = try #require(ViewRequest(quickParsing: arguments))
        #expect(quick == Self.parsed(arguments))
    }

    /// Each of these is read by swift-argument-parser (or refused by it), never by the fast path.
    @Test(arguments: [
        ["view"],                                        // no file: the parser's usage error
        ["run", "--samplesheet", "s.tsv"],               // another command
        ["view", "a.maf", "--alt-column", "AD"],         // a count-column option
        ["view", "--help"], ["view", "a.maf", "-h"],     // help
        ["view", "a.maf", "-j", "0"],                    // View.validate refuses it
        ["view", "a.maf", "-j", "two"],                  // not a number
        ["view", "a.maf", "-o"],                         // a missing value
        ["view", "a.maf", "b.maf"],                      // a second file
        ["view", "a.maf", "--sample=S1"],                // name=value
        ["view", "-", "--sample", "S1"],                 // standard input
        ["view", "a.maf", "-o", "-"],                    // a value that starts with -
        ["view", "a.maf", "--verbose", "--verbose"],     // a repeated option
        ["view", "a.maf", "--", "b"],                    // the end of options
        ["view", ""],                                    // an empty file name
    ])
    func leavesEverythingElseToTheParser(arguments: [String]) {
        #expect(ViewRequest(quickParsing: arguments) == nil)
    }

    /// 3,000 command lines drawn from tokens that mix values, options and their misuses (fixed
    /// seed): wherever the fast path gives a request, the parser reads the line too and gives the
    /// same one. The fast path must accept some of them, or the comparison would be empty.
    @Test func agreesWithTheParserOnDrawnCommandLines() {
        let tokens = ["a.maf", "b.vcf.gz", "S1", "3", "0", "-1", "x", "-", "", "help", "view",
                      "-o", "--output", "-j", "--threads", "--sample", "--verbose", "--vaf-column",
                      "--pass-only", "-h", "--", "--output=o.tsv", "-j2"]
        var generator = SplitMix64(seed: 19)
        var accepted = 0
        for _ in 0..<3000 {
            let count = Int(generator.next() % 6)
            var arguments = ["view"]
            for _ in 0..<count { arguments.append(tokens[Int(generator.next() % UInt64(tokens.count))]) }
            guard let quick = ViewRequest(quickParsing: arguments) else { continue }
            accepted += 1
            #expect(quick == Self.parsed(arguments), "\(arguments)")
        }
        #expect(accepted > 100)
    }
}
