import CtDNAIO
import CtDNAModel
import Testing

/// One VCF per caller's layout (Fixtures/vcf, each with a `##fixture` line naming the caller and
/// version whose header it follows). Every count below is read off the fixture by hand, by the
/// rule of ``VCFCountPlan`` the comment names; fractions are alt / (alt + ref).
@Suite struct VCFCallerTests {
    static func read(_ name: String, sample: String? = nil, passOnly: Bool = false) throws -> [VariantRecord] {
        try VariantTableReader.readAll(path: Fixture.path("vcf/\(name)"), options: VariantTableOptions(sample: sample, passOnly: passOnly))
    }

    /// `sample key alt ref source` for each record.
    static func summary(_ records: [VariantRecord]) -> [String] {
        records.map { "\($0.sample ?? "NA") \($0.key) \($0.altCount.map(String.init) ?? "NA") \($0.refCount.map(String.init) ?? "NA") \($0.countSource?.description ?? "NA")" }
    }

    /// Mutect2 (GATK 4.2.6.1), tumour-normal, annotated by VEP: AD Number=R, one record per ALT
    /// and sample; `*`, `<NON_REF>` and a site without ALT give none; a normal whose AD is `.`
    /// gives none at that line; AD `.,8` with DP 100 gives ref 100 - 8 = 92.
    @Test func mutect2() throws {
        let records = try Self.read("mutect2-vep.vcf")
        #expect(Self.summary(records) == [
            "NORMAL1 5:112174758:AA:- 0 400 FORMAT/AD", "PLASMA1 5:112174758:AA:- 22 380 FORMAT/AD",
            "NORMAL1 7:55249071:C:T 0 500 FORMAT/AD", "PLASMA1 7:55249071:C:T 15 480 FORMAT/AD",
            "NORMAL1 7:55249071:C:A 0 500 FORMAT/AD", "PLASMA1 7:55249071:C:A 5 480 FORMAT/AD",
            "NORMAL1 17:7579470:-:CC 0 300 FORMAT/AD", "PLASMA1 17:7579470:-:CC 10 290 FORMAT/AD",
            "NORMAL1 12:25398284:C:A 0 365 FORMAT/AD", "PLASMA1 12:25398284:C:A 12 350 FORMAT/AD",
            "PLASMA1 3:178936091:G:A 20 200 FORMAT/AD",
            "NORMAL1 13:32914438:T:C 0 150 FORMAT/AD", "PLASMA1 13:32914438:T:C 8 92 FORMAT/AD+DP",
            "NORMAL1 1:115256530:G:T 0 200 FORMAT/AD", "PLASMA1 1:115256530:G:T 7 190 FORMAT/AD",
            "NORMAL1 2:100:-:G 0 50 FORMAT/AD", "PLASMA1 2:100:-:G 5 45 FORMAT/AD",
        ])
        #expect(records[1].alleleFraction == 22.0 / 402.0)
        #expect(Array(records.map(\.lineNumber).prefix(2)) == [21, 21])  // the first data line, after 19 ## lines and the header
        #expect(records[2].filter == "weak_evidence" && records[0].filter == "PASS")
    }

    /// VEP's CSQ: the entry of the allele (by ALLELE_NUM), the canonical one before the first;
    /// HGVSp as HGVSp_Short; the first consequence as a MAF Variant_Classification.
    @Test func vepAnnotation() throws {
        let plasma = try Self.read("mutect2-vep.vcf", sample: "PLASMA1")
        let apc = plasma[0], t790m = plasma[1], t790k = plasma[2], tp53 = plasma[3]
        // Two APC entries: ENST00000508376 first, the canonical ENST00000257430 second.
        #expect(apc.gene == "APC" && apc.proteinChange == "p.E1309Rfs*2" && apc.variantClassification == "Frame_Shift_Del")
        #expect(t790m.proteinChange == "p.T790M" && t790m.variantClassification == "Missense_Mutation")
        #expect(t790m.populationAlleleFrequency == 0.00001)
        #expect(t790k.proteinChange == "p.T790K" && t790k.populationAlleleFrequency == nil)
        #expect(tp53.gene == "TP53" && tp53.variantClassification == "Frame_Shift_Ins" && tp53.proteinChange == "p.P72Afs*51")
        // A line without CSQ has no gene.
        #expect(plasma.first { $0.position == 32_914_438 }?.gene == nil)
    }

    /// --pass-only keeps PASS (and `.`) lines: the weak_evidence and strand_bias lines go.
    @Test func passOnly() throws {
        let records = try Self.read("mutect2-vep.vcf", sample: "PLASMA1", passOnly: true)
        #expect(records.map(\.key.description) == [
            "5:112174758:AA:-", "12:25398284:C:A", "3:178936091:G:A", "13:32914438:T:C", "1:115256530:G:T", "2:100:-:G",
        ])
    }

    /// VarDict 1.8: AD Number=R (alt 31, ref 589), preferred over VD/DP and RD.
    @Test func varDict() throws {
        #expect(Self.summary(try Self.read("vardict.vcf")) == [
            "cfDNA-01 7:55242465:GGAATTAAGAGAAGC:- 31 589 FORMAT/AD",
            "cfDNA-01 17:7577120:C:T 9 1201 FORMAT/AD",
        ])
    }

    /// VarDict 1.4: AD Number=2 is variant forward, reverse (13 + 11 = 24), RD reference (240 + 236 = 476).
    @Test func olderVarDict() throws {
        let records = try Self.read("vardict-1.4.vcf")
        #expect(Self.summary(records) == ["plasma_t0 12:25398284:C:T 24 476 FORMAT/AD+RD"])
        #expect(records[0].alleleFraction == 0.048)  // 24 / 500
    }

    /// bcftools 1.13 with -a AD: AD Number=R; snpEff's ANN, the entry of the allele (the first
    /// PIK3CA entry is for C, not G).
    @Test func bcftoolsWithSnpEff() throws {
        let records = try Self.read("bcftools-snpeff.vcf")
        #expect(Self.summary(records) == ["cfDNA_B 17:7578406:C:T 22 130 FORMAT/AD", "cfDNA_B 3:178952085:A:G 10 85 FORMAT/AD"])
        #expect(records.map(\.gene) == ["TP53", "PIK3CA"])
        #expect(records.map(\.proteinChange) == ["p.R175H", "p.H1047R"])
        #expect(records.map(\.variantClassification) == ["Missense_Mutation", "Missense_Mutation"])
    }

    /// samtools 0.1.19: DV 30 of DP 300 (ref 300 - 30 = 270); bcftools without -a, FORMAT GT:PL
    /// only: INFO DP4 100,96,6,8 gives ref 100 + 96 = 196, alt 6 + 8 = 14.
    @Test func samtoolsDVAndInfoDP4() throws {
        #expect(Self.summary(try Self.read("samtools-dv-dp4.vcf")) == [
            "tumour 7:140453136:A:T 30 270 FORMAT/DV+DP",
            "tumour 12:25398285:C:A 14 196 INFO/DP4",
        ])
    }

    /// Strelka 2.9.10 SNVs: tier-1 (first) values of the REF and ALT bases' counts: TUMOR CU 83, TU 11.
    @Test func strelkaSNVs() throws {
        #expect(Self.summary(try Self.read("strelka-snvs.vcf")) == [
            "NORMAL 17:7577120:C:T 0 80 FORMAT/AU,CU,GU,TU", "TUMOR 17:7577120:C:T 11 83 FORMAT/AU,CU,GU,TU",
            "NORMAL 17:7578406:C:T 0 59 FORMAT/AU,CU,GU,TU", "TUMOR 17:7578406:C:T 3 66 FORMAT/AU,CU,GU,TU",
        ])
    }

    /// Strelka 2.9.10 indels: tier-1 TIR (alt) and TAR (ref): TUMOR 14 and 52.
    @Test func strelkaIndels() throws {
        #expect(Self.summary(try Self.read("strelka-indels.vcf")) == [
            "NORMAL 7:55242465:GGAATTAAGAGAAGC:- 0 58 FORMAT/TIR+TAR", "TUMOR 7:55242465:GGAATTAAGAGAAGC:- 14 52 FORMAT/TIR+TAR",
        ])
    }

    /// VarScan 2.4.4: AD Number=1 (alt) with RD (ref); its insertion G>GA is 10:89692905:-:A.
    @Test func varScan() throws {
        #expect(Self.summary(try Self.read("varscan-somatic.vcf", sample: "TUMOR")) == [
            "TUMOR 17:7578406:C:T 18 130 FORMAT/AD+RD", "TUMOR 10:89692905:-:A 6 104 FORMAT/AD+RD",
        ])
    }

    /// Torrent Variant Caller 5.12: AO per ALT (40, 10) and RO (1950), preferred over its AF.
    @Test func ionTorrent() throws {
        let records = try Self.read("iontorrent-tvc.vcf")
        #expect(Self.summary(records) == [
            "Plasma_IonXpress_001 12:25398284:C:A 40 1950 FORMAT/AO+RO", "Plasma_IonXpress_001 12:25398284:C:T 10 1950 FORMAT/AO+RO",
        ])
        #expect(records[1].alleleFraction == 10.0 / 1960.0)
    }

    /// LoFreq 2.1.5: sites only, one unnamed sample; INFO DP4 1085,1084,20,20 gives ref 2169,
    /// alt 40; 1500,1490,6,4 gives 2990 and 10; 440,440,9,0 gives 880 and 9.
    @Test func loFreqSitesOnly() throws {
        #expect(Self.summary(try Self.read("lofreq.vcf")) == [
            "NA 17:7577120:C:T 40 2169 INFO/DP4", "NA 12:25398284:C:A 10 2990 INFO/DP4",
            "NA 7:55242465:GGAATTAAGAGAAGC:- 9 880 INFO/DP4",
        ])
        let error = inputError { _ = try Self.read("lofreq.vcf", sample: "plasma") }
        #expect(error?.line == 15 && error?.message.contains("no sample columns (sites only") == true)
    }

    /// The layouts: a VCF's annotations come from INFO and FILTER; its samples from the header.
    @Test func layouts() throws {
        var reader = try VariantTableReader(path: Fixture.path("vcf/mutect2-vep.vcf"))
        try reader.forEachRecord { _ in }
        let resolved = reader.layout
        let layout = try #require(resolved)
        #expect(layout.vcf?.samples == ["NORMAL1", "PLASMA1"])
        #expect(layout.annotationsPresent == [.proteinChange, .variantClassification, .populationFrequency, .filter])
        #expect(!layout.hasDriverAnnotation)
        #expect(layout.columnName(of: .proteinChange) == "INFO")
    }
}

/// A VCF and the MAF made from it (Fixtures/vcf/mutect2-vep.plasma.maf, written by hand in
/// vcf2maf's conventions from the VCF's PLASMA1 sample) read to the same keys and counts, and the
/// same annotation where the VCF has one: the normalisation makes vcf2maf's `AAGA`>`GA` and the
/// VCF's `GAAGA`>`GGA` one key, its `AT`>`GAT` at 101 and the VCF's `CAT`>`CGAT` at 100 one
/// insertion, its padded MNV `TTG`>`TTT` one SNV, and its empty `t_ref_count` with `t_depth` 100
/// the VCF's `AD` `.,8` with `DP` 100 (ref 92 both ways).
@Suite struct VCFRoundTripTests {
    @Test func aVCFAndItsMAFReadAlike() throws {
        let vcf = try VariantTableReader.readAll(path: Fixture.path("vcf/mutect2-vep.vcf"), options: VariantTableOptions(sample: "PLASMA1"))
        let maf = try VariantTableReader.readAll(path: Fixture.path("vcf/mutect2-vep.plasma.maf"))
        func counts(_ records: [VariantRecord]) -> [String] {
            records.map { "\($0.key) \($0.altCount ?? -1) \($0.refCount ?? -1) \($0.alleleFraction ?? -1) \($0.filter ?? "NA")" }
        }
        #expect(vcf.count == 9)
        #expect(counts(vcf) == counts(maf))
        for (fromVCF, fromMAF) in zip(vcf, maf) where fromVCF.gene != nil {
            #expect(fromVCF.gene == fromMAF.gene && fromVCF.proteinChange == fromMAF.proteinChange)
            #expect(fromVCF.variantClassification == fromMAF.variantClassification)
        }
        #expect(Set(vcf.map(\.key)).count == 9)
    }
}
