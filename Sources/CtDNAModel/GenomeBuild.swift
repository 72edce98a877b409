/// The reference genome a table's positions refer to, as a MAF's `NCBI_Build` names it.
///
/// The same variant has different positions on GRCh37 and GRCh38, so a mutation key never
/// matches across builds: tables of one patient must share a build.
public enum GenomeBuild {
    /// The build's usual name: `GRCh37` for `GRCh37`, `37`, `hg19`, `b37`, `GRCh37-lite`;
    /// `GRCh38` for `GRCh38`, `38`, `hg38`; any other name as written, without surrounding
    /// white space (letter case ignored for the known names).
    /// - Parameter name: An `NCBI_Build` cell.
    public static func canonical(_ name: String) -> String {
        let trimmed = CellText.trimmed(name)
        switch trimmed.lowercased() {
        case "grch37", "37", "hg19", "b37", "grch37-lite", "grch37lite": return "GRCh37"
        case "grch38", "38", "hg38", "b38": return "GRCh38"
        default: return trimmed
        }
    }
}
