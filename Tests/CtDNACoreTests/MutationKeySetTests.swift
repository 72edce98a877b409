import CtDNAModel
import Testing
@testable import CtDNACore

/// `MutationKeySet` is a faster `Set<MutationKey>.contains` for keys that are mostly not
/// members: it must answer as the set does, for members, for keys at a member's position with
/// other alleles or chromosome, and for keys elsewhere.
@Suite struct MutationKeySetTests {
    @Test func answersAsTheSetDoes() {
        let members: Set<MutationKey> = [
            MutationKey(chromosome: "1", position: 100, reference: "A", alternate: "C"),
            MutationKey(chromosome: "1", position: 100, reference: "A", alternate: "G"),
            MutationKey(chromosome: "2", position: 7, reference: "T", alternate: "-"),
            MutationKey(chromosome: "X", position: 5_000_000, reference: "G", alternate: "A"),
        ]
        let lookup = MutationKeySet(members)
        var asked = Array(members)
        for position in [1, 6, 7, 8, 99, 100, 101, 5_000_000, 9_000_000] {
            for chromosome in ["1", "2", "X"] {
                for (reference, alternate) in [("A", "C"), ("A", "T"), ("T", "-"), ("G", "A")] {
                    asked.append(MutationKey(chromosome: chromosome, position: position, reference: reference, alternate: alternate))
                }
            }
        }
        for key in asked { #expect(lookup.contains(key) == members.contains(key), "\(key)") }
        #expect(Set(asked.filter(lookup.contains)) == members)
        #expect(!MutationKeySet([]).contains(MutationKey(chromosome: "1", position: 1, reference: "A", alternate: "C")))
    }
}
