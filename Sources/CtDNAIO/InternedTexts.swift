/// The texts of a field whose values come back again and again in a file (a VCF's genes and
/// consequence terms, a MAF's samples, genes and classifications), each decoded once, with what
/// is computed from it computed once (a term's MAF classes): a value met before costs one
/// comparison with the last value found, or else a hash of its bytes and one comparison, not a
/// `String` (nor, for a text of more than 15 bytes, an allocation), and the records share one
/// copy of each text.
///
/// At most ``capacity`` distinct values of at most ``longestKept`` bytes are kept; past that (a
/// field of mostly distinct values) a new value is decoded at every call, the same text as
/// before, so the table never grows without end.
final class InternedTexts<Payload> {
    /// A value's text and what was computed from it.
    struct Entry {
        let text: String
        let payload: Payload
    }

    /// The most distinct values kept.
    let capacity: Int
    /// The longest value kept, in bytes.
    let longestKept: Int

    /// Open addressing with linear probing: each slot holds an entry's index + 1, or 0 when
    /// empty. At least twice as many slots as values kept, so probes stay short: 64 at first (a
    /// small file's reader clears no more), doubled as values come.
    @exclusivity(unchecked) private var slots: UnsafeMutableBufferPointer<Int32>
    @exclusivity(unchecked) private var mask: Int
    /// Each value kept: its hash, a copy of its bytes, and its entry.
    private struct Kept {
        let hash: UInt64
        let key: UnsafeMutableRawBufferPointer
        let entry: Entry
    }
    @exclusivity(unchecked) private var kept: [Kept] = []
    /// The index of the value found or kept last, -1 before the first.
    @exclusivity(unchecked) private var last = -1

    /// A table that keeps up to `capacity` values of up to `longestKept` bytes.
    init(capacity: Int = 4096, longestKept: Int = .max) {
        self.capacity = capacity
        self.longestKept = longestKept
        slots = .allocate(capacity: 64)
        slots.initialize(repeating: 0)
        mask = slots.count - 1
    }

    deinit {
        slots.deallocate()
        for value in kept { value.key.deallocate() }
    }

    /// The entry of a value.
    /// - Parameters:
    ///   - bytes: The value's bytes.
    ///   - make: What to compute from the value's text, called once per distinct value kept.
    /// - Returns: The text and what `make` made of it; `nil` when the bytes are not valid UTF-8.
    func entry(of bytes: UnsafeRawBufferPointer, _ make: (String) -> Payload) -> Entry? {
        // A column that repeats row after row costs this one comparison.
        if last >= 0 && sameBytes(UnsafeRawBufferPointer(kept[last].key), bytes) { return kept[last].entry }
        guard bytes.count <= longestKept else {
            return validatedText(bytes).map { Entry(text: $0, payload: make($0)) }
        }
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let stored = Int(slots[slot]), stored != 0 {
            let found = kept[stored - 1]
            if found.hash == hash && sameBytes(UnsafeRawBufferPointer(found.key), bytes) {
                last = stored - 1
                return found.entry
            }
            slot = (slot + 1) & mask
        }
        guard let text = validatedText(bytes) else { return nil }
        let entry = Entry(text: text, payload: make(text))
        if kept.count < capacity {
            let key = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            if bytes.count > 0 { key.copyMemory(from: bytes) }
            kept.append(Kept(hash: hash, key: key, entry: entry))
            slots[slot] = Int32(kept.count)
            last = kept.count - 1
            if 2 * kept.count > slots.count { growSlots() }
        }
        return entry
    }

    /// Doubles the slots and places every value kept again.
    private func growSlots() {
        slots.deallocate()
        slots = .allocate(capacity: 2 * (mask + 1))
        slots.initialize(repeating: 0)
        mask = slots.count - 1
        for (index, value) in kept.enumerated() {
            var slot = Int(truncatingIfNeeded: value.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a of the bytes (64-bit).
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
