import Foundation
import Testing
import TestSupport

/// `ctdna run` in the tumour-informed mode (docs/method.md §9) on SampleData's simulated tissue
/// tables, held against Fixtures/tissue, which Tests/tools/tumour_informed_reference.py (written from
/// METHOD.md 3.9, independent of the Swift code) computed:
///
///     python3 Tests/tools/tumour_informed_reference.py SampleData/samplesheet.tsv \
///         SampleData/tissue/tissue.maf --purity SampleData/tissue/purity.tsv \
///         --patients Tests/CLITests/Fixtures/tissue/expected_tumour_informed.tsv \
///         --mutations Tests/CLITests/Fixtures/tissue/expected_tissue_mutations.tsv
@Suite struct TumourInformedRunTests {
    static let sampleData = SampleDataGoldenTests.repository.appendingPathComponent("SampleData").path

    /// Runs SampleData with `arguments` added into a fresh folder; the folder and the result.
    static func run(_ arguments: [String], sheet: String = sampleData + "/samplesheet.tsv") throws -> (TemporaryFolder, CommandResult) {
        let folder = TemporaryFolder()
        let result = try CLI.run(["run", "--samplesheet", sheet, "--outdir", folder.path("out"), "--quiet"] + arguments)
        return (folder, result)
    }

    static let tissueArguments = [
        "--tissue", sampleData + "/tissue/tissue.maf", "--tissue-purity", sampleData + "/tissue/purity.tsv",
    ]

    /// `a` and `b` agree: both numbers within a relative 1e-12 (the order of floating-point
    /// operations may differ from Python's), or the same text.
    static func agree(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b) { return abs(x - y) <= 1e-12 * max(abs(x), abs(y)) }
        return a == b
    }

    @Test func patientsAgreeWithTheIndependentReference() throws {
        let (folder, result) = try Self.run(Self.tissueArguments)
        #expect(result.status == 0, "\(result.standardError)")
        let patients = TableComparison.records(try folder.text("out/patients.tsv"))
        let expected = TableComparison.records(
            try String(contentsOfFile: CLI.fixture("tissue") + "/expected_tumour_informed.tsv", encoding: .utf8))
        #expect(patients.count == 59 && expected.count == 59)
        var withValues = 0
        for reference in expected {
            let row = try #require(patients.first { $0["patient"] == reference["patient"] })
            for (column, value) in reference where column != "patient" && column != "tissue_flags" {
                #expect(Self.agree(row[column] ?? "missing", value), "\(reference["patient"]!) \(column): \(row[column] ?? "missing") vs \(value)")
            }
            let flags = (row["flags"] ?? "").split(separator: ";").filter { $0.hasPrefix("tumour_informed") || $0.hasPrefix("no_tissue") }
            #expect(flags.joined(separator: ";") == reference["tissue_flags"], "\(reference["patient"]!) flags")
            if Double(reference["tumour_informed_fraction_baseline"] ?? "") != nil { withValues += 1 }
        }
        #expect(withValues >= 30)  // the fixture is not a table of NA
        // P030: plasma-only 1.24 (LOH, flagged above 1); the tissue's m = 2 brings it to its AF, 0.618.
        let p030 = try #require(patients.first { $0["patient"] == "P030" })
        #expect(p030["tumour_informed_fraction_baseline"] == "0.6183333333333333")
    }

    @Test func auditTissueColumnsAgreeWithTheIndependentReference() throws {
        let (folder, result) = try Self.run(Self.tissueArguments)
        #expect(result.status == 0, "\(result.standardError)")
        let audit = TableComparison.records(try folder.text("out/audit.tsv"))
        let expected = TableComparison.records(
            try String(contentsOfFile: CLI.fixture("tissue") + "/expected_tissue_mutations.tsv", encoding: .utf8))
        #expect(expected.count > 60)
        var rules: Set<String> = []
        for reference in expected {
            let row = try #require(audit.first { $0["patient"] == reference["patient"] && $0["mutation"] == reference["mutation"] })
            for (column, value) in reference where column != "patient" && column != "mutation" {
                #expect(Self.agree(row[column] ?? "missing", value), "\(reference["patient"]!) \(reference["mutation"]!) \(column)")
            }
            rules.insert(reference["tissue_m_rule"]!)
        }
        // SampleData shows every step of the rule but none that needs a male's X (unit-tested).
        #expect(rules == ["major_equals_minor", "minor_zero", "nearer_major", "nearer_minor", "tie_minor", "expected_alt_copies", "NA"])
    }

    @Test func theTumourInformedFractionIsTestedAndPlotted() throws {
        let (folder, result) = try Self.run(Self.tissueArguments)
        #expect(result.status == 0, "\(result.standardError)")
        let stats = TableComparison.records(try folder.text("out/stats.tsv"))
        #expect(Set(stats.map { $0["metric"]! }) == ["ctdna_fraction", "median_af", "tumour_informed_fraction"])
        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.path("out/figures"))
        #expect(figures.contains("paired_tumour_informed_fraction_NSCLC_SBRT.svg"))
        #expect(figures.contains("tumour_informed_vs_ctdna_fraction.svg"))
        let inputs = try folder.text("out/report.json")
        #expect(inputs.contains("\"role\": \"tissue\"") && inputs.contains("\"role\": \"tissue_purity\""))
    }

    @Test func tissueMutationsWithoutMutantCopiesAreAWarning() throws {
        // With the purity table: only P033's KEAP1 (no tcn) lacks m. Without it, P007's EGFR (3, 1)
        // needs t, so its purity, too.
        let (_, with) = try Self.run(Self.tissueArguments)
        #expect(with.standardError.contains(
            "1 tissue mutation in the plasma's somatic set has no mutant copy number and is left out of the tumour-informed fraction (tissue_no_total_copies 1;"))
        let (_, without) = try Self.run(["--tissue", Self.sampleData + "/tissue/tissue.maf"])
        #expect(without.status == 0)
        #expect(without.standardError.contains("2 tissue mutations in the plasma's somatic set have no mutant copy number"))
        #expect(without.standardError.contains("(tissue_no_total_copies 1, tissue_no_purity 1;"))
        #expect(without.standardError.contains("give the purity in the table or with --tissue-purity"))
    }

    @Test func theSheetsTissueColumnGivesTheSameNumbers() throws {
        // The cohort table named in a tissue column for every patient (read once, by its patient
        // column), and P030's rows in a table of its own without a patient column.
        let folder = TemporaryFolder()
        let table = try String(contentsOfFile: Self.sampleData + "/tissue/tissue.maf", encoding: .utf8)
        let lines = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let patientColumn = try #require(lines[0].firstIndex(of: "patient"))
        let own = lines.filter { $0 == lines[0] || $0[patientColumn] == "P030" }
            .map { cells in cells.enumerated().filter { $0.offset != patientColumn }.map(\.element).joined(separator: "\t") }
        folder.file("P030.tsv", own.joined(separator: "\n") + "\n")
        var sheet = try String(contentsOfFile: Self.sampleData + "/samplesheet.tsv", encoding: .utf8)
            .replacingOccurrences(of: "\tmaf/", with: "\t" + Self.sampleData + "/maf/")
        sheet = sheet.split(separator: "\n").enumerated().map { index, line in
            if index == 0 { return line + "\ttissue" }
            return line + "\t" + (line.hasPrefix("P030\t") ? folder.path("P030.tsv") : Self.sampleData + "/tissue/tissue.maf")
        }.joined(separator: "\n") + "\n"
        folder.file("sheet.tsv", sheet)
        let (out, result) = try Self.run(["--tissue-purity", Self.sampleData + "/tissue/purity.tsv"], sheet: folder.path("sheet.tsv"))
        #expect(result.status == 0, "\(result.standardError)")
        let patients = TableComparison.records(try out.text("out/patients.tsv"))
        let expected = TableComparison.records(
            try String(contentsOfFile: CLI.fixture("tissue") + "/expected_tumour_informed.tsv", encoding: .utf8))
        for reference in expected where reference["n_tissue_mutations"] != "NA" {
            let row = try #require(patients.first { $0["patient"] == reference["patient"] })
            for column in ["tumour_informed_fraction_baseline", "tumour_informed_fraction_followup", "n_tissue_used"] {
                #expect(Self.agree(row[column]!, reference[column]!), "\(reference["patient"]!) \(column)")
            }
        }
        // A patient without rows in the table the sheet names for it: no tissue mutation, so none in plasma.
        let p001 = try #require(patients.first { $0["patient"] == "P001" })
        #expect(p001["n_tissue_mutations"] == "0" && p001["tumour_informed_fraction_baseline"] == "NA")
        #expect(p001["flags"] == "no_tissue_mutation_in_plasma")
    }

    @Test func theSheetsSexGivesOneNormalCopyOnXInMales() throws {
        // The same X mutation (AF 0.3 then 0.1) in a male (P1) and a female (P2), tissue tcn 1, lcn 0
        // -> m = 1. Male, N = 1: p = 0.3 / (1 + 0 x 0.3) = 0.3, then 0.1. Female, N = 2:
        // p = 0.6 / (1 + 1 x 0.3) = 0.6 / 1.3, then 0.2 / 1.1.
        let folder = TemporaryFolder()
        let maf = "Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tt_alt_count\tt_ref_count\n"
        folder.file("b.maf", maf + "KDM6A\tX\t100\tC\tT\t30\t70\n")
        folder.file("f.maf", maf + "KDM6A\tchrX\t100\tC\tT\t10\t90\n")
        folder.file("tissue.tsv", "patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\nP1\tX\t100\tC\tT\t1\t0\nP2\tX\t100\tC\tT\t1\t0\n")
        folder.file("sheet.tsv", """
            patient\ttimepoint\tarm\tcohort\tfile\tsex
            P1\tbaseline\tA\tC\tb.maf\tM
            P1\tfollowup\tA\tC\tf.maf\tM
            P2\tbaseline\tA\tC\tb.maf\tF
            P2\tfollowup\tA\tC\tf.maf\tF

            """)
        let result = try CLI.run(["run", "--samplesheet", "sheet.tsv", "--outdir", "out", "--quiet", "--tissue", "tissue.tsv"], in: folder.url)
        #expect(result.status == 0, "\(result.standardError)")
        let patients = TableComparison.records(try folder.text("out/patients.tsv"))
        let values = patients.map { row in
            ["tumour_informed_fraction_baseline", "tumour_informed_fraction_followup"].map { Double(row[$0]!)! }
        }
        #expect(values[0] == [0.3, 0.1])
        #expect(abs(values[1][0] - 0.6 / 1.3) < 1e-15 && abs(values[1][1] - 0.2 / 1.1) < 1e-15)
    }

    @Test func withoutTissueThereAreNoTumourInformedColumns() throws {
        let (folder, result) = try Self.run([])
        #expect(result.status == 0, "\(result.standardError)")
        for name in ["out/patients.tsv", "out/audit.tsv", "out/stats.tsv"] {
            #expect(!(try folder.text(name)).contains("tumour_informed"), "\(name)")
        }
    }

    @Test(arguments: [
        // (table, what the message must say)
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tlcn\nP030\t17\t7578406\tC\tT\t1\n",
         "tissue.tsv:1: missing copy numbers: no column tcn, tcn.em or ASCN.TOTAL_COPY_NUMBER"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\tpurity\nP030\t17\t7578406\tC\tT\t2\t0\t45\n",
         "tissue.tsv:2: column purity: \"45\" is not a purity"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\nP030\t17\t7578406\tC\tT\tx\t0\n",
         "tissue.tsv:2: column tcn: \"x\" is not a copy number"),
        ("Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\n17\t7578406\tC\tT\t2\t0\n",
         "tissue.tsv:1: missing column patient"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\tclonality\nP030\t17\t7578406\tC\tT\t2\t0\tmaybe\n",
         "tissue.tsv:2: column clonality: \"maybe\" is not a clonality"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\tNCBI_Build\nP030\t17\t7578406\tC\tT\t2\t0\tGRCh38\n",
         "its tables are of different genome builds"),
    ])
    func badTissueTablesStopTheRun(table: String, message: String) throws {
        let folder = TemporaryFolder()
        folder.file("tissue.tsv", table)
        let result = try CLI.run(
            ["run", "--samplesheet", Self.sampleData + "/samplesheet.tsv", "--outdir", folder.path("out"), "--quiet",
             "--tissue", "tissue.tsv"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/patients.tsv")))
    }
}
