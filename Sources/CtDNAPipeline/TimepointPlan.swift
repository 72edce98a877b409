import CtDNAIO
import CtDNAModel

/// Which timepoints a run analyses, in what order, and which pairs of them it tests
/// (docs/method.md §11).
///
/// Invariants: ``timepoints`` are distinct and each appears in the sheet; every pair of
/// ``pairs`` is made of two of them, and no pair appears twice; ``titles`` has one title per
/// timepoint.
public struct TimepointPlan: Sendable, Equatable {
    /// The analysed timepoints, in the run's order: the columns of `patients.tsv` and `audit.tsv`.
    public var timepoints: [Timepoint]
    /// How figures and tables title each timepoint: `Baseline` and `Follow-up` for theirs, the
    /// sheet's own label (as first written) for any other.
    public var titles: [String]
    /// The tested pairs; the first is the run's main pair (molecular response, survival landmark).
    public var pairs: [TimepointPair]

    /// Plans a run over a sheet.
    ///
    /// The order: `chosen` when given (which also leaves out the sheet's other timepoints);
    /// otherwise, when each timepoint has a `day` on at least one row, timepoints by the median
    /// day of their rows that have one (a tie keeps the order of first appearance); otherwise
    /// baseline first and the rest in order of first appearance in the sheet. (Each patient's
    /// own series is ordered apart, by ``seriesOrder(_:)``.) The pairs: `compare` when given; otherwise
    /// baseline against follow-up when both are analysed, else the first two timepoints.
    /// - Parameters:
    ///   - sheet: The validated sheet.
    ///   - chosen: Timepoint labels to analyse, in order (`--timepoints`), or `nil` for all.
    ///   - compare: Pairs of labels to test (`--compare first:second`), in order.
    ///   - labels: How labels map to timepoints.
    /// - Throws: `InputError` naming the sheet for a chosen or compared label the sheet does not
    ///   have, a label chosen twice, a pair of one timepoint, or a pair named twice.
    public init(sheet: SampleSheet, chosen: [String]?, compare: [(String, String)], labels: TimepointLabels) throws {
        var inSheet: [Timepoint] = []
        var firstLabel: [Timepoint: String] = [:]
        var days: [Timepoint: [Double]] = [:]
        for entry in sheet.entries {
            if firstLabel[entry.timepoint] == nil {
                inSheet.append(entry.timepoint)
                firstLabel[entry.timepoint] = entry.timepointLabel
            }
            if let day = entry.day { days[entry.timepoint, default: []].append(day) }
        }
        // The message lists the sheet's timepoints in the order known so far: the sheet's for
        // --timepoints, the run's for --compare.
        func resolve(_ label: String, option: String, listing: [Timepoint]) throws -> Timepoint {
            guard let timepoint = labels.namedTimepoint(label), firstLabel[timepoint] != nil else {
                let listed = listing.map(\.name).joined(separator: ", ")
                throw InputError(file: sheet.path, column: "timepoint", message: "\(option) names \"\(label)\", a timepoint the sheet does not have; its timepoints are: \(listed)")
            }
            return timepoint
        }
        if let chosen {
            var picked: [Timepoint] = []
            for label in chosen {
                let timepoint = try resolve(label, option: "--timepoints", listing: inSheet)
                guard !picked.contains(timepoint) else {
                    throw InputError(file: sheet.path, column: "timepoint", message: "--timepoints names \(timepoint.name) twice")
                }
                picked.append(timepoint)
            }
            timepoints = picked
        } else if inSheet.allSatisfy({ days[$0] != nil }) {
            let median = Dictionary(uniqueKeysWithValues: inSheet.map { ($0, Averages.median(days[$0] ?? []) ?? 0) })
            timepoints = inSheet.enumerated().sorted { a, b in
                median[a.element]! != median[b.element]! ? median[a.element]! < median[b.element]! : a.offset < b.offset
            }.map(\.element)
        } else {
            timepoints = inSheet.filter { $0 == .baseline } + inSheet.filter { $0 != .baseline }
        }
        let builtIn = TimepointLabels()
        titles = timepoints.map { timepoint in
            switch builtIn.timepoint(of: firstLabel[timepoint]!) {
            case .baseline?: return "Baseline"
            case .followup?: return "Follow-up"
            default: return firstLabel[timepoint]!
            }
        }
        var pairs: [TimepointPair] = []
        for (first, second) in compare {
            let runOrder = timepoints
            let inRunOrder = runOrder + inSheet.filter { !runOrder.contains($0) }
            let a = try resolve(first, option: "--compare", listing: inRunOrder)
            let b = try resolve(second, option: "--compare", listing: inRunOrder)
            guard timepoints.contains(a), timepoints.contains(b) else {
                throw InputError(file: sheet.path, column: "timepoint", message: "--compare \(first):\(second) names a timepoint that --timepoints leaves out")
            }
            guard a != b else {
                throw InputError(file: sheet.path, column: "timepoint", message: "--compare \(first):\(second) compares \(a.name) with itself")
            }
            let pair = TimepointPair(a, b)
            guard !pairs.contains(pair) else {
                throw InputError(file: sheet.path, column: "timepoint", message: "--compare names \(pair) twice")
            }
            pairs.append(pair)
        }
        if pairs.isEmpty {
            if timepoints.contains(.baseline) && timepoints.contains(.followup) {
                pairs = [.baselineFollowup]
            } else if timepoints.count >= 2 {
                pairs = [TimepointPair(timepoints[0], timepoints[1])]
            }
        }
        self.pairs = pairs
    }

    /// The main pair: the first tested, or `nil` when fewer than two timepoints are analysed.
    public var mainPair: TimepointPair? { pairs.first }

    /// A patient's timepoints in the order its series is analysed: by `day` when each of its
    /// rows has one (equal days keep sheet order), otherwise in the run's order.
    /// - Parameter rows: The patient's rows of analysed timepoints, in sheet order.
    /// - Returns: The rows in series order.
    public func seriesOrder(_ rows: [SampleEntry]) -> [SampleEntry] {
        if rows.allSatisfy({ $0.day != nil }) {
            return rows.enumerated().sorted { a, b in
                a.element.day! != b.element.day! ? a.element.day! < b.element.day! : a.offset < b.offset
            }.map(\.element)
        }
        let place = Dictionary(uniqueKeysWithValues: timepoints.enumerated().map { ($1, $0) })
        return rows.sorted { place[$0.timepoint]! < place[$1.timepoint]! }
    }
}
