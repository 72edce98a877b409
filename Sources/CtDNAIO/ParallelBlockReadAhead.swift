import CtDNASystem
import Dispatch
import Synchronization

/// Inflates a BGZF file on several threads at once, ahead of the reader, and hands the bytes
/// out in file order: the fast path of ``ByteReader/startReadingAhead(threads:)`` for bgzip's
/// output, where one core's inflate would otherwise bound the whole read.
///
/// The file is cut into batches of whole blocks (at most ``batchOutputSize`` inflated bytes
/// each). Batch *n* goes to slot *n* mod ``slotCount``. Each thread in turn (one at a time,
/// in batch order) waits for the next batch's slot to be free, copies that batch's compressed
/// blocks into it (``ByteReader/takeBGZFBlocks(into:outputCapacity:blockEnds:)``), then leaves
/// its turn and inflates the blocks while the next thread takes the next batch. The consumer
/// empties the slots in batch order, so the bytes come out exactly as the one-thread path gives
/// them (a test holds both paths to the same bytes).
///
/// When a member that is not a BGZF block follows (a gzip file appended to a BGZF one), the rest
/// of the file is inflated in order by ``ByteReader/produce(into:)``, a slot at a time, by the
/// thread whose turn it is. A fault is recorded in the slot of the batch where it happened,
/// after the bytes of the blocks before it, and thrown when the consumer reaches it.
final class ParallelBlockReadAhead: @unchecked Sendable {
    /// Slots in the ring: enough for each thread to inflate one batch while the consumer reads
    /// another.
    let slotCount: Int
    /// The largest number of inflated bytes in one batch (16 blocks of the largest size).
    static let batchOutputSize = 1 << 20
    /// Room for a batch's compressed blocks: at most its inflated size plus each block's
    /// header and trailer, since deflate's stored blocks bound the growth.
    static let batchInputSize = (1 << 20) + (1 << 16)

    private final class Slot {
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: ParallelBlockReadAhead.batchInputSize, alignment: 64)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: ParallelBlockReadAhead.batchOutputSize, alignment: 64)
        var blockEnds: [Int] = []
        var filled = 0
        var failure: Error?
        /// Signalled when the consumer has emptied the slot (and once at the start).
        let free = DispatchSemaphore(value: 0)
        /// Signalled when a thread has filled the slot.
        let full = DispatchSemaphore(value: 0)

        deinit {
            input.deallocate()
            output.deallocate()
        }
    }

    private let slots: [Slot]
    private unowned(unsafe) let reader: ByteReader
    /// Held by the thread whose turn it is to take the next batch from the file.
    private let turn = DispatchSemaphore(value: 0)
    /// Guarded by `turn`: the next batch's number, and whether the file is done (ended, failed,
    /// or handed to the in-order path for good).
    private var nextBatch = 0
    private var noMoreBatches = false
    private var inOrderFromHere = false
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let threadCount: Int

    private var consumerBatch = 0
    private var consumerOffset = 0
    private var consumerHasSlot = false
    private var reachedEnd = false

    /// Starts `threads` inflating threads on `reader`, which must be at the start of a BGZF file.
    init(reader: ByteReader, threads: Int) throws {
        self.reader = reader
        threadCount = threads
        slotCount = threads + 2
        slots = (0..<slotCount).map { _ in Slot() }
        var inflaters: [BGZFBlockInflater] = []
        for _ in 0..<threads { inflaters.append(try BGZFBlockInflater(path: reader.path, engine: reader.engine)) }
        for slot in slots { slot.free.signal() }
        turn.signal()
        for inflater in inflaters {
            DetachedThread.start { [self] in work(inflater) }
        }
    }

    /// One inflating thread: take a batch in turn, inflate it outside the turn, repeat.
    private func work(_ inflater: BGZFBlockInflater) {
        defer { finished.signal() }
        while true {
            turn.wait()
            if noMoreBatches || stopping.load(ordering: .acquiring) {
                turn.signal()
                return
            }
            let slot = slots[nextBatch % slotCount]
            nextBatch += 1
            slot.free.wait()
            if stopping.load(ordering: .acquiring) {
                turn.signal()
                return
            }
            slot.filled = 0
            slot.failure = nil
            if inOrderFromHere {
                fillInOrder(slot)
                turn.signal()
                slot.full.signal()
                continue
            }
            let firstOffset = reader.rawOffset
            let batch: ByteReader.BGZFBatch
            do {
                batch = try reader.takeBGZFBlocks(into: slot.input, outputCapacity: slot.output.count, blockEnds: &slot.blockEnds)
            } catch {
                slot.failure = error
                noMoreBatches = true
                turn.signal()
                slot.full.signal()
                return
            }
            switch batch {
            case .end:
                noMoreBatches = true
                turn.signal()
                slot.full.signal()
                return
            case .notBGZF:
                inOrderFromHere = true
                fillInOrder(slot)
                turn.signal()
                slot.full.signal()
            case .blocks:
                turn.signal()
                inflate(slot, with: inflater, firstOffset: firstOffset)
                slot.full.signal()
            }
        }
    }

    /// Inflates a slot's blocks into its output; on a fault, records it after the bytes of the
    /// blocks before it and stops the taking of further batches.
    private func inflate(_ slot: Slot, with inflater: BGZFBlockInflater, firstOffset: Int) {
        var start = 0
        for end in slot.blockEnds {
            let block = UnsafeRawBufferPointer(start: slot.input.baseAddress! + start, count: end - start)
            do {
                slot.filled += try inflater.inflate(block, into: UnsafeMutableRawBufferPointer(rebasing: slot.output[slot.filled...]))
            } catch {
                slot.failure = InputError(file: reader.path, message: "corrupt gzip data (\(error.message)) in the BGZF block at compressed byte \(firstOffset + start)")
                stopping.store(true, ordering: .releasing)
                return
            }
            start = end
        }
    }

    /// Fills a slot by inflating in order, for the part of a file after its BGZF blocks.
    /// Called with the turn held. The end of the input is a slot left empty, as on the block
    /// path, so that the consumer knows where the bytes end.
    private func fillInOrder(_ slot: Slot) {
        do {
            while slot.filled < slot.output.count {
                let produced = try reader.produce(into: UnsafeMutableRawBufferPointer(rebasing: slot.output[slot.filled...]))
                if produced == 0 { break }
                slot.filled += produced
            }
            if slot.filled == 0 { noMoreBatches = true }
        } catch {
            slot.failure = error
            noMoreBatches = true
        }
    }

    /// Copies the next inflated bytes into `buffer`; 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            if reachedEnd { return 0 }
            let slot = slots[consumerBatch % slotCount]
            if !consumerHasSlot {
                slot.full.wait()
                consumerHasSlot = true
                consumerOffset = 0
            }
            let available = slot.filled - consumerOffset
            if available == 0 {
                if let failure = slot.failure {
                    reachedEnd = true
                    throw failure
                }
                if slot.filled == 0 {
                    reachedEnd = true
                    return 0
                }
                consumerHasSlot = false
                consumerBatch += 1
                slot.free.signal()
                continue
            }
            let count = min(available, buffer.count)
            buffer.baseAddress!.copyMemory(from: slot.output.baseAddress! + consumerOffset, byteCount: count)
            consumerOffset += count
            return count
        }
    }

    /// Stops the threads and waits for them; the slots are freed with this object.
    func stop() {
        stopping.store(true, ordering: .releasing)
        // A thread may wait for a slot while it holds the turn: free every slot once more.
        for slot in slots { slot.free.signal() }
        for _ in 0..<threadCount { finished.wait() }
    }
}
