import CtDNAIO
import Foundation

/// The files of one run, written under temporary names and renamed into place together at the
/// end, so a run that fails leaves the folder as it was: its temporary files are removed, and
/// so are the folders the run made, when nothing else was put in them.
final class OutputFolder {
    /// The folder's path as given.
    let path: String
    private var staged: [OutputFile] = []
    /// Folders made by this run, outermost first.
    private var madeFolders: [String] = []
    private var committed = false

    /// Opens (and makes, when missing) the folder.
    /// - Throws: `InputError` when the folder cannot be made.
    init(path: String) throws {
        self.path = path
        try makeFolder(path)
    }

    deinit {
        guard !committed else { return }
        for file in staged { file.discard() }
        for folder in madeFolders.reversed() { rmdir(folder) }
    }

    /// `mkdir -p`, with the system's own words when a step fails ("Not a directory",
    /// "Permission denied") rather than a generic message.
    private func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw InputError(file: path, message: "cannot make the output folder: a file of that name is in the way")
            }
            return
        }
        let parent = PathNames.folder(of: path)
        if !parent.isEmpty && parent != path { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0 {
            guard errno == EEXIST else {
                throw InputError(file: path, message: "cannot make the output folder: \(String(cString: strerror(errno)))")
            }
        } else {
            madeFolders.append(path)
        }
    }

    /// Opens one file under its temporary name, to be written piece by piece; a file opened
    /// again under the same name replaces the first (whose temporary file is removed).
    /// - Throws: `InputError` when the temporary file cannot be made.
    func open(_ name: String) throws -> OutputFile {
        let file = try OutputFile(path: PathNames.joining(path, name))
        staged.removeAll { old in
            guard old.path == file.path else { return false }
            old.discard()
            return true
        }
        staged.append(file)
        return file
    }

    /// Writes one file's whole content under its temporary name.
    /// - Throws: `InputError` when writing fails (the temporary file is removed).
    func stage(_ name: String, _ text: String) throws {
        let file = try open(name)
        try file.write(text)
        try file.flush()
    }

    /// Renames every staged file into place.
    /// - Throws: `InputError` when a file cannot be finished or renamed.
    func commit() throws {
        // Every file written out first: a full disk fails the run before anything is renamed.
        for file in staged { try file.finishWriting() }
        // A folder in the way would fail its rename after earlier files were renamed: check first.
        for file in staged {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
                throw InputError(file: file.path, message: "cannot write: a folder of that name is in the way")
            }
        }
        committed = true
        for file in staged { try file.commit() }
        staged.removeAll()
    }
}
