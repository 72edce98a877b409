/// The colours of the reports: the Okabe-Ito palette, which colour-blind readers can tell apart.
public enum Palette {
    /// Okabe-Ito colours in the order arms receive them (blue, vermillion, bluish green,
    /// reddish purple, orange, sky blue, black); more arms reuse them from the start.
    public static let armColours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The CSS class of an arm's marks: `arm-<index in the sorted arm list>`.
    /// - Parameters:
    ///   - arm: the arm.
    ///   - arms: every arm of the run, sorted.
    public static func armClass(_ arm: String, among arms: [String]) -> String {
        "arm-\(arms.firstIndex(of: arm) ?? 0)"
    }

    /// CSS rules giving each arm class its colour: strokes for lines, fills for points and bars.
    /// - Parameter armCount: how many arms the run has.
    public static func armRules(armCount: Int) -> String {
        (0..<max(armCount, 1)).map { index in
            let colour = armColours[index % armColours.count]
            return ".arm-\(index) { stroke: \(colour); }\n"
                + "circle.arm-\(index), rect.arm-\(index), .swatch.arm-\(index) { fill: \(colour); background: \(colour); }"
        }.joined(separator: "\n")
    }
}
