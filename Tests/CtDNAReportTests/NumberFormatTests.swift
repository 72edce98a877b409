import Testing
@testable import CtDNAReport

/// ``NumberFormat/withReal(_:_:)``, the fast path `ctdna view` writes allele fractions with, gives
/// the bytes of ``NumberFormat/real(_:)`` (the `String` every other table uses), value for value.
@Suite struct NumberFormatTests {
    @Test func theBytesWithoutAStringAreTheString() {
        var values: [Double?] = [nil, .nan, .infinity, -.infinity, 0, -0.0, 1, -1, 0.5, 0.1, 1e-20, 1e22, 123456789012345680,
                                 .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -2.2250738585072014e-308]
        // Allele fractions as the readers compute them, alt / (alt + ref), over small and large depths.
        for alt in 0...60 { for ref in 0...60 where alt + ref > 0 { values.append(Double(alt) / Double(alt + ref)) } }
        for depth in stride(from: 1000, through: 20000, by: 997) { values.append(7.0 / Double(depth)) }
        // Any bit pattern that is a finite number (a fixed walk through them, the same every run).
        var bits: UInt64 = 0x0123_4567_89AB_CDEF
        for _ in 0..<20000 {
            bits = bits &* 6364136223846793005 &+ 1442695040888963407
            values.append(Double(bitPattern: bits))
        }
        var mismatches: [String] = []
        for value in values {
            let bytes = NumberFormat.withReal(value) { Array($0) }
            let text = NumberFormat.real(value)
            if bytes != Array(text.utf8) { mismatches.append("\(text) was \(String(decoding: bytes, as: UTF8.self))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        // The first line of the benchmarks' large VCF, alt 2487 and ref 2405, as ctdna view printed it before this path.
        #expect(NumberFormat.withReal(2487.0 / 4892.0) { Array($0) } == Array("0.508381030253475".utf8))
    }
}
