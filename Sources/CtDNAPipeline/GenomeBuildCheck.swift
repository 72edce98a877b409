import CtDNACore
import CtDNAIO
import CtDNAModel

/// Refuses to compare tables of different genome builds: positions differ between GRCh37 and
/// GRCh38, so the same mutation would get two keys and the comparison would be silently wrong.
enum GenomeBuildCheck {
    /// Checks that every table of a patient (plasma and normal) names one build, where the tables
    /// say (`NCBI_Build`); tables without the column are not judged.
    /// - Parameters:
    ///   - series: The patient's tables.
    ///   - files: The file of each table, in the order of the series' tables, then the normal's.
    ///   - tissue: The patient's tissue table and the builds its rows name, when it has one.
    /// - Throws: `InputError` naming the patient, the builds and the files.
    static func check(_ series: PatientSeries, files: [String?], tissue: (file: String, builds: Set<String>)? = nil) throws {
        var buildsOfFile: [(file: String, builds: Set<String>)] = []
        for (table, file) in zip(series.tables + [series.normal], files) {
            guard let table, let file else { continue }
            var builds: Set<String> = []
            var last: String?
            for record in table {
                guard let build = record.genomeBuild, build != last else { continue }
                last = build
                builds.insert(GenomeBuild.canonical(build))
            }
            if !builds.isEmpty { buildsOfFile.append((file, builds)) }
        }
        if let tissue, !tissue.builds.isEmpty { buildsOfFile.append(tissue) }
        let all = buildsOfFile.reduce(into: Set<String>()) { $0.formUnion($1.builds) }
        guard all.count > 1 else { return }
        let listed = buildsOfFile.map { "\($0.file) (\($0.builds.sorted().joined(separator: ", ")))" }
        throw InputError(
            file: buildsOfFile[0].file,
            message: "patient \"\(series.patient)\": its tables are of different genome builds: "
                + listed.joined(separator: "; ")
                + ". A mutation's position, so its key, differs between builds: lift the tables over to one build")
    }
}
