import CtDNASystem
import Testing

/// Expected values by hand; each agrees with what Foundation's `NSString` path methods return
/// for the paths on which those do not trap.
@Suite("Path names")
struct PathNamesTests {
    @Test(arguments: [
        ("cohort/sheet.tsv", "cohort"), ("/data/cohort/sheet.tsv", "/data/cohort"), ("sheet.tsv", ""),
        ("/sheet.tsv", "/"), ("/", "/"), ("", ""), ("a/b/", "a"), ("a//b", "a"), ("out/", ""),
        // One character without a slash: NSString.deletingLastPathComponent traps here on Linux.
        ("o", ""), ("é", ""), ("./o", "."),
    ])
    func folderOfAPath(path: String, folder: String) {
        #expect(PathNames.folder(of: path) == folder)
    }

    @Test func joiningAFolderAndAName() {
        #expect(PathNames.joining("cohort", "a.maf.gz") == "cohort/a.maf.gz")
        #expect(PathNames.joining("cohort/", "a.maf.gz") == "cohort/a.maf.gz")
        #expect(PathNames.joining("", "a.maf.gz") == "a.maf.gz")
        #expect(PathNames.joining("/", "o") == "/o")
    }
}
