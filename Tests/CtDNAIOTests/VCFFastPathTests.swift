import CtDNAModel
import Testing
import TestSupport
@testable import CtDNAIO

/// The pieces the VCF reader's fast path is made of, each checked against the plain way of
/// doing the same (a byte-by-byte search, a fresh `String`, a list of amino-acid codes typed
/// from the IUPAC table).
@Suite struct VCFFastPathTests {
    // MARK: ByteSearch

    /// Every place of `|` in buffers of every length up to 40 and every start and end, against a
    /// byte-by-byte search.
    @Test func wordMarksFindEveryByteAByteSearchFinds() {
        var generator = SplitMix64(seed: 7)
        var mismatches: [String] = []
        for length in 0...40 {
            // Bars, a byte that differs from a bar in one bit (0x7d), high bytes, letters.
            let alphabet: [UInt8] = [0x7c, 0x7d, 0xfc, 0x00, 0x41, 0x7c]
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBytes { buffer in
                for start in 0..<length {
                    for end in (start + 1)...length {
                        var found: [Int] = []
                        var marks = ByteSearch.marks(of: 0x7c, in: buffer, at: start, end: end)
                        while marks != 0 {
                            found.append(start + marks.trailingZeroBitCount >> 3)
                            marks &= marks - 1
                        }
                        let expected = (start..<min(end, start + 8)).filter { bytes[$0] == 0x7c }
                        if found != expected { mismatches.append("\(bytes) \(start)..<\(end): \(found), not \(expected)") }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    // MARK: InternedTexts

    @Test func aValueIsMadeTextAndComputedOnce() {
        let table = InternedTexts<Int>()
        var made = 0
        func look(_ text: String) -> InternedTexts<Int>.Entry? {
            Array(text.utf8).withUnsafeBytes { bytes in table.entry(of: bytes) { made += 1; return $0.count } }
        }
        for _ in 0..<3 {
            for gene in ["TP53", "KRAS", "EGFR", "", "TP5", "TP53A"] {
                let entry = look(gene)
                #expect(entry?.text == gene && entry?.payload == gene.utf8.count)
            }
        }
        #expect(made == 6)  // six distinct values, each computed at its first look only
    }

    @Test func bytesThatAreNotUTF8HaveNoEntry() {
        let table = InternedTexts<Void>()
        let invalid: [UInt8] = [0x4b, 0xff, 0x52]
        #expect(invalid.withUnsafeBytes { bytes in table.entry(of: bytes) { _ in () } } == nil)
    }

    /// Past the capacity, a new value is still read right, computed at every look.
    @Test func valuesPastTheCapacityAreMadeEachTime() {
        let table = InternedTexts<String>()
        let count = table.capacity + 50
        var made = 0
        func look(_ index: Int) -> String? {
            let text = "GENE\(index)"
            return Array(text.utf8).withUnsafeBytes { bytes in table.entry(of: bytes) { made += 1; return $0 + "!" } }?.payload
        }
        for index in 0..<count { #expect(look(index) == "GENE\(index)!") }
        #expect(made == count)
        #expect(look(0) == "GENE0!" && look(1) == "GENE1!")  // kept
        #expect(made == count)
        #expect(look(count - 1) == "GENE\(count - 1)!")  // not kept: computed again
        #expect(made == count + 1)
    }

    /// A value longer than the table keeps is read right and computed at every look; one that
    /// fits is computed once, however the looks alternate.
    @Test func valuesLongerThanKeptAreMadeEachTime() {
        let table = InternedTexts<String>(capacity: 8, longestKept: 4)
        var made = 0
        func look(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBytes { bytes in table.entry(of: bytes) { made += 1; return $0 + "!" } }?.payload
        }
        for _ in 0..<3 {
            #expect(look("ABCD") == "ABCD!")
            #expect(look("ABCDE") == "ABCDE!")
            #expect(look("ABCDE") == "ABCDE!")
        }
        #expect(made == 1 + 6)  // ABCD once, ABCDE at each of its six looks
    }

    // MARK: CountValues

    @Test func countsAreReadWithDotsAsMissing() {
        let values = CountValues()
        let bad = Array("12,.,0,7.0,30".utf8).withUnsafeBytes { values.read($0) }
        #expect(bad == nil)
        #expect((0..<values.count).map { values[$0] } == [12, -1, 0, 7, 30])
        #expect(values.sum == nil && !values.allPresent && values.sumOfPresent(from: 1) == 37)
    }

    /// More values than the first room (8) holds, and the value that is not a count.
    @Test func manyCountsAndABadOne() {
        let values = CountValues()
        let many = (1...20).map(String.init).joined(separator: ",")
        #expect(Array(many.utf8).withUnsafeBytes { values.read($0) } == nil)
        #expect(values.count == 20 && values.sum == 210 && values.allPresent)  // 1 + ... + 20 = 210
        let bad = Array("3,4x,5".utf8).withUnsafeBytes { buffer in values.read(buffer).map { Array($0) } }
        #expect(bad == Array("4x".utf8))
    }

    // MARK: Amino-acid codes

    @Test func everyThreeLetterCodeHasItsLetterAndNothingElseHasOne() {
        // IUPAC-IUB three-letter codes, the stop (Ter) and the rare/unknown ones VEP writes.
        let codes: [String: Character] = [
            "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G", "His": "H",
            "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W",
            "Tyr": "Y", "Val": "V", "Ter": "*", "Sec": "U", "Pyl": "O", "Xaa": "X",
        ]
        var found = 0
        var mismatches: [String] = []
        let letters = Array(UInt8(ascii: "a")...UInt8(ascii: "z")) + [UInt8(ascii: "A"), UInt8(ascii: "Z"), UInt8(ascii: "0"), 0x7b, 0x60, 0xc3]
        for a in Array(UInt8(0x20)...UInt8(0x7e)) + [0xc3] {
            for b in letters {
                for c in letters {
                    let letter = VCFAnnotationText.oneLetter(a, b, c)
                    let code = String(decoding: [a, b, c], as: UTF8.self)
                    if letter != codes[code]?.asciiValue { mismatches.append(code) }
                    if letter != nil { found += 1 }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(found == codes.count)
        #expect(VCFAnnotationText.oneLetter(UInt8(ascii: "L"), UInt8(ascii: "E"), UInt8(ascii: "U")) == nil)  // case matters
    }

    // MARK: The header's definitions

    /// Definitions as callers write them, each pair typed out by hand: quoted values with commas,
    /// `\"` and `\\` inside quotes, a value with non-ASCII letters, a missing `>`, and an empty key.
    @Test func definitionPairsAreReadAsWritten() {
        func pairs(_ body: String) -> [String] { VCFHeader.keyValuePairs(body[...]).map { "\($0.key)=\($0.value)" } }
        #expect(pairs(#"ID=AD,Number=R,Type=Integer,Description="Allelic depths, ref then alt">"#) ==
                ["ID=AD", "Number=R", "Type=Integer", "Description=Allelic depths, ref then alt"])
        #expect(pairs(#"ID=X,Description="say \"hi\" \\ bye",Source="µ-caller Ö">"#) ==
                ["ID=X", #"Description=say "hi" \ bye"#, "Source=µ-caller Ö"])
        #expect(pairs("ID=DP,Number=1") == ["ID=DP", "Number=1"])
        #expect(pairs("=x,ID=Y>trailing") == ["ID=Y"])
    }

    /// The end of a marker in descriptions, against the standard library's search over
    /// characters, including text with multi-byte letters before the marker and a near miss.
    @Test func aMarkerEndsWhereTheStandardSearchSaysItEnds() {
        let texts = ["Consequence annotations from Ensembl VEP. Format: Allele|Consequence",
                     "Österreich µ Format: A|B", "Form Format Format: x", "no marker here", "Format:",
                     "'Allele | Annotation'", ""]
        for text in texts {
            for marker in ["Format:", "'"] {
                #expect(VCFHeader.end(of: marker, in: text) == text.firstRange(of: marker)?.upperBound, "\(text) \(marker)")
            }
        }
    }
}
