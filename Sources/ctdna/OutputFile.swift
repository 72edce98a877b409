import Foundation

/// Writes output files so that a reader never sees a half-written file.
enum OutputFile {
    /// A problem writing an output file.
    struct WriteError: Error, CustomStringConvertible {
        /// The full message.
        let description: String
    }

    /// Writes `text` to a temporary file in the same folder as `path`, then renames it into place.
    /// - Throws: ``WriteError`` naming the path when writing or renaming fails.
    static func replace(at path: String, with text: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw WriteError(description: "\(path): cannot write (\(error.localizedDescription))")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(description: "\(path): cannot move the finished file into place (\(reason))")
        }
    }
}
