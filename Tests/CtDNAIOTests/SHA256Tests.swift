import Testing
@testable import CtDNAIO

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

    /// Expected digests from `sha256sum Tests/CtDNAIOTests/Fixtures/small.maf` and `small.maf.gz`:
    /// the file is hashed as stored, never decompressed.
    @Test func fixtureFilesMatchSha256sum() throws {
        #expect(try SHA256.hexDigest(ofFile: Fixture.path("small.maf"))
            == "39216d9b921f96f76300e9ee73f9d3760e8e0f1b2fd4d4814cfd843d30b56086")
        #expect(try SHA256.hexDigest(ofFile: Fixture.path("small.maf.gz"))
            == "63d175992c1905311d0924b432950b1fa181381ece51560041958b2b9d260143")
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError.self) {
            try SHA256.hexDigest(ofFile: "/nonexistent/ctdna-no-such-file")
        }
    }
}
