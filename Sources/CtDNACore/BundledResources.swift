import Foundation

/// The lists shipped with ctdna, found without SwiftPM's `Bundle.module` (which stops the program
/// when its bundle is missing).
///
/// The folder is searched in this order: `$CTDNA_RESOURCES`; `ctdna_CtDNACore.resources`
/// (Linux) or `ctdna_CtDNACore.bundle` (macOS) beside the executable, in the main bundle, and
/// beside the program's resolved path; finally the `Resources` folder of the source tree this
/// file was compiled from.
public enum BundledResources {
    /// File name of the bundled CH gene list.
    public static let chGenesFile = "ch_genes.tsv"
    /// File name of the bundled CH putative-driver variant list (Bick 2020, Bolton 2020).
    public static let chVariantsFile = "ch-putative-driver-variants.tsv"

    /// The folders searched for a resource, in order.
    public static func candidateDirectories() -> [URL] {
        var directories: [URL] = []
        if let override = ProcessInfo.processInfo.environment["CTDNA_RESOURCES"], !override.isEmpty {
            directories.append(URL(fileURLWithPath: override))
        }
        var bases: [URL] = []
        if let executable = Bundle.main.executableURL { bases.append(executable.deletingLastPathComponent()) }
        bases.append(Bundle.main.bundleURL)
        if let resources = Bundle.main.resourceURL { bases.append(resources) }
        if let program = CommandLine.arguments.first, !program.isEmpty {
            bases.append(URL(fileURLWithPath: program).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for base in bases {
            let linux = base.appendingPathComponent("ctdna_CtDNACore.resources")
            directories.append(linux.appendingPathComponent("Resources"))
            directories.append(linux)
            let mac = base.appendingPathComponent("ctdna_CtDNACore.bundle")
            directories.append(mac.appendingPathComponent("Contents/Resources/Resources"))
            directories.append(mac.appendingPathComponent("Resources"))
        }
        directories.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"))
        return directories
    }

    /// The path of a bundled resource file.
    /// - Parameter name: the file name.
    /// - Returns: the first existing file of that name in ``candidateDirectories()``.
    /// - Throws: ``CoreError/resourceNotFound(name:searched:)`` when no folder holds it.
    public static func path(of name: String) throws -> String {
        let directories = candidateDirectories()
        for directory in directories {
            let path = directory.appendingPathComponent(name).path
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        throw CoreError.resourceNotFound(name: name, searched: directories.map(\.path))
    }

    /// The bundled CH gene list.
    /// - Returns: upper-case gene symbols.
    /// - Throws: ``CoreError`` when the file is missing or malformed.
    public static func chGenes() throws -> Set<String> {
        try loadGeneList(path: try path(of: chGenesFile))
    }

    /// The bundled CH putative-driver variant list (off by default; opt in with `--ch-variants bundled`).
    /// - Returns: the list, matched by key and by gene + protein change.
    /// - Throws: ``CoreError`` when the file is missing or malformed.
    public static func chVariantList() throws -> CHVariantList {
        try loadCHVariantList(path: try path(of: chVariantsFile))
    }
}
