import CtDNAModel
import Testing
import TestSupport
@testable import CtDNAIO

/// Rows far wider than the cells the reader needs, as a GDC MAF's 154 columns: the row parser
/// counts the tabs of whole 64-byte blocks and 8-byte words that bound no needed cell, and
/// looks at each tab only elsewhere (RowParser.split). Every expected value is the one the test
/// wrote into the row, so the reader must find each needed cell whatever the widths around it.
@Suite struct WideRowTests {
    /// The needed columns, at places spread over 120 columns (some next to each other, one
    /// first, one last); every other column is filler.
    static let placed: [(column: Int, name: String)] = [
        (0, "Hugo_Symbol"), (4, "Chromosome"), (5, "Start_Position"), (10, "Reference_Allele"),
        (12, "Tumor_Seq_Allele2"), (15, "Tumor_Sample_Barcode"), (36, "Variant_Classification"),
        (40, "t_ref_count"), (41, "t_alt_count"), (88, "gnomAD_AF"), (119, "ONCOGENIC"),
    ]
    static let columnCount = 120

    /// A deterministic generator (a 64-bit linear congruential one), so a failure repeats.
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Filler of 0 to 90 bytes: empty cells (tabs side by side), short ones, and some longer than
    /// a 64-byte block, so needed cells fall at every offset of a block and word.
    static func filler(_ numbers: inout Numbers) -> String {
        let width = [0, 0, 1, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 90][numbers.next(14)]
        return String(repeating: "x", count: width)
    }

    struct Row {
        var gene: String, chromosome: String, position: Int, reference: String, alternate: String
        var sample: String, classification: String, ref: Int, alt: Int, gnomAD: String, oncogenic: String
    }

    static func line(_ row: Row, numbers: inout Numbers, cells: Int = columnCount) -> String {
        var values = (0..<cells).map { _ in filler(&numbers) }
        let needed = [row.gene, row.chromosome, String(row.position), row.reference, row.alternate, row.sample,
                      row.classification, String(row.ref), String(row.alt), row.gnomAD, row.oncogenic]
        for ((column, _), value) in zip(placed, needed) where column < cells { values[column] = value }
        return values.joined(separator: "\t")
    }

    static func header() -> String {
        var names = (0..<columnCount).map { "filler_\($0)" }
        for (column, name) in placed { names[column] = name }
        return names.joined(separator: "\t")
    }

    @Test func everyNeededCellIsFoundWhateverTheWidthsAroundIt() throws {
        var numbers = Numbers(state: 19)
        let genes = ["TP53", "KRAS", "EGFR", "PIK3CA", "DNMT3A"]
        let classes = ["Missense_Mutation", "Silent", "Nonsense_Mutation", "Frame_Shift_Del"]
        var rows: [Row] = []
        for index in 0..<300 {
            rows.append(Row(
                gene: genes[numbers.next(genes.count)], chromosome: String(1 + numbers.next(22)), position: 1 + numbers.next(1_000_000),
                reference: ["A", "C", "G", "T"][index % 4], alternate: ["G", "T", "A", "C"][index % 4],
                sample: "S\(index / 50)", classification: classes[numbers.next(classes.count)],
                ref: numbers.next(5000), alt: 1 + numbers.next(500),
                gnomAD: ["0.25", "NA", "0.001", ""][numbers.next(4)], oncogenic: ["Unknown", "Likely Oncogenic", "Oncogenic"][numbers.next(3)]))
        }
        let text = Self.header() + "\n" + rows.map { Self.line($0, numbers: &numbers) }.joined(separator: "\n") + "\n"
        let folder = TemporaryFolder()
        let records = try VariantTableReader.readAll(path: folder.file("wide.maf", text))
        #expect(records.count == rows.count)
        for (record, row) in zip(records, rows) {
            #expect(record.gene == row.gene && record.chromosome == row.chromosome && record.position == row.position)
            #expect(record.reference == row.reference && record.alternate == row.alternate && record.sample == row.sample)
            #expect(record.variantClassification == row.classification && record.oncogenic == row.oncogenic)
            #expect(record.refCount == row.ref && record.altCount == row.alt)
            #expect(record.populationAlleleFrequency == (row.gnomAD == "NA" || row.gnomAD.isEmpty ? nil : Double(row.gnomAD)))
        }
    }

    @Test(arguments: [119, 121, 60, 1])
    func aWideRowWithAnotherCellCountIsAnError(cells: Int) {
        var numbers = Numbers(state: UInt64(cells))
        let row = Row(gene: "TP53", chromosome: "17", position: 5, reference: "C", alternate: "T", sample: "S",
                      classification: "Silent", ref: 10, alt: 2, gnomAD: "NA", oncogenic: "Unknown")
        let folder = TemporaryFolder()
        let path = folder.file("wide.maf", Self.header() + "\n" + Self.line(row, numbers: &numbers, cells: cells) + "\n")
        let error = inputError { _ = try VariantTableReader.readAll(path: path) }
        #expect(error?.description == "\(path):2: expected 120 tab-separated cells as in the header, found \(cells)")
    }

    /// More distinct genes than a field's table keeps (RepeatedTextCache.capacity), and cells
    /// longer than it keeps: each record still has its own row's text.
    @Test func textsBeyondTheCacheAreStillEachRowsOwn() throws {
        let capacity = RepeatedTextCache.capacity, longest = RepeatedTextCache.longestCell
        let genes = (0..<(capacity + 100)).map { "GENE\($0)" } + [String(repeating: "G", count: longest + 1)]
        var lines = ["Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_ref_count\tt_alt_count"]
        // Each gene twice, the second pass in reverse, so that hits, misses and a full table all occur.
        let order = genes + genes.reversed()
        for (index, gene) in order.enumerated() { lines.append("\(gene)\t1\t\(index + 1)\tA\tC\t5\t5") }
        let folder = TemporaryFolder()
        let records = try VariantTableReader.readAll(path: folder.file("genes.maf", lines.joined(separator: "\n") + "\n"))
        #expect(records.map(\.gene) == order)
    }
}
