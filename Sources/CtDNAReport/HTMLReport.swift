import CtDNACore
import CtDNAModel
import CtDNAStats

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no network) with the
/// paired plots, the changes, every table, the parameters and the inputs of a run.
///
/// The page is byte-stable: it holds no date, no random identifier, and lists everything in a
/// fixed order (document order, or sorted by code points).
public enum HTMLReport {
    /// Renders the page.
    /// - Parameter document: the run.
    /// - Returns: the whole HTML document, ending in a newline.
    public static func render(_ document: RunDocument) -> String {
        var html = ""
        forEachSection(of: document) { html += $0 }
        return html
    }

    /// Writes the page to `sink` one section at a time, so that the whole page is never held
    /// at once (a large cohort's page holds every patient several times over).
    /// - Throws: `InputError` when writing fails.
    public static func write(_ document: RunDocument, to sink: ByteSink) throws {
        try forEachSection(of: document) { section in
            var section = section
            try section.withUTF8 { try sink.write(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// The page's text in order, section by section.
    private static func forEachSection(of document: RunDocument, _ body: (String) throws -> Void) rethrows {
        let title = "\(document.toolName) report"
        try body("""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MarkupEscaping.escape(title))</title>
        <style>
        \(ReportStyle.css(armCount: document.arms.count))
        </style>
        </head>
        <body>
        <main>

        """)
        try body(header(document))
        try body(summary(document))
        // Each tested pair's plots, from the document focused on it; a run without a pair
        // (one timepoint) shows the sections empty, saying why.
        for pair in document.pairs.isEmpty ? [nil] : document.pairs.map(Optional.some) {
            let view = pair.map(document.focused(on:)) ?? document
            for metric in document.metrics {
                try body(pairedSection(view, metric: metric))
            }
            try body(waterfallSection(view))
            try body(changeSection(view))
        }
        if document.tumourInformed { try body(tumourInformedSection(document.pairs.first.map(document.focused(on:)) ?? document)) }
        if document.drawsTrajectories { try body(trajectorySection(document)) }
        if !document.mutationSeries.isEmpty { try body(mutationSection(document)) }
        try body(tablesSections(document))
        try body("</main>\n</body>\n</html>\n")
    }

    /// The title, tool and version, and a table of contents.
    static func header(_ document: RunDocument) -> String {
        let links = [
            ("summary", "Summary"), ("paired-ctdna_fraction", "ctDNA fraction"), ("paired-median_af", "Median AF"),
        ] + (document.tumourInformed ? [
            ("paired-tumour_informed_fraction", "Tumour-informed"), ("tumour-informed", "Tumour-informed vs plasma"),
        ] : []) + [
            ("waterfall", "Waterfall"), ("change", "Change per arm"),
        ] + document.pairs.dropFirst().map { pair in
            let view = document.focused(on: pair)
            return ("paired-ctdna_fraction" + view.sectionSuffix, "\(view.pairWords.second) vs \(view.pairWords.first)")
        } + (document.drawsTrajectories ? [("trajectories", "Trajectories")] : [])
            + (document.mutationSeries.isEmpty ? [] : [("mutations", "Mutations")])
            + [("statistics", "Statistics"), ("patients", "Patients")] + (document.survival.isEmpty ? [] : [("survival", "Survival")]) + [
            ("exclusions", "Exclusions"), ("filters", "Filters"), ("parameters", "Parameters"), ("inputs", "Inputs"),
        ]
        return """
        <header>
        <h1>ctDNA dynamics: \(escape(headline(document)))</h1>
        <p class="meta">\(escape(document.toolName)) \(escape(document.version)) · \(escape(document.generatedBy))</p>
        <nav>\(links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined())</nav>
        </header>

        """
    }

    /// What the page compares: `baseline vs follow-up` for the default pair alone, otherwise the
    /// run's timepoints in order (`Baseline, Week 8, progression`).
    static func headline(_ document: RunDocument) -> String {
        if document.pairs == [.baselineFollowup] && document.timepoints == Timepoint.pair { return "baseline vs follow-up" }
        return document.seriesTitles.joined(separator: ", ")
    }

    /// Patient counts overall and per (cohort, arm).
    static func summary(_ document: RunDocument) -> String {
        let counts = document.statusCounts
        var html = """
        <section id="summary">
        <h2>Summary</h2>
        <div class="counts">
        <div class="count"><b>\(document.patients.count)</b>patients</div>
        <div class="count"><b>\(counts.paired)</b>paired</div>
        <div class="count"><b>\(counts.singleSample)</b>single sample</div>
        <div class="count"><b>\(counts.notDetected)</b>not detected</div>
        \(counts.excluded > 0 ? "<div class=\"count\"><b>\(counts.excluded)</b>excluded</div>\n" : "")</div>
        <p class="caption">Paired patients have two or more plasma samples and at least one somatic mutation; \
        single-sample patients have values at their one timepoint and enter no test; not detected patients have \
        no mutation left after filtering (ctDNA fraction 0 at every timepoint) and are still tested; a patient \
        without a sample at either timepoint of a tested pair is left out of that pair (see the excluded patients).</p>

        """
        let rows = document.groups.map { group -> [String] in
            let inGroup = document.patients.filter { $0.cohort == group.cohort && $0.arm == group.arm }
            let p = inGroup.filter { $0.status == .paired }.count
            let s = inGroup.filter { $0.status == .singleSample }.count
            let n = inGroup.filter { $0.status == .notDetected }.count
            return [group.cohort, group.arm, String(p), String(s), String(n), String(inGroup.count)]
        }
        html += HTMLTable.table(
            header: ["cohort", "arm", "paired", "single_sample", "not_detected", "total"], rows: rows, className: "group-counts")
        let responses = MolecularResponse.allCases
        let responseRows = document.groups.map { group -> [String] in
            let inGroup = document.patients.filter { $0.cohort == group.cohort && $0.arm == group.arm }
            return [group.cohort, group.arm] + responses.map { response in
                String(inGroup.filter { $0.molecularResponse == response }.count)
            }
        }
        html += "\n<h3>Molecular response</h3>\n<p class=\"caption\">Patients by their change over the tested pair (docs/method.md §10).</p>\n"
        html += HTMLTable.table(
            header: ["cohort", "arm"] + responses.map(\.rawValue), rows: responseRows, className: "response-counts")
        if !document.warnings.isEmpty {
            html += "\n<h3>Warnings</h3>\n<ul class=\"warnings\">\n"
            for warning in document.warnings { html += "<li>\(escape(warning))</li>\n" }
            html += "</ul>"
        }
        return html + "\n</section>\n"
    }

    /// What a figure section says instead of empty panels when no patient is in the paired analysis.
    static let nothingToDraw = "<p class=\"caption\">Nothing to draw: no patient is in the paired analysis "
        + "(every one is excluded: see the warnings and the statuses in the patient table).</p>"

    /// The paired panels of one metric.
    static func pairedSection(_ document: RunDocument, metric: Metric) -> String {
        let words = document.pairWords
        let panels = document.pairedSummaries.isEmpty
            ? nothingToDraw : PairedPlot.panels(document, metric: metric).map { $0.render() }.joined(separator: "\n")
        return """
        <section id="paired-\(metric.rawValue)\(document.sectionSuffix)">
        <h2>\(escape(metric.title)): \(escape(words.first)) vs \(escape(words.second))</h2>
        <p class="caption">One line per patient from \(escape(words.first)) (left) to \(escape(words.second)) (right); log scale. Values of 0 \
        are drawn on the dashed floor (0 / not detected), a factor of \(Int(ZeroFloorScale.floorFactor)) below the \
        smallest non-zero value; all panels share the scale. The thick black line joins the group medians. \
        p: Wilcoxon signed-rank test of \(escape(words.second)) against \(escape(words.first)) (alternative hypothesis as in the statistics table).</p>
        <div class="panels">
        \(panels)
        </div>
        </section>

        """
    }

    /// Every patient's trajectory of each metric over the run's timepoints, per cohort and arm.
    static func trajectorySection(_ document: RunDocument) -> String {
        var html = """
        <section id="trajectories">
        <h2>Trajectories over \(document.timepoints.count) timepoints</h2>
        <p class="caption">One faint line per patient through the timepoints it was sampled at (x: days from the \
        sheet's origin when every draw has one, else the timepoints in order; a patient with one value is a dot); \
        the thick line joins the group medians at each timepoint. Log scale, 0 on the dashed floor; all panels share \
        both axes.</p>

        """
        for metric in document.metrics {
            let panels = TrajectoryPlot.panels(
                document.trajectories(of: metric), metric: metric, timepointTitles: document.seriesTitles,
                groups: document.groups, arms: document.arms)
            html += "<h3>\(escape(metric.title))</h3>\n<div class=\"panels\">\n"
            html += panels.map { $0.render() }.joined(separator: "\n") + "\n</div>\n"
        }
        return html + "</section>\n"
    }

    /// Each patient's mutations over time: the first page on the page, every page as a file.
    static func mutationSection(_ document: RunDocument) -> String {
        // The first page only: the page holds one, figures/ every one.
        let pages = MutationTrajectoryPlot.pages(document.mutationPageOrder, timepointTitles: document.seriesTitles, limit: 1)
        let pageCount = MutationTrajectoryPlot.pageCount(document.mutationSeries.count)
        let more = pageCount > 1
            ? " This is page 1 of \(pageCount); every page is in <code>figures/mutations_page*.svg</code>."
            : ""
        return """
        <section id="mutations">
        <h2>Mutations per patient</h2>
        <p class="caption">\(escape(MutationTrajectoryPlot.caption()))\(more)</p>
        <div class="panels">
        \(pages.first?.render() ?? "")
        </div>
        </section>

        """
    }

    /// The waterfall of the ctDNA fraction's change.
    static func waterfallSection(_ document: RunDocument) -> String {
        let words = document.pairWords
        let panels = document.pairedSummaries.isEmpty
            ? nothingToDraw
            : WaterfallPlot.panels(document, metric: .ctDNAFraction, change: document.changeMeasure)
                .map { $0.render() }.joined(separator: "\n")
        let measure = document.changeMeasure == .log2Ratio
            ? "log2 ratio \(words.second) / \(words.first) of the ctDNA fraction (patients cleared to 0, or appearing from 0, at a marked cap)"
            : "difference \(words.second) − \(words.first) of the ctDNA fraction"
        return """
        <section id="waterfall\(document.sectionSuffix)">
        <h2>Change in ctDNA fraction per patient\(document.sectionSuffix.isEmpty ? "" : ", " + escape(words.first) + " to " + escape(words.second))</h2>
        <p class="caption">The \(measure), sorted from the largest rise to the largest fall; colour is the arm; the \
        percent change is in each bar's tooltip.</p>
        <div class="panels">
        \(panels)
        </div>
        </section>

        """
    }

    /// Box plots of the change per arm within each cohort, for every metric.
    static func changeSection(_ document: RunDocument) -> String {
        let words = document.pairWords
        var html = """
        <section id="change\(document.sectionSuffix)">
        <h2>Change per arm\(document.sectionSuffix.isEmpty ? "" : ", " + escape(words.first) + " to " + escape(words.second))</h2>
        <p class="caption">\(document.changeMeasure == .log2Ratio ? "Log2 ratio \(escape(words.second)) / \(escape(words.first))" : "Difference \(escape(words.second)) − \(escape(words.first))") \
        per patient; box from the first to the third quartile, line at the median, whiskers to the extremes, one \
        mark per patient. p: Wilcoxon rank-sum test comparing the arms' differences (\(escape(words.second)) − \(escape(words.first)), as in \
        stats.tsv).</p>

        """
        guard !document.pairedSummaries.isEmpty else { return html + nothingToDraw + "\n</section>\n" }
        for metric in document.metrics {
            let panels = ChangeBoxPlot.panels(document, metric: metric, change: document.changeMeasure)
                .map { $0.render() }.joined(separator: "\n")
            html += "<h3>\(escape(metric.title))</h3>\n<div class=\"panels\">\n\(panels)\n</div>\n"
        }
        return html + "</section>\n"
    }

    /// The tumour-informed fraction against the plasma-only one (runs with tissue copy numbers).
    static func tumourInformedSection(_ document: RunDocument) -> String {
        let figure = document.pairedSummaries.isEmpty ? nothingToDraw : TumourInformedScatter.panel(document).render()
        return """
        <section id="tumour-informed">
        <h2>Tumour-informed vs plasma-only ctDNA fraction</h2>
        <p class="caption">\(escape(TumourInformedScatter.caption(document)))</p>
        <div class="panels">
        \(figure)
        </div>
        </section>

        """
    }

    /// Which tests formed one Benjamini-Hochberg family, and why, for the statistics caption.
    static func familyText(_ document: RunDocument) -> String {
        if document.fdrFamily == .metric {
            return "the tests of each metric apart (--fdr-family metric)"
        }
        return "every test of the report as one family: the pooled rows reuse the per-arm patients and the two "
            + "metrics share their mutations, so the tests are not independent and one family is the conservative "
            + "choice (--fdr-family metric makes each metric a family)"
    }

    /// Statistics, patients, exclusions, filters, parameters and inputs.
    static func tablesSections(_ document: RunDocument) -> String {
        var html = """
        <section id="statistics">
        <h2>Statistics</h2>
        <p class="caption">Every test of the run (the columns of stats.tsv; numbers to 4 significant digits, \
        the full value when pointed at). q: Benjamini-Hochberg over \(familyText(document)).</p>
        \(HTMLTable.fromTSV(StatisticsTable.tsv(document.statistics), className: "statistics", readable: true))
        </section>
        <section id="patients">
        <h2>Patients</h2>
        <p class="caption">The columns of patients.tsv.</p>
        \(HTMLTable.fromTSV(
            PatientTables.patientsTSV(
                document.patients, covariateColumns: document.covariateColumns, covariates: document.covariates,
                tumourInformed: document.tumourInformed),
            className: "patients"))
        </section>

        """
        if !document.survival.isEmpty {
            html += """
            <section id="survival">
            <h2>Survival by molecular response</h2>
            <p class="caption">Each clinical endpoint from the landmark at the second draw: Kaplan-Meier medians of responders \
            (clearance or a fall of at least the response threshold) and non-responders, the log-rank test, and Cox models \
            of the two groups and of the log2 ratio of the response metric (as in survival.tsv; R's survival conventions).</p>
            <div class="panels">
            \(KaplanMeierPlot.panels(curves: document.survivalCurves, rows: document.survival).map { $0.render() }.joined(separator: "\n"))
            </div>
            <p class="caption">Each paired patient from the landmark: a bar to progression (filled circle) or censoring \
            (open circle), coloured by molecular response.</p>
            <div class="panels">
            \(document.survivalPatients.keys.sorted().flatMap { endpoint in
                SwimmerPlot.panels(document.survivalPatients[endpoint] ?? [], cohorts: document.cohorts, endpoint: endpoint)
            }.map { $0.render() }.joined(separator: "\n"))
            </div>
            \(HTMLTable.fromTSV(SurvivalTable.tsv(document.survival), className: "survival"))
            </section>

            """
        }
        let exclusions = document.pairExclusions
        html += "<section id=\"exclusions\">\n<h2>Excluded patients</h2>\n"
        if exclusions.isEmpty {
            html += "<p>No patient was excluded.</p>\n"
        } else if document.pairs.count > 1 {
            html += HTMLTable.table(
                header: ["pair", "patient", "cohort", "arm", "reason"],
                rows: exclusions.map { [$0?.description ?? "", $1.patient, $1.cohort, $1.arm, $1.reason] },
                className: "exclusions") + "\n"
        } else {
            html += HTMLTable.table(
                header: ["patient", "cohort", "arm", "reason"],
                rows: exclusions.map { [$1.patient, $1.cohort, $1.arm, $1.reason] }, className: "exclusions") + "\n"
        }
        html += "</section>\n<section id=\"filters\">\n<h2>Mutation filters</h2>\n"
        html += "<p class=\"caption\">Mutations of all patients by their audit status (the first filter that removed each; <code>kept</code> are in S), and how many of them are annotated as drivers (hotspot or OncoKB Oncogenic).</p>\n"
        html += HTMLTable.table(
            header: ["status", "mutations", "annotated drivers"],
            rows: document.filterCounts.map { [$0.status.rawValue, String($0.count), String($0.annotatedDrivers)] },
            className: "filters") + "\n"
        html += "</section>\n<section id=\"parameters\">\n<h2>Parameters</h2>\n"
        html += HTMLTable.table(
            header: ["parameter", "value", "meaning"],
            rows: document.parameters.map { [$0.name, $0.value, $0.description] }, className: "parameters") + "\n"
        html += "</section>\n<section id=\"inputs\">\n<h2>Tool and inputs</h2>\n"
        html += "<p>\(escape(document.toolName)) version <b>\(escape(document.version))</b></p>\n"
        html += "<p>Command line: <code>\(escape(shellWords(document.commandLine)))</code></p>\n"
        if !document.shardCommandLines.isEmpty {
            html += "<p>Merged from \(document.shardCommandLines.count) shards, run as:</p>\n<ul class=\"shards mono\">\n"
            for line in document.shardCommandLines { html += "<li><code>\(escape(shellWords(line)))</code></li>\n" }
            html += "</ul>\n"
        }
        html += HTMLTable.table(
            header: ["role", "path", "bytes", "sha256"],
            rows: document.inputs.map { [$0.role, $0.path, String($0.byteCount), $0.sha256] }, className: "inputs mono") + "\n"
        return html + "</section>\n"
    }

    /// Arguments joined with spaces; an argument with spaces or shell characters is single-quoted.
    static func shellWords(_ arguments: [String]) -> String {
        arguments.map { argument in
            let plain = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
            return plain ? argument : "'" + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }.joined(separator: " ")
    }

    /// Escapes text for HTML.
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
}
