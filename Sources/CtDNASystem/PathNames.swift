/// The folder and file parts of a path, by its slashes alone (no file system access).
///
/// Foundation's `NSString.deletingLastPathComponent` on Linux traps on a path of a single
/// character with no slash (`o`, `é`), which made `ctdna run --outdir o` crash; these do
/// the same job for every path.
///
/// ```swift
/// PathNames.folder(of: "cohort/sheet.tsv")   // "cohort"
/// PathNames.folder(of: "sheet.tsv")          // ""
/// PathNames.joining("cohort", "a.maf.gz")    // "cohort/a.maf.gz"
/// ```
public enum PathNames {
    /// The path without its last component: `a/b` → `a`, `/a` → `/`, `a` → `` (empty), `/` → `/`.
    /// Trailing slashes are not a component (`a/b/` → `a`), and the slashes between the folder
    /// and the last component go with it (`a//b` → `a`).
    /// - Parameter path: A path.
    public static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") { path.removeLast() }
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var folder = path[..<slash]
        while folder.utf8.count > 1 && folder.utf8.last == UInt8(ascii: "/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// `name` inside `folder`, with one slash between them; `name` alone when `folder` is empty.
    /// - Parameters:
    ///   - folder: A folder's path, possibly empty.
    ///   - name: A relative path.
    public static func joining(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.utf8.last == UInt8(ascii: "/") ? folder + name : folder + "/" + name
    }

    /// The path without `.` components and repeated slashes (`a/./b//c` -> `a/b/c`), so that
    /// two spellings of one file compare equal; `..` is kept (a symbolic link may make it mean
    /// something else), so such spellings may still differ. No file system access.
    /// - Parameter path: A path.
    public static func lexicallyNormal(_ path: String) -> String {
        let joined = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
