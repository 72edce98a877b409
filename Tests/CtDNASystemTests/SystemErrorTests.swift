import CtDNASystem
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One error type for every failed system call. The expected words are glibc's `strerror`
/// texts (`man 3 errno`), written out by hand.
@Suite("System errors")
struct SystemErrorTests {
    @Test(arguments: [
        (ENOENT, "No such file or directory"), (EISDIR, "Is a directory"), (ENOSPC, "No space left on device"),
        (EACCES, "Permission denied"), (ENOTDIR, "Not a directory"), (EPIPE, "Broken pipe"),
    ])
    func errnoReadsAsTheSystemSaysIt(code: Int32, words: String) {
        #expect(Errno(rawValue: code).description == words)
    }

    @Test func aSystemErrorReadsPathActionReason() {
        let error = SystemError(path: "results/report.html", action: "cannot write", code: Errno(rawValue: ENOSPC))
        #expect(error.description == "results/report.html: cannot write: No space left on device")
        #expect(SystemError(path: "-", action: "cannot read", code: Errno(rawValue: EISDIR)).description == "-: cannot read: Is a directory")
        // equal when path, action and code are
        #expect(error == SystemError(path: "results/report.html", action: "cannot write", code: Errno(rawValue: ENOSPC)))
        #expect(error != SystemError(path: "results/report.html", action: "cannot write", code: Errno(rawValue: EACCES)))
    }

    /// By default the error takes the code the last failed call left in `errno`.
    @Test func theDefaultCodeIsTheCurrentErrno() {
        #expect(open("/nonexistent/ctdna-no-such-file", O_RDONLY) == -1)
        let error = SystemError(path: "x", action: "cannot open")
        #expect(error.code == Errno(rawValue: ENOENT))
        #expect(error.description == "x: cannot open: No such file or directory")
    }

    /// `writeAll` and `readSome` throw the code; a pipe carries bytes both ways.
    @Test func readAndWriteThroughAPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let message = Array("twelve bytes".utf8)
        try message.withUnsafeBytes { try writeAll(ends[1], $0) }
        close(ends[1])
        var room = [UInt8](repeating: 0, count: 64)
        let count = try room.withUnsafeMutableBytes { try readSome(ends[0], into: $0.baseAddress!, capacity: 64) }
        #expect(count == 12 && Array(room[0..<count]) == message)
        // the writer is closed: the end of the stream
        #expect(try room.withUnsafeMutableBytes { try readSome(ends[0], into: $0.baseAddress!, capacity: 64) } == 0)
        // a closed descriptor
        let error = caughtError(Errno.self) { _ = try message.withUnsafeBytes { try writeAll(ends[1], $0) } }
        #expect(error == Errno(rawValue: EBADF))
    }

    @Test func retryingInterruptsReturnsTheFirstResultThatIsNotEINTR() {
        var calls = 0
        let result = retryingInterrupts { () -> Int32 in
            calls += 1
            if calls < 3 {
                errno = EINTR
                return -1
            }
            return 7
        }
        #expect(result == 7 && calls == 3)
        // another failure is returned at once
        calls = 0
        let failed = retryingInterrupts { () -> Int32 in
            calls += 1
            errno = EBADF
            return -1
        }
        #expect(failed == -1 && calls == 1)
    }
}

/// What a path names, through symbolic links; expected values by hand from the files made here.
@Suite("File kinds")
struct FileKindTests {
    @Test func kindsOfPaths() throws {
        let folder = TemporaryFolder()
        let file = folder.file("a.maf", "x\n")
        #expect(FileKind(of: file) == .file)
        #expect(FileKind(of: folder.path) == .folder)
        #expect(FileKind(of: folder.path("missing.maf")) == .missing)
        #expect(FileKind(of: "") == .missing)
        #expect(FileKind(of: "/dev/null") == .other)
        // links are followed; a dangling link names nothing
        #expect(symlink(file, folder.path("to-file")) == 0)
        #expect(symlink(folder.path, folder.path("to-folder")) == 0)
        #expect(symlink(folder.path("missing.maf"), folder.path("dangling")) == 0)
        #expect(FileKind(of: folder.path("to-file")) == .file)
        #expect(FileKind(of: folder.path("to-folder")) == .folder)
        #expect(FileKind(of: folder.path("dangling")) == .missing)
    }

    @Test func readability() {
        let folder = TemporaryFolder()
        let file = folder.file("a.maf", "x\n")
        #expect(isReadable(file))
        #expect(!isReadable(folder.path("missing.maf")))
        if getuid() != 0 {  // root reads anything
            #expect(chmod(file, 0o200) == 0)
            #expect(!isReadable(file))
        }
    }

    @Test func atLeastOneProcessor() {
        #expect(onlineProcessorCount >= 1)
    }
}
