import CtDNACore
import CtDNAIO
import CtDNAModel
import CtDNAReport
import CtDNASystem
// FoundationEssentials has the JSON coder; all of Foundation would link CoreFoundation and ICU
// into the binary, with a constructor that runs at every start (Benchmarks/README.md, "Start-up").
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One of `count` disjoint parts of a cohort, split by patient: `ctdna run --shard 3/16`.
///
/// A patient belongs to shard `1 + fnv1a64(patient) % count`: the split depends on the patient
/// identifier alone, so a patient's samples never straddle shards, and adding patients to a
/// sheet moves none of the others (a workflow re-runs only the shards that changed).
/// Invariant: `1 <= index <= count`.
public struct ShardSelection: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The shard, from 1.
    public let index: Int
    /// How many shards the cohort is cut into.
    public let count: Int

    /// Reads `K/N`, with 1 <= K <= N; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1, index <= count else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether a patient is in this shard.
    public func contains(patient: String) -> Bool {
        Self.shard(of: patient, count: count) == index
    }

    /// The shard (from 1) of a patient among `count`: FNV-1a (64-bit) of the identifier's
    /// UTF-8 bytes, modulo `count`, plus 1.
    public static func shard(of patient: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in patient.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count)) + 1
    }
}

/// What a shard's run saves for `ctdna merge` (`ctdna_shard.json` in its output folder): the
/// results that came from reading its variant tables, with full precision, so that the merge
/// never reads a table again.
public struct ShardState: Sendable, Codable {
    /// The file's format version; a merge refuses another.
    public var format = 1
    /// The shard.
    public var shard: ShardSelection
    /// The shard's command line, program name first.
    public var commandLine: [String]
    /// The version of ctdna that ran it.
    public var version: String
    /// The sample sheet as named, and its SHA-256.
    public var sampleSheet: String
    public var sampleSheetSHA256: String
    /// Every parameter as the report lists it (name and value), to check the shards agree.
    public var parameters: [String: String]
    /// The shard's patients, in sheet order, each with its summary.
    public var patients: [PatientSummary]
    /// Mutations by audit status over the shard's patients.
    public var tally: FilterTally
    /// Size and SHA-256 of each variant table the shard read.
    public var checksums: [String: FileChecksum]
    /// The shard's patients all of whose plasma tables lack a driver annotation column.
    public var patientsWithoutDriverAnnotation: [String]
    /// Each of the shard's patients' mutations over time, when the run draws them.
    public var mutationSeries: [PatientMutationSeries]?

    /// The file name in a shard's output folder.
    public static let fileName = "ctdna_shard.json"

    /// The state as JSON text, keys sorted (byte-stable for the same run).
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a shard folder's state.
    /// - Parameter folder: A folder written by `ctdna run --shard`.
    /// - Throws: `InputError` naming the file when it is missing or not a shard's state.
    public static func read(folder: String) throws -> ShardState {
        let path = PathNames.joining(folder, fileName)
        guard FileKind(of: path) == .file else {
            throw InputError(file: path, message: "no shard state here: is \(folder) the output folder of a `ctdna run --shard K/N`?")
        }
        // A read failure is a SystemError naming the file in the system's words.
        let data = Data(try ByteReader.contents(ofFile: path))
        do {
            let state = try JSONDecoder().decode(ShardState.self, from: data)
            guard state.format == 1 else {
                throw InputError(file: path, message: "shard state format \(state.format); this ctdna reads format 1")
            }
            return state
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: path, message: "not a shard state written by ctdna: \(error)")
        }
    }
}

extension ShardState {
    /// Checks that shards can be merged: every shard of one split (1...N, each once), run by
    /// one version of ctdna on one sample sheet with the same parameters.
    /// - Parameters:
    ///   - states: The shards' states, in the order given.
    ///   - folders: Their folders, for messages.
    /// - Throws: `InputError` naming the shard and what differs.
    static func checkAgreement(_ states: [ShardState], folders: [String]) throws {
        guard let first = states.first else {
            throw InputError(file: "ctdna merge", message: "no shard folder given")
        }
        func file(_ place: Int) -> String { PathNames.joining(folders[place], fileName) }
        var taken: [Int: Int] = [:]
        for (place, state) in states.enumerated() {
            guard state.shard.count == first.shard.count else {
                throw InputError(file: file(place), message: "shard \(state.shard) is of a split into \(state.shard.count), \(folders[0]) of one into \(first.shard.count)")
            }
            if let earlier = taken[state.shard.index] {
                throw InputError(file: file(place), message: "shard \(state.shard) is given twice (also \(folders[earlier]))")
            }
            taken[state.shard.index] = place
            guard state.version == first.version else {
                throw InputError(file: file(place), message: "made by ctdna \(state.version), \(folders[0]) by \(first.version): run every shard with one version")
            }
            guard state.sampleSheetSHA256 == first.sampleSheetSHA256 else {
                throw InputError(file: file(place), message: "read another sample sheet than \(folders[0]) (\(state.sampleSheet), SHA-256 \(state.sampleSheetSHA256.prefix(12))... against \(first.sampleSheetSHA256.prefix(12))...)")
            }
            for name in Set(state.parameters.keys).union(first.parameters.keys).sorted() where state.parameters[name] != first.parameters[name] {
                throw InputError(file: file(place), message: "parameter \(name) is \(state.parameters[name] ?? "absent") here and \(first.parameters[name] ?? "absent") in \(folders[0]): run every shard with the same options")
            }
        }
        let missing = (1...first.shard.count).filter { taken[$0] == nil }
        guard missing.isEmpty else {
            let listed = missing.prefix(10).map { "\($0)/\(first.shard.count)" }.joined(separator: ", ") + (missing.count > 10 ? ", ..." : "")
            throw InputError(file: "ctdna merge", message: "\(missing.count) shard\(missing.count == 1 ? " is" : "s are") missing: \(listed)")
        }
    }
}

/// audit.tsv put together from shards' audit tables, patients in sheet order.
enum ShardAudit {
    /// Writes `header`, then each patient's rows of the shards' `audit.tsv`, in `order`.
    ///
    /// Each shard's rows are grouped by patient (a run writes them so); each patient's rows
    /// go to an ``OrderedChunkWriter`` under its place in `order`, which writes them in turn
    /// and keeps early ones on a scratch file beyond its memory budget, so that the merge's
    /// memory does not grow with the cohort's mutations.
    /// - Throws: `InputError` for a shard's audit table with another header, or rows of a
    ///   patient that is not in `order` or comes back after another's; `SystemError` for I/O.
    static func join(shards: [String], order: [String], header: String, into sink: OutputFile, scratchFolder: String) throws {
        try sink.write(header)
        let writer = OrderedChunkWriter(sink: sink, scratchFolder: scratchFolder)
        let place = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var written = Array(repeating: false, count: order.count)
        let expectedHeader = Array(header.utf8.dropLast())
        for folder in shards {
            let path = PathNames.joining(folder, "audit.tsv")
            var lines = LineReader(source: try ByteReader(path: path))
            var current: (patient: String, rows: [UInt8])?
            func flush() throws {
                guard let done = current else { return }
                try writer.put(done.rows, number: place[done.patient]!)
                current = nil
            }
            try lines.forEachLine { line, number in
                if number == 1 {
                    guard line.elementsEqual(expectedHeader) else {
                        throw InputError(file: path, line: 1, message: "not the audit table's header of this run (its timepoints differ?)")
                    }
                    return true
                }
                let tab = line.firstIndex(of: 0x09) ?? line.count
                let patient = String(decoding: UnsafeRawBufferPointer(rebasing: line[..<tab]), as: UTF8.self)
                if current?.patient != patient {
                    try flush()
                    guard let index = place[patient] else {
                        throw InputError(file: path, line: number, column: "patient", message: "\"\(patient)\" is not a patient of the merged run")
                    }
                    guard !written[index] else {
                        throw InputError(file: path, line: number, column: "patient", message: "rows of \"\(patient)\" come back after another patient's, or in two shards")
                    }
                    written[index] = true
                    current = (patient, [])
                }
                current!.rows.append(contentsOf: line)
                current!.rows.append(0x0a)
                return true
            }
            try flush()
        }
        // A patient without a mutation has no rows: its turn is empty.
        for index in written.indices where !written[index] { try writer.put([], number: index) }
    }
}
