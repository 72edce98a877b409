import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNASystem

/// What ctdna reads from one variant table, one TSV row per data row: `ctdna view`.
///
/// Columns: `sample gene chromosome position ref alt alt_count ref_count af`, then the
/// annotations the table has (``TableField/outputName``: a VCF's `filter` among them),
/// `ncbi_build` last when the table has an `NCBI_Build` column; with `verbose`, a last column
/// `count_field` says which fields the counts came from (a VCF's `FORMAT/AD`, ...; `NA` for a
/// MAF-like table, whose count columns are the options'). Position and alleles are the normalised
/// ones (``AlleleNormalization``), those of the key. A missing value is `NA`.
public enum VariantView {
    /// The columns before the annotations.
    public static let fixedColumns = ["sample", "gene", "chromosome", "position", "ref", "alt", "alt_count", "ref_count", "af"]

    /// Streams a table's records to `output` as TSV.
    /// - Parameters:
    ///   - path: The table, or `-` for standard input.
    ///   - options: Count columns and the sample to keep.
    ///   - threads: 1 reads on the calling thread; 2 or more decompress ahead of the parsing on
    ///     a thread of their own, a BGZF file on that many threads (``ByteReader/startReadingAhead(threads:)``).
    ///   - verbose: Whether to add the `count_field` column.
    ///   - output: The output (`-` for standard output); renamed into place when complete.
    /// - Throws: `SystemError` or `InputError` as the table is read or the output written.
    public static func write(path: String, options: VariantTableOptions, threads: Int, verbose: Bool = false, to output: String) throws {
        let out = try OutputFile(path: output)
        var reader = try VariantTableReader(path: path, options: options)
        if threads > 1 { try reader.byteReader.startReadingAhead(threads: threads) }
        var annotations: [TableField] = []
        let tab = UInt8(ascii: "\t")
        func appendCount(_ count: Int?) {
            if let count { out.append(integer: count) } else { out.append(NumberFormat.missing) }
        }
        func appendText(_ text: String?) {
            if let text { out.append(text) } else { out.append(NumberFormat.missing) }
        }
        try reader.forEachRecord(onHeader: { layout in
            annotations = layout.annotationsPresent
            let names = fixedColumns + annotations.map(\.outputName) + (verbose ? ["count_field"] : [])
            try out.write(names.joined(separator: "\t") + "\n")
        }) { record in
            appendText(record.sample)
            out.append(byte: tab); appendText(record.gene)
            out.append(byte: tab); out.append(record.chromosome)
            out.append(byte: tab); out.append(integer: record.position)
            out.append(byte: tab); out.append(record.reference)
            out.append(byte: tab); out.append(record.alternate)
            out.append(byte: tab); appendCount(record.altCount)
            out.append(byte: tab); appendCount(record.refCount)
            out.append(byte: tab); try NumberFormat.withReal(record.alleleFraction) { try out.write(bytes: $0) }
            for field in annotations {
                out.append(byte: tab)
                switch field {
                case .proteinChange: appendText(record.proteinChange)
                case .variantClassification: appendText(record.variantClassification)
                case .oncogenic: appendText(record.oncogenic)
                case .hotspot: appendText(record.hotspot)
                case .hotspotWhitelist: appendText(record.hotspotWhitelist)
                case .callStatus: appendText(record.callStatus)
                case .populationFrequency: try NumberFormat.withReal(record.populationAlleleFrequency) { try out.write(bytes: $0) }
                case .genomeBuild: appendText(record.genomeBuild)
                case .filter: appendText(record.filter)
                default: break
                }
            }
            if verbose {
                out.append(byte: tab)
                appendText(record.countSource?.description)
            }
            try out.endLine()
        }
        try out.commit()
    }
}
