import Foundation
@testable import CtDNAIO

/// Paths of the committed fixtures (see Fixtures/make_fixtures.sh for how they were made).
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }
}

/// A fresh folder for one test's files, removed when the value goes away.
final class TemporaryFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` inside the folder and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns its path.
    func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }
}

/// Everything a `ByteReader` yields, read through a deliberately small buffer.
func allBytes(_ path: String, chunk: Int = 100, readAhead: Bool = false) throws -> (Compression, [UInt8]) {
    let reader = try ByteReader(path: path)
    if readAhead { reader.startReadingAhead() }
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
    do { try body() } catch let error as InputError { return error } catch { return nil }
    return nil
}
