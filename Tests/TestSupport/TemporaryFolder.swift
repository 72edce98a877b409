import Foundation

/// A fresh folder for one test's files, removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder.
    public let url: URL

    /// Makes a new, empty folder under the system's temporary folder.
    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's path.
    public var path: String { url.path }

    /// The path of `name` inside the folder (nothing is written).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to `name` inside the folder and returns its path.
    @discardableResult
    public func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = path(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns its path.
    @discardableResult
    public func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// The text of `name` inside the folder.
    public func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
    }
}
