import ArgumentParser
import CtDNAIO
import CtDNAReport

/// `ctdna view`: prints what ctdna reads from a variant table, to check a file before an analysis.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Print the variants ctdna reads from a table, one row per data row, as TSV.",
        discussion: """
            Columns: sample gene chromosome position ref alt alt_count ref_count af, then the \
            annotations the table has (protein_change variant_classification oncogenic is_a_hotspot \
            hotspot_whitelist call_status population_af). Missing values print as NA.
            """
    )

    @Argument(help: ArgumentHelp("Variant table (MAF or MAF-like TSV; plain, gzip, BGZF or zlib); - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Only the rows of this Tumor_Sample_Barcode.", valueName: "id"))
    var sample: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output = "-"

    @OptionGroup(title: "Count columns")
    var columns: TableOptionGroup

    func run() throws {
        let out = try OutputFile(path: output)
        var reader = try VariantTableReader(path: file, options: columns.tableOptions(sample: sample))
        var annotations: [TableField] = []
        try reader.forEachRecord(onHeader: { layout in
            annotations = layout.annotationsPresent
            let names = ["sample", "gene", "chromosome", "position", "ref", "alt", "alt_count", "ref_count", "af"]
                + annotations.map(\.outputName)
            try out.write(names.joined(separator: "\t") + "\n")
        }) { record in
            var line = record.sample ?? NumberFormat.missing
            line += "\t"; line += record.gene ?? NumberFormat.missing
            line += "\t"; line += record.chromosome
            line += "\t"; line += String(record.position)
            line += "\t"; line += record.reference
            line += "\t"; line += record.alternate
            line += "\t"; line += NumberFormat.integer(record.altCount)
            line += "\t"; line += NumberFormat.integer(record.refCount)
            line += "\t"; line += NumberFormat.real(record.alleleFraction)
            for field in annotations {
                line += "\t"
                switch field {
                case .proteinChange: line += record.proteinChange ?? NumberFormat.missing
                case .variantClassification: line += record.variantClassification ?? NumberFormat.missing
                case .oncogenic: line += record.oncogenic ?? NumberFormat.missing
                case .hotspot: line += record.hotspot ?? NumberFormat.missing
                case .hotspotWhitelist: line += record.hotspotWhitelist ?? NumberFormat.missing
                case .callStatus: line += record.callStatus ?? NumberFormat.missing
                case .populationFrequency: line += NumberFormat.real(record.populationAlleleFrequency)
                default: break
                }
            }
            line += "\n"
            try out.write(line)
        }
        try out.commit()
    }
}
