import CtDNASystem
import Testing
import TestSupport

/// The committed fixtures of CtDNAIOTests, read where they lie in the source tree (this target
/// has no resources of its own; the files are hashed as stored, so a copy would do as well).
enum IOFixture {
    static func path(_ name: String) -> String {
        PathNames.joining(PathNames.folder(of: PathNames.folder(of: #filePath)), "CtDNAIOTests/Fixtures/" + name)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    /// Expected digests: "abc" is the NIST FIPS 180-4 example (and `printf abc | sha256sum`);
    /// the empty message is `printf '' | sha256sum`; a million 'a' is the NIST long-message
    /// vector (and `head -c 1000000 /dev/zero | tr '\0' a | sha256sum`).
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        // NIST two-block example, 448 bits (padding spills into a second block).
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // NIST 896-bit example (two whole blocks of message).
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownMessages(message: String, expected: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == expected)
    }

    @Test func millionAsInUnevenPieces() {
        var hash = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var remaining = 1_000_000
        while remaining > 0 {
            let count = min(piece.count, remaining)
            piece.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            remaining -= count
        }
        #expect(hash.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// One message of each length around the block and padding edges (55 bytes: the length fits
    /// the last block; 56 to 63: it spills into a new one; 64: a whole block). Expected digests from
    /// `head -c N /dev/zero | tr '\0' a | sha256sum`.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ])
    func lengthsAroundTheBlockEdges(length: Int, expected: String) {
        #expect(SHA256.hexDigest(of: [UInt8](repeating: UInt8(ascii: "a"), count: length)) == expected)
    }

    /// However a message is cut into pieces (empty ones included), the digest is that of the whole.
    @Test func piecesOfEverySizeGiveTheSameDigest() {
        var generator: UInt64 = 7
        let message = (0..<1_000).map { _ -> UInt8 in
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: generator >> 33)
        }
        let whole = SHA256.hexDigest(of: message)
        for pieceSize in 1...130 {
            var hash = SHA256()
            message.withUnsafeBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = min(start + pieceSize, bytes.count)
                    hash.update(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    hash.update(UnsafeRawBufferPointer(rebasing: bytes[end..<end]))
                    start = end
                }
            }
            #expect(hash.finalize() == whole, "pieces of \(pieceSize) bytes")
        }
    }

    /// Expected digests from `sha256sum Tests/CtDNAIOTests/Fixtures/small.maf` and `small.maf.gz`:
    /// the file is hashed as stored, never decompressed. (`SHA256.hexDigest(ofFile:)` is now
    /// `FileChecksum(ofFile:)`; its sizes are from `wc -c`.)
    @Test func fixtureFilesMatchSha256sum() throws {
        let plain = try FileChecksum(ofFile: IOFixture.path("small.maf"))
        #expect(plain.sha256 == "39216d9b921f96f76300e9ee73f9d3760e8e0f1b2fd4d4814cfd843d30b56086")
        #expect(plain.byteCount == 3508)
        let gzipped = try FileChecksum(ofFile: IOFixture.path("small.maf.gz"))
        #expect(gzipped.sha256 == "63d175992c1905311d0924b432950b1fa181381ece51560041958b2b9d260143")
        #expect(gzipped.byteCount == 718)
    }

    /// A file of more than one 1 MiB read: 3 MiB of 'a', digest from
    /// `head -c 3145728 /dev/zero | tr '\0' a | sha256sum`; an empty file is the empty digest.
    @Test func filesAcrossReadsAndEmptyFiles() throws {
        let folder = TemporaryFolder()
        let large = folder.file("large.txt", [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20))
        #expect(try FileChecksum(ofFile: large)
            == FileChecksum(byteCount: 3 << 20, sha256: "6f850bc94ae6f7de14297c01616c36d712d22864497b28a63b81d776b035e656"))
        #expect(try FileChecksum(ofFile: folder.file("empty.txt", []))
            == FileChecksum(byteCount: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }

    /// A `SystemError` now (it was an `InputError`), in the system's words.
    @Test func missingFileIsASystemError() {
        let error = caughtError(SystemError.self) { _ = try FileChecksum(ofFile: "/nonexistent/ctdna-no-such-file") }
        #expect(error?.description == "/nonexistent/ctdna-no-such-file: cannot open for hashing: No such file or directory")
        let folder = caughtError(SystemError.self) { _ = try FileChecksum(ofFile: "/") }
        #expect(folder?.description == "/: cannot read for hashing: Is a directory")
    }
}
