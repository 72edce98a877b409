import CtDNAIO

/// Whether a call-status value means "called" (`Yes`, `Y`, `True`, `Called` or `1`, any letter case).
/// - Parameter value: the call-status cell.
/// - Returns: `true` when the value marks a called mutation.
public func isCalled(_ value: String) -> Bool {
    switch value.trimmingWhitespace().lowercased() {
    case "yes", "y", "true", "called", "1": return true
    default: return false
    }
}

/// The reasons a mutation is not in the union of detected mutations (METHOD.md 2 and 3.1), in
/// ``MutationStatus/precedence`` order; empty when it is in the union.
///
/// - `not_detected`: AF 0 (or no AF) at both timepoints.
/// - `not_called`: some row has a call status, and no row is called. A row absent from a table
///   is not called there; the rule is skipped when neither row has a call status.
/// - `no_coverage`: a row at one timepoint has no AF (alt + ref = 0). Such a mutation has no
///   paired value and leaves the set rather than being given a 0 it was never measured at.
/// - Parameter mutation: the mutation at both timepoints.
/// - Returns: the union reasons that apply.
public func unionExclusions(_ mutation: PairedMutation) -> [MutationStatus] {
    var reasons: [MutationStatus] = []
    if !mutation.baseline.isDetected && !mutation.followup.isDetected {
        reasons.append(.notDetected)
    }
    let statuses = (mutation.baselineRecord?.callStatus, mutation.followupRecord?.callStatus)
    let anyStatus = statuses.0 != nil || statuses.1 != nil
    let anyCalled = statuses.0.map(isCalled) == true || statuses.1.map(isCalled) == true
    if anyStatus && !anyCalled {
        reasons.append(.notCalled)
    }
    if !mutation.baseline.hasCoverage || !mutation.followup.hasCoverage {
        reasons.append(.noCoverage)
    }
    return reasons
}

extension String {
    /// Whether the text, without surrounding white space and ignoring letter case, is `word`
    /// (given in lower case). ASCII text is compared byte by byte without making a string.
    func isWord(_ word: String) -> Bool {
        var isASCII = true
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while start < end, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 {
            end = utf8.index(before: end)
        }
        var candidate = utf8[start..<end].makeIterator()
        for expected in word.utf8 {
            guard let byte = candidate.next() else { return false }
            if byte >= 0x80 { isASCII = false; break }
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if lowered != expected { return false }
        }
        if isASCII {
            guard let extra = candidate.next() else { return true }
            if extra < 0x80 { return false }
        }
        return trimmingWhitespace().lowercased() == word
    }

    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
