#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel
import CtDNASystem

/// The lists shipped with ctdna (the `BundledLists` target's resources), found without
/// SwiftPM's `Bundle.module`, which needs Foundation and stops the program when its bundle is
/// missing.
///
/// The folder is searched in this order: `$CTDNA_RESOURCES`; `ctdna_BundledLists.resources`
/// (Linux) or `ctdna_BundledLists.bundle` (macOS) beside the running executable and beside the
/// program's resolved path; finally the `Resources` folder of the source tree this file was
/// compiled from.
public enum BundledResources {
    /// File name of the bundled CH gene list.
    public static let chGenesFile = "ch_genes.tsv"
    /// File name of the bundled CH putative-driver variant list (Bick 2020, Bolton 2020).
    public static let chVariantsFile = "ch-putative-driver-variants.tsv"

    /// The folders searched for a resource, in order.
    public static func candidateFolders() -> [String] {
        var folders: [String] = []
        if let override = getenv("CTDNA_RESOURCES").map({ String(cString: $0) }), !override.isEmpty {
            folders.append(override)
        }
        var bases: [String] = []
        if let executable = resolvedPath("/proc/self/exe") { bases.append(PathNames.folder(of: executable)) }
        if let program = CommandLine.arguments.first, !program.isEmpty, let resolved = resolvedPath(program) {
            bases.append(PathNames.folder(of: resolved))
        }
        for base in bases {
            let linux = PathNames.joining(base, "ctdna_BundledLists.resources")
            folders += [PathNames.joining(linux, "Resources"), linux]
            let mac = PathNames.joining(base, "ctdna_BundledLists.bundle")
            folders += [PathNames.joining(mac, "Contents/Resources/Resources"), PathNames.joining(mac, "Resources")]
        }
        folders.append(PathNames.joining(PathNames.folder(of: PathNames.folder(of: #filePath)), "BundledLists/Resources"))
        return folders
    }

    /// The path of a bundled file.
    /// - Parameter name: The file's name.
    /// - Throws: `InputError` listing the folders searched when it is in none of them.
    public static func path(of name: String) throws -> String {
        let folders = candidateFolders()
        for folder in folders {
            let path = PathNames.joining(folder, name)
            if FileKind(of: path) == .file && isReadable(path) { return path }
        }
        throw InputError(file: name, message: "bundled list not found; looked in: \(folders.joined(separator: ", "))")
    }

    /// The bundled CH gene list.
    /// - Throws: `InputError` when it cannot be found or parsed.
    public static func chGenes() throws -> Set<String> {
        try ListFiles.geneList(path: try path(of: chGenesFile))
    }

    /// The bundled variant-level CH list.
    /// - Throws: `InputError` when it cannot be found or parsed.
    public static func chVariantList() throws -> CHVariantList {
        try ListFiles.chVariantList(path: try path(of: chVariantsFile))
    }

    /// A path with every symbolic link resolved (`realpath`), or `nil` when it names nothing.
    private static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
