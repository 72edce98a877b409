import ArgumentParser

/// `ctdna view`: what ctdna reads from one variant table, to check a file first.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Print the variants ctdna reads from a table, one row per data row, as TSV.",
        discussion: """
            Columns: sample gene chromosome position ref alt alt_count ref_count af, then the \
            annotations the table has (protein_change variant_classification oncogenic is_a_hotspot \
            hotspot_whitelist call_status population_af filter ncbi_build). Missing values print as NA. \
            A VCF gives one row per ALT allele and sample; position and alleles are normalised as in \
            the mutation key (5:112174757 GAAGA>GGA prints as 5 112174758 AA -). --verbose adds \
            count_field, the FORMAT fields the counts came from.
            """
    )

    @Argument(help: ArgumentHelp("Variant table (MAF, MAF-like TSV or VCF; plain, gzip, BGZF or zlib); - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Only the rows of this Tumor_Sample_Barcode (a VCF: this sample column).", valueName: "id"))
    var sample: String?

    @Flag(help: "Add a count_field column: which fields the counts came from (a VCF's FORMAT/AD, FORMAT/TIR+TAR, ...).")
    var verbose = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output = "-"

    @Option(name: [.customShort("j"), .customLong("threads")], help: ArgumentHelp("Threads: 2 or more decompress ahead of the parsing (a BGZF file on that many threads); by default one per core.", valueName: "n"))
    var threads: Int?

    @OptionGroup(title: "Count columns")
    var columns: TableOptionGroup

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
    }

    /// What these arguments ask for.
    var request: ViewRequest {
        ViewRequest(file: file, options: columns.tableOptions(sample: sample), threads: threads,
                    verbose: verbose, output: output)
    }

    func run() throws {
        try request.run()
    }
}
