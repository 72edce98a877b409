import CtDNAModel
import CtDNASystem
import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic output files and folders: nothing appears until a commit, nothing stays behind a
/// failure, and failures are `SystemError`s in the system's words. New with the re-cut (there
/// were no direct tests; the CLI tests cover the same through `ctdna run`).
@Suite("Output files")
struct OutputFileTests {
    @Test func aFileAppearsOnlyWhenCommitted() throws {
        let folder = TemporaryFolder()
        let path = folder.path("patients.tsv")
        let output = try OutputFile(path: path)
        output.append("patient")
        output.append(byte: 0x09)
        output.append(integer: -42)
        try output.endLine()
        try output.write("P1\t")
        output.append(integer: 0)
        try output.endLine()
        try output.flush()
        // written out, but under a temporary name
        #expect(FileKind(of: path) == .missing)
        try output.commit()
        #expect(try folder.text("patients.tsv") == "patient\t-42\nP1\t0\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["patients.tsv"])
    }

    /// One write longer than the buffer (it grows), then rows past the flush threshold (1 MiB):
    /// every byte arrives, in order.
    @Test func writesLongerThanTheBufferArriveWhole() throws {
        let folder = TemporaryFolder()
        let long = [UInt8]((0..<(3 << 20)).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let output = try OutputFile(path: folder.path("long.txt"))
        try long.withUnsafeBytes { try output.write(bytes: $0) }
        var expected = long
        let cell = String(repeating: "x", count: 100)
        for row in 0..<15_000 {  // 1.6 MB of rows
            output.append(cell)
            output.append(byte: 0x09)
            output.append(integer: row)
            try output.endLine()
            expected += cell.utf8
            expected.append(0x09)
            expected += String(row).utf8
            expected.append(0x0a)
        }
        try output.commit()
        #expect(try folder.text("long.txt") == String(decoding: expected, as: UTF8.self))
    }

    @Test func aFileDroppedWithoutACommitLeavesNothing() throws {
        let folder = TemporaryFolder()
        do {
            let output = try OutputFile(path: folder.path("half.tsv"))
            try output.write("half a table")
            try output.flush()
        }
        let discarded = try OutputFile(path: folder.path("gone.tsv"))
        try discarded.write("x")
        discarded.discard()
        try discarded.write("ignored")
        try discarded.flush()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func writingWholeTextReplacesAFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("old.txt", "old contents that are longer\n")
        try OutputFile.write("new\n", to: path)
        #expect(try folder.text("old.txt") == "new\n")
    }

    /// A missing folder: the temporary file cannot be made (`SystemError`, was `InputError`).
    @Test func aMissingFolderIsASystemError() {
        let error = caughtError(SystemError.self) { _ = try OutputFile(path: "/nonexistent-ctdna-folder/out.tsv") }
        #expect(error == SystemError(path: "/nonexistent-ctdna-folder/out.tsv", action: "cannot write", code: Errno(rawValue: ENOENT)))
        #expect(error?.description == "/nonexistent-ctdna-folder/out.tsv: cannot write: No such file or directory")
    }

    /// A device is written directly, not replaced: `/dev/null` takes anything, `/dev/full` says
    /// the disk is full at the first write out.
    @Test func devicesAreWrittenDirectly() throws {
        let null = try OutputFile(path: "/dev/null")
        try null.write("anything")
        try null.commit()
        #expect(FileKind(of: "/dev/null") == .other)
        guard FileKind(of: "/dev/full") == .other else { return }
        let full = try OutputFile(path: "/dev/full")
        try full.write("x")
        let error = caughtError(SystemError.self) { try full.flush() }
        #expect(error?.description == "/dev/full: cannot write: No space left on device")
    }

    @Test func aFolderStagesFilesAndCommitsThemTogether() throws {
        let root = TemporaryFolder()
        let path = root.path("run/results")
        let folder = try OutputFolder(path: path)
        try folder.stage("a.tsv", "a\n")
        let b = try folder.open("b.tsv")
        try b.write("b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.isEmpty)
        try folder.commit()
        #expect(try root.text("run/results/a.tsv") == "a\n")
        #expect(try root.text("run/results/b.tsv") == "b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == ["a.tsv", "b.tsv"])
    }

    /// Owned outputs an earlier run left and this run does not write are removed at the commit,
    /// and only those: files this run wrote, other suffixes and files the run does not own stay;
    /// a run that fails removes nothing.
    @Test func aCommitRemovesAnEarlierRunsOwnedOutputsItDidNotWrite() throws {
        let root = TemporaryFolder()
        // What an earlier run (and the user) left in the folder.
        for name in ["survival.tsv", "km_curves.tsv", "notes.txt", "figures/old.svg", "figures/kept.svg", "figures/mine.png"] {
            if name.hasPrefix("figures/") { try FileManager.default.createDirectory(atPath: root.path("figures"), withIntermediateDirectories: true) }
            root.file(name, "earlier\n")
        }
        do {
            let failed = try OutputFolder(path: root.path)
            failed.owns(files: ["survival.tsv", "km_curves.tsv"])
            failed.owns(folder: "figures", suffix: ".svg")
            try failed.stage("stats.tsv", "s\n")
        }
        #expect(FileKind(of: root.path("survival.tsv")) == .file)
        #expect(FileKind(of: root.path("figures/old.svg")) == .file)
        let folder = try OutputFolder(path: root.path)
        folder.owns(files: ["survival.tsv", "km_curves.tsv"])
        folder.owns(folder: "figures", suffix: ".svg")
        try folder.makeSubfolder("figures")
        try folder.stage("km_curves.tsv", "new\n")
        try folder.stage("figures/kept.svg", "new\n")
        try folder.commit()
        #expect(FileKind(of: root.path("survival.tsv")) == .missing)
        #expect(try root.text("km_curves.tsv") == "new\n")
        #expect(try root.text("notes.txt") == "earlier\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path("figures")).sorted() == ["kept.svg", "mine.png"])
        #expect(try root.text("figures/kept.svg") == "new\n")
    }

    /// A folder dropped without a commit removes its temporary files and the folders it made.
    @Test func anAbandonedFolderLeavesNothing() throws {
        let root = TemporaryFolder()
        do {
            let folder = try OutputFolder(path: root.path("made/here"))
            try folder.stage("a.tsv", "a\n")
        }
        #expect(FileKind(of: root.path("made")) == .missing)
    }

    @Test func somethingInTheWayIsAClearError() throws {
        let root = TemporaryFolder()
        let file = root.file("taken", "x")
        let error = caughtError(OutputFolderError.self) { _ = try OutputFolder(path: file) }
        #expect(error?.description == "\(file): cannot make the output folder: a file of that name is in the way")
        let below = caughtError(OutputFolderError.self) { _ = try OutputFolder(path: file + "/sub") }
        #expect(below?.description == "\(file): cannot make the output folder: a file of that name is in the way")
    }
}
