#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of one run, written under temporary names and renamed into place together at the
/// end, so a run that fails leaves the folder as it was: its temporary files are removed, and
/// so are the folders the run made, when nothing else was put in them.
public final class OutputFolder {
    /// The folder's path as given.
    public let path: String
    private var staged: [OutputFile] = []
    /// Folders made by this run, outermost first.
    private var madeFolders: [String] = []
    private var committed = false
    /// Outputs an earlier run may have left that this run might not write (top-level names, and
    /// folders whose files with a suffix are all the run's): removed at ``commit()`` unless this
    /// run staged them, so the folder never mixes two runs' results.
    private var ownedFiles: [String] = []
    private var ownedFolders: [(name: String, suffix: String)] = []

    /// Opens (and makes, when missing) the folder.
    /// - Throws: `SystemError` when the folder cannot be made.
    public init(path: String) throws {
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
        switch FileKind(of: path) {
        case .folder: return
        case .file, .other: throw OutputFolderError(path: path, problem: "cannot make the output folder: a file of that name is in the way")
        case .missing: break
        }
        let parent = PathNames.folder(of: path)
        if !parent.isEmpty && parent != path { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0 {
            guard errno == EEXIST else { throw SystemError(path: path, action: "cannot make the output folder") }
        } else {
            madeFolders.append(path)
        }
    }

    /// Makes a folder inside the output folder (`figures`), removed again when the run fails and
    /// the run made it.
    /// - Parameter name: The folder's name inside the output folder.
    /// - Throws: `SystemError` or `OutputFolderError` when it cannot be made.
    public func makeSubfolder(_ name: String) throws {
        try makeFolder(PathNames.joining(path, name))
    }

    /// Opens one file under its temporary name, to be written piece by piece; a file opened
    /// again under the same name replaces the first (whose temporary file is removed).
    /// - Throws: `SystemError` when the temporary file cannot be made.
    public func open(_ name: String) throws -> OutputFile {
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
    /// - Throws: `SystemError` when writing fails (the temporary file is removed).
    public func stage(_ name: String, _ text: String) throws {
        let file = try open(name)
        try file.write(text)
        try file.flush()
    }

    /// Renames every staged file into place.
    /// - Throws: `SystemError` when a file cannot be finished or renamed.
    /// Declares outputs this run owns whether or not it writes them this time: when the run
    /// commits, any of them it did not stage is removed (a stale `survival.tsv` from a run that
    /// had an endpoint). Nothing is removed when the run fails.
    /// - Parameter names: file names inside the output folder.
    public func owns(files names: [String]) {
        ownedFiles += names
    }

    /// Declares a subfolder whose files ending in `suffix` are all this run's (`figures`, `.svg`):
    /// when the run commits, those it did not stage are removed.
    public func owns(folder name: String, suffix: String) {
        ownedFolders.append((name, suffix))
    }

    /// Writes every staged file out and renames each into place, then removes the owned outputs
    /// of an earlier run that this run did not write.
    public func commit() throws {
        // Every file written out first: a full disk fails the run before anything is renamed.
        for file in staged { try file.finishWriting() }
        // A folder in the way would fail its rename after earlier files were renamed: check first.
        for file in staged {
            if FileKind(of: file.path) == .folder {
                throw OutputFolderError(path: file.path, problem: "cannot write: a folder of that name is in the way")
            }
        }
        committed = true
        let written = Set(staged.map(\.path))
        for file in staged { try file.commit() }
        staged.removeAll()
        var stale = ownedFiles.map { PathNames.joining(path, $0) }
        for folder in ownedFolders {
            let folderPath = PathNames.joining(path, folder.name)
            stale += Self.fileNames(in: folderPath).filter { $0.hasSuffix(folder.suffix) }.map { PathNames.joining(folderPath, $0) }
        }
        for file in stale where !written.contains(file) && FileKind(of: file) == .file {
            if unlink(file) != 0 && errno != ENOENT {
                throw SystemError(path: file, action: "cannot remove an earlier run's output")
            }
        }
    }

    /// The names in a folder (none when it cannot be read), without `.` and `..`.
    private static func fileNames(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// An output that cannot be put where it was asked for, for a reason that is not a system
/// call's: something of the wrong kind is in the way.
public struct OutputFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// What is wrong, in plain words.
    public var problem: String

    /// `path: problem`.
    public var description: String { "\(path): \(problem)" }
}
