import CtDNAIO
import CtDNAPipeline
import CtDNASystem

/// What one `ctdna view` does, however its arguments were read: swift-argument-parser's `View`, or
/// `init(quickParsing:)` for the common invocations.
struct ViewRequest: Hashable {
    /// The table to read; `-` is standard input.
    var file: String
    /// Which columns hold the counts, and which sample's rows to keep.
    var options: VariantTableOptions
    /// Threads asked for with `-j`; `nil` is one per core.
    var threads: Int?
    /// Whether to add the `count_field` column.
    var verbose: Bool
    /// Where to write; `-` is standard output.
    var output: String

    /// Reads the table and writes what ctdna reads from it.
    func run() throws {
        try VariantView.write(path: file, options: options, threads: threads ?? onlineProcessorCount,
                              verbose: verbose, to: output)
    }
}

extension ViewRequest {
    /// Reads the arguments of a plain `ctdna view FILE [-o|--output FILE] [-j|--threads N]
    /// [--sample ID] [--verbose]` without swift-argument-parser; `nil` for anything else (another
    /// command, a count-column option, help, `--name=value`, a value that starts with `-`, a repeated
    /// or invalid option), which the parser then reads and reports as usual.
    ///
    /// What it is for: a cohort of thousands of small files is often read one `ctdna view` process
    /// per file, and the parser's reflection (metadata and protocol-conformance lookups on first use)
    /// costs more than reading a small file (Benchmarks/README.md, "Start-up"). Every invocation it
    /// accepts gives the request the parser gives (`ViewQuickParsingTests`).
    /// - Parameter arguments: The command line after the program name.
    init?(quickParsing arguments: [String]) {
        var tokens = arguments.makeIterator()
        guard tokens.next() == "view" else { return nil }
        var file: String?, sample: String?, output: String?, threads: Int?
        var verbose = false
        while let token = tokens.next() {
            switch token {
            case "--verbose":
                guard !verbose else { return nil }
                verbose = true
            case "--sample":
                guard sample == nil, let value = Self.plainValue(tokens.next()) else { return nil }
                sample = value
            case "-o", "--output":
                guard output == nil, let value = Self.plainValue(tokens.next()) else { return nil }
                output = value
            case "-j", "--threads":
                guard threads == nil, let value = Self.plainValue(tokens.next()),
                      let count = Int(value), count >= 1 else { return nil }
                threads = count
            default:
                guard file == nil, let value = Self.plainValue(token) else { return nil }
                file = value
            }
        }
        guard let file else { return nil }
        self.init(file: file, options: VariantTableOptions(sample: sample), threads: threads,
                  verbose: verbose, output: output ?? "-")
    }

    /// A token that can only be a value: not empty, not an option or `-`, and not `help`.
    private static func plainValue(_ token: String?) -> String? {
        guard let token, !token.isEmpty, !token.hasPrefix("-"), token != "help" else { return nil }
        return token
    }
}
