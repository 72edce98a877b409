import CFuzzerDriver
import CtDNAIO
import CtDNASystem

#if canImport(Glibc)
import Glibc
#endif

/// The fuzzer's input lives in one in-memory file (on /dev/shm, unlinked at once, so nothing is
/// left behind), made once; each run rewrites it and the readers open it by its
/// `/proc/self/fd` name, as they would open any file, each with its own offset.
private nonisolated(unsafe) var memoryFile: Int32 = -1
private nonisolated(unsafe) var memoryFilePath = ""

/// The option sets each input is read with (three, to keep runs fast under ASan): the default GDC
/// counts; a VAF column in percent with a sample filter and a population-frequency column; and a
/// depth column with another sample and a call-status column. Seeds name `S1`, `S2`, `AF`,
/// `t_depth`, `gnomAD_AF` and `Called`, so the fuzzer starts on every path.
private let optionSets: [VariantTableOptions] = [
    VariantTableOptions(),
    VariantTableOptions(counts: CountColumns(vaf: "AF", vafIsPercent: true), sample: "S1", populationFrequencyColumn: "gnomAD_AF"),
    VariantTableOptions(counts: CountColumns(depth: "t_depth"), sample: "S2", callStatusColumn: "Called"),
]

/// The option sets a VCF is read with: every sample; and one sample with PASS calls only. The
/// VCF seeds name `PLASMA1`.
private let vcfOptionSets: [VariantTableOptions] = [
    VariantTableOptions(),
    VariantTableOptions(sample: "PLASMA1", passOnly: true),
]

/// Put before an input to read it as a VCF whatever its first line: the file format line and the
/// definitions that decide how counts and annotations are read, so that the fuzzer's bytes become
/// the rest of the header (more `##` lines, the `#CHROM` line) and the data lines.
private let vcfPrefix = Array("""
    ##fileformat=VCFv4.2
    ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
    ##FORMAT=<ID=RD,Number=1,Type=Integer,Description="Reference depth">
    ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|HGVSp|ALLELE_NUM|PICK|CANONICAL|gnomAD_AF">
    ##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p'">
    ##INFO=<ID=HOTSPOT,Number=0,Type=Flag,Description="Hotspot">
    ##INFO=<ID=ONCOGENIC,Number=1,Type=String,Description="OncoKB">
    ##INFO=<ID=DP4,Number=4,Type=Integer,Description="DP4">

    """.utf8)

private func prepareMemoryFile() {
    guard memoryFile < 0 else { return }
    // memfd_create is not visible from Swift's Glibc module; an unlinked tmpfs file is the same.
    for folder in ["/dev/shm", "/tmp"] {
        var template = Array("\(folder)/ctdna-fuzz-XXXXXX".utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { continue }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        memoryFile = opened
        break
    }
    if memoryFile < 0 {
        perror("mkstemp")
        abort()
    }
    memoryFilePath = "/proc/self/fd/\(memoryFile)"
}

private func store(_ data: UnsafeRawPointer, _ count: Int) {
    guard ftruncate(memoryFile, 0) == 0 else { perror("ftruncate"); abort() }
    var offset = 0
    while offset < count {
        let written = pwrite(memoryFile, data + offset, count - offset, off_t(offset))
        guard written > 0 else { perror("pwrite"); abort() }
        offset += written
    }
}

/// Reads the stored input once with `options`; any thrown error is a fine outcome.
private func readOnce(_ options: VariantTableOptions) {
    do {
        var reader = try VariantTableReader(path: memoryFilePath, options: options)
        var checksum = 0
        try reader.forEachRecord(onHeader: { layout in
            checksum &+= layout.columnNames.count &+ layout.annotationsPresent.count
        }) { record in
            // Touch every field, so nothing the reader makes goes unused.
            checksum &+= record.position &+ (record.altCount ?? 0) &+ (record.refCount ?? 0)
            checksum &+= record.chromosome.utf8.count &+ record.reference.utf8.count &+ record.alternate.utf8.count
            checksum &+= (record.sample?.utf8.count ?? 0) &+ (record.gene?.utf8.count ?? 0)
            checksum &+= record.alleleFraction.map { $0.isFinite && $0 >= 0 && $0 <= 1 ? 1 : -1_000_000 } ?? 0
            checksum &+= record.populationAlleleFrequency.map { $0.isFinite && $0 >= 0 && $0 <= 1 ? 1 : -1_000_000 } ?? 0
            checksum &+= (record.proteinChange?.utf8.count ?? 0) &+ (record.variantClassification?.utf8.count ?? 0)
            checksum &+= (record.oncogenic?.utf8.count ?? 0) &+ (record.hotspot?.utf8.count ?? 0)
            checksum &+= (record.hotspotWhitelist?.utf8.count ?? 0) &+ (record.callStatus?.utf8.count ?? 0)
            checksum &+= (record.filter?.utf8.count ?? 0) &+ Int(record.countSource?.rawValue ?? 0)
            // Invariants the rest of ctdna relies on.
            precondition(record.position > 0, "position must be 1 or more")
            precondition((record.altCount ?? 0) >= 0 && (record.refCount ?? 0) >= 0, "counts must not be negative")
            precondition(!record.reference.isEmpty && !record.alternate.isEmpty, "alleles must not be empty")
            precondition(record.reference != record.alternate, "the alleles must differ")
            // Normalised: no shared first or last base, except the `-` of an empty allele.
            if record.reference != "-" && record.alternate != "-" {
                precondition(record.reference.utf8.first != record.alternate.utf8.first || record.reference.utf8.count == 0,
                             "alleles must not share their first base")
                precondition(record.reference.utf8.last != record.alternate.utf8.last, "alleles must not share their last base")
            }
        }
        precondition(checksum > Int.min)
    } catch let error as InputError {
        // Every error names its file.
        precondition(error.file == memoryFilePath, "an error named another file: \(error)")
        _ = error.description
    } catch {
        _ = "\(error)"
    }
}

/// Also reads the raw bytes alone, through small buffers, to reach ByteReader's edges.
private func readBytes() {
    do {
        let reader = try ByteReader(path: memoryFilePath)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 7, alignment: 1)
        defer { buffer.deallocate() }
        while try reader.read(into: buffer) > 0 {}
    } catch {
        _ = "\(error)"
    }
}

/// Also reads the input as a sample sheet (DelimitedTable's byte-wise record splitter, then the
/// sheet's checks), and splits it as a path: any error is fine, a trap is a finding.
private func readSheetAndPath(_ data: UnsafeRawBufferPointer) {
    do {
        _ = try SampleSheet(path: memoryFilePath)
    } catch {
        _ = "\(error)"
    }
    let path = String(decoding: data.prefix(4096), as: UTF8.self)
    let folder = PathNames.folder(of: path)
    precondition(folder.isEmpty || folder == "/" || path.hasPrefix(folder), "a path's folder must start it")
    _ = PathNames.joining(folder, path)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVariantTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    prepareMemoryFile()
    store(data.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(bitPattern: 1)!, data == nil ? 0 : size)
    for options in optionSets { readOnce(options) }
    // Every input once more as a VCF: after the VCF prefix, so that the VCF reader's header and
    // line parsing see the fuzzer's bytes even when they do not start like a VCF.
    var asVCF = vcfPrefix
    if let data { asVCF.append(contentsOf: UnsafeBufferPointer(start: data, count: size)) }
    asVCF.withUnsafeBytes { store($0.baseAddress!, $0.count) }
    for options in vcfOptionSets { readOnce(options) }
    store(data.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(bitPattern: 1)!, data == nil ? 0 : size)
    readBytes()
    readSheetAndPath(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

/// SwiftPM links an executable with `main` defined as `<module>_main` (so tests can link it), which
/// hides libFuzzer's own `main`; this is that entry point, and it hands over to libFuzzer's driver.
@_cdecl("FuzzVariantTable_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzVariantTable(data, size) }
}
