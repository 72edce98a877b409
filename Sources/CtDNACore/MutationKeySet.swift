import CtDNAModel

/// A set of mutation keys asked about many keys, nearly all of them not members (the keys a
/// table repeats, the clonal set, asked about every mutation of a patient): a sorted array of
/// the members' positions answers "no" for a key at another position without hashing the key's
/// texts. Answers exactly as `Set<MutationKey>.contains`.
struct MutationKeySet {
    private let keys: Set<MutationKey>
    /// The members' positions, sorted (a position repeats when members share it).
    private let positions: [Int]

    init(_ keys: Set<MutationKey>) {
        self.keys = keys
        positions = keys.map(\.position).sorted()
    }

    /// Whether `key` is a member.
    func contains(_ key: MutationKey) -> Bool {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < key.position { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && positions[low] == key.position && keys.contains(key)
    }
}
