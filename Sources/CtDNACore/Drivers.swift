import CtDNAModel

/// Whether a row's annotation marks a hotspot: `IS-A-HOTSPOT` = `Y` or `hotspot_whitelist` = `TRUE`
/// (any letter case).
/// - Parameter record: a table row.
/// - Returns: `true` for a hotspot.
public func isHotspot(_ record: VariantRecord) -> Bool {
    record.hotspot.map { CellText.isWord($0, "y") } == true
        || record.hotspotWhitelist.map { CellText.isWord($0, "true") } == true
}

/// Whether a row's OncoKB `ONCOGENIC` value is exactly `Oncogenic` (any letter case).
/// - Parameter record: a table row.
/// - Returns: `true` for `Oncogenic`.
public func isOncogenic(_ record: VariantRecord) -> Bool {
    record.oncogenic.map { CellText.isWord($0, "oncogenic") } == true
}

/// Whether a mutation is a driver (docs/method.md §4): a hotspot, or `Oncogenic` in OncoKB, or
/// `Likely Oncogenic` when `likelyOncogenicIsDriver` is set. The rows of every timepoint are
/// consulted; one annotated row is enough.
/// - Parameters:
///   - mutation: the mutation across the series.
///   - likelyOncogenicIsDriver: whether `Likely Oncogenic` counts (default `false`).
/// - Returns: `true` for a driver.
public func isDriver(_ mutation: SeriesMutation, likelyOncogenicIsDriver: Bool) -> Bool {
    mutation.anyRecord { record in
        if isHotspot(record) || isOncogenic(record) { return true }
        return likelyOncogenicIsDriver
            && record.oncogenic.map { CellText.isWord($0, "likely oncogenic") } == true
    }
}
