/// The style sheets of the reports: the page's (`report.html`) and the figures' (every `<svg>`
/// a plot draws).
///
/// One definition: ``figureCSS(armCount:)`` holds every rule a plot needs, written with literal
/// colours (no CSS variables, which drawing programs ignore) and plain class selectors; each
/// plot embeds it in its own `<style>` (``SVGElement/document(width:height:title:armCount:children:)``),
/// and ``css(armCount:)`` is the page's own rules followed by the same text. Inside the page every
/// inline `<style>` applies to the whole page, so the page holds the figure rules several times
/// over; the copies are identical, so they change nothing. The few page rules that must differ
/// from a standalone figure (the panel frame, the page's font in plots, no white background
/// over the panel colour) select `main svg ...`, more specific than any figure rule, so they win
/// wherever the copies stand.
public enum ReportStyle {
    /// The font stack of standalone figures: fonts journals accept, then the generic family.
    public static let figureFontFamily = #""Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif"#

    /// The rules every plot needs: text, axes, marks, the arm colours (``Palette/armRules(armCount:)``)
    /// and the response colours (``ResponsePalette``); also the figure's font stack
    /// (``figureFontFamily``) and size on `svg`.
    ///
    /// Invariant: every selector names a class or an SVG element, never an HTML one, and no rule
    /// sets a property that the page's `main svg` rules set, so the page keeps its look.
    /// - Parameter armCount: how many arms the run has (at least one arm rule is written).
    public static func figureCSS(armCount: Int) -> String {
        """
        svg { font-family: \(figureFontFamily); font-size: 11px; }
        svg text { fill: #1d2327; }
        .panel-title { font-size: 13px; font-weight: 600; }
        .panel-subtitle { font-size: 12px; fill: #5f6b73; }
        .axis line { stroke: #6b757c; stroke-width: 1; }
        .axis text { fill: #5f6b73; }
        .axis-title { font-size: 11.5px; }
        .zero-floor { stroke: #8a949b; stroke-width: 1; stroke-dasharray: 4 3; }
        .floor-label { font-size: 10px; fill: #5f6b73; font-style: italic; }
        .zero-line { stroke: #6b757c; stroke-width: 1; }
        .patient-line { fill: none; stroke-width: 1.4; stroke-opacity: 0.75; }
        .point { stroke: #ffffff; stroke-width: 0.8; }
        .median-line { stroke: #000000; stroke-width: 4; stroke-linecap: round; stroke-opacity: 0.85; }
        .bar { stroke: none; }
        .box-body { fill: #ffffff; fill-opacity: 0.6; stroke: #30373c; stroke-width: 1.2; }
        .box-median { stroke: #000000; stroke-width: 2.5; }
        .whisker { stroke: #30373c; stroke-width: 1; }
        .dot { stroke: #ffffff; stroke-width: 0.8; fill-opacity: 0.9; }
        .legend text { font-size: 11.5px; }
        \(Palette.armRules(armCount: armCount))
        rect.bar.capped { fill-opacity: 0.45; }
        .cap-line { stroke: #8a949b; stroke-width: 1; stroke-dasharray: 2 3; }
        path.cap-marker { fill: #1d2327; stroke: #ffffff; stroke-width: 0.6; }
        line.both-zero { stroke: #8a949b; stroke-width: 3; }
        .figure-caption text { font-size: 10.5px; fill: #5f6b73; }
        .resp-responder { stroke: #009E73; fill: #009E73; }
        .resp-non-responder { stroke: #E69F00; fill: #E69F00; }
        .resp-not-evaluable { stroke: #999999; fill: #999999; }
        .resp-all { stroke: #000000; fill: #000000; }
        .km-other-0 { stroke: #0072B2; fill: #0072B2; }
        .km-other-1 { stroke: #CC79A7; fill: #CC79A7; }
        .km-other-2 { stroke: #56B4E9; fill: #56B4E9; }
        .km-other-3 { stroke: #D55E00; fill: #D55E00; }
        polyline.km-curve { fill: none; stroke-width: 2; stroke-linejoin: miter; }
        path.km-censor { fill: none; stroke-width: 1.3; }
        line.km-swatch { stroke-width: 2.5; }
        .km-risk text { font-size: 10.5px; font-variant-numeric: tabular-nums; stroke: none; }
        .km-risk text.km-risk-title { font-weight: 600; fill: #5f6b73; }
        .km-risk text.km-risk-group { font-weight: 600; }
        rect.swim-bar { stroke: none; }
        .swim-label { font-size: 10px; fill: #5f6b73; }
        circle.swim-event { fill: #1d2327; stroke: #ffffff; stroke-width: 0.8; }
        circle.swim-censored { fill: #ffffff; stroke: #1d2327; stroke-width: 1.2; }
        """
    }

    /// The page's CSS: its own rules (layout, tables, the panel frame, print), then
    /// ``figureCSS(armCount:)``.
    /// - Parameter armCount: how many arms the run has.
    static func css(armCount: Int) -> String {
        """
        :root { --ink: #1d2327; --muted: #5f6b73; --rule: #d8dde1; --panel: #fbfcfd; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #ffffff;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 64px; }
        header { border-bottom: 2px solid var(--ink); margin-bottom: 20px; padding-bottom: 10px; }
        h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
        h2 { font-size: 19px; margin: 34px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 15px; margin: 18px 0 6px; color: var(--muted); }
        p { margin: 6px 0; }
        .meta, .caption { color: var(--muted); font-size: 13.5px; }
        .counts { display: flex; gap: 14px; flex-wrap: wrap; margin: 12px 0; }
        .count { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; background: var(--panel); min-width: 120px; }
        .count b { display: block; font-size: 22px; }
        .panels { display: flex; flex-wrap: wrap; gap: 12px; }
        main svg { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; font-size: 11px;
          font-family: inherit; overflow: visible; }
        main svg rect.figure-background { fill: none; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
        .table-wrap { overflow-x: auto; margin: 8px 0 4px; }
        table { border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; }
        th, td { padding: 3px 9px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; white-space: nowrap; }
        th { background: #eef1f3; font-weight: 600; position: sticky; top: 0; }
        td.num { text-align: right; }
        td.wrap { white-space: normal; }
        table.statistics { font-size: 12px; }
        table.statistics th, table.statistics td { white-space: normal; padding: 3px 3px; }
        table.statistics td.num { white-space: nowrap; }
        tbody tr:nth-child(even) { background: #f7f9fa; }
        code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
        nav { font-size: 13.5px; margin: 6px 0 0; }
        nav a { color: #0072B2; text-decoration: none; margin-right: 12px; }
        @media print {
          body { font-size: 11px; }
          main { max-width: none; padding: 0; }
          nav { display: none; }
          h2 { break-after: avoid; }
          section, svg, table { break-inside: avoid; }
          .table-wrap { overflow: visible; }
          th { position: static; }
          main svg { border-color: #bbbbbb; }
        }
        \(figureCSS(armCount: armCount))
        """
    }
}
