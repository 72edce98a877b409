import CtDNAIO

/// Whether a row's annotation marks a hotspot: `IS-A-HOTSPOT` = `Y` or `hotspot_whitelist` = `TRUE`
/// (any letter case).
/// - Parameter record: a table row.
/// - Returns: `true` for a hotspot.
public func isHotspot(_ record: VariantRecord) -> Bool {
    record.hotspot?.isWord("y") == true || record.hotspotWhitelist?.isWord("true") == true
}

/// Whether a row's OncoKB `ONCOGENIC` value is exactly `Oncogenic` (any letter case).
/// - Parameter record: a table row.
/// - Returns: `true` for `Oncogenic`.
public func isOncogenic(_ record: VariantRecord) -> Bool {
    record.oncogenic?.isWord("oncogenic") == true
}

/// Whether a mutation is a driver (METHOD.md 3.3): a hotspot, or `Oncogenic` in OncoKB, or
/// `Likely Oncogenic` when `likelyOncogenicIsDriver` is set. The rows of both timepoints are
/// consulted; one annotated row is enough.
/// - Parameters:
///   - mutation: the mutation at both timepoints.
///   - likelyOncogenicIsDriver: whether `Likely Oncogenic` counts (default `false`).
/// - Returns: `true` for a driver.
public func isDriver(_ mutation: PairedMutation, likelyOncogenicIsDriver: Bool) -> Bool {
    mutation.anyRecord { record in
        if isHotspot(record) || isOncogenic(record) { return true }
        return likelyOncogenicIsDriver
            && record.oncogenic?.isWord("likely oncogenic") == true
    }
}
