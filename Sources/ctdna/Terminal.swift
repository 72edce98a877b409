#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNASystem

/// Messages to the user on standard error: warnings, and progress when it is a terminal.
enum Terminal {
    /// Whether standard error is a terminal (progress is drawn only there).
    static let standardErrorIsTerminal = isatty(STDERR_FILENO) == 1

    /// Prints `ctdna: warning: <message>` on standard error.
    static func warn(_ message: String) {
        write("ctdna: warning: \(message)\n")
    }

    /// Progress over files, redrawn on one line; nothing when disabled or not a terminal.
    /// - Parameters:
    ///   - enabled: Whether the user wants progress (not `--quiet`).
    ///   - label: What is counted (`read`).
    static func progress(enabled: Bool, label: String) -> @Sendable (Int, Int) -> Void {
        guard enabled && standardErrorIsTerminal else { return { _, _ in } }
        return { done, total in write("\r\(label) \(done)/\(total) files") }
    }

    /// Ends the progress line.
    static func endProgress(enabled: Bool) {
        if enabled && standardErrorIsTerminal { write("\n") }
    }

    /// Writes text to standard error at once (unbuffered, whole).
    private static func write(_ text: String) {
        var text = text
        // A closed standard error has nowhere to report its own failure.
        text.withUTF8 { bytes in try? writeAll(STDERR_FILENO, UnsafeRawBufferPointer(bytes)) }
    }
}
