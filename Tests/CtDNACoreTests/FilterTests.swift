import CtDNACore
import CtDNAModel
import Testing
import TestSupport

@Suite("Filters")
struct FilterTests {
    let parameters = testParameters()

    func reasons(_ mutation: SeriesMutation, normal: AlleleObservation? = nil, parameters: MethodParameters? = nil) -> [MutationStatus] {
        filterReasons(for: mutation, patient: "P1", normal: normal, parameters: parameters ?? self.parameters)
    }

    @Test("a CH gene mutation leaves as ch_gene; TP53 does not")
    func chGene() {
        #expect(reasons(pair(row("DNMT3A", 10, alt: 5, ref: 95), nil)) == [.chGene])
        #expect(reasons(pair(row("dnmt3a", 10, alt: 5, ref: 95), nil)) == [.chGene])
        #expect(reasons(pair(row("TP53", 10, alt: 5, ref: 95), nil)).isEmpty)
    }

    @Test("matched normal 2:1 rule")
    func matchedNormal() {
        // plasma max(0.03, 0.01) = 0.03 < 2 x 0.02 = 0.04 -> dropped
        let weak = pair(row("TP53", 10, alt: 3, ref: 97), row("TP53", 10, alt: 1, ref: 99), minAltReads: 1)
        let normal = AlleleObservation(altCount: 2, refCount: 98, alleleFraction: 0.02)
        #expect(reasons(weak, normal: normal) == [.matchedNormal])
        // plasma 0.05 >= 0.04 -> kept
        let strong = pair(row("TP53", 10, alt: 5, ref: 95), nil)
        #expect(reasons(strong, normal: normal).isEmpty)
        // absent from the normal (AF 0) or uncovered there -> never dropped
        #expect(reasons(weak, normal: .absent).isEmpty)
        #expect(!failsMatchedNormal(plasmaAlleleFractions: [0.01], normalAlleleFraction: nil, ratio: 2))
    }

    @Test("LOC genes leave unless kept by the parameter")
    func locGene() {
        let mutation = pair(row("LOC100128288", 10, alt: 5, ref: 5), nil)
        #expect(reasons(mutation) == [.locGene])
        var keep = parameters
        keep.dropLocGenes = false
        #expect(reasons(mutation, parameters: keep).isEmpty)
    }

    @Test("manual drop applies to the listed patient only")
    func manual() {
        var withList = parameters
        withList.dropList = DropList(entries: ["P1": [key(10)]])
        let mutation = pair(row("TP53", 10, alt: 5, ref: 5), nil)
        #expect(reasons(mutation, parameters: withList) == [.manual])
        #expect(filterReasons(for: mutation, patient: "P2", normal: nil, parameters: withList).isEmpty)
    }

    @Test("depth and population AF filters are off by default")
    func optionalFilters() {
        let mutation = pair(row("TP53", 10, alt: 5, ref: 15, populationAF: 0.02), nil)
        #expect(reasons(mutation).isEmpty)
        var strict = parameters
        strict.minDepth = 50  // 5 + 15 = 20 < 50
        strict.maxPopulationAlleleFrequency = 0.01  // 0.02 > 0.01
        #expect(reasons(mutation, parameters: strict) == [.lowDepth, .populationAlleleFrequency])
    }

    @Test("several reasons are listed in the fixed order")
    func precedence() {
        var all = parameters
        all.dropList = DropList(entries: ["P1": [key(10)]])
        all.chVariants = CHVariantList(keys: [key(10)])
        let mutation = pair(row("TET2", 10, alt: 5, ref: 5), nil)
        #expect(reasons(mutation, parameters: all) == [.chGene, .chVariant, .manual])
    }

    @Test("CH variant list matches by key and by gene + protein change, never a whole gene")
    func chVariantList() {
        let list = CHVariantList(
            keys: [MutationKey(chromosome: "chr17", position: 7_673_803, reference: "G", alternate: "A")],
            proteinChanges: [GeneProteinChange(gene: "DNMT3A", change: "R882H"),
                             GeneProteinChange(gene: "TET2", change: "R635GfsTer16")])
        // by key (the list's chr17 and the data's 17 are the same chromosome)
        #expect(list.matches(
            gene: "TP53", key: MutationKey(chromosome: "17", position: 7_673_803, reference: "G", alternate: "A"),
            proteinChange: nil))
        // by gene + protein change on another build's position
        #expect(list.matches(gene: "DNMT3A", key: key(1), proteinChange: "p.R882H"))
        #expect(list.matches(gene: "TET2", key: key(1), proteinChange: "p.R635Gfs*16"))
        // same gene, other change: not matched
        #expect(!list.matches(gene: "DNMT3A", key: key(1), proteinChange: "p.R882C"))
        // restricted to TET2: DNMT3A R882H no longer matches
        #expect(!list.restricted(toGenes: ["tet2"]).matches(gene: "DNMT3A", key: key(1), proteinChange: "p.R882H"))
        var withList = parameters
        withList.chVariants = list
        #expect(reasons(pair(row("KRAS", 5, alt: 5, ref: 5, protein: "p.G12C"), nil), parameters: withList).isEmpty)
        #expect(reasons(pair(row("DNMT3A", 5, alt: 5, ref: 5, protein: "p.R882H"), nil), parameters: withList)
            == [.chGene, .chVariant])
    }
}

/// The annotation words are read as the METHOD.md spellings: surrounding spaces and letter case
/// do not matter, other text does (cases written by hand).
@Suite("Annotation words")
struct AnnotationWordTests {
    static func record(hotspot: String? = nil, whitelist: String? = nil, oncogenic: String? = nil) -> VariantRecord {
        VariantRecord(gene: "KRAS", chromosome: "12", position: 25398284, reference: "C", alternate: "A",
                      altCount: 10, refCount: 90, alleleFraction: 0.1, oncogenic: oncogenic, hotspot: hotspot,
                      hotspotWhitelist: whitelist)
    }

    @Test(arguments: [("Y", true), ("y", true), (" Y\t", true), ("YES", false), ("N", false), ("", false), ("Ÿ", false)])
    func hotspotFlag(value: String, expected: Bool) {
        #expect(isHotspot(Self.record(hotspot: value)) == expected)
    }

    @Test(arguments: [("TRUE", true), ("true", true), (" True ", true), ("TRUEISH", false), ("FALSE", false)])
    func hotspotWhitelist(value: String, expected: Bool) {
        #expect(isHotspot(Self.record(whitelist: value)) == expected)
    }

    @Test(arguments: [("Oncogenic", true), ("ONCOGENIC ", true), ("Likely Oncogenic", false), ("Oncogenic\u{00A0}", true), ("Öncogenic", false)])
    func oncogenicWord(value: String, expected: Bool) {
        #expect(isOncogenic(Self.record(oncogenic: value)) == expected)
    }
}
