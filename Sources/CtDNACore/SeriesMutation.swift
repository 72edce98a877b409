import CtDNAModel

/// One mutation of a patient with its row and observation at every timepoint of the series
/// (docs/method.md, "Union").
public struct SeriesMutation: Sendable, Equatable {
    /// The mutation's identity.
    public var key: MutationKey
    /// Each timepoint's table row, in series order; `nil` where the table lacks the mutation.
    public var records: [VariantRecord?]
    /// Each timepoint's observation, in series order; a missing row is an imputed zero.
    public var observations: [AlleleObservation]

    /// Creates a mutation of a series.
    /// - Parameters:
    ///   - key: The mutation key.
    ///   - records: One row (or `nil`) per timepoint.
    ///   - observations: One observation per timepoint, as many as `records`.
    public init(key: MutationKey, records: [VariantRecord?], observations: [AlleleObservation]) {
        precondition(records.count == observations.count, "one observation per timepoint")
        self.key = key
        self.records = records
        self.observations = observations
    }

    /// Whether a row that exists for this mutation satisfies `predicate` (rows in series order).
    public func anyRecord(_ predicate: (VariantRecord) -> Bool) -> Bool {
        records.contains { record in record.map(predicate) ?? false }
    }

    /// The first value `field` has among the rows, in series order.
    public func firstValue<Value>(_ field: (VariantRecord) -> Value?) -> Value? {
        for record in records {
            if let record, let value = field(record) { return value }
        }
        return nil
    }

    /// The gene symbol of the first row that has one.
    public var gene: String? { firstValue { $0.gene } }

    /// The protein change (`HGVSp_Short`) of the first row that has one.
    public var proteinChange: String? { firstValue { $0.proteinChange } }

    /// The variant classification of the first row that has one.
    public var variantClassification: String? { firstValue { $0.variantClassification } }
}

/// Every mutation seen in any timepoint's table, each with its observation at every
/// timepoint, in ``MutationKey`` order (docs/method.md, "Union", before any mutation leaves
/// the set), and the keys each table lists more than once.
///
/// A mutation absent from a table gets ``AlleleObservation/absent`` there (AF 0,
/// `imputed_zero`); a table that lists a mutation twice contributes its first row. Each
/// table's rows are put in key order (a table already in order, as callers write them, is
/// only checked) and the orders are merged: no hashing of keys.
/// - Parameters:
///   - tables: The tables of the series, in timepoint order.
///   - minAltReads: The minimum-alt-reads rule applied to every row.
/// - Returns: One mutation per distinct key, sorted by key; and per table, its repeated keys.
public func mergeSeries(
    _ tables: [[VariantRecord]], minAltReads: Int
) -> (mutations: [SeriesMutation], repeated: [Set<MutationKey>]) {
    let keys = tables.map { $0.map { $0.key } }
    let orders = keys.map(firstRowsInKeyOrder)
    var cursors = Array(repeating: 0, count: tables.count)
    var mutations: [SeriesMutation] = []
    mutations.reserveCapacity(orders.map(\.order.count).max() ?? 0)
    while true {
        // The smallest key at the head of any table is the next mutation.
        var next: MutationKey?
        for table in tables.indices where cursors[table] < orders[table].order.count {
            let key = keys[table][orders[table].order[cursors[table]]]
            if next.map({ key < $0 }) ?? true { next = key }
        }
        guard let key = next else { break }
        var records: [VariantRecord?] = []
        var observations: [AlleleObservation] = []
        records.reserveCapacity(tables.count)
        observations.reserveCapacity(tables.count)
        for table in tables.indices {
            let cursor = cursors[table]
            if cursor < orders[table].order.count, case let row = orders[table].order[cursor], keys[table][row] == key {
                let record = tables[table][row]
                records.append(record)
                observations.append(observeAlleleFraction(record, minAltReads: minAltReads))
                cursors[table] += 1
            } else {
                records.append(nil)
                observations.append(.absent)
            }
        }
        mutations.append(SeriesMutation(key: key, records: records, observations: observations))
    }
    return (mutations, orders.map(\.repeated))
}

/// The indices of a table's rows in key order, one per distinct key (its first row), and the
/// keys that appear on more than one row.
/// - Parameter keys: The rows' keys, in row order.
func firstRowsInKeyOrder(_ keys: [MutationKey]) -> (order: [Int], repeated: Set<MutationKey>) {
    var order = Array(keys.indices)
    let inOrder = keys.indices.dropFirst().allSatisfy { !(keys[$0] < keys[$0 - 1]) }
    if !inOrder {
        // Stable, so that among equal keys the first row comes first.
        order.sort { l, r in keys[l] < keys[r] || (keys[l] == keys[r] && l < r) }
    }
    var unique: [Int] = []
    unique.reserveCapacity(order.count)
    var repeated: Set<MutationKey> = []
    for index in order {
        if let last = unique.last, keys[last] == keys[index] {
            repeated.insert(keys[index])
        } else {
            unique.append(index)
        }
    }
    return (unique, repeated)
}
