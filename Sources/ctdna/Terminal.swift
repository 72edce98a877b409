import Foundation

/// Messages for a person at a terminal: progress and warnings on standard error.
enum Terminal {
    /// Whether standard error is a terminal (progress is drawn only there).
    static let standardErrorIsTerminal = isatty(STDERR_FILENO) == 1

    /// Prints a warning on standard error (always: a warning is never silenced).
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("ctdna: warning: \(message)\n".utf8))
    }

    /// Prints a line on standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// A progress callback that redraws "read 12/40 files" on standard error, when it is a terminal.
    static func progress(enabled: Bool, label: String) -> @Sendable (Int, Int) -> Void {
        guard enabled && standardErrorIsTerminal else { return { _, _ in } }
        return { done, total in
            FileHandle.standardError.write(Data("\r\(label) \(done)/\(total) files".utf8))
        }
    }

    /// Ends a progress line.
    static func endProgress(enabled: Bool) {
        if enabled && standardErrorIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
