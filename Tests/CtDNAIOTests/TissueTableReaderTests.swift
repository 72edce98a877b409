import CtDNAIO
import CtDNAModel
import Foundation
import Testing
import TestSupport

/// The tissue copy-number tables in the layouts people have (docs/method.md §9), the purity
/// table, and the sample sheet's `tissue` column.
@Suite struct TissueTableReaderTests {
    static let key = MutationKey(chromosome: "17", position: 7578406, reference: "C", alternate: "T")

    func read(_ text: String, owner: String? = nil, patients: Set<String> = ["P1", "P2"], purities: [String: Double] = [:]) throws -> TissueRows {
        let folder = TemporaryFolder()
        return try TissueTableReader.read(path: folder.file("tissue.maf", text), owner: owner, patients: patients, purities: purities)
    }

    @Test func facetsSuiteMAF() throws {
        // facets-suite: comment line, chr prefix, Allele2 = reference -> Allele1, tcn/lcn (and the
        // .em pair, not used while tcn is present), expected_alt_copies, clonality, t_depth only.
        let rows = try read("""
            #version 2.4
            Hugo_Symbol\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele1\tTumor_Seq_Allele2\tpatient\tpurity\ttcn\tlcn\ttcn.em\tlcn.em\texpected_alt_copies\tclonality\tt_alt_count\tt_depth
            TP53\tchr17\t7578406\tC\tT\tC\tP1\t0.6\t2\t0\t4\t1\t2\tCLONAL\t30\t100
            KRAS\t12\t25398284\tC\tC\tA\tP1\t0.6\t3\tNA\t3\t1\tNA\tSUBCLONAL\t10\t100
            EGFR\t7\t55259515\tT\tT\tG\tP3\t0.5\t2\t1\t2\t1\t1\tCLONAL\t10\t100

            """)
        let p1 = try #require(rows.rowsByPatient["P1"])
        #expect(rows.rowsByPatient["P3"] == nil)  // not a patient of the run
        #expect(p1.count == 2)
        #expect(p1[0] == TissueMutation(
            key: Self.key, totalCopies: 2, minorCopies: 0, expectedAltCopies: 2, purity: 0.6, altCount: 30, refCount: 70,
            isClonal: true, origin: p1[0].origin))
        #expect(p1[0].origin.hasSuffix("tissue.maf:3"))
        #expect(p1[1].minorCopies == nil && p1[1].expectedAltCopies == nil && p1[1].isClonal == false)
        #expect(p1[0].alleleFraction == 0.3)
    }

    @Test func facetsEMColumnsAndCBioPortalASCN() throws {
        let em = try read("""
            Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tpatient_id\ttcn.em\tlcn.em
            17\t7578406\tC\tT\tP2\t4\t1

            """)
        #expect(em.rowsByPatient["P2"]?.first.map { ($0.totalCopies, $0.minorCopies, $0.isClonal) } ?? (nil, nil, nil) == (4, 1, nil))
        // cBioPortal: ASCN columns, purity from the per-patient table (the row has none).
        let cbio = try read("""
            Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\tASCN.TOTAL_COPY_NUMBER\tASCN.MINOR_COPY_NUMBER\tASCN.EXPECTED_ALT_COPIES\tASCN.CLONAL\tt_ref_count\tt_alt_count
            17\t7578406\tC\tT\t3\t1\t1\tINDETERMINATE\t80\t20

            """, owner: "P1", purities: ["P1": 0.45])
        let row = try #require(cbio.rowsByPatient["P1"]?.first)
        #expect(row.totalCopies == 3 && row.minorCopies == 1 && row.expectedAltCopies == 1)
        #expect(row.isClonal == false && row.purity == 0.45 && row.alleleFraction == 0.2)
    }

    @Test func plainLayoutAndOwnership() throws {
        let text = """
            patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\tpurity\tt_alt_count\tt_ref_count
            P1\t17\t7578406\tC\tT\t2\t1\t0.7\t12\t28
            P2\t17\t7578406\tC\tT\t2\t1\t\t5\t5

            """
        let all = try read(text, purities: ["P2": 0.3, "P1": 0.1])
        // a row's own purity wins over the purity table; a missing one takes the table's
        #expect(all.rowsByPatient["P1"]?.first?.purity == 0.7 && all.rowsByPatient["P2"]?.first?.purity == 0.3)
        // a table the sheet names for P2: its patient column picks P2's rows
        let own = try read(text, owner: "P2", patients: ["P2"])
        #expect(own.rowsByPatient.keys.sorted() == ["P2"] && own.rowsByPatient["P2"]?.first?.purity == nil)
    }

    @Test(arguments: [
        ("Chromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\nP1\n", "tissue.maf:1: missing column lcn beside tcn"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\nP1\t17\t0\tC\tT\t2\t1\n",
         "tissue.maf:2: column Start_Position: \"0\" is not a position"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\nP1\t17\t5\tC\tC\t2\t1\n",
         "tissue.maf:2: column Tumor_Seq_Allele2: \"C\" is the reference allele"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\nP1\t17\t5\tC\tT\t2\t-1\n",
         "tissue.maf:2: column lcn: \"-1\" is not a copy number"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\nP1\t17\t5\tC\tT\t2\n",
         "tissue.maf:2: expected 7 fields as in the header, found 6"),
        ("patient\tChromosome\tStart_Position\tReference_Allele\tTumor_Seq_Allele2\ttcn\tlcn\tpurity\nP1\t17\t5\tC\tT\t2\t1\t0\n",
         "tissue.maf:2: column purity: \"0\" is not a purity"),
        ("#only a comment\n", "tissue.maf: the file is empty"),
    ])
    func badTablesNameTheLineAndColumn(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try read(text, owner: "P1") }
        #expect(error.description.hasSuffix(message) || error.description.contains(message), "\(error)")
    }

    @Test func purityTable() throws {
        let folder = TemporaryFolder()
        let path = folder.file("purity.csv", "patient,purity\nP1,0.4\nP2,NA\nP1,0.4\n")
        #expect(try TissuePurityTable.read(path: path) == ["P1": 0.4])
        let twice = folder.file("twice.tsv", "patient\tpurity\nP1\t0.4\nP1\t0.5\n")
        #expect(throws: InputError.self) { try TissuePurityTable.read(path: twice) }
        let percent = folder.file("percent.tsv", "patient\tpurity\nP1\t40\n")
        let error = try #require(throws: InputError.self) { try TissuePurityTable.read(path: percent) }
        #expect(error.description.contains("percent.tsv:2: column purity: \"40\" is not a purity"))
    }

    @Test func sampleSheetTissueColumn() throws {
        let folder = TemporaryFolder()
        for name in ["a.maf", "b.maf", "t1.maf"] { folder.file(name, "") }
        let sheet = try SampleSheet(path: folder.file("sheet.tsv", """
            patient\ttimepoint\tarm\tcohort\tfile\ttissue\tsex
            P1\tbaseline\tA\tC\ta.maf\t\tM
            P1\tfollowup\tA\tC\tb.maf\tt1.maf\tM

            """))
        // the tissue table named on a later row is the patient's on every row
        #expect(sheet.entries.map(\.tissue) == [folder.path("t1.maf"), folder.path("t1.maf")])
        #expect(sheet.entries.allSatisfy { $0.sex == .male })
        let missing = folder.file("missing.tsv", "patient\ttimepoint\tarm\tcohort\tfile\ttissue\nP1\tbaseline\tA\tC\ta.maf\tnone.maf\n")
        let error = try #require(throws: InputError.self) { try SampleSheet(path: missing) }
        #expect(error.description.contains("missing.tsv:2: column tissue: no such file"))
        let typo = folder.file("typo.tsv", "patient\ttimepoint\tarm\tcohort\tfile\ttisue\nP1\tbaseline\tA\tC\ta.maf\tt1.maf\n")
        let misspelt = try #require(throws: InputError.self) { try SampleSheet(path: typo) }
        #expect(misspelt.description.contains("did you mean \"tissue\""))
    }
}
