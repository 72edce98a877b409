import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Bad inputs, run through the real `ctdna` binary: each must exit with its status and message,
/// name the file (and line and column where it has them), and never crash. Small inputs are in
/// Fixtures/bad; large ones are made at run time in a temporary folder.
@Suite struct BadInputTests {
    static func bad(_ name: String) -> String { CLI.fixture("bad/\(name)") }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// No crash: no Swift runtime trap message, and an ordinary exit status (a signal gives 128+).
    static func expectNoCrash(_ result: CommandResult, _ context: String) {
        #expect(!result.standardError.contains("Fatal error"), "\(context): \(result.standardError)")
        #expect(!result.standardError.contains("Stack dump"), "\(context)")
        #expect([0, 1, 64].contains(result.status), "\(context): exit status \(result.status)")
    }

    static let gdcHeader = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tt_ref_count\tt_alt_count\n"

    // MARK: Variant tables through `ctdna view`

    /// (fixture, the message after "Error: <path>"), every one a data error with exit status 1.
    static let viewFailures: [(String, String)] = [
        ("empty.maf", ": no header line: the file is empty or holds only # comment lines"),
        ("truncated-middle.gz", ": gzip data is truncated: the file ends inside a compressed member (after 359 bytes)"),
        ("truncated-at-member.gz", ": gzip data is truncated: the file ends inside the header of member 2"),
        // Cut exactly where the first member ends: valid gzip, but the table's last line is cut short.
        ("truncated-at-member-boundary.gz", ":11: expected 13 tab-separated cells as in the header, found 6"),
        ("bad-crc.gz", ": corrupt gzip data (incorrect data check) near compressed byte 714"),
        ("binary-junk.bin", ":1: the header is not valid UTF-8 text"),
        ("non-utf8-gene.maf", ":3: column Hugo_Symbol: \"KR\u{FFFD}AS\" is not valid UTF-8 text"),
        ("negative-count.maf", ":3: column t_alt_count: \"-3\" is not a count (a whole number of reads, 0 or more)"),
        ("decimal-count.maf", ":3: column t_ref_count: \"450.5\" is not a count (a whole number of reads, 0 or more)"),
        ("alt-over-depth.maf", ":3: column t_alt_count: alt count 120 is greater than the depth 100 in column t_depth"),
        ("duplicate-header.maf", ":1: column t_alt_count appears more than once in the header"),
    ]

    @Test(arguments: viewFailures)
    func viewRejectsABadTable(_ fixture: String, _ message: String) throws {
        let path = Self.bad(fixture)
        let result = try CLI.run(["view", path])
        Self.expectNoCrash(result, fixture)
        #expect(result.status == 1, "\(fixture)")
        #expect(result.standardError == "Error: \(path)\(message)\n", "\(fixture)")
        #expect(result.standardOutput.isEmpty, "\(fixture): a failed view prints nothing")
    }

    @Test func aHeaderWithoutRowsIsValid() throws {
        let result = try CLI.run(["view", Self.bad("header-only.maf")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "sample\tgene\tchromosome\tposition\tref\talt\talt_count\tref_count\taf\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func aHundredMegabyteLineIsAFieldCountError() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long-line.maf").path
        var data = Data((Self.gdcHeader + "TP53\t17\t7577120\tC\tC\tT\tS1\t900\t100\n").utf8)
        data.append(Data(repeating: UInt8(ascii: "A"), count: 100_000_000))
        data.append(UInt8(ascii: "\n"))
        try data.write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["view", path, "-o", folder.appendingPathComponent("out.tsv").path])
        Self.expectNoCrash(result, "100 MB line")
        #expect(result.status == 1)
        #expect(result.standardError == "Error: \(path):3: expected 9 tab-separated cells as in the header, found 1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["long-line.maf"])
    }

    /// Regression: a file without line ends (here /dev/zero, endless) grew the line buffer until
    /// memory ran out, and each read searched the whole line again. Lines stop at 256 MiB.
    @Test func anEndlessLineStopsAt256MiB() throws {
        let result = try CLI.run(["view", "/dev/zero", "-j", "1"])
        Self.expectNoCrash(result, "/dev/zero")
        #expect(result.status == 1)
        #expect(result.standardError == "Error: /dev/zero:1: a line longer than 256 MiB: not a variant table, or its lines do not end in LF, CRLF or CR\n")
    }

    /// Regression: the missing-column message listed the whole header, so a 100 MB header line
    /// made a 100 MB message. It now lists at most 200 names of at most 60 characters.
    @Test func aHundredMegabyteHeaderIsAMissingColumnErrorOfReasonableSize() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long-header.maf").path
        // A comment line first settles the line end, so the long line is searched with memchr.
        var data = Data("#version 2.4\nChromosome\tStart_Position\t".utf8)
        data.append(Data(repeating: UInt8(ascii: "G"), count: 100_000_000))
        data.append(UInt8(ascii: "\n"))
        try data.write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["view", path])
        Self.expectNoCrash(result, "100 MB header")
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("Error: \(path):2: missing column reference_allele or ref; the header has: Chromosome, Start_Position, GGGG"))
        #expect(result.standardError.utf8.count < 1_000)
    }

    // MARK: Files that cannot be read

    @Test func anUnreadableFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("locked.maf").path
        try FileManager.default.copyItem(atPath: CLI.fixture("small.maf"), toPath: path)
        chmod(path, 0)
        let result = try CLI.run(["view", path])
        Self.expectNoCrash(result, "chmod 000")
        if getuid() == 0 {
            // Root reads a file whatever its permission bits: the read succeeds, so does view.
            #expect(result.status == 0, "as root, mode 000 does not stop reading: \(result.standardError)")
        } else {
            #expect(result.status == 1)
            #expect(result.standardError == "Error: \(path): cannot open: Permission denied\n")
        }
        let missing = folder.appendingPathComponent("no-such.maf").path
        let absent = try CLI.run(["view", missing])
        #expect(absent.status == 1)
        #expect(absent.standardError == "Error: \(missing): cannot open: No such file or directory\n")
        let directory = try CLI.run(["view", folder.path])
        Self.expectNoCrash(directory, "a folder as input")
        #expect(directory.status == 1)
        #expect(directory.standardError == "Error: \(folder.path): cannot read: Is a directory\n")
    }

    // MARK: Sample sheets and the output folder of `ctdna run`

    @Test(arguments: [
        ("sheet-missing-file.tsv", ":3: column file: no such file: "),
        ("sheet-duplicate-patient.tsv", ":4: patient \"P1\" has a second baseline sample (the first is on line 2)"),
    ])
    func runRejectsABadSampleSheet(_ fixture: String, _ message: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = Self.bad(fixture)
        let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", folder.path + "/out", "--quiet"])
        Self.expectNoCrash(result, fixture)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("Error: \(sheet)\(message)"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    static func cohortSheet() -> String { CLI.fixture("method-cohort") + "/samplesheet.tsv" }

    @Test func anOutputFolderThatCannotBeMade() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file").path
        try "not a folder\n".write(toFile: file, atomically: true, encoding: .utf8)
        // The message names the step of the path that failed, in the system's words.
        for (outdir, message) in [
            (file + "/out", "Error: \(file): cannot make the output folder: a file of that name is in the way\n"),
            ("/proc/ctdna-no-such-folder/out", "Error: /proc/ctdna-no-such-folder: cannot make the output folder: No such file or directory\n"),
        ] {
            let result = try CLI.run(["run", "--samplesheet", Self.cohortSheet(), "--outdir", outdir, "--quiet"])
            Self.expectNoCrash(result, outdir)
            #expect(result.status == 1)
            #expect(result.standardError == message)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder\n")
        let view = try CLI.run(["view", CLI.fixture("small.maf"), "-o", file + "/out.tsv"])
        #expect(view.status == 1)
        #expect(view.standardError == "Error: \(file)/out.tsv: cannot write: Not a directory\n")
    }

    /// A failed run, whether it fails reading a table or writing its files, leaves the folder as it was.
    @Test func aFailedRunLeavesAnExistingFolderAsItWas() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outdir = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outdir, withIntermediateDirectories: true)
        for name in ["audit.tsv", "patients.tsv"] {
            try "earlier \(name)\n".write(to: outdir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func snapshot() throws -> [String: String] {
            var contents: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: outdir.path) {
                contents[name] = (try? String(contentsOf: outdir.appendingPathComponent(name), encoding: .utf8)) ?? "<folder>"
            }
            return contents
        }
        // A table that fails to read.
        let sheet = folder.appendingPathComponent("sheet.tsv")
        let table = Self.bad("bad-crc.gz")
        // The follow-up reads a good table: the same one twice is a sheet error of its own.
        try "patient\ttimepoint\tarm\tcohort\tfile\nP1\tbaseline\tA\tC\t\(table)\nP1\tfollowup\tA\tC\t\(CLI.fixture("small.maf"))\n"
            .write(to: sheet, atomically: true, encoding: .utf8)
        let before = try snapshot()
        let unreadable = try CLI.run(["run", "--samplesheet", sheet.path, "--outdir", outdir.path, "--quiet"])
        #expect(unreadable.status == 1)
        #expect(unreadable.standardError.hasPrefix("Error: \(table): corrupt gzip data (incorrect data check)"))
        #expect(try snapshot() == before)
        // Regression: a folder named like the last output made its rename fail after the first two
        // files had replaced the earlier ones.
        try FileManager.default.createDirectory(at: outdir.appendingPathComponent("stats.tsv"), withIntermediateDirectories: false)
        let blocked = try snapshot()
        let inTheWay = try CLI.run(["run", "--samplesheet", Self.cohortSheet(), "--outdir", outdir.path, "--quiet"])
        Self.expectNoCrash(inTheWay, "a folder in the way")
        #expect(inTheWay.status == 1)
        #expect(inTheWay.standardError == "Error: \(outdir.path)/stats.tsv: cannot write: a folder of that name is in the way\n")
        #expect(try snapshot() == blocked, "no file replaced, no temporary file left")
    }

    /// Regression: a full disk met while the last outputs were written (report.json here, a
    /// link to /dev/full) failed the run after the first outputs had been renamed into place.
    /// Every file is now written out before any is renamed.
    @Test func aFullDiskAtTheEndRenamesNothing() throws {
        guard Self.isCharacterDevice("/dev/full") else { return }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outdir = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outdir, withIntermediateDirectories: true)
        try "earlier audit\n".write(to: outdir.appendingPathComponent("audit.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: outdir.appendingPathComponent("report.json").path, withDestinationPath: "/dev/full")
        let result = try CLI.run(["run", "--samplesheet", Self.cohortSheet(), "--outdir", outdir.path, "--quiet"])
        Self.expectNoCrash(result, "a full disk")
        #expect(result.status == 1)
        #expect(result.standardError == "Error: \(outdir.path)/report.json: cannot write: No space left on device\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outdir.path).sorted() == ["audit.tsv", "report.json"])
        #expect(try String(contentsOf: outdir.appendingPathComponent("audit.tsv"), encoding: .utf8) == "earlier audit\n")
        #expect(Self.isCharacterDevice("/dev/full"))
    }

    // MARK: Devices and pipes as outputs

    static func isCharacterDevice(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR
    }

    /// Regression: `-o` wrote a temporary file beside the target and renamed it over the target,
    /// so `-o /dev/null` (as root) replaced the system's /dev/null with a regular file. Checked on a
    /// named pipe first, and on the real devices only when the pipe survived.
    @Test func devicesAndPipesAreWrittenToNotReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opened for reading without blocking, so ctdna's open for writing finds a reader; the
        // output (4 KB) fits in the pipe's buffer, so ctdna never waits for it to be read.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try CLI.run(["view", CLI.fixture("small.maf"), "-o", fifo])
        #expect(result.status == 0, "\(result.standardError)")
        var received = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(reader, $0.baseAddress!, $0.count) }
            guard count > 0 else { break }
            received += chunk[..<count]
        }
        var status = stat()
        let stillAPipe = lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
        #expect(stillAPipe, "the named pipe was replaced by a file")
        #expect(String(decoding: received, as: UTF8.self).hasPrefix(ViewCommandTests.header + "\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
        guard stillAPipe, Self.isCharacterDevice("/dev/full"), Self.isCharacterDevice("/dev/null") else { return }

        // The disk-full stand-in: the write fails with ENOSPC, and /dev/full stays a device.
        let full = try CLI.run(["view", CLI.fixture("small.maf"), "-o", "/dev/full"])
        Self.expectNoCrash(full, "/dev/full")
        #expect(full.status == 1)
        #expect(full.standardError == "Error: /dev/full: cannot write: No space left on device\n")
        #expect(Self.isCharacterDevice("/dev/full"))
        let null = try CLI.run(["view", CLI.fixture("small.maf"), "-o", "/dev/null"])
        #expect(null.status == 0)
        #expect(Self.isCharacterDevice("/dev/null"))
    }

    // MARK: Streaming

    /// About 200 MB of rows through a pipe into `ctdna view - -o /dev/null`, written by this process
    /// as the child reads: the peak resident memory of the child stays under 60 MB. Rows carry a
    /// wide unused column (MAFs have 140), so the debug build gets through in a few seconds.
    @Test func twoHundredMegabytesThroughStandardInputInFlatMemory() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        // Without /dev/null as a device (see above), write to a file in the temporary folder.
        let output = Self.isCharacterDevice("/dev/null") ? "/dev/null" : folder.appendingPathComponent("out.tsv").path
        let process = Process()
        let command = [CLI.executable.path, "view", "-", "-o", output]
        if useTime {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            process.arguments = ["-f", "peak %M KB"] + command
        } else {
            process.executableURL = CLI.executable
            process.arguments = Array(command.dropFirst())
        }
        let input = Pipe()
        let errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()

        let filler = String(repeating: "x", count: 2_000)
        let header = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tTumor_Sample_Barcode\tComment\tt_ref_count\tt_alt_count\n"
        let rowsPerChunk = 500, chunks = 200  // 100,000 rows of about 2 KB: 200 MB
        let handle = input.fileHandleForWriting
        nonisolated(unsafe) var written = 0
        let finished = DispatchSemaphore(value: 0)
        let writer = Thread {
            defer { finished.signal() }
            handle.write(Data(header.utf8))
            for chunk in 0..<chunks {
                var text = ""
                text.reserveCapacity(rowsPerChunk * (filler.utf8.count + 64))
                for row in 0..<rowsPerChunk {
                    let position = chunk * rowsPerChunk + row + 1
                    text += "TP53\t17\t\(position)\tC\tT\tS1\t\(filler)\t900\t\(position % 100)\n"
                }
                let data = Data(text.utf8)
                handle.write(data)
                written += data.count
            }
            try? handle.close()
        }
        writer.start()
        var peakFromProc = 0
        while process.isRunning {
            // /proc/<pid>/status of the child (of /usr/bin/time's child when it is used, so only as a fallback).
            if !useTime, let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peakFromProc = max(peakFromProc, kilobytes)
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        finished.wait()
        try errors.close()
        let standardError = try String(contentsOf: errorFile, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(standardError)")
        #expect(written > 200_000_000)
        let peak: Int
        if useTime, let match = standardError.firstMatch(of: /peak (\d+) KB/) {
            peak = Int(match.1)!
        } else {
            peak = peakFromProc
        }
        #expect(peak > 0)
        #expect(peak < 60 * 1024, "peak resident memory \(peak) KB")
    }
}
