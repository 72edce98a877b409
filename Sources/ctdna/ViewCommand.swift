import ArgumentParser
import CtDNAIO
import CtDNAReport
import Foundation

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

    @Option(name: [.customShort("j"), .customLong("threads")], help: "Threads: 2 or more decompress on a thread of their own, ahead of the parsing. (default: all cores)")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup(title: "Count columns")
    var columns: TableOptionGroup

    private func appendCount(_ count: Int?, to out: OutputFile) {
        if let count { out.append(integer: count) } else { out.append(NumberFormat.missing) }
    }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be 1 or more") }
    }

    func run() throws {
        let out = try OutputFile(path: output)
        var reader = try VariantTableReader(path: file, options: columns.tableOptions(sample: sample))
        if threads > 1 { reader.byteReader.startReadingAhead() }
        var annotations: [TableField] = []
        try reader.forEachRecord(onHeader: { layout in
            annotations = layout.annotationsPresent
            let names = ["sample", "gene", "chromosome", "position", "ref", "alt", "alt_count", "ref_count", "af"]
                + annotations.map(\.outputName)
            try out.write(names.joined(separator: "\t") + "\n")
        }) { record in
            let tab = UInt8(ascii: "\t")
            out.append(record.sample ?? NumberFormat.missing)
            out.append(byte: tab); out.append(record.gene ?? NumberFormat.missing)
            out.append(byte: tab); out.append(record.chromosome)
            out.append(byte: tab); out.append(integer: record.position)
            out.append(byte: tab); out.append(record.reference)
            out.append(byte: tab); out.append(record.alternate)
            out.append(byte: tab); appendCount(record.altCount, to: out)
            out.append(byte: tab); appendCount(record.refCount, to: out)
            out.append(byte: tab); out.append(NumberFormat.real(record.alleleFraction))
            for field in annotations {
                out.append(byte: tab)
                switch field {
                case .proteinChange: out.append(record.proteinChange ?? NumberFormat.missing)
                case .variantClassification: out.append(record.variantClassification ?? NumberFormat.missing)
                case .oncogenic: out.append(record.oncogenic ?? NumberFormat.missing)
                case .hotspot: out.append(record.hotspot ?? NumberFormat.missing)
                case .hotspotWhitelist: out.append(record.hotspotWhitelist ?? NumberFormat.missing)
                case .callStatus: out.append(record.callStatus ?? NumberFormat.missing)
                case .populationFrequency: out.append(NumberFormat.real(record.populationAlleleFrequency))
                default: break
                }
            }
            try out.endLine()
        }
        try out.commit()
    }
}
