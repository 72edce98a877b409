import CtDNAIO
import Foundation
import TestSupport

/// Paths of the committed fixtures (see Fixtures/make_fixtures.sh for how they were made).
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }
}

/// Everything a `ByteReader` yields, read through a deliberately small buffer.
func allBytes(_ path: String, chunk: Int = 100, readAhead: Bool = false, threads: Int = 1) throws -> (Compression, [UInt8]) {
    let reader = try ByteReader(path: path)
    if readAhead { try reader.startReadingAhead(threads: threads) }
    var result: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
    defer { buffer.deallocate() }
    while true {
        let count = try reader.read(into: buffer)
        if count == 0 { break }
        result.append(contentsOf: buffer[0..<count])
    }
    return (reader.compression, result)
}

/// The lines a `LineReader` yields, as text with their numbers.
func allLines(_ path: String) throws -> [(Int, String)] {
    var lines = LineReader(source: try ByteReader(path: path))
    var result: [(Int, String)] = []
    try lines.forEachLine { line, number in
        result.append((number, String(decoding: line, as: UTF8.self)))
        return true
    }
    return result
}

/// The error a throwing call raised, as an `InputError`.
func inputError(_ body: () throws -> Void) -> InputError? {
    caughtError(InputError.self, body)
}
