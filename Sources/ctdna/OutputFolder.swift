import CtDNAIO
import Foundation

/// The files of one run, written under temporary names and renamed into place together at the
/// end, so a run that fails leaves the folder as it was.
final class OutputFolder {
    private let path: String
    private var staged: [OutputFile] = []

    /// Opens (and makes, when missing) the folder.
    /// - Throws: `InputError` when the folder cannot be made.
    init(path: String) throws {
        self.path = path
        try OutputFolder.makeFolder(path)
    }

    /// `mkdir -p`, with the system's own words when a step fails ("Not a directory",
    /// "Permission denied") rather than a generic message.
    private static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw InputError(file: path, message: "cannot make the output folder: a file of that name is in the way")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw InputError(file: path, message: "cannot make the output folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes one file's whole content under its temporary name.
    /// - Throws: `InputError` when writing fails (the temporary file is removed).
    func stage(_ name: String, _ text: String) throws {
        let file = try OutputFile(path: (path as NSString).appendingPathComponent(name))
        try file.write(text)
        try file.flush()
        staged.append(file)
    }

    /// Renames every staged file into place.
    /// - Throws: `InputError` when a file cannot be finished or renamed.
    func commit() throws {
        // A folder in the way would fail its rename after earlier files were renamed: check first.
        for file in staged {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
                throw InputError(file: file.path, message: "cannot write: a folder of that name is in the way")
            }
        }
        for file in staged { try file.commit() }
        staged.removeAll()
    }
}
