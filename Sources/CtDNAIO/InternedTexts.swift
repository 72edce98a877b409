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
    /// Each value kept, by index: its hash, a copy of its bytes, and its entry (apart, so that
    /// comparing bytes retains no text).
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var keys: [UnsafeMutableRawBufferPointer] = []
    @exclusivity(unchecked) private var entries: [Entry] = []
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
        for key in keys { key.deallocate() }
    }

    /// The entry of a value.
    /// - Parameters:
    ///   - bytes: The value's bytes.
    ///   - make: What to compute from the value's text, called once per distinct value kept.
    /// - Returns: The text and what `make` made of it; `nil` when the bytes are not valid UTF-8.
    func entry(of bytes: UnsafeRawBufferPointer, _ make: (String) -> Payload) -> Entry? {
        // A column that repeats row after row costs this one comparison.
        if last >= 0 && sameBytes(UnsafeRawBufferPointer(keys[last]), bytes) { return entries[last] }
        guard bytes.count <= longestKept else {
            return validatedText(bytes).map { Entry(text: $0, payload: make($0)) }
        }
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let stored = Int(slots[slot]), stored != 0 {
            let index = stored - 1
            if hashes[index] == hash && sameBytes(UnsafeRawBufferPointer(keys[index]), bytes) {
                last = index
                return entries[index]
            }
            slot = (slot + 1) & mask
        }
        guard let text = validatedText(bytes) else { return nil }
        let entry = Entry(text: text, payload: make(text))
        if entries.count < capacity {
            let key = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
            if bytes.count > 0 { key.copyMemory(from: bytes) }
            hashes.append(hash)
            keys.append(key)
            entries.append(entry)
            slots[slot] = Int32(entries.count)
            last = entries.count - 1
            if 2 * entries.count > slots.count { growSlots() }
        }
        return entry
    }

    /// Doubles the slots and places every value kept again.
    private func growSlots() {
        slots.deallocate()
        slots = .allocate(capacity: 2 * (mask + 1))
        slots.initialize(repeating: 0)
        mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
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
