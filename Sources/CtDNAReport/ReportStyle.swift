/// The inline style sheet of `report.html`: a clean sans-serif page that also prints well.
enum ReportStyle {
    /// The CSS, with one colour rule per arm.
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
        svg { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; font-size: 11px;
          font-family: inherit; overflow: visible; }
        svg text { fill: var(--ink); }
        .panel-title { font-size: 13px; font-weight: 600; }
        .panel-subtitle { font-size: 12px; fill: var(--muted); }
        .axis line { stroke: #6b757c; stroke-width: 1; }
        .axis text { fill: var(--muted); }
        .axis-title { font-size: 11.5px; }
        .zero-floor { stroke: #8a949b; stroke-width: 1; stroke-dasharray: 4 3; }
        .floor-label { font-size: 10px; fill: var(--muted); font-style: italic; }
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
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; }
        .table-wrap { overflow-x: auto; margin: 8px 0 4px; }
        table { border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; }
        th, td { padding: 3px 9px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; white-space: nowrap; }
        th { background: #eef1f3; font-weight: 600; position: sticky; top: 0; }
        td.num { text-align: right; }
        td.wrap { white-space: normal; }
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
          svg { border-color: #bbbbbb; }
        }
        \(Palette.armRules(armCount: armCount))
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
        .km-risk text.km-risk-title { font-weight: 600; fill: var(--muted); }
        .km-risk text.km-risk-group { font-weight: 600; }
        rect.swim-bar { stroke: none; }
        .swim-label { font-size: 10px; fill: var(--muted); }
        circle.swim-event { fill: var(--ink); stroke: #ffffff; stroke-width: 0.8; }
        circle.swim-censored { fill: #ffffff; stroke: var(--ink); stroke-width: 1.2; }
        """
    }
}
